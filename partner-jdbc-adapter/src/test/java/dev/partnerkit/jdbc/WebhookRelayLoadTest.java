package dev.partnerkit.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnerkit.domain.DataClass;
import dev.partnerkit.domain.Entitlement;
import dev.partnerkit.domain.GrantId;
import dev.partnerkit.domain.IntegrationPreset;
import dev.partnerkit.domain.IntegrationPrincipal;
import dev.partnerkit.domain.IntegrationPrincipalId;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.OperatorRole;
import dev.partnerkit.domain.OperatorUser;
import dev.partnerkit.domain.Partner;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.PartnerKind;
import dev.partnerkit.domain.Placement;
import dev.partnerkit.domain.ResourceId;
import dev.partnerkit.domain.Tenant;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.UserId;
import dev.partnerkit.policy.workspace.BusinessEvent;
import dev.partnerkit.policy.workspace.CommandResult;
import dev.partnerkit.policy.workspace.GrantDraft;
import dev.partnerkit.policy.workspace.OperatorConsole;
import dev.partnerkit.policy.workspace.PartnerWorkspace;
import dev.partnerkit.policy.workspace.RetrySchedule;
import dev.partnerkit.policy.workspace.SubscriptionDraft;
import dev.partnerkit.policy.workspace.WebhookCommands;
import dev.partnerkit.policy.workspace.WebhookRelay;
import dev.partnerkit.spi.DeliveryAttempt;
import dev.partnerkit.spi.DeliveryQuery;
import dev.partnerkit.spi.DeliveryStatus;
import dev.partnerkit.spi.WebhookDelivery;
import dev.partnerkit.spi.WebhookSubscription;
import dev.partnerkit.tck.WebhookReceiver;
import dev.partnerkit.tck.WebhookReceiver.Behaviour;
import dev.partnerkit.tck.WebhookReceiver.Receipt;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * 10,000 business events in two tenants, delivered by three relays on two host instances (two {@link JdbcStorage}
 * over one embedded PostgreSQL database) to a local receiver that verifies every signature with its own code: every
 * event arrives, no attempt is sent twice, retries carry the same {@code webhook-id}, and the dead letter and the
 * endpoint auto-disable land exactly where the schedule says.
 */
class WebhookRelayLoadTest {
  private static final OccasionId WEDDING = OccasionId.of("occ-wedding");
  private static final int OK_EVENTS = Integer.getInteger("partnerkit.webhookLoad.ok", 7_000);
  private static final int RETRY_EVENTS = Integer.getInteger("partnerkit.webhookLoad.retry", 3_000);
  private static final RetrySchedule SCHEDULE = new RetrySchedule(Duration.ofMillis(50), Duration.ofSeconds(2), 4,
      0.5);
  private static final int DISABLE_AFTER = 6;
  /** Failures in a row count as sustained once the run is this old: bursts of first-attempt failures never are. */
  private static final Duration SUSTAINED = Duration.ofSeconds(5);
  /** Every third event of the retry endpoint fails its first attempt. */
  private static final int RETRIED = (RETRY_EVENTS + 2) / 3;

  private final Clock clock = Clock.systemUTC();
  private int keys;

  private record Setup(TenantId tenant, OperatorConsole ops, WebhookCommands webhooks) {}

  private String key() {
    return "k-" + (++keys);
  }

  private Setup tenant(PartnerWorkspace workspace, JdbcStorage storage, String id) {
    TenantId tenant = TenantId.of(id);
    storage.directory().saveTenant(Tenant.of(tenant, id, ZoneId.of("America/Chicago")));
    OperatorUser maya = OperatorUser.builder().userId(UserId.of("u-maya")).tenantId(tenant).displayName("Maya")
        .addRoles(OperatorRole.OWNER_OPS_LEAD).build();
    OperatorConsole ops = workspace.operator(maya);
    require(ops.setEntitlements(key(), WEDDING, Set.of(Entitlement.MULTI_USER_SUPPORT)));
    return new Setup(tenant, ops, ops.directory(WEDDING).webhooks());
  }

  /** A printer partner with its principal, preset grant and one subscription to {@code url}; returns it. */
  private WebhookSubscription printer(JdbcStorage storage, Setup t, String partner, WebhookReceiver receiver,
      String endpoint, Behaviour behaviour) {
    PartnerId partnerId = PartnerId.of(partner);
    IntegrationPrincipalId principal = IntegrationPrincipalId.of("ip-" + partner);
    storage.directory().savePartner(Partner.builder().tenantId(t.tenant()).partnerId(partnerId).name(partner)
        .kind(PartnerKind.PRINTER).build());
    storage.directory().insertPrincipal(IntegrationPrincipal.builder().tenantId(t.tenant()).principalId(principal)
        .partnerId(partnerId).name(partner + " sync").triggers(IntegrationPreset.PRINTER.triggers()).build());
    CommandResult issued = require(t.ops().issuePresetGrant(key(), IntegrationPreset.PRINTER, GrantDraft.builder()
        .partnerId(partnerId).integrationPrincipal(principal)
        .scope(IntegrationPreset.PRINTER.scope(WEDDING, Set.of())).validFrom(clock.instant().minusSeconds(3600))
        .build(), Optional.empty()));
    require(t.ops().activateGrant(key(), GrantId.of(issued.recordId().orElseThrow())));
    String url = receiver.endpoint(endpoint, behaviour);
    CommandResult subscribed = require(t.webhooks().subscribe(key(), SubscriptionDraft.builder()
        .principalId(principal).endpointUrl(url).addEventTypes(BusinessEvent.PRINTABLE_GENERATED).build()));
    WebhookSubscription s = t.webhooks().subscription(subscribed.recordId().orElseThrow()).orElseThrow();
    receiver.accept(endpoint, s.secret());
    return s;
  }

  private static CommandResult require(CommandResult result) {
    assertTrue(result.applied(), result.decision().render());
    return result;
  }

  private static void publish(PartnerWorkspace workspace, JdbcStorage storage, TenantId tenant, String partner,
      int from, int count) {
    for (int start = from; start < from + count; start += 500) {
      int first = start;
      int last = Math.min(from + count, start + 500);
      storage.unitOfWork().inTransaction(() -> {   // the host's own unit of work
        for (int i = first; i < last; i++) {
          workspace.events().publish(tenant, BusinessEvent.builder().type(BusinessEvent.PRINTABLE_GENERATED)
              .placement(Placement.builder().occasionId(WEDDING).resourceId(ResourceId.of("art-" + i))
                  .partnerId(PartnerId.of(partner)).build())
              .dataClass(DataClass.PRINT_ASSET).subjectId("art-" + i)
              .data("{\"artifact\":\"art-" + i + "\",\"retry\":" + (i % 3 == 0) + "}")
              .build());
        }
        return null;
      });
    }
  }

  private static void await(String what, Duration limit, BooleanSupplier done) throws InterruptedException {
    await(what, limit, done, () -> "");
  }

  private static void await(String what, Duration limit, BooleanSupplier done,
      java.util.function.Supplier<String> state) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what + ": " + state.get());
      }
      Thread.sleep(100);
    }
  }

  private WebhookRelay relay(PartnerWorkspace workspace, String id) {
    return workspace.webhookRelay().relayId(id).clock(clock).schedule(SCHEDULE).jitter(() -> 0.5)
        .disableAfter(DISABLE_AFTER, SUSTAINED).timeouts(Duration.ofSeconds(1), Duration.ofSeconds(2))
        .batchSize(100).concurrency(4).allowLoopbackTargets(true).build();
  }

  private static long distinctIds(List<Receipt> receipts) {
    return receipts.stream().map(Receipt::webhookId).distinct().count();
  }

  @Test
  void tenThousandEventsThreeRelaysTwoInstancesEveryEventOnceNoAttemptTwice() throws Exception {
    DataSource database = TestDatabases.freshPostgres();
    SchemaInstaller.install(database);
    PooledDataSource poolA = new PooledDataSource(database);
    PooledDataSource poolB = new PooledDataSource(database);
    JdbcStorage storageA = JdbcStorage.builder(poolA).build();
    JdbcStorage storageB = JdbcStorage.builder(poolB).build();
    PartnerWorkspace instanceA = PartnerWorkspace.builder().storage(storageA).clock(clock).build();
    PartnerWorkspace instanceB = PartnerWorkspace.builder().storage(storageB).clock(clock).build();
    try (WebhookReceiver receiver = WebhookReceiver.start()) {
      Setup toni = tenant(instanceA, storageA, "toni-catering");
      Setup orchard = tenant(instanceB, storageB, "orchard-events");
      printer(storageA, toni, "p-inkwell", receiver, "ok", Behaviour.ok());
      WebhookSubscription dead = printer(storageA, toni, "p-blotch", receiver, "dead", Behaviour.always(500));
      WebhookSubscription flaky = printer(storageA, toni, "p-smudge", receiver, "flaky", Behaviour.always(503));
      printer(storageB, orchard, "p-inkwell", receiver, "retry",
          Behaviour.failFirstTimeWhere("\"retry\":true", 503));

      long started = System.nanoTime();
      publish(instanceA, storageA, toni.tenant(), "p-inkwell", 0, OK_EVENTS);
      publish(instanceB, storageB, orchard.tenant(), "p-inkwell", 0, RETRY_EVENTS);
      publish(instanceA, storageA, toni.tenant(), "p-blotch", 0, 1);
      publish(instanceA, storageA, toni.tenant(), "p-smudge", 0, 1);
      long published = System.nanoTime();

      List<WebhookRelay> relays = List.of(relay(instanceA, "relay-a1"), relay(instanceA, "relay-a2"),
          relay(instanceB, "relay-b1"));
      relays.forEach(r -> r.start(Duration.ofMillis(10)));
      try {
        await("every event", Duration.ofMinutes(4), () -> distinctIds(receiver.receipts("ok")) == OK_EVENTS
            && receiver.receipts("retry").size() == RETRY_EVENTS + RETRIED && receiver.receipts("dead").size() == 4
            && receiver.receipts("flaky").size() == 4 && deliveries(toni, dead).get(0).status() == DeliveryStatus.DEAD
            && deliveries(toni, flaky).get(0).status() == DeliveryStatus.DEAD, () -> "ok "
            + receiver.receipts("ok").size() + ", retry " + receiver.receipts("retry").size() + ", dead "
            + receiver.receipts("dead").size() + ", flaky " + receiver.receipts("flaky").size() + "; "
            + rows(database, "select status || ':' || count(*) from pk_webhook_delivery group by status") + "; "
            + rows(database, "select 'pending events:' || count(*) from pk_outbox_event where published_at is null"));
        long drained = System.nanoTime();

        // the flaky endpoint has failed 4 times in a row; once that run is sustained, a second event fails twice
        // more and the sixth failure disables it
        Instant firstFailure = attempts(toni, flaky).get(0).attemptedAt();
        long wait = Duration.between(clock.instant(), firstFailure.plus(SUSTAINED)).toMillis();
        if (wait > 0) {
          Thread.sleep(wait + 100);
        }
        publish(instanceA, storageA, toni.tenant(), "p-smudge", 1, 1);
        await("the auto-disable", Duration.ofSeconds(30), () -> !toni.webhooks().subscription(
            flaky.subscriptionId()).orElseThrow().enabled(), () -> "flaky " + receiver.receipts("flaky").size()
            + " " + deliveries(toni, flaky));
        Thread.sleep(1_000);
        assertEquals(DISABLE_AFTER, receiver.receipts("flaky").size(), "disabled exactly at the sixth failure");
        List<WebhookDelivery> flakyDeliveries = deliveries(toni, flaky);
        assertEquals(DeliveryStatus.PENDING, flakyDeliveries.get(1).status(), "held, not lost");
        assertEquals(2, flakyDeliveries.get(1).runAttempts());
        receiver.behave("flaky", Behaviour.ok());
        require(toni.webhooks().enable(key(), flaky.subscriptionId()));
        await("the held delivery", Duration.ofSeconds(30), () -> receiver.receipts("flaky").size() == 7);
        await("its outcome", Duration.ofSeconds(30), () -> deliveries(toni, flaky).get(1).status()
            == DeliveryStatus.DELIVERED);
        Thread.sleep(500);

        // every event received, every request signed, nothing twice
        List<Receipt> ok = receiver.receipts("ok");
        assertEquals(OK_EVENTS, ok.size(), "no delivery sent twice");
        assertEquals(OK_EVENTS, distinctIds(ok));
        List<Receipt> retry = receiver.receipts("retry");
        assertEquals(RETRY_EVENTS + RETRIED, retry.size());
        Map<String, Long> perId = retry.stream().collect(Collectors.groupingBy(Receipt::webhookId,
            Collectors.counting()));
        assertEquals(RETRY_EVENTS, perId.size());
        Map<Boolean, Long> retriedIds = retry.stream().filter(r -> r.body().contains("\"retry\":true"))
            .collect(Collectors.groupingBy(r -> perId.get(r.webhookId()) == 2, Collectors.counting()));
        assertEquals(Map.of(true, 2L * RETRIED), retriedIds, "each failed first attempt retried once, same id");
        assertEquals(RETRY_EVENTS - RETRIED, perId.values().stream().filter(n -> n == 1).count());
        assertTrue(receiver.allReceipts().stream().allMatch(Receipt::verified), "every signature verifies");

        // the delivery log holds exactly the requests the receiver saw, by three relays
        List<DeliveryAttempt> log = new ArrayList<>();
        log.addAll(allAttempts(toni));
        log.addAll(allAttempts(orchard));
        assertEquals(receiver.allReceipts().size(), log.size(), "one logged attempt per request received");
        Map<String, Long> byRelay = new TreeMap<>(log.stream().collect(Collectors.groupingBy(
            DeliveryAttempt::relayId, Collectors.counting())));
        assertEquals(Set.of("relay-a1", "relay-a2", "relay-b1"), byRelay.keySet(), byRelay.toString());

        // the dead letter: four attempts, each retry exactly where the schedule puts it
        List<DeliveryAttempt> deadLog = attempts(toni, dead);
        assertEquals(4, deadLog.size());
        for (int n = 1; n <= 3; n++) {
          DeliveryAttempt a = deadLog.get(n - 1);
          assertEquals(Optional.of(a.attemptedAt().plus(SCHEDULE.delayAfter(n, 0.5))), a.nextAttemptAt());
          assertFalse(deadLog.get(n).attemptedAt().isBefore(a.nextAttemptAt().orElseThrow()));
        }
        assertEquals(Optional.empty(), deadLog.get(3).nextAttemptAt());
        assertEquals(1, distinctIds(receiver.receipts("dead")));

        long deliveries = count(database, "select count(*) from pk_webhook_delivery");
        long delivered = count(database, "select count(*) from pk_webhook_delivery where status = 'delivered'");
        long deadLetters = count(database, "select count(*) from pk_webhook_delivery where status = 'dead'");
        long pendingEvents = count(database, "select count(*) from pk_outbox_event where published_at is null");
        assertEquals(OK_EVENTS + RETRY_EVENTS + 3, deliveries);
        assertEquals(OK_EVENTS + RETRY_EVENTS + 1, delivered);
        assertEquals(2, deadLetters);
        assertEquals(0, pendingEvents);
        System.out.printf("webhook load: %d events published in %d ms; drained by 3 relays in %d ms;"
            + " %d deliveries (%d delivered, %d dead), %d attempts (%d retries), by relay %s%n",
            OK_EVENTS + RETRY_EVENTS + 3, (published - started) / 1_000_000, (drained - published) / 1_000_000,
            deliveries, delivered, deadLetters, log.size(), log.size() - deliveries, byRelay);
      } finally {
        relays.forEach(WebhookRelay::close);
        poolA.close();
        poolB.close();
      }
    }
  }

  private static List<WebhookDelivery> deliveries(Setup t, WebhookSubscription s) {
    return t.webhooks().deliveries(DeliveryQuery.builder().subscriptionId(s.subscriptionId()).build());
  }

  private static List<DeliveryAttempt> attempts(Setup t, WebhookSubscription s) {
    return t.webhooks().attempts(DeliveryQuery.builder().subscriptionId(s.subscriptionId()).build());
  }

  private static List<DeliveryAttempt> allAttempts(Setup t) {
    List<DeliveryAttempt> all = new ArrayList<>();
    Set<String> seen = new java.util.HashSet<>();
    Instant since = Instant.EPOCH;
    while (true) {
      List<DeliveryAttempt> page = t.webhooks().attempts(DeliveryQuery.builder().since(since)
          .limit(DeliveryQuery.MAX_LIMIT).build());
      List<DeliveryAttempt> fresh = page.stream().filter(a -> seen.add(a.deliveryId() + "/" + a.attempt()))
          .toList();
      all.addAll(fresh);
      if (page.size() < DeliveryQuery.MAX_LIMIT || fresh.isEmpty()) {
        return all;
      }
      since = page.get(page.size() - 1).attemptedAt();
    }
  }

  private static List<String> rows(DataSource ds, String sql) {
    try (var c = ds.getConnection(); var st = c.prepareStatement(sql); var r = st.executeQuery()) {
      List<String> out = new ArrayList<>();
      while (r.next()) {
        out.add(r.getString(1));
      }
      return out;
    } catch (java.sql.SQLException e) {
      return List.of(e.toString());
    }
  }

  private static long count(DataSource ds, String sql) {
    return AbstractJdbcStorageTest.count(ds, sql);
  }
}
