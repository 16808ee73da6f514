package dev.partnerkit.policy.surface.runofshow;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.EventId;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.spi.TypedRecord;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/** A run of show as hosts read it: one partner's timeline for an event; its content lives in its versions. */
@Value.Immutable
@JsonSerialize(as = ImmutableRunOfShow.class)
@JsonDeserialize(as = ImmutableRunOfShow.class)
public abstract class RunOfShow {
  /** @return the run of show */
  public abstract RunOfShowId runOfShowId();

  /** @return the tenant */
  public abstract TenantId tenantId();

  /** @return the occasion */
  public abstract OccasionId occasionId();

  /** @return the event it is the timeline of, if any */
  public abstract Optional<EventId> eventId();

  /** @return the partner whose timeline it is */
  public abstract PartnerId partnerId();

  /** @return a short title */
  public abstract String title();

  /** @return notes, if any */
  public abstract Optional<String> notes();

  /** @return active or archived */
  public abstract RunOfShowStatus status();

  /** @return the actor key of its creator */
  public abstract String createdBy();

  /** @return when it was created */
  public abstract Instant createdAt();

  /** @return optimistic-locking version of the record */
  public abstract long version();

  /** @return the view of a run-of-show record */
  public static RunOfShow of(TypedRecord<RunOfShowBody, RunOfShowStatus> record) {
    return ImmutableRunOfShow.builder().runOfShowId(RunOfShowId.of(record.id())).tenantId(record.tenantId())
        .occasionId(record.placement().occasionId()).eventId(record.placement().eventId())
        .partnerId(record.placement().partnerId().orElseThrow(() -> new IllegalStateException(
            "run of show " + record.id() + " has no partner")))
        .title(record.body().title()).notes(record.body().notes()).status(record.status())
        .createdBy(record.createdBy()).createdAt(record.createdAt()).version(record.version()).build();
  }
}
