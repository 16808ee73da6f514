package dev.partnerkit.policy.surface.documents;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.EventId;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What a partner fills in to add a document of its own to the session's occasion: what it is and, optionally, the
 * event it belongs under (which the partner's grant must cover). Links to an Event, job or proposal are the
 * operator's to make.
 */
@Value.Immutable
@JsonSerialize(as = ImmutablePartnerDocumentDraft.class)
@JsonDeserialize(as = ImmutablePartnerDocumentDraft.class)
public abstract class PartnerDocumentDraft {
  /** @return the event the document sits under, if any */
  public abstract Optional<EventId> eventId();

  /** @return a short title */
  public abstract String title();

  /** @return what it is */
  public abstract DocumentKind kind();

  /** @return details, if any */
  public abstract Optional<String> description();

  @Value.Check
  protected void check() {
    body();
  }

  /** @return the document body this draft describes */
  public DocumentBody body() {
    return DocumentBody.builder().title(title()).kind(kind()).description(description()).build();
  }

  /** @return a new builder */
  public static ImmutablePartnerDocumentDraft.Builder builder() {
    return ImmutablePartnerDocumentDraft.builder();
  }
}
