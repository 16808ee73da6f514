package dev.partnerkit.policy.surface.runofshow;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.EventId;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.internal.Checks;
import java.util.Optional;
import org.immutables.value.Value;

/** What an operator fills in to open a run of show for one partner's timeline. */
@Value.Immutable
@JsonSerialize(as = ImmutableRunOfShowDraft.class)
@JsonDeserialize(as = ImmutableRunOfShowDraft.class)
public abstract class RunOfShowDraft {
  /** @return the occasion */
  public abstract OccasionId occasionId();

  /** @return the event, if the timeline is for one */
  public abstract Optional<EventId> eventId();

  /** @return the partner whose timeline it is */
  public abstract PartnerId partnerId();

  /** @return a short title */
  public abstract String title();

  /** @return notes, if any */
  public abstract Optional<String> notes();

  @Value.Check
  protected void check() {
    Checks.text("title", title(), Checks.MAX_NAME_LENGTH);
  }

  /** @return the body this draft describes */
  public RunOfShowBody body() {
    return RunOfShowBody.builder().title(title()).notes(notes()).build();
  }

  /** @return a new builder */
  public static ImmutableRunOfShowDraft.Builder builder() {
    return ImmutableRunOfShowDraft.builder();
  }
}
