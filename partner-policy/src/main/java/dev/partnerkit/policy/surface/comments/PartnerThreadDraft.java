package dev.partnerkit.policy.surface.comments;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.EventId;
import dev.partnerkit.domain.internal.Checks;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What a partner fills in to start a thread in its session: what it is about and its title. A thread about one of
 * the partner's records sits at that record's placement; a thread about an Event sits at that Event; a job or
 * proposal thread at the event given, if any (the partner's grant must cover it).
 */
@Value.Immutable
@JsonSerialize(as = ImmutablePartnerThreadDraft.class)
@JsonDeserialize(as = ImmutablePartnerThreadDraft.class)
public abstract class PartnerThreadDraft {
  /** @return what the thread is about */
  public abstract ThreadSubject subject();

  /** @return the title */
  public abstract String title();

  /** @return the event a job or proposal thread sits at, if any */
  public abstract Optional<EventId> eventId();

  @Value.Check
  protected void check() {
    ThreadBody.of(title());
    Checks.check(eventId().isEmpty() || !subject().aboutRecord() && !"event".equals(subject().kind()), "eventId",
        "eventId is only for a thread about a job or proposal");
  }

  /** @return a new builder */
  public static ImmutablePartnerThreadDraft.Builder builder() {
    return ImmutablePartnerThreadDraft.builder();
  }
}
