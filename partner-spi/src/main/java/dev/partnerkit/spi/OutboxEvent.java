package dev.partnerkit.spi;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.DataClass;
import dev.partnerkit.domain.Placement;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.internal.Checks;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * A domain event waiting in the transactional outbox for delivery (e.g. to integration principals' webhooks),
 * written in the same unit of work as the change it reports.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableOutboxEvent.class)
@JsonDeserialize(as = ImmutableOutboxEvent.class)
public abstract class OutboxEvent {
  private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+");
  /** Longest payload, in characters. */
  public static final int MAX_PAYLOAD_LENGTH = 64_000;

  /** @return the event's id, unique in the tenant */
  public abstract String eventId();

  /** @return the tenant */
  public abstract TenantId tenantId();

  /** @return the event type, e.g. {@code partner_task.moved} */
  public abstract String type();

  /** @return the id of the record the event is about */
  public abstract String aggregateId();

  /** @return the JSON payload */
  public abstract String payload();

  /** @return when it happened */
  public abstract Instant occurredAt();

  /**
   * @return where the event's resource sits (occasion, and optionally event, single resource and partner; never a
   *     parent): present for business events and record events, which webhooks deliver
   */
  public abstract Optional<Placement> placement();

  /** @return the class of data the event carries; an event is delivered as a webhook only when it names one */
  public abstract Optional<DataClass> dataClass();

  /** @return when it was handed to delivery; empty while pending */
  public abstract Optional<Instant> publishedAt();

  @Value.Check
  protected void check() {
    Checks.identifier("eventId", eventId());
    Checks.identifier("aggregateId", aggregateId());
    Checks.check(type().length() <= 64 && TYPE.matcher(type()).matches(), "type",
        "type must be a dotted lower-case event name like partner_task.moved, but was " + Checks.show(type()));
    Checks.text("payload", payload(), MAX_PAYLOAD_LENGTH);
    Checks.check(placement().map(p -> p.parent().isEmpty()).orElse(true), "placement.parent",
        "placement.parent must be empty for an outbox event");
    Checks.check(dataClass().isEmpty() || placement().isPresent(), "placement",
        "placement is required for an event that names a data class");
  }

  /** @return whether {@code type} is a dotted lower-case event name like {@code partner_task.moved} */
  public static boolean isEventType(String type) {
    return type != null && TYPE.matcher(type).matches();
  }

  /** @return a new builder */
  public static ImmutableOutboxEvent.Builder builder() {
    return ImmutableOutboxEvent.builder();
  }
}
