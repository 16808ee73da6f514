package dev.partnerkit.policy.surface.documents;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.internal.Checks;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The body of a partner document record ({@code PartnerDocument}): its title, kind and description. The files are its
 * versions ({@code document_version} records under it); its links to an Event, job or proposal are kernel links
 * ({@code DocumentLink}); status, partner and event placement live in the kernel record.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableDocumentBody.class)
@JsonDeserialize(as = ImmutableDocumentBody.class)
public abstract class DocumentBody {
  /** @return a short title, e.g. "Reception floor plan" */
  public abstract String title();

  /** @return what the document is */
  public abstract DocumentKind kind();

  /** @return details, if any */
  public abstract Optional<String> description();

  @Value.Check
  protected void check() {
    Checks.text("title", title(), Checks.MAX_NAME_LENGTH);
    description().ifPresent(d -> Checks.text("description", d, Checks.MAX_TEXT_LENGTH));
  }

  /** @return a new builder */
  public static ImmutableDocumentBody.Builder builder() {
    return ImmutableDocumentBody.builder();
  }
}
