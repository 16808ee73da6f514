package dev.partnerkit.spi;

import dev.partnerkit.domain.Visibility;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.EventId;
import dev.partnerkit.domain.RecordRef;
import dev.partnerkit.domain.ResourceId;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.internal.Checks;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/** One row of the activity timeline. Ordered by {@link #occurredAt()}, then {@link #entryId()}. */
@Value.Immutable
@JsonSerialize(as = ImmutableActivityEntry.class)
@JsonDeserialize(as = ImmutableActivityEntry.class)
public abstract class ActivityEntry {
  /** @return the entry's id, unique in the tenant */
  public abstract String entryId();

  /** @return the tenant */
  public abstract TenantId tenantId();

  /** @return the occasion */
  public abstract OccasionId occasionId();

  /** @return the partner the entry concerns; partner-visible entries are shown to that partner only */
  public abstract Optional<PartnerId> partnerId();

  /** @return the event the entry concerns (the record's event), if any; partner reads filter by it like listings */
  public abstract Optional<EventId> eventId();

  /** @return the single resource the entry concerns, if any */
  public abstract Optional<ResourceId> resourceId();

  /** @return the kernel record the entry concerns, if any */
  public abstract Optional<RecordRef> record();

  /** @return the event type the entry reports, the same as its outbox event's, e.g. {@code partner_task.moved} */
  public abstract String eventType();

  /** @return where the entry comes from */
  public abstract ActivityKind kind();

  /** @return who may see it */
  public abstract Visibility visibility();

  /** @return who did it, e.g. "Dana (member of partner p-acme)" */
  public abstract String actorLabel();

  /** @return what happened, in plain words */
  public abstract String summary();

  /** @return when it happened */
  public abstract Instant occurredAt();

  @Value.Check
  protected void check() {
    Checks.identifier("entryId", entryId());
    Checks.check(eventType().length() <= 64 && OutboxEvent.isEventType(eventType()), "eventType",
        "eventType must be a dotted lower-case event name like partner_task.moved, but was "
            + Checks.show(eventType()));
    Checks.text("actorLabel", actorLabel(), Checks.MAX_NAME_LENGTH);
    Checks.text("summary", summary(), Checks.MAX_TEXT_LENGTH);
  }

  /** @return a new builder */
  public static ImmutableActivityEntry.Builder builder() {
    return ImmutableActivityEntry.builder();
  }
}
