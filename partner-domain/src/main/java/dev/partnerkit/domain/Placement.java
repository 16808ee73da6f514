package dev.partnerkit.domain;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;
import jakarta.validation.constraints.NotNull;

/**
 * Where a record sits: always in one occasion, and optionally in one event, on one single resource (an exact artifact
 * version, a job), with one partner, and under a parent record. Grant scope is checked against the placement, so a
 * record with no event is outside every event-narrowed grant.
 */
@Value.Immutable
@JsonSerialize(as = ImmutablePlacement.class)
@JsonDeserialize(as = ImmutablePlacement.class)
public abstract class Placement {
  /** @return the occasion */
  @NotNull(message = "occasionId is required")
  public abstract OccasionId occasionId();

  /** @return the event, when the record belongs to one */
  public abstract Optional<EventId> eventId();

  /** @return the single resource, when the record is about one */
  public abstract Optional<ResourceId> resourceId();

  /** @return the partner the record is with (assigned to, or created by); partners see only their own records */
  public abstract Optional<PartnerId> partnerId();

  /** @return the parent record (a comment's thread, an item's run-of-show), when there is one */
  public abstract Optional<RecordRef> parent();

  /** @return a new builder */
  public static ImmutablePlacement.Builder builder() {
    return ImmutablePlacement.builder();
  }

  /** @return a placement in {@code occasionId} only */
  public static Placement inOccasion(OccasionId occasionId) {
    return builder().occasionId(occasionId).build();
  }
}
