package dev.partnerkit.policy.surface.documents;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.EventId;
import dev.partnerkit.domain.Surface;
import dev.partnerkit.domain.internal.Checks;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * The path templates of a document's operator navigation ({@link DocumentContext}): where the host mounts its Event
 * workspace, the partner document source, its evidence view, the operator task that attaches Event identity, and the
 * partner workspace. Templates are host-relative paths (they start with {@code /}) and may hold the placeholders
 * {@code {eventId}} and {@code {documentId}}, filled in URL-encoded. The defaults are the seed's:
 *
 * <pre>
 * eventHref      /events/{eventId}
 * sourceHref     /api/v1/partners/documents
 * proofHref      /api/v1/partners/documents?view=evidence
 * actionHref     /partners?view=documents
 * fallbackHref   /partners, or /partners?eventId={eventId} while an Event is selected (alias workspaceHref)
 * </pre>
 */
@Value.Immutable
@JsonSerialize(as = ImmutableDocumentPaths.class)
@JsonDeserialize(as = ImmutableDocumentPaths.class)
public abstract class DocumentPaths {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]*)\\}");

  /** @return the operator Event workspace, with {@code {eventId}} */
  @Value.Default
  public String event() {
    return "/events/{eventId}";
  }

  /** @return the canonical internal partner document source */
  @Value.Default
  public String source() {
    return Surface.DOCUMENTS.internalPath();
  }

  /** @return the document-link and access-grant evidence */
  @Value.Default
  public String proof() {
    return Surface.DOCUMENTS.internalPath() + "?view=evidence";
  }

  /** @return the exact operator task that attaches Event identity */
  @Value.Default
  public String action() {
    return "/partners?view=documents";
  }

  /** @return the internal partner workspace when no Event is selected */
  @Value.Default
  public String workspace() {
    return "/partners";
  }

  /** @return the internal partner workspace preserving the selected Event, with {@code {eventId}} */
  @Value.Default
  public String workspaceForEvent() {
    return "/partners?eventId={eventId}";
  }

  @Value.Check
  protected void check() {
    template("event", event(), true);
    template("source", source(), false);
    template("proof", proof(), false);
    template("action", action(), false);
    template("workspace", workspace(), false);
    template("workspaceForEvent", workspaceForEvent(), true);
  }

  private static void template(String field, String template, boolean needsEvent) {
    Checks.text(field, template, 1000);
    Checks.check(template.startsWith("/") && !template.startsWith("//"), field,
        field + " must be a host-relative path starting with a single /, but was " + Checks.show(template));
    Checks.check(template.chars().noneMatch(Character::isWhitespace), field,
        field + " must not contain whitespace, but was " + Checks.show(template));
    Matcher m = PLACEHOLDER.matcher(template);
    boolean event = false;
    while (m.find()) {
      Checks.check(m.group(1).equals("eventId") || m.group(1).equals("documentId"), field,
          field + " may only hold the placeholders {eventId} and {documentId}, but had {" + m.group(1) + "}");
      event |= m.group(1).equals("eventId");
    }
    Checks.check(!needsEvent || event, field, field + " must hold {eventId}, but was " + Checks.show(template));
    Checks.check(needsEvent || !event, field, field + " is used without an Event and must not hold {eventId}");
  }

  /** @return the default templates */
  public static DocumentPaths defaults() {
    return builder().build();
  }

  /** @return a new builder; every template has its default */
  public static ImmutableDocumentPaths.Builder builder() {
    return ImmutableDocumentPaths.builder();
  }

  static String fill(String template, DocumentId documentId, @Nullable EventId eventId) {
    String out = template.replace("{documentId}", encode(documentId.value()));
    return eventId == null ? out : out.replace("{eventId}", encode(eventId.value()));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
