package dev.partnerkit.spi;

import dev.partnerkit.domain.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Webhook subscriptions, deliveries and the delivery log, in typed tables. Subscriptions and deliveries are versioned
 * ({@code insert} at version 0, {@code update} at the stored version plus one, a stale version throws
 * {@link VersionConflictException}). {@link #claimDue} is the relay's claim: it works across tenants and never hands
 * one delivery to two relays while a lease holds (PostgreSQL: {@code for update skip locked}; every store: the claim
 * raises the version, so only one claimant wins).
 */
public interface WebhookStore {
  /** @throws VersionConflictException when the tenant has a subscription with that id, or the version is not 0 */
  void insertSubscription(WebhookSubscription subscription);

  /** @throws VersionConflictException when the stored version is not the given one minus one */
  void updateSubscription(WebhookSubscription subscription);

  /** @return the subscription, if the tenant has it */
  Optional<WebhookSubscription> findSubscription(TenantId tenantId, String subscriptionId);

  /** @return the tenant's subscriptions, by id; only the partner's when {@code query} names one (its limit applies) */
  List<WebhookSubscription> subscriptions(TenantId tenantId, DeliveryQuery query);

  /**
   * Counts one attempt's outcome against the endpoint, atomically (concurrent relays never lose a count): a success
   * resets {@code consecutiveFailures} and {@code failingSince}; a failure adds one and sets {@code failingSince}
   * if it was empty. Raises the version.
   *
   * @return the subscription as stored afterwards
   * @throws VersionConflictException when the subscription does not exist
   */
  WebhookSubscription countOutcome(TenantId tenantId, String subscriptionId, boolean succeeded, Instant at);

  /** @return up to {@code limit} tenants that have pending outbox events */
  List<TenantId> tenantsWithPendingEvents(int limit);

  /**
   * @throws VersionConflictException when the id is taken or the subscription already has a delivery of that outbox
   *     event (fan-out is idempotent)
   */
  void insertDelivery(WebhookDelivery delivery);

  /**
   * Claims up to {@code limit} pending deliveries of any tenant whose next attempt is due at {@code now}, whose lease
   * (if any) has ended and whose subscription is enabled, oldest due first: each is returned with the lease set to
   * {@code relayId} until {@code leaseUntil} and its version raised by one.
   */
  List<WebhookDelivery> claimDue(Instant now, String relayId, Instant leaseUntil, int limit);

  /** @throws VersionConflictException when the stored version is not the given one minus one */
  void updateDelivery(WebhookDelivery delivery);

  /** @return the delivery, if the tenant has it */
  Optional<WebhookDelivery> findDelivery(TenantId tenantId, String deliveryId);

  /** @return the tenant's deliveries that match, by creation time then id */
  List<WebhookDelivery> deliveries(TenantId tenantId, DeliveryQuery query);

  /** @throws VersionConflictException when that attempt of that delivery is logged already */
  void appendAttempt(DeliveryAttempt attempt);

  /** @return the tenant's delivery log rows that match, by sending time, delivery id and attempt */
  List<DeliveryAttempt> attempts(TenantId tenantId, DeliveryQuery query);
}
