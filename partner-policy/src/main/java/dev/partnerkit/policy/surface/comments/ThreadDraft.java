package dev.partnerkit.policy.surface.comments;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.EventId;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.Visibility;
import dev.partnerkit.domain.internal.Checks;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What an operator fills in to start a thread. A thread about a kernel record (a document, a blocker, a task) sits
 * at that record's placement, so occasion, partner and event stay empty. A thread about an Event, job or proposal
 * names its occasion and the partner the conversation is with (none: an operators' thread); an Event thread sits at
 * that Event, a job or proposal thread at the event given, if any.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableThreadDraft.class)
@JsonDeserialize(as = ImmutableThreadDraft.class)
public abstract class ThreadDraft {
  /** @return what the thread is about */
  public abstract ThreadSubject subject();

  /** @return the title */
  public abstract String title();

  /** @return the occasion, for a thread about an Event, job or proposal */
  public abstract Optional<OccasionId> occasionId();

  /** @return the partner the conversation is with, for a thread about an Event, job or proposal */
  public abstract Optional<PartnerId> partnerId();

  /** @return the event a job or proposal thread sits at, if any */
  public abstract Optional<EventId> eventId();

  /** @return who may see it; default partner-visible (to the partner it is with) */
  @Value.Default
  public Visibility visibility() {
    return Visibility.PARTNER_VISIBLE;
  }

  @Value.Check
  protected void check() {
    ThreadBody.of(title());
    if (subject().aboutRecord()) {
      Checks.check(occasionId().isEmpty() && partnerId().isEmpty() && eventId().isEmpty(), "subject",
          "a thread about a " + subject().kind() + " sits at its placement: occasionId, partnerId and eventId must be"
              + " empty");
    } else {
      Checks.check(occasionId().isPresent(), "occasionId", "occasionId is required for a thread about a "
          + subject().kind());
      Checks.check(!"event".equals(subject().kind()) || eventId().isEmpty(), "eventId",
          "an Event thread sits at its Event: eventId must be empty");
    }
  }

  /** @return a new builder */
  public static ImmutableThreadDraft.Builder builder() {
    return ImmutableThreadDraft.builder();
  }
}
