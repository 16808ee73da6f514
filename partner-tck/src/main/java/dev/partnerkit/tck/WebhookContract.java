package dev.partnerkit.tck;

import static dev.partnerkit.tck.Fixtures.ACME;
import static dev.partnerkit.tck.Fixtures.OCCASION;
import static dev.partnerkit.tck.Fixtures.RECEPTION;
import static dev.partnerkit.tck.Fixtures.VENUE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnerkit.domain.DataClass;
import dev.partnerkit.domain.IntegrationPrincipalId;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.Placement;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.spi.DeliveryAttempt;
import dev.partnerkit.spi.DeliveryQuery;
import dev.partnerkit.spi.DeliveryStatus;
import dev.partnerkit.spi.ImmutableWebhookDelivery;
import dev.partnerkit.spi.ImmutableWebhookSubscription;
import dev.partnerkit.spi.OutboxEvent;
import dev.partnerkit.spi.WebhookDelivery;
import dev.partnerkit.spi.WebhookStore;
import dev.partnerkit.spi.WebhookSubscription;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The webhook contract: versioned, tenant-bound subscriptions with an atomic failure count; deliveries unique per
 * subscription and outbox event; a claim that works across tenants, takes only due deliveries of enabled
 * subscriptions whose lease has ended, and hands each to one relay; the delivery log keyed by attempt; outbox events
 * that keep their placement and data class; and all of it undone with its unit of work.
 *
 * <p>The relay's claim is across tenants, so on a shared store it could meet other tests' rows: every test here works
 * at instants of its own, each earlier than the last test's, so no earlier leftover is ever due at a later test's
 * {@code now}.
 */
public abstract class WebhookContract extends ContractSupport {
  private static final AtomicLong EPOCHS = new AtomicLong();
  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final String OTHER_SECRET = "whsec_bm90IHRoZSBzYW1lIHNlY3JldCBhdCBhbGwgZm9yIHN1cmU=";
  private static final IntegrationPrincipalId PRINTER = IntegrationPrincipalId.of("ip-inkwell");

  /** The instant this test works at: a day earlier than the previous test's. */
  private Instant base;

  private WebhookStore webhooks() {
    return storage.webhooks();
  }

  @BeforeEach
  void pickBase() {
    base = Instant.parse("2001-01-01T00:00:00Z").minus(Duration.ofDays(EPOCHS.incrementAndGet()))
        .truncatedTo(ChronoUnit.MICROS);
  }

  private Instant at(long seconds) {
    return base.plusSeconds(seconds);
  }

  private WebhookSubscription subscription(TenantId tenant, String id, PartnerId partner) {
    return WebhookSubscription.builder().tenantId(tenant).subscriptionId(id).principalId(PRINTER).partnerId(partner)
        .endpointUrl("https://hooks.example.com/inkwell/" + id).addEventTypes("printable.generated", "x.y")
        .secret(SECRET).createdAt(at(0)).build();
  }

  private WebhookDelivery delivery(TenantId tenant, String id, String subscription, String event, Instant due) {
    return WebhookDelivery.builder().tenantId(tenant).deliveryId(id).subscriptionId(subscription)
        .principalId(PRINTER).partnerId(ACME).outboxEventId(event).eventType("printable.generated")
        .occasionId(OCCASION).eventId(RECEPTION).dataClass(DataClass.PRINT_ASSET)
        .payload("{\"type\":\"printable.generated\"}").status(DeliveryStatus.PENDING).nextAttemptAt(due)
        .createdAt(due).build();
  }

  private DeliveryAttempt attempt(TenantId tenant, String delivery, int n, Instant when) {
    return DeliveryAttempt.builder().tenantId(tenant).deliveryId(delivery).attempt(n).subscriptionId("sub-1")
        .partnerId(ACME).relayId("relay-a").attemptedAt(when).outcome(DeliveryAttempt.Outcome.FAILED)
        .statusCode(503).latencyMillis(12).error("503 Service Unavailable").nextAttemptAt(when.plusSeconds(5))
        .build();
  }

  private List<WebhookDelivery> mine(List<WebhookDelivery> claimed) {
    return claimed.stream().filter(d -> d.tenantId().equals(tenantA) || d.tenantId().equals(tenantB)).toList();
  }

  @Test
  void subscriptionsAreVersionedTenantBoundAndKeptExactly() {
    WebhookSubscription s = subscription(tenantA, "sub-1", ACME);
    webhooks().insertSubscription(s);
    assertEquals(Optional.of(s), webhooks().findSubscription(tenantA, "sub-1"));
    assertConflict("webhook_subscription", "sub-1", () -> webhooks().insertSubscription(s));
    assertEquals(Optional.empty(), webhooks().findSubscription(tenantB, "sub-1"));
    webhooks().insertSubscription(subscription(tenantB, "sub-1", VENUE));

    WebhookSubscription rotated = ImmutableWebhookSubscription.copyOf(s).withSecret(OTHER_SECRET)
        .withPreviousSecret(SECRET).withPreviousSecretUntil(at(3600)).withEnabled(false)
        .withDisabledReason("operator paused it").withVersion(1);
    webhooks().updateSubscription(rotated);
    assertEquals(Optional.of(rotated), webhooks().findSubscription(tenantA, "sub-1"));
    assertConflict("webhook_subscription", "sub-1", () -> webhooks().updateSubscription(rotated));
    assertConflict("webhook_subscription", "sub-1", () -> webhooks().updateSubscription(
        ImmutableWebhookSubscription.copyOf(rotated).withPartnerId(VENUE).withVersion(2)));
    assertEquals(List.of(OTHER_SECRET, SECRET), rotated.signingSecrets(at(3599)));
    assertEquals(List.of(OTHER_SECRET), rotated.signingSecrets(at(3600)));

    webhooks().insertSubscription(subscription(tenantA, "sub-2", VENUE));
    assertEquals(List.of("sub-1", "sub-2"), webhooks().subscriptions(tenantA, DeliveryQuery.builder().build())
        .stream().map(WebhookSubscription::subscriptionId).toList());
    assertEquals(List.of("sub-2"), webhooks().subscriptions(tenantA, DeliveryQuery.builder().partnerId(VENUE)
        .build()).stream().map(WebhookSubscription::subscriptionId).toList());
    assertEquals(PartnerId.of("p-venue"), webhooks().subscriptions(tenantB, DeliveryQuery.builder().build())
        .get(0).partnerId());
  }

  @Test
  void outcomesAreCountedAtomicallyAndASuccessResetsTheRun() {
    webhooks().insertSubscription(subscription(tenantA, "sub-1", ACME));
    WebhookSubscription once = webhooks().countOutcome(tenantA, "sub-1", false, at(10));
    WebhookSubscription twice = webhooks().countOutcome(tenantA, "sub-1", false, at(20));
    assertEquals(1, once.consecutiveFailures());
    assertEquals(2, twice.consecutiveFailures());
    assertEquals(Optional.of(at(10)), twice.failingSince());
    assertEquals(2, twice.version());
    WebhookSubscription reset = webhooks().countOutcome(tenantA, "sub-1", true, at(30));
    assertEquals(0, reset.consecutiveFailures());
    assertEquals(Optional.empty(), reset.failingSince());
    assertEquals(Optional.of(reset), webhooks().findSubscription(tenantA, "sub-1"));
    assertThrows(dev.partnerkit.spi.VersionConflictException.class,
        () -> webhooks().countOutcome(tenantB, "sub-1", false, at(40)));
  }

  @Test
  void aSubscriptionHasOneDeliveryPerOutboxEvent() {
    webhooks().insertSubscription(subscription(tenantA, "sub-1", ACME));
    WebhookDelivery d = delivery(tenantA, "msg_1", "sub-1", "ev-1", at(0));
    webhooks().insertDelivery(d);
    assertEquals(Optional.of(d), webhooks().findDelivery(tenantA, "msg_1"));
    assertConflict("webhook_delivery", "msg_1", () -> webhooks().insertDelivery(d));
    assertConflict("webhook_delivery", "msg_2",
        () -> webhooks().insertDelivery(delivery(tenantA, "msg_2", "sub-1", "ev-1", at(0))));
    webhooks().insertDelivery(delivery(tenantB, "msg_1", "sub-1", "ev-1", at(0)));
    assertEquals(Optional.empty(), webhooks().findDelivery(tenantB, "msg_2"));
  }

  @Test
  void aClaimTakesDueDeliveriesOfEnabledSubscriptionsAcrossTenantsAndHandsEachToOneRelay() {
    webhooks().insertSubscription(subscription(tenantA, "sub-1", ACME));
    webhooks().insertSubscription(subscription(tenantB, "sub-1", ACME));
    webhooks().insertSubscription(ImmutableWebhookSubscription.copyOf(subscription(tenantA, "sub-off", ACME))
        .withEnabled(false));
    webhooks().insertDelivery(delivery(tenantA, "msg_1", "sub-1", "ev-1", at(0)));
    webhooks().insertDelivery(delivery(tenantB, "msg_2", "sub-1", "ev-2", at(1)));
    webhooks().insertDelivery(delivery(tenantA, "msg_later", "sub-1", "ev-3", at(100)));
    webhooks().insertDelivery(delivery(tenantA, "msg_off", "sub-off", "ev-4", at(0)));
    WebhookDelivery delivered = ImmutableWebhookDelivery.copyOf(delivery(tenantA, "msg_done", "sub-1", "ev-5",
        at(0))).withStatus(DeliveryStatus.DELIVERED);
    webhooks().insertDelivery(delivered);

    List<WebhookDelivery> first = mine(tx(() -> webhooks().claimDue(at(10), "relay-a", at(70), 10)));
    assertEquals(List.of("msg_1", "msg_2"), first.stream().map(WebhookDelivery::deliveryId).toList());
    for (WebhookDelivery d : first) {
      assertEquals(Optional.of("relay-a"), d.leaseOwner());
      assertEquals(Optional.of(at(70)), d.leaseUntil());
      assertEquals(1, d.version());
      assertEquals(Optional.of(d), webhooks().findDelivery(d.tenantId(), d.deliveryId()));
    }
    assertEquals(List.of(), mine(webhooks().claimDue(at(20), "relay-b", at(80), 10)), "the lease holds");
    List<WebhookDelivery> taken = mine(webhooks().claimDue(at(70), "relay-b", at(130), 1));
    assertEquals(List.of("msg_1"), taken.stream().map(WebhookDelivery::deliveryId).toList(),
        "an ended lease may be taken over, oldest due first, up to the limit");
    WebhookDelivery stale = ImmutableWebhookDelivery.copyOf(first.get(0)).withLeaseOwner(Optional.empty())
        .withLeaseUntil(Optional.empty()).withStatus(DeliveryStatus.DELIVERED).withVersion(2);
    assertConflict("webhook_delivery", "msg_1", () -> webhooks().updateDelivery(stale));
    WebhookDelivery done = ImmutableWebhookDelivery.copyOf(taken.get(0)).withLeaseOwner(Optional.empty())
        .withLeaseUntil(Optional.empty()).withStatus(DeliveryStatus.DELIVERED).withAttempts(1).withRunAttempts(1)
        .withLastAttemptAt(at(71)).withVersion(3);
    webhooks().updateDelivery(done);
    assertEquals(Optional.of(done), webhooks().findDelivery(tenantA, "msg_1"));
    assertEquals(List.of("msg_2"), mine(webhooks().claimDue(at(200), "relay-c", at(260), 10)).stream()
        .map(WebhookDelivery::deliveryId).filter(id -> !id.equals("msg_later")).toList());
  }

  @Test
  void theDeliveryLogKeepsEachAttemptOnceAndReadsByPartnerSubscriptionAndWindow() {
    DeliveryAttempt one = attempt(tenantA, "msg_1", 1, at(10));
    DeliveryAttempt two = DeliveryAttempt.builder().from(attempt(tenantA, "msg_1", 2, at(20)))
        .outcome(DeliveryAttempt.Outcome.SUCCEEDED).statusCode(204).error(Optional.empty())
        .nextAttemptAt(Optional.empty()).build();
    DeliveryAttempt refused = DeliveryAttempt.builder().from(attempt(tenantA, "msg_2", 1, at(30)))
        .partnerId(VENUE).subscriptionId("sub-2").statusCode(Optional.empty()).error("connection refused").build();
    webhooks().appendAttempt(one);
    webhooks().appendAttempt(two);
    webhooks().appendAttempt(refused);
    assertConflict("webhook_attempt", "msg_1/1", () -> webhooks().appendAttempt(one));
    webhooks().appendAttempt(attempt(tenantB, "msg_1", 1, at(10)));

    assertEquals(List.of(one, two, refused), webhooks().attempts(tenantA, DeliveryQuery.builder().build()));
    assertEquals(List.of(one, two), webhooks().attempts(tenantA, DeliveryQuery.builder().partnerId(ACME).build()));
    assertEquals(List.of(refused), webhooks().attempts(tenantA, DeliveryQuery.builder().subscriptionId("sub-2")
        .build()));
    assertEquals(List.of(two), webhooks().attempts(tenantA, DeliveryQuery.builder().since(at(20)).before(at(30))
        .build()));
    assertEquals(List.of(two), webhooks().attempts(tenantA, DeliveryQuery.builder().deliveryId("msg_1")
        .since(at(11)).build()));
    assertEquals(1, webhooks().attempts(tenantB, DeliveryQuery.builder().build()).size());
  }

  @Test
  void deliveriesReadByWindowAndPartner() {
    webhooks().insertDelivery(delivery(tenantA, "msg_1", "sub-1", "ev-1", at(0)));
    webhooks().insertDelivery(delivery(tenantA, "msg_2", "sub-1", "ev-2", at(5)));
    webhooks().insertDelivery(delivery(tenantA, "msg_3", "sub-1", "ev-3", at(9)));
    assertEquals(List.of("msg_2"), webhooks().deliveries(tenantA, DeliveryQuery.builder().since(at(1)).before(at(9))
        .build()).stream().map(WebhookDelivery::deliveryId).toList());
    assertEquals(List.of("msg_1", "msg_2"), webhooks().deliveries(tenantA, DeliveryQuery.builder().partnerId(ACME)
        .limit(2).build()).stream().map(WebhookDelivery::deliveryId).toList());
    assertEquals(List.of(), webhooks().deliveries(tenantA, DeliveryQuery.builder().partnerId(VENUE).build()));
    assertEquals(List.of(), webhooks().deliveries(tenantB, DeliveryQuery.builder().build()));
  }

  @Test
  void everythingIsUndoneWithItsUnitOfWork() {
    assertThrows(IllegalStateException.class, () -> tx(() -> {
      webhooks().insertSubscription(subscription(tenantA, "sub-1", ACME));
      webhooks().insertDelivery(delivery(tenantA, "msg_1", "sub-1", "ev-1", at(0)));
      webhooks().countOutcome(tenantA, "sub-1", false, at(1));
      webhooks().appendAttempt(attempt(tenantA, "msg_1", 1, at(1)));
      throw new IllegalStateException("boom");
    }));
    assertEquals(Optional.empty(), webhooks().findSubscription(tenantA, "sub-1"));
    assertEquals(Optional.empty(), webhooks().findDelivery(tenantA, "msg_1"));
    assertEquals(List.of(), webhooks().attempts(tenantA, DeliveryQuery.builder().build()));
  }

  @Test
  void outboxEventsKeepTheirPlacementAndDataClass() {
    OutboxEvent event = OutboxEvent.builder().eventId("ev-printable-1").tenantId(tenantA)
        .type("printable.generated").aggregateId("art-7").payload("{\"artifact\":\"art-7\"}").occurredAt(at(0))
        .placement(Placement.builder().occasionId(OCCASION).eventId(RECEPTION)
            .resourceId(dev.partnerkit.domain.ResourceId.of("art-7")).partnerId(ACME).build())
        .dataClass(DataClass.PRINT_ASSET).build();
    OutboxEvent plain = OutboxEvent.builder().eventId("ev-plain").tenantId(tenantA).type("access_grant.issued")
        .aggregateId("g-1").payload("{}").occurredAt(at(1)).build();
    storage.outbox().append(event);
    storage.outbox().append(plain);
    assertEquals(List.of(event, plain), tx(() -> storage.outbox().claimPending(tenantA, 10)));
    assertTrue(webhooks().tenantsWithPendingEvents(1000).contains(tenantA));
    assertFalse(webhooks().tenantsWithPendingEvents(1000).contains(tenantB));
    assertEquals(Set.of(), Set.copyOf(storage.outbox().claimPending(tenantB, 10)));
  }
}
