package dev.partnerkit.policy.surface.documents;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.EventId;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.Visibility;
import dev.partnerkit.domain.internal.Checks;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * What an operator fills in to register a partner document before (or after) the partner uploads it: where it sits
 * (occasion, maybe an event, the partner it is with), what it is, and optionally its first links. The event of the
 * placement decides which grants reach the document; its Event identity comes only from an exact link.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableDocumentDraft.class)
@JsonDeserialize(as = ImmutableDocumentDraft.class)
public abstract class DocumentDraft {
  /** Most links a draft may make. */
  public static final int MAX_LINKS = 50;

  /** @return the occasion */
  public abstract OccasionId occasionId();

  /** @return the event whose grants reach the document, if any (not its Event identity: that is a link) */
  public abstract Optional<EventId> eventId();

  /** @return the partner the document is with; empty for an operators' own document */
  public abstract Optional<PartnerId> partnerId();

  /** @return a short title */
  public abstract String title();

  /** @return what it is */
  public abstract DocumentKind kind();

  /** @return details, if any */
  public abstract Optional<String> description();

  /** @return who may see it; default partner-visible (to the partner it is with) */
  @Value.Default
  public Visibility visibility() {
    return Visibility.PARTNER_VISIBLE;
  }

  /** @return the Events, jobs or proposals to link it to right away */
  public abstract Set<DocumentLinkTarget> links();

  @Value.Check
  protected void check() {
    Checks.maxSize("links", links(), MAX_LINKS);
    body();
  }

  /** @return the document body this draft describes */
  public DocumentBody body() {
    return DocumentBody.builder().title(title()).kind(kind()).description(description()).build();
  }

  /** @return a new builder */
  public static ImmutableDocumentDraft.Builder builder() {
    return ImmutableDocumentDraft.builder();
  }
}
