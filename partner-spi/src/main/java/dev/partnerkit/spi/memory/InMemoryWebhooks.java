package dev.partnerkit.spi.memory;

import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.internal.Checks;
import dev.partnerkit.spi.DeliveryAttempt;
import dev.partnerkit.spi.DeliveryQuery;
import dev.partnerkit.spi.DeliveryStatus;
import dev.partnerkit.spi.ImmutableWebhookDelivery;
import dev.partnerkit.spi.ImmutableWebhookSubscription;
import dev.partnerkit.spi.VersionConflictException;
import dev.partnerkit.spi.WebhookDelivery;
import dev.partnerkit.spi.WebhookStore;
import dev.partnerkit.spi.WebhookSubscription;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The in-memory {@link WebhookStore}: its rows are kept here, per tenant, and every change goes through the
 * {@link Ledger} of the {@link InMemoryStorage} it belongs to, so it joins that storage's units of work and undo log.
 * Units of work run one at a time, so a claim never meets another open claim.
 */
final class InMemoryWebhooks implements WebhookStore {
  static final String SUBSCRIPTION = "webhook_subscription";
  static final String DELIVERY = "webhook_delivery";
  static final String ATTEMPT = "webhook_attempt";

  private static final Comparator<WebhookDelivery> DUE = Comparator.comparing(WebhookDelivery::nextAttemptAt)
      .thenComparing(d -> d.tenantId().value()).thenComparing(WebhookDelivery::deliveryId);
  private static final Comparator<WebhookDelivery> CREATED = Comparator.comparing(WebhookDelivery::createdAt)
      .thenComparing(WebhookDelivery::deliveryId);
  private static final Comparator<DeliveryAttempt> SENT = Comparator.comparing(DeliveryAttempt::attemptedAt)
      .thenComparing(DeliveryAttempt::deliveryId).thenComparingInt(DeliveryAttempt::attempt);

  private final Ledger ledger;
  /** Guarded by the storage's lock. */
  private final Map<TenantId, Rows> rows = new HashMap<>();

  InMemoryWebhooks(Ledger ledger) {
    this.ledger = ledger;
  }

  /** One tenant's rows. */
  private static final class Rows {
    final TreeMap<String, WebhookSubscription> subscriptions = new TreeMap<>();
    final TreeMap<String, WebhookDelivery> deliveries = new TreeMap<>();
    final Map<String, String> deliveryOfEvent = new HashMap<>();
    final TreeMap<String, DeliveryAttempt> attempts = new TreeMap<>();
  }

  private Rows rowsFor(TenantId tenantId) {
    return rows.computeIfAbsent(tenantId, t -> new Rows());
  }

  private <T> T readTenant(TenantId tenantId, T none, Function<Rows, T> query) {
    Checks.required("tenantId", tenantId);
    return ledger.read(() -> {
      Rows r = rows.get(tenantId);
      return r == null ? none : query.apply(r);
    });
  }

  private static String attemptKey(String deliveryId, int attempt) {
    return deliveryId + "\u001f" + String.format("%010d", attempt);
  }

  @Override
  public void insertSubscription(WebhookSubscription subscription) {
    Checks.required("subscription", subscription);
    ledger.write(() -> {
      Rows r = rowsFor(subscription.tenantId());
      if (subscription.version() != 0 || r.subscriptions.containsKey(subscription.subscriptionId())) {
        throw VersionConflictException.duplicate(SUBSCRIPTION, subscription.subscriptionId());
      }
      ledger.put(r.subscriptions, subscription.subscriptionId(), subscription);
    });
  }

  @Override
  public void updateSubscription(WebhookSubscription subscription) {
    Checks.required("subscription", subscription);
    ledger.write(() -> {
      Rows r = rowsFor(subscription.tenantId());
      long expected = subscription.version() - 1;
      WebhookSubscription stored = r.subscriptions.get(subscription.subscriptionId());
      if (stored == null || stored.version() != expected || !stored.principalId().equals(subscription.principalId())
          || !stored.partnerId().equals(subscription.partnerId())) {
        throw VersionConflictException.stale(SUBSCRIPTION, subscription.subscriptionId(), expected);
      }
      ledger.put(r.subscriptions, subscription.subscriptionId(), subscription);
    });
  }

  @Override
  public Optional<WebhookSubscription> findSubscription(TenantId tenantId, String subscriptionId) {
    Checks.required("subscriptionId", subscriptionId);
    return readTenant(tenantId, Optional.empty(), r -> Optional.ofNullable(r.subscriptions.get(subscriptionId)));
  }

  @Override
  public List<WebhookSubscription> subscriptions(TenantId tenantId, DeliveryQuery query) {
    Checks.required("query", query);
    return readTenant(tenantId, List.of(), r -> r.subscriptions.values().stream()
        .filter(s -> query.partnerId().map(s.partnerId()::equals).orElse(true))
        .filter(s -> query.subscriptionId().map(s.subscriptionId()::equals).orElse(true))
        .limit(query.limit()).toList());
  }

  @Override
  public WebhookSubscription countOutcome(TenantId tenantId, String subscriptionId, boolean succeeded, Instant at) {
    Checks.required("tenantId", tenantId);
    Checks.required("subscriptionId", subscriptionId);
    Checks.required("at", at);
    Object[] out = new Object[1];
    ledger.write(() -> {
      Rows r = rowsFor(tenantId);
      WebhookSubscription stored = r.subscriptions.get(subscriptionId);
      if (stored == null) {
        throw VersionConflictException.stale(SUBSCRIPTION, subscriptionId, 0);
      }
      ImmutableWebhookSubscription next = ImmutableWebhookSubscription.copyOf(stored)
          .withVersion(stored.version() + 1);
      next = succeeded ? next.withConsecutiveFailures(0).withFailingSince(Optional.empty())
          : next.withConsecutiveFailures(stored.consecutiveFailures() + 1)
              .withFailingSince(Optional.of(stored.failingSince().orElse(at)));
      ledger.put(r.subscriptions, subscriptionId, next);
      out[0] = next;
    });
    return (WebhookSubscription) out[0];
  }

  @Override
  public List<TenantId> tenantsWithPendingEvents(int limit) {
    Checks.check(limit >= 1 && limit <= DeliveryQuery.MAX_LIMIT, "limit",
        "limit must be between 1 and " + DeliveryQuery.MAX_LIMIT + ", but was " + limit);
    return ledger.read(() -> ledger.tenantsWithPendingEvents(limit));
  }

  @Override
  public void insertDelivery(WebhookDelivery delivery) {
    Checks.required("delivery", delivery);
    ledger.write(() -> {
      Rows r = rowsFor(delivery.tenantId());
      String eventKey = delivery.subscriptionId() + "\u001f" + delivery.outboxEventId();
      if (delivery.version() != 0 || r.deliveries.containsKey(delivery.deliveryId())
          || r.deliveryOfEvent.containsKey(eventKey)) {
        throw VersionConflictException.duplicate(DELIVERY, delivery.deliveryId());
      }
      ledger.put(r.deliveries, delivery.deliveryId(), delivery);
      ledger.put(r.deliveryOfEvent, eventKey, delivery.deliveryId());
    });
  }

  @Override
  public List<WebhookDelivery> claimDue(Instant now, String relayId, Instant leaseUntil, int limit) {
    Checks.required("now", now);
    Checks.identifier("relayId", relayId);
    Checks.required("leaseUntil", leaseUntil);
    Checks.check(leaseUntil.isAfter(now), "leaseUntil", "leaseUntil must be after now " + now + ", but was "
        + leaseUntil);
    Checks.check(limit >= 1 && limit <= DeliveryQuery.MAX_LIMIT, "limit",
        "limit must be between 1 and " + DeliveryQuery.MAX_LIMIT + ", but was " + limit);
    List<WebhookDelivery> claimed = new ArrayList<>();
    ledger.write(() -> {
      List<WebhookDelivery> due = new ArrayList<>();
      for (Rows r : rows.values()) {
        for (WebhookDelivery d : r.deliveries.values()) {
          WebhookSubscription s = r.subscriptions.get(d.subscriptionId());
          if (d.status() == DeliveryStatus.PENDING && !d.nextAttemptAt().isAfter(now)
              && d.leaseUntil().map(u -> !u.isAfter(now)).orElse(true) && s != null && s.enabled()) {
            due.add(d);
          }
        }
      }
      due.sort(DUE);
      for (WebhookDelivery d : due.subList(0, Math.min(limit, due.size()))) {
        WebhookDelivery leased = ImmutableWebhookDelivery.copyOf(d).withLeaseOwner(relayId)
            .withLeaseUntil(leaseUntil).withVersion(d.version() + 1);
        ledger.put(rowsFor(d.tenantId()).deliveries, d.deliveryId(), leased);
        claimed.add(leased);
      }
    });
    return List.copyOf(claimed);
  }

  @Override
  public void updateDelivery(WebhookDelivery delivery) {
    Checks.required("delivery", delivery);
    ledger.write(() -> {
      Rows r = rowsFor(delivery.tenantId());
      long expected = delivery.version() - 1;
      WebhookDelivery stored = r.deliveries.get(delivery.deliveryId());
      if (stored == null || stored.version() != expected
          || !stored.subscriptionId().equals(delivery.subscriptionId())
          || !stored.outboxEventId().equals(delivery.outboxEventId())) {
        throw VersionConflictException.stale(DELIVERY, delivery.deliveryId(), expected);
      }
      ledger.put(r.deliveries, delivery.deliveryId(), delivery);
    });
  }

  @Override
  public Optional<WebhookDelivery> findDelivery(TenantId tenantId, String deliveryId) {
    Checks.required("deliveryId", deliveryId);
    return readTenant(tenantId, Optional.empty(), r -> Optional.ofNullable(r.deliveries.get(deliveryId)));
  }

  @Override
  public List<WebhookDelivery> deliveries(TenantId tenantId, DeliveryQuery query) {
    Checks.required("query", query);
    return readTenant(tenantId, List.of(), r -> r.deliveries.values().stream()
        .filter(d -> query.partnerId().map(d.partnerId()::equals).orElse(true))
        .filter(d -> query.subscriptionId().map(d.subscriptionId()::equals).orElse(true))
        .filter(d -> query.deliveryId().map(d.deliveryId()::equals).orElse(true))
        .filter(d -> query.inWindow(d.createdAt()))
        .sorted(CREATED).limit(query.limit()).toList());
  }

  @Override
  public void appendAttempt(DeliveryAttempt attempt) {
    Checks.required("attempt", attempt);
    ledger.write(() -> {
      Rows r = rowsFor(attempt.tenantId());
      String key = attemptKey(attempt.deliveryId(), attempt.attempt());
      if (r.attempts.containsKey(key)) {
        throw VersionConflictException.duplicate(ATTEMPT, attempt.deliveryId() + "/" + attempt.attempt());
      }
      ledger.put(r.attempts, key, attempt);
    });
  }

  @Override
  public List<DeliveryAttempt> attempts(TenantId tenantId, DeliveryQuery query) {
    Checks.required("query", query);
    return readTenant(tenantId, List.of(), r -> r.attempts.values().stream()
        .filter(a -> query.partnerId().map(a.partnerId()::equals).orElse(true))
        .filter(a -> query.subscriptionId().map(a.subscriptionId()::equals).orElse(true))
        .filter(a -> query.deliveryId().map(a.deliveryId()::equals).orElse(true))
        .filter(a -> query.inWindow(a.attemptedAt()))
        .sorted(SENT).limit(query.limit()).toList());
  }
}
