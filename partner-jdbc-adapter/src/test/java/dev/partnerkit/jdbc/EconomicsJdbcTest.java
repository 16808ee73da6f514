package dev.partnerkit.jdbc;

import static dev.partnerkit.jdbc.WorkspaceWorld.ACME;
import static dev.partnerkit.jdbc.WorkspaceWorld.MAYA;
import static dev.partnerkit.jdbc.WorkspaceWorld.TENANT;
import static dev.partnerkit.jdbc.WorkspaceWorld.WEDDING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnerkit.domain.GrantId;
import dev.partnerkit.domain.GrantScope;
import dev.partnerkit.domain.MembershipStatus;
import dev.partnerkit.domain.Partner;
import dev.partnerkit.domain.PartnerCapability;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.PartnerKind;
import dev.partnerkit.domain.PartnerMember;
import dev.partnerkit.domain.PartnerStatus;
import dev.partnerkit.domain.Surface;
import dev.partnerkit.domain.UserId;
import dev.partnerkit.domain.economics.Commission;
import dev.partnerkit.domain.economics.CommissionDraft;
import dev.partnerkit.domain.economics.CommissionId;
import dev.partnerkit.domain.economics.CommissionStatus;
import dev.partnerkit.domain.economics.Money;
import dev.partnerkit.domain.economics.Referral;
import dev.partnerkit.domain.economics.ReferralDraft;
import dev.partnerkit.domain.economics.ReferralId;
import dev.partnerkit.domain.economics.ReferralStatus;
import dev.partnerkit.policy.workspace.CommandResult;
import dev.partnerkit.policy.workspace.GrantDraft;
import dev.partnerkit.policy.workspace.OperatorEconomics;
import dev.partnerkit.policy.workspace.PartnerWorkspace;
import dev.partnerkit.spi.ActivityEntry;
import dev.partnerkit.spi.ActivityQuery;
import dev.partnerkit.spi.DirectoryMetrics;
import dev.partnerkit.spi.EconomicsStore;
import dev.partnerkit.spi.PartnerQuery;
import dev.partnerkit.spi.PartnerkitStorage;
import dev.partnerkit.spi.ReferralQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The economics services on the JDBC adapter: the activity backfill run twice on one instance, and on two instances
 * of one PostgreSQL database at once, writes exactly one entry per historic referral and commission, in timeline
 * order; and the commands, metrics and a partner's filtered read work end to end on both databases.
 */
class EconomicsJdbcTest {
  private static final int REFERRALS = 240;
  private static final PartnerId VENUE = PartnerId.of("p-venue");

  /** Historic rows, inserted through the SPI as a host's migration would: no activity entry yet. */
  private static void historicRows(PartnerkitStorage storage, long seed) {
    storage.directory().savePartner(Partner.builder().tenantId(TENANT).partnerId(VENUE).name("Lakeside Hall")
        .kind(PartnerKind.VENUE).build());
    Random random = new Random(seed);
    Instant base = Instant.parse("2025-01-01T00:00:00Z");
    storage.unitOfWork().inTransaction(() -> {
      for (int i = 0; i < REFERRALS; i++) {
        Instant referred = base.plusSeconds(random.nextInt(300 * 86_400)).plusNanos(random.nextInt(1000) * 1000L);
        Referral r = Referral.builder().tenantId(TENANT).referralId(ReferralId.of(String.format("h-ref-%04d", i)))
            .partnerId(random.nextBoolean() ? ACME : VENUE).clientName("Client " + i)
            .clientEmail("client" + i + "@example.com").estimatedValue(Money.of(random.nextInt(1_000_000), "USD"))
            .status(ReferralStatus.values()[random.nextInt(5)]).referredAt(referred).build();
        storage.economics().insertReferral(r);
        if (i % 2 == 0) {
          storage.economics().insertCommission(Commission.builder().tenantId(TENANT)
              .commissionId(CommissionId.of(String.format("h-com-%04d", i))).partnerId(r.partnerId())
              .referralId(r.referralId()).amount(Money.of(1 + random.nextInt(50_000), "EUR"))
              .status(CommissionStatus.OWED).earnedAt(referred.plusSeconds(3_600)).build());
        }
      }
      return null;
    });
  }

  private static List<ActivityEntry> timeline(PartnerkitStorage storage) {
    List<ActivityEntry> all = new ArrayList<>();
    ActivityQuery page = ActivityQuery.builder().limit(ActivityQuery.MAX_LIMIT).build();
    while (true) {
      List<ActivityEntry> rows = storage.activity().read(TENANT, page);
      all.addAll(rows);
      if (rows.size() < page.limit()) {
        return all;
      }
      page = page.after(rows.get(rows.size() - 1));
    }
  }

  /** Exactly one own entry per referral and commission, at the row's own time, and the timeline in order. */
  private static void exactlyOneEntryPerRow(PartnerkitStorage storage) {
    List<ActivityEntry> timeline = timeline(storage);
    Map<String, List<ActivityEntry>> byId = timeline.stream().collect(Collectors.groupingBy(ActivityEntry::entryId));
    List<ActivityEntry> referrals = timeline.stream().filter(e -> e.entryId().startsWith("referral:")).toList();
    List<ActivityEntry> commissions = timeline.stream().filter(e -> e.entryId().startsWith("commission:")).toList();
    assertEquals(REFERRALS, referrals.size());
    assertEquals(REFERRALS / 2, commissions.size());
    List<Referral> rows = storage.economics().listReferrals(TENANT, ReferralQuery.builder().limit(500).build());
    assertEquals(REFERRALS, rows.size());
    for (Referral r : rows) {
      List<ActivityEntry> own = byId.get(EconomicsStore.activityEntryId(r.referralId()));
      assertEquals(1, own.size(), r.referralId().value());
      assertEquals(r.referredAt(), own.get(0).occurredAt());
      assertTrue(own.get(0).summary().contains("status " + r.status().wireName()));
    }
    List<ActivityEntry> sorted = new ArrayList<>(timeline);
    sorted.sort(Comparator.comparing(ActivityEntry::occurredAt).thenComparing(ActivityEntry::entryId));
    assertEquals(sorted, timeline, "chronological order");
  }

  @ParameterizedTest
  @EnumSource(JdbcDialect.class)
  void backfillTwiceOnOneInstanceWritesOneEntryPerRow(JdbcDialect dialect) {
    DataSource ds = TestDatabases.fresh(dialect);
    WorkspaceWorld.setUp(ds, 0);
    PartnerkitStorage storage = JdbcStorage.builder(ds).build();
    historicRows(storage, 11);
    OperatorEconomics economics = WorkspaceWorld.workspace(storage).operator(MAYA).economics();
    assertTrue(economics.backfillActivity("backfill-1").applied());
    exactlyOneEntryPerRow(storage);
    long entries = storage.activity().count(TENANT, ActivityQuery.builder().build());
    assertTrue(economics.backfillActivity("backfill-2").applied());
    assertTrue(economics.backfillActivity("backfill-2").replayed());
    exactlyOneEntryPerRow(storage);
    assertEquals(entries + 1, storage.activity().count(TENANT, ActivityQuery.builder().build()),
        "the second run writes only its own audit entry");
  }

  @Test
  void backfillOnTwoPostgresqlInstancesAtOnceWritesOneEntryPerRow() throws Exception {
    DataSource[] two = TestDatabases.twoPostgresDataSourcesOnOneDatabase();
    WorkspaceWorld.setUp(two[0], 0);
    PartnerkitStorage[] storages = {JdbcStorage.builder(two[0]).build(), JdbcStorage.builder(two[1]).build()};
    historicRows(storages[0], 23);
    PartnerWorkspace[] workspaces = {WorkspaceWorld.workspace(storages[0]), WorkspaceWorld.workspace(storages[1])};
    long auditsBefore = timeline(storages[0]).stream()
        .filter(e -> e.eventType().equals("partner_activity.backfilled")).count();
    int runs = 4;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(runs);
    try {
      List<Future<CommandResult>> results = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        OperatorEconomics economics = workspaces[i % 2].operator(MAYA).economics();
        String key = "backfill-" + i;
        results.add(pool.submit(() -> {
          start.await();
          return economics.backfillActivity(key);
        }));
      }
      start.countDown();
      for (Future<CommandResult> result : results) {
        assertTrue(result.get(120, TimeUnit.SECONDS).applied());
      }
    } finally {
      pool.shutdownNow();
    }
    exactlyOneEntryPerRow(storages[1]);
    List<ActivityEntry> audits = timeline(storages[1]).stream()
        .filter(e -> e.eventType().equals("partner_activity.backfilled")).toList();
    assertEquals(auditsBefore + runs, audits.size(), "every run is audited");
    int written = 0;
    for (ActivityEntry audit : audits) {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+) referral and (\\d+) commission")
          .matcher(audit.summary());
      assertTrue(m.find(), audit.summary());
      written += Integer.parseInt(m.group(1)) + Integer.parseInt(m.group(2));
    }
    assertEquals(REFERRALS + REFERRALS / 2, written, "the runs together wrote each entry once");
  }

  @ParameterizedTest
  @EnumSource(JdbcDialect.class)
  void commandsMetricsAndAPartnersReadEndToEnd(JdbcDialect dialect) {
    DataSource ds = TestDatabases.fresh(dialect);
    WorkspaceWorld.setUp(ds, 0);
    PartnerkitStorage storage = JdbcStorage.builder(ds).build();
    storage.directory().savePartner(Partner.builder().tenantId(TENANT).partnerId(VENUE).name("Lakeside Hall")
        .kind(PartnerKind.VENUE).tier("gold").build());
    PartnerWorkspace workspace = WorkspaceWorld.workspace(storage);
    OperatorEconomics economics = workspace.operator(MAYA).economics();
    Instant referred = Instant.parse("2026-10-02T15:00:00.123456Z");
    CommandResult acme = economics.recordReferral("r-1", new ReferralDraft(ACME, "Rosa Diaz", "rosa@example.com",
        Money.of(250_000, "USD"), referred));
    assertTrue(acme.applied(), acme.decision().render());
    CommandResult venue = economics.recordReferral("r-2", new ReferralDraft(VENUE, "Lee Park", "lee@example.com",
        Money.of(90_000, "USD"), referred));
    ReferralId venueId = ReferralId.of(venue.recordId().orElseThrow());
    CommandResult commission = economics.recordCommission("c-1", new CommissionDraft(ReferralId.of(
        acme.recordId().orElseThrow()), 12_500, "USD", referred));
    assertTrue(commission.applied());
    assertTrue(economics.moveReferral("m-1", venueId, ReferralStatus.LOST).applied());
    assertEquals(DirectoryMetrics.builder().activePartners(2).putPipelineValue("USD", 250_000L)
        .putOwedCommission("USD", 12_500L).build(), economics.metrics(PartnerQuery.all()).items().get(0));
    assertTrue(economics.changePartnerStatus("s-1", List.of(ACME, VENUE), PartnerStatus.INACTIVE).applied());
    assertEquals(0, economics.metrics(PartnerQuery.all()).items().get(0).activePartners());
    assertEquals(List.of(VENUE), economics.partners(PartnerQuery.builder().tier("gold").build()).items().stream()
        .map(Partner::partnerId).toList());
    assertTrue(economics.changePartnerStatus("s-2", List.of(ACME), PartnerStatus.ACTIVE).applied());

    CommandResult grant = workspace.operator(MAYA).issueGrant("g-1", GrantDraft.builder().partnerId(ACME)
        .scope(GrantScope.builder().occasionId(WEDDING).addSurfaces(Surface.SCORECARD).build())
        .addCapabilities(PartnerCapability.VIEW_SCORECARD).validFrom(Instant.parse("2026-11-01T00:00:00Z")).build());
    assertTrue(workspace.operator(MAYA).activateGrant("g-2", GrantId.of(grant.recordId().orElseThrow())).applied());
    PartnerMember dana = PartnerMember.builder().tenantId(TENANT).userId(UserId.of("u-dana")).partnerId(ACME)
        .displayName("Dana").canViewMetrics(true).status(MembershipStatus.ACTIVE).build();
    storage.directory().insertMember(dana);
    var session = workspace.openPartnerSession(TENANT, dana.userId(), ACME, WEDDING).session().orElseThrow();
    assertEquals(List.of(acme.recordId().orElseThrow()), session.economics().referrals().items().stream()
        .map(r -> r.referralId().value()).toList());
    assertEquals(Set.of("referral:" + acme.recordId().orElseThrow(), "commission:" + commission.recordId()
        .orElseThrow()), session.economics().activity(ActivityQuery.builder().build()).items().stream()
        .map(ActivityEntry::entryId).filter(id -> id.contains(":")).collect(Collectors.toSet()));
    assertEquals(Optional.of(referred), storage.economics().findReferral(TENANT, venueId).map(Referral::referredAt));
  }
}
