package dev.partnerkit.spi;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.DataClass;
import dev.partnerkit.domain.EventId;
import dev.partnerkit.domain.IntegrationPrincipalId;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.ResourceId;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.internal.Checks;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One outbox event on its way to one subscription: the unit a relay claims. Its {@link #deliveryId()} is the
 * Standard Webhooks {@code webhook-id}, the same on every attempt and replay. A relay claims a due delivery by taking
 * a lease ({@link #leaseOwner()}, {@link #leaseUntil()}), which raises the version; it ends the attempt by updating
 * the delivery at that version, so a relay whose lease was taken over can never record a second outcome.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableWebhookDelivery.class)
@JsonDeserialize(as = ImmutableWebhookDelivery.class)
public abstract class WebhookDelivery {
  /** @return the tenant */
  public abstract TenantId tenantId();

  /** @return the delivery's id, sent as {@code webhook-id} */
  public abstract String deliveryId();

  /** @return the subscription */
  public abstract String subscriptionId();

  /** @return the principal the subscription is for */
  public abstract IntegrationPrincipalId principalId();

  /** @return the principal's partner */
  public abstract PartnerId partnerId();

  /** @return the outbox event delivered */
  public abstract String outboxEventId();

  /** @return the event type */
  public abstract String eventType();

  /** @return the occasion of the event */
  public abstract OccasionId occasionId();

  /** @return the event (of the occasion) it is about, if any */
  public abstract Optional<EventId> eventId();

  /** @return the single resource it is about, if any */
  public abstract Optional<ResourceId> resourceId();

  /** @return the class of data it carries */
  public abstract DataClass dataClass();

  /** @return the request body, JSON */
  public abstract String payload();

  /** @return where it stands */
  public abstract DeliveryStatus status();

  /** @return attempts made in all (the attempt log's numbering) */
  @Value.Default
  public int attempts() {
    return 0;
  }

  /** @return attempts made since it was created or last replayed (the schedule's position) */
  @Value.Default
  public int runAttempts() {
    return 0;
  }

  /** @return when it is due next (meaningful while pending) */
  public abstract Instant nextAttemptAt();

  /** @return the relay holding the lease */
  public abstract Optional<String> leaseOwner();

  /** @return the end of the lease; set together with {@link #leaseOwner()} */
  public abstract Optional<Instant> leaseUntil();

  /** @return when it was created (fan-out) */
  public abstract Instant createdAt();

  /** @return when it was last attempted */
  public abstract Optional<Instant> lastAttemptAt();

  /** @return optimistic-locking version, raised by one at every change (a claim too) */
  @Value.Default
  public long version() {
    return 0;
  }

  @Value.Check
  protected void check() {
    Checks.identifier("deliveryId", deliveryId());
    Checks.identifier("subscriptionId", subscriptionId());
    Checks.identifier("outboxEventId", outboxEventId());
    Checks.check(eventType().length() <= 64 && OutboxEvent.isEventType(eventType()), "eventType",
        "eventType must be a dotted lower-case event name, but was " + Checks.show(eventType()));
    Checks.text("payload", payload(), OutboxEvent.MAX_PAYLOAD_LENGTH * 2);
    Checks.check(attempts() >= runAttempts() && runAttempts() >= 0, "runAttempts",
        "runAttempts must be between 0 and attempts " + attempts() + ", but was " + runAttempts());
    leaseOwner().ifPresent(o -> Checks.identifier("leaseOwner", o));
    Checks.nonNegative("version", version());
  }

  /** @return a new builder */
  public static ImmutableWebhookDelivery.Builder builder() {
    return ImmutableWebhookDelivery.builder();
  }
}
