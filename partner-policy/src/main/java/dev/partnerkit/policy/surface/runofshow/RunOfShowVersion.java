package dev.partnerkit.policy.surface.runofshow;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.EventId;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.RecordRef;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.spi.TypedRecord;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One run-of-show version as hosts read it: its number, status, zone and items, as proposed. Approvals of it go
 * through the approvals surface, pinned to {@link #ref()}.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableRunOfShowVersion.class)
@JsonDeserialize(as = ImmutableRunOfShowVersion.class)
public abstract class RunOfShowVersion {
  /** @return the version */
  public abstract RunOfShowVersionId versionId();

  /** @return the run of show it is a version of */
  public abstract RunOfShowId runOfShowId();

  /** @return the tenant */
  public abstract TenantId tenantId();

  /** @return the occasion */
  public abstract OccasionId occasionId();

  /** @return the event, if any */
  public abstract Optional<EventId> eventId();

  /** @return the partner whose timeline it is */
  public abstract PartnerId partnerId();

  /** @return its number, from 1 */
  public abstract int versionNumber();

  /** @return proposed, published, declined or withdrawn */
  public abstract RunOfShowVersionStatus status();

  /** @return the zone its items' times are in */
  public abstract ZoneId zone();

  /** @return the items */
  public abstract List<RunOfShowItem> items();

  /** @return what changed, if said */
  public abstract Optional<String> summary();

  /** @return the actor key of its proposer */
  public abstract String proposedBy();

  /** @return when it was proposed */
  public abstract Instant proposedAt();

  /** @return optimistic-locking version of the record */
  public abstract long version();

  /** @return the version as a kernel record reference: what approvals and annotations pin */
  public RecordRef ref() {
    return RunsOfShow.VERSION.ref(versionId().value());
  }

  /** @return when {@code item} starts, in this version's zone (an ambiguous local time takes the earlier offset) */
  public ZonedDateTime startOf(RunOfShowItem item) {
    return ZonedDateTime.of(item.startsAt(), zone());
  }

  /** @return when {@code item} ends, in this version's zone */
  public Optional<ZonedDateTime> endOf(RunOfShowItem item) {
    return item.endsAt().map(end -> ZonedDateTime.of(end, zone()));
  }

  /** @return the view of a run-of-show version record */
  public static RunOfShowVersion of(TypedRecord<RunOfShowVersionBody, RunOfShowVersionStatus> record) {
    RunOfShowVersionBody body = record.body();
    return ImmutableRunOfShowVersion.builder().versionId(RunOfShowVersionId.of(record.id()))
        .runOfShowId(RunOfShowId.of(record.placement().parent().orElseThrow().id())).tenantId(record.tenantId())
        .occasionId(record.placement().occasionId()).eventId(record.placement().eventId())
        .partnerId(record.placement().partnerId().orElseThrow(() -> new IllegalStateException(
            "run-of-show version " + record.id() + " has no partner")))
        .versionNumber(body.versionNumber()).status(record.status()).zone(body.zone()).items(body.items())
        .summary(body.summary()).proposedBy(record.createdBy()).proposedAt(record.createdAt())
        .version(record.version()).build();
  }
}
