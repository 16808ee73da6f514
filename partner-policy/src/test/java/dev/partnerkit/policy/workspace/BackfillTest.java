package dev.partnerkit.policy.workspace;

import static dev.partnerkit.policy.workspace.EconomicsWorld.ACME;
import static dev.partnerkit.policy.workspace.EconomicsWorld.TENANT;
import static dev.partnerkit.policy.workspace.EconomicsWorld.VENUE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.economics.Commission;
import dev.partnerkit.domain.economics.CommissionId;
import dev.partnerkit.domain.economics.CommissionStatus;
import dev.partnerkit.domain.economics.Money;
import dev.partnerkit.domain.economics.Referral;
import dev.partnerkit.domain.economics.ReferralId;
import dev.partnerkit.domain.economics.ReferralStatus;
import dev.partnerkit.spi.ActivityEntry;
import dev.partnerkit.spi.EconomicsStore;
import dev.partnerkit.spi.PartnerkitStorage;
import dev.partnerkit.spi.memory.InMemoryStorage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The activity backfill on the in-memory storage: historic rows (inserted through the SPI, with no entry) get
 * exactly one entry each, at their own time and in timeline order; a second run, and rows the console recorded
 * (which have their entry already), get none. The JDBC adapter's tests run the same on two PostgreSQL instances
 * at once.
 */
class BackfillTest {
  /** Inserts {@code referrals} historic referrals with a commission for every third, at random times. */
  static void historicRows(PartnerkitStorage storage, int referrals, long seed) {
    Random random = new Random(seed);
    Instant base = Instant.parse("2025-01-01T00:00:00Z");
    List<PartnerId> partners = List.of(ACME, VENUE);
    for (int i = 0; i < referrals; i++) {
      Instant referred = base.plusSeconds(random.nextInt(300 * 86_400));
      Referral r = Referral.builder().tenantId(TENANT).referralId(ReferralId.of(String.format("h-ref-%04d", i)))
          .partnerId(partners.get(random.nextInt(2))).clientName("Client " + i)
          .clientEmail("client" + i + "@example.com").estimatedValue(Money.of(random.nextInt(1_000_000), "USD"))
          .status(ReferralStatus.values()[random.nextInt(5)]).referredAt(referred).build();
      storage.economics().insertReferral(r);
      if (i % 3 == 0) {
        storage.economics().insertCommission(Commission.builder().tenantId(TENANT)
            .commissionId(CommissionId.of(String.format("h-com-%04d", i))).partnerId(r.partnerId())
            .referralId(r.referralId()).amount(Money.of(1 + random.nextInt(50_000), "USD"))
            .status(CommissionStatus.OWED).earnedAt(referred.plusSeconds(86_400)).build());
      }
    }
  }

  /** Asserts every referral and commission has exactly one own entry, at its own time, and the timeline is ordered. */
  static void exactlyOneEntryPerRow(PartnerkitStorage storage, List<ActivityEntry> timeline) {
    List<Referral> referrals = storage.economics().listReferrals(TENANT,
        dev.partnerkit.spi.ReferralQuery.builder().limit(500).build());
    List<Commission> commissions = storage.economics().listCommissions(TENANT,
        dev.partnerkit.spi.CommissionQuery.builder().limit(500).build());
    Map<String, Long> perId = timeline.stream().collect(Collectors.groupingBy(ActivityEntry::entryId,
        Collectors.counting()));
    Map<String, ActivityEntry> byId = timeline.stream().collect(Collectors.toMap(ActivityEntry::entryId,
        Function.identity(), (a, b) -> a));
    for (Referral r : referrals) {
      String id = EconomicsStore.activityEntryId(r.referralId());
      assertEquals(1L, perId.getOrDefault(id, 0L), id);
      assertEquals(r.referredAt(), byId.get(id).occurredAt(), id);
      assertEquals(java.util.Optional.of(r.partnerId()), byId.get(id).partnerId());
      assertTrue(byId.get(id).summary().contains("status " + r.status().wireName())
          && byId.get(id).summary().contains(r.estimatedValue().toString()), byId.get(id).summary());
    }
    for (Commission c : commissions) {
      String id = EconomicsStore.activityEntryId(c.commissionId());
      assertEquals(1L, perId.getOrDefault(id, 0L), id);
      assertEquals(c.earnedAt(), byId.get(id).occurredAt(), id);
    }
    assertEquals(referrals.size(), timeline.stream().filter(e -> e.entryId().startsWith("referral:")).count());
    assertEquals(commissions.size(), timeline.stream().filter(e -> e.entryId().startsWith("commission:")).count());
    List<ActivityEntry> sorted = new ArrayList<>(timeline);
    sorted.sort(Comparator.comparing(ActivityEntry::occurredAt).thenComparing(ActivityEntry::entryId));
    assertEquals(sorted, timeline, "the timeline is in chronological order");
  }

  @Test
  void backfillTwiceWritesOneEntryPerHistoricRow() {
    EconomicsWorld world = new EconomicsWorld(InMemoryStorage.create());
    historicRows(world.storage, 60, 7);
    ReferralId live = world.referral(ACME, "Rosa Diaz", 1_000, "USD", Instant.parse("2026-10-01T00:00:00Z"));
    world.commission(live, 100, "USD", Instant.parse("2026-10-02T00:00:00Z"));
    long events = world.storage.outbox().countPending(TENANT);

    CommandResult first = world.economics.backfillActivity(world.key());
    assertTrue(first.applied(), first.decision().render());
    exactlyOneEntryPerRow(world.storage, world.timeline());
    ActivityEntry audit = world.timeline().stream().filter(e -> e.eventType().equals("partner_activity.backfilled"))
        .findFirst().orElseThrow();
    assertTrue(audit.summary().contains("60 referral and 20 commission entries"), audit.summary());
    assertEquals(events + 1, world.storage.outbox().countPending(TENANT), "history goes to no outbox");

    long entries = world.timeline().size();
    CommandResult second = world.economics.backfillActivity(world.key());
    assertTrue(second.applied());
    exactlyOneEntryPerRow(world.storage, world.timeline());
    assertEquals(entries + 1, world.timeline().size(), "only the second run's own audit entry");
    assertEquals(1, world.timeline().stream().filter(e -> e.eventType().equals("partner_activity.backfilled")
        && e.summary().contains(" 0 referral and 0 commission entries")).count());
  }
}
