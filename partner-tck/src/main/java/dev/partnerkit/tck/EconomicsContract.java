package dev.partnerkit.tck;

import static dev.partnerkit.tck.Fixtures.ACME;
import static dev.partnerkit.tck.Fixtures.CEREMONY;
import static dev.partnerkit.tck.Fixtures.DANA;
import static dev.partnerkit.tck.Fixtures.MAYA;
import static dev.partnerkit.tck.Fixtures.OCCASION;
import static dev.partnerkit.tck.Fixtures.RECEPTION;
import static dev.partnerkit.tck.Fixtures.VENUE;
import static dev.partnerkit.tck.Fixtures.at;
import static dev.partnerkit.tck.Fixtures.internalEntry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import dev.partnerkit.domain.EventId;
import dev.partnerkit.domain.Partner;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.PartnerKind;
import dev.partnerkit.domain.PartnerStatus;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.UserId;
import dev.partnerkit.domain.economics.Commission;
import dev.partnerkit.domain.economics.CommissionId;
import dev.partnerkit.domain.economics.CommissionStatus;
import dev.partnerkit.domain.economics.EventInvite;
import dev.partnerkit.domain.economics.InviteId;
import dev.partnerkit.domain.economics.Money;
import dev.partnerkit.domain.economics.PlanQuota;
import dev.partnerkit.domain.economics.Referral;
import dev.partnerkit.domain.economics.ReferralId;
import dev.partnerkit.domain.economics.ReferralStatus;
import dev.partnerkit.spi.CommissionQuery;
import dev.partnerkit.spi.DirectoryMetrics;
import dev.partnerkit.spi.EconomicsStore;
import dev.partnerkit.spi.InviteGrouping;
import dev.partnerkit.spi.InviteQuery;
import dev.partnerkit.spi.InviteTally;
import dev.partnerkit.spi.PartnerQuery;
import dev.partnerkit.spi.ReferralQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

/**
 * The economics contract: referrals, commissions and event invites (insert at 0, update at +1, typed conflicts,
 * tenant isolation, filters and keyset pages), the partner directory read with its filters and paging, the hero
 * metrics (exact, per currency) against a plain model on random data, the backfill reads (rows whose own activity
 * entry is missing), invite tallies that count only credited acceptances, plan quotas, and the unit of work's undo.
 */
public abstract class EconomicsContract extends ContractSupport {
  /** Fixed so that a failure reproduces; set {@code -Dpartnerkit.seed} to explore. */
  protected static final long SEED = Long.getLong("partnerkit.seed", 20261201L);
  /** Examples per property: every example writes a fresh tenant's rows. */
  protected static final int PROPERTY_EXAMPLES = 25;

  private static final List<String> TIERS = List.of("gold", "silver");
  private static final List<String> REGIONS = List.of("Midwest", "South");
  private static final List<UserId> OWNERS = List.of(MAYA, UserId.of("u-omar"));
  private static final List<String> CURRENCIES = List.of("USD", "EUR", "JPY");

  private EconomicsStore economics() {
    return storage.economics();
  }

  static Referral referral(TenantId tenant, String id, PartnerId partner, long minor, String currency,
      ReferralStatus status) {
    return Referral.builder().tenantId(tenant).referralId(ReferralId.of(id)).partnerId(partner)
        .clientName("Client " + id).clientEmail(id + "@clients.example.com")
        .estimatedValue(Money.of(minor, currency)).status(status).referredAt(at(id.hashCode() & 0xffff)).build();
  }

  static Commission commission(TenantId tenant, String id, PartnerId partner, String referral, long minor,
      String currency, CommissionStatus status) {
    Commission owed = Commission.builder().tenantId(tenant).commissionId(CommissionId.of(id)).partnerId(partner)
        .referralId(ReferralId.of(referral)).amount(Money.of(minor, currency)).earnedAt(at(500)).build();
    return switch (status) {
      case OWED -> owed;
      case PAID -> Commission.builder().from(owed.paid(at(900))).version(0).build();
      case VOID -> Commission.builder().from(owed.voided()).version(0).build();
    };
  }

  static EventInvite invite(TenantId tenant, String id, EventId event, PartnerId partner, String principal,
      UserId issuer, boolean accepted, boolean credited) {
    return EventInvite.builder().tenantId(tenant).inviteId(InviteId.of(id)).occasionId(OCCASION).eventId(event)
        .partnerId(partner).inviterPrincipal(principal).issuedByUserId(issuer).issuedAt(at(100))
        .accepted(accepted).creditedAcceptance(credited)
        .acceptedAt(accepted ? Optional.of(at(200)) : Optional.empty()).build();
  }

  // ===============================================================================================================
  // referrals and commissions

  @Test
  void referralsRoundTripAndVersion() {
    Referral r = referral(tenantA, "ref-1", ACME, 250_000, "USD", ReferralStatus.OPEN);
    economics().insertReferral(r);
    assertEquals(Optional.of(r), economics().findReferral(tenantA, r.referralId()));
    assertEquals(Optional.empty(), economics().findReferral(tenantB, r.referralId()), "tenants never cross");
    assertConflict("referral", "ref-1", () -> economics().insertReferral(r));
    Referral contacted = r.moveTo(ReferralStatus.CONTACTED);
    economics().updateReferral(contacted);
    assertEquals(Optional.of(contacted), economics().findReferral(tenantA, r.referralId()));
    assertConflict("referral", "ref-1", () -> economics().updateReferral(contacted));
    assertConflict("referral", "ref-9", () -> economics().updateReferral(
        referral(tenantA, "ref-9", ACME, 1, "USD", ReferralStatus.OPEN).moveTo(ReferralStatus.LOST)));
    Referral same = referral(tenantB, "ref-1", VENUE, 7, "EUR", ReferralStatus.OPEN);
    economics().insertReferral(same);
    assertEquals(Optional.of(same), economics().findReferral(tenantB, same.referralId()));
    assertEquals(Optional.of(contacted), economics().findReferral(tenantA, r.referralId()));
  }

  @Test
  void commissionsRoundTripEveryStatusAndVersion() {
    Commission owed = commission(tenantA, "com-1", ACME, "ref-1", 12_500, "USD", CommissionStatus.OWED);
    Commission paid = commission(tenantA, "com-2", ACME, "ref-1", 1, "JPY", CommissionStatus.PAID);
    Commission voided = commission(tenantA, "com-3", VENUE, "ref-2", 99, "EUR", CommissionStatus.VOID);
    List.of(owed, paid, voided).forEach(economics()::insertCommission);
    for (Commission c : List.of(owed, paid, voided)) {
      assertEquals(Optional.of(c), economics().findCommission(tenantA, c.commissionId()));
    }
    assertConflict("commission", "com-1", () -> economics().insertCommission(owed));
    Commission nowPaid = owed.paid(at(1_000));
    economics().updateCommission(nowPaid);
    assertEquals(Optional.of(nowPaid), economics().findCommission(tenantA, owed.commissionId()));
    assertConflict("commission", "com-1", () -> economics().updateCommission(owed.voided()));
    assertEquals(Optional.empty(), economics().findCommission(tenantB, owed.commissionId()));
  }

  @Test
  void referralsAndCommissionsAreFilteredAndPagedById() {
    for (int i = 0; i < 9; i++) {
      economics().insertReferral(referral(tenantA, "ref-" + i, i % 2 == 0 ? ACME : VENUE, i, "USD",
          ReferralStatus.values()[i % 5]));
      economics().insertCommission(commission(tenantA, "com-" + i, i % 2 == 0 ? ACME : VENUE, "ref-" + (i % 3),
          1 + i, "USD", CommissionStatus.values()[i % 3]));
    }
    economics().insertReferral(referral(tenantB, "ref-0", ACME, 1, "USD", ReferralStatus.OPEN));
    List<String> acme = new ArrayList<>();
    ReferralQuery page = ReferralQuery.builder().partnerId(ACME).limit(2).build();
    while (true) {
      List<Referral> rows = economics().listReferrals(tenantA, page);
      rows.forEach(r -> acme.add(r.referralId().value()));
      if (rows.size() < 2) {
        break;
      }
      page = ReferralQuery.builder().from(page).afterReferralId(rows.get(rows.size() - 1).referralId()).build();
    }
    assertEquals(List.of("ref-0", "ref-2", "ref-4", "ref-6", "ref-8"), acme);
    assertEquals(List.of("ref-1", "ref-6"), economics().listReferrals(tenantA,
        ReferralQuery.builder().status(ReferralStatus.CONTACTED).build()).stream()
        .map(r -> r.referralId().value()).toList());
    assertEquals(List.of("com-1", "com-4", "com-7"), economics().listCommissions(tenantA, CommissionQuery.builder()
        .referralId(ReferralId.of("ref-1")).status(CommissionStatus.PAID).build()).stream()
        .map(c -> c.commissionId().value()).toList());
    assertEquals(List.of("com-4", "com-6", "com-8"), economics().listCommissions(tenantA, CommissionQuery.builder()
        .partnerId(ACME).afterCommissionId(CommissionId.of("com-2")).build()).stream()
        .map(c -> c.commissionId().value()).toList());
  }

  // ===============================================================================================================
  // the directory and its metrics

  private record PartnerSpec(int status, int tier, int owner, int region) {}

  private record RowSpec(int partner, int status, long minor, int currency) {}

  private record World(List<PartnerSpec> partners, List<RowSpec> referrals, List<RowSpec> commissions) {}

  private record Filter(int status, int tier, int owner, int region, int limit) {}

  private static Gen<World> worlds() {
    return in -> {
      List<PartnerSpec> partners = new ArrayList<>();
      int n = between(in, 0, 8);
      for (int i = 0; i < n; i++) {
        partners.add(new PartnerSpec(between(in, 0, 1), between(in, 0, 2), between(in, 0, 2), between(in, 0, 2)));
      }
      List<RowSpec> referrals = new ArrayList<>();
      List<RowSpec> commissions = new ArrayList<>();
      int rows = n == 0 ? 0 : between(in, 0, 14);
      for (int i = 0; i < rows; i++) {
        referrals.add(new RowSpec(between(in, 0, n - 1), between(in, 0, 4), between(in, 0, 2_000_000),
            between(in, 0, 2)));
        commissions.add(new RowSpec(between(in, 0, n - 1), between(in, 0, 2), between(in, 1, 900_000),
            between(in, 0, 2)));
      }
      return new World(partners, referrals, commissions);
    };
  }

  private static Gen<Filter> filters() {
    return in -> new Filter(between(in, 0, 2), between(in, 0, 2), between(in, 0, 2), between(in, 0, 2),
        between(in, 1, 4));
  }

  private static <T> Optional<T> pick(List<T> values, int index) {
    return index == 0 ? Optional.empty() : Optional.of(values.get(index - 1));
  }

  /**
   * On random directories, every page walk of {@code listPartners} returns exactly the partners a plain model
   * selects, in id order, and the metrics equal sums computed here: active partners among the selected, the
   * pipeline (open, contacted, qualified) estimated values and the owed commissions of the selected, per currency.
   */
  @Test
  void directoryPagesAndMetricsAgreeWithAPlainModel() {
    qt().withFixedSeed(SEED).withExamples(PROPERTY_EXAMPLES).forAll(worlds(), filters()).checkAssert((w, f) -> {
      TenantId tenant = TenantId.of("tck-e-" + UUID.randomUUID().toString().substring(0, 8));
      List<Partner> partners = new ArrayList<>();
      for (int i = 0; i < w.partners().size(); i++) {
        PartnerSpec s = w.partners().get(i);
        Partner p = Partner.builder().tenantId(tenant).partnerId(PartnerId.of(String.format("p-%02d", i)))
            .name("Partner " + i).kind(PartnerKind.OTHER)
            .status(s.status() == 0 ? PartnerStatus.ACTIVE : PartnerStatus.INACTIVE)
            .tier(pick(TIERS, s.tier())).ownerUserId(pick(OWNERS, s.owner())).region(pick(REGIONS, s.region()))
            .build();
        storage.directory().savePartner(p);
        partners.add(p);
      }
      List<Referral> referrals = new ArrayList<>();
      for (int i = 0; i < w.referrals().size(); i++) {
        RowSpec s = w.referrals().get(i);
        Referral r = referral(tenant, String.format("ref-%02d", i), partners.get(s.partner()).partnerId(),
            s.minor(), CURRENCIES.get(s.currency()), ReferralStatus.values()[s.status()]);
        economics().insertReferral(r);
        referrals.add(r);
      }
      List<Commission> commissions = new ArrayList<>();
      for (int i = 0; i < w.commissions().size(); i++) {
        RowSpec s = w.commissions().get(i);
        Commission c = commission(tenant, String.format("com-%02d", i), partners.get(s.partner()).partnerId(),
            "ref-00", s.minor(), CURRENCIES.get(s.currency()), CommissionStatus.values()[s.status()]);
        economics().insertCommission(c);
        commissions.add(c);
      }
      PartnerQuery query = PartnerQuery.builder()
          .status(f.status() == 0 ? Optional.empty()
              : Optional.of(f.status() == 1 ? PartnerStatus.ACTIVE : PartnerStatus.INACTIVE))
          .tier(pick(TIERS, f.tier())).ownerUserId(pick(OWNERS, f.owner())).region(pick(REGIONS, f.region()))
          .limit(f.limit()).build();

      List<Partner> expected = partners.stream().filter(p ->
          (query.status().isEmpty() || query.status().get() == p.status())
              && (query.tier().isEmpty() || query.tier().equals(p.tier()))
              && (query.ownerUserId().isEmpty() || query.ownerUserId().equals(p.ownerUserId()))
              && (query.region().isEmpty() || query.region().equals(p.region()))).toList();
      List<Partner> seen = new ArrayList<>();
      PartnerQuery page = query;
      for (int pages = 0; pages <= expected.size(); pages++) {
        List<Partner> rows = economics().listPartners(tenant, page);
        assertTrue(rows.size() <= query.limit(), "page larger than the limit");
        seen.addAll(rows);
        if (rows.size() < query.limit()) {
          break;
        }
        page = page.after(rows.get(rows.size() - 1));
      }
      assertEquals(expected, seen, () -> "pages of " + query);

      List<PartnerId> selected = expected.stream().map(Partner::partnerId).toList();
      Map<String, Long> pipeline = new TreeMap<>();
      referrals.stream().filter(r -> selected.contains(r.partnerId()) && r.status().inPipeline())
          .forEach(r -> pipeline.merge(r.estimatedValue().currency(), r.estimatedValue().amountMinor(), Long::sum));
      Map<String, Long> owed = new TreeMap<>();
      commissions.stream().filter(c -> selected.contains(c.partnerId()) && c.status() == CommissionStatus.OWED)
          .forEach(c -> owed.merge(c.amount().currency(), c.amount().amountMinor(), Long::sum));
      DirectoryMetrics expectedMetrics = DirectoryMetrics.builder()
          .activePartners(expected.stream().filter(p -> p.status() == PartnerStatus.ACTIVE).count())
          .pipelineValue(pipeline).owedCommission(owed).build();
      assertEquals(expectedMetrics, economics().metrics(tenant, query), () -> "metrics of " + query);
    });
  }

  @Test
  void metricsOfAnEmptyDirectoryAreZero() {
    assertEquals(DirectoryMetrics.builder().activePartners(0).build(),
        economics().metrics(tenantA, PartnerQuery.all()));
  }

  @Test
  void metricsSumLargeAmountsExactly() {
    storage.directory().savePartner(Fixtures.minimalPartner(tenantA, ACME, "Acme"));
    for (int i = 0; i < 5; i++) {
      economics().insertReferral(referral(tenantA, "ref-" + i, ACME, Money.MAX_AMOUNT_MINOR, "USD",
          ReferralStatus.QUALIFIED));
    }
    assertEquals(Map.of("USD", 5 * Money.MAX_AMOUNT_MINOR),
        economics().metrics(tenantA, PartnerQuery.all()).pipelineValue());
  }

  // ===============================================================================================================
  // backfill reads

  @Test
  void rowsWithoutTheirOwnActivityEntryAreListedById() {
    for (int i = 0; i < 4; i++) {
      economics().insertReferral(referral(tenantA, "ref-" + i, ACME, 1, "USD", ReferralStatus.OPEN));
      economics().insertCommission(commission(tenantA, "com-" + i, ACME, "ref-" + i, 1, "USD",
          CommissionStatus.OWED));
    }
    storage.activity().append(internalEntry(tenantA, "referral:ref-1", at(1)));
    storage.activity().append(internalEntry(tenantA, "commission:com-2", at(2)));
    storage.activity().append(internalEntry(tenantB, "referral:ref-2", at(3))); // another tenant's: no match
    storage.activity().append(internalEntry(tenantA, "referral:ref-x", at(4)));
    assertEquals(List.of("ref-0", "ref-2", "ref-3"), economics().referralsWithoutActivity(tenantA,
        Optional.empty(), 10).stream().map(r -> r.referralId().value()).toList());
    assertEquals(List.of("ref-2"), economics().referralsWithoutActivity(tenantA, Optional.of(ReferralId.of("ref-0")),
        1).stream().map(r -> r.referralId().value()).toList());
    assertEquals(List.of("com-0", "com-1", "com-3"), economics().commissionsWithoutActivity(tenantA,
        Optional.empty(), 10).stream().map(c -> c.commissionId().value()).toList());
    assertEquals(List.of(), economics().commissionsWithoutActivity(tenantB, Optional.empty(), 10));
    assertEquals("referral:ref-1", EconomicsStore.activityEntryId(ReferralId.of("ref-1")));
    assertEquals("commission:com-1", EconomicsStore.activityEntryId(CommissionId.of("com-1")));
  }

  // ===============================================================================================================
  // invites and plan

  @Test
  void invitesRoundTripAcceptAndConflict() {
    EventInvite issued = invite(tenantA, "inv-1", RECEPTION, ACME, "partner:p-acme", DANA, false, false);
    economics().insertInvite(issued);
    assertEquals(Optional.of(issued), economics().findInvite(tenantA, issued.inviteId()));
    assertConflict("event_invite", "inv-1", () -> economics().insertInvite(issued));
    EventInvite accepted = issued.acceptedAt(at(300), true);
    economics().updateInvite(accepted);
    assertEquals(Optional.of(accepted), economics().findInvite(tenantA, issued.inviteId()));
    assertConflict("event_invite", "inv-1", () -> economics().updateInvite(accepted));
    assertEquals(Optional.empty(), economics().findInvite(tenantB, issued.inviteId()));
  }

  /** Tallies count every selected invite as invited and only credited acceptances as accepted, by group key. */
  @Test
  void inviteTalliesCountOnlyCreditedAcceptances() {
    UserId lee = UserId.of("u-lee");
    List<EventInvite> invites = List.of(
        invite(tenantA, "inv-1", RECEPTION, ACME, "partner:p-acme", DANA, true, true),
        invite(tenantA, "inv-2", RECEPTION, ACME, "partner:p-acme", DANA, true, false),
        invite(tenantA, "inv-3", RECEPTION, ACME, "partner:p-acme", lee, false, false),
        invite(tenantA, "inv-4", RECEPTION, ACME, "user:u-lee", lee, true, true),
        invite(tenantA, "inv-5", RECEPTION, VENUE, "partner:p-venue", DANA, true, true),
        invite(tenantA, "inv-6", CEREMONY, ACME, "partner:p-acme", DANA, true, true),
        invite(tenantB, "inv-7", RECEPTION, ACME, "partner:p-acme", DANA, true, true));
    invites.forEach(economics()::insertInvite);
    InviteQuery acme = InviteQuery.builder().eventId(RECEPTION).partnerId(ACME).build();
    assertEquals(List.of(InviteTally.of("partner:p-acme", 3, 1), InviteTally.of("user:u-lee", 1, 1)),
        economics().inviteTallies(tenantA, acme, InviteGrouping.INVITER_PRINCIPAL));
    assertEquals(List.of(InviteTally.of("u-dana", 2, 1), InviteTally.of("u-lee", 2, 1)),
        economics().inviteTallies(tenantA, acme, InviteGrouping.ISSUED_BY_USER));
    assertEquals(List.of(InviteTally.of("u-dana", 3, 2), InviteTally.of("u-lee", 2, 1)),
        economics().inviteTallies(tenantA, InviteQuery.of(RECEPTION), InviteGrouping.ISSUED_BY_USER));
    assertEquals(List.of("inv-2", "inv-3"), economics().listInvites(tenantA, InviteQuery.builder()
        .from(acme).inviterPrincipal("partner:p-acme").afterInviteId(InviteId.of("inv-1")).build()).stream()
        .map(i -> i.inviteId().value()).toList());
    assertEquals(List.of("inv-3", "inv-4"), economics().listInvites(tenantA, InviteQuery.builder()
        .from(acme).issuedByUserId(lee).build()).stream().map(i -> i.inviteId().value()).toList());
    assertEquals(List.of(), economics().inviteTallies(tenantB, InviteQuery.of(CEREMONY),
        InviteGrouping.INVITER_PRINCIPAL));
    EventInvite elsewhere = EventInvite.builder().from(invite(tenantA, "inv-8", RECEPTION, ACME, "partner:p-acme",
        DANA, true, true)).occasionId(Fixtures.OTHER_OCCASION).build();
    economics().insertInvite(elsewhere);
    InviteQuery inOccasion = InviteQuery.builder().from(acme).occasionId(OCCASION).build();
    assertEquals(List.of(InviteTally.of("partner:p-acme", 3, 1), InviteTally.of("user:u-lee", 1, 1)),
        economics().inviteTallies(tenantA, inOccasion, InviteGrouping.INVITER_PRINCIPAL), "one occasion's only");
    assertEquals(List.of(InviteTally.of("partner:p-acme", 4, 2), InviteTally.of("user:u-lee", 1, 1)),
        economics().inviteTallies(tenantA, acme, InviteGrouping.INVITER_PRINCIPAL));
  }

  @Test
  void planQuotasAreReplacedWholeAndReadByKey() {
    PlanQuota invites = new PlanQuota("invites.monthly", "Event invites this month", 500, 120, at(7));
    PlanQuota seats = new PlanQuota("seats", "Partner seats", 10, 3, null);
    economics().savePlanQuotas(tenantA, List.of(seats, invites));
    assertEquals(List.of(invites, seats), economics().planQuotas(tenantA));
    assertEquals(List.of(), economics().planQuotas(tenantB));
    PlanQuota more = new PlanQuota("seats", "Partner seats", 20, 3, null);
    economics().savePlanQuotas(tenantA, List.of(more));
    assertEquals(List.of(more), economics().planQuotas(tenantA));
    assertThrows(dev.partnerkit.domain.InvalidValueException.class,
        () -> economics().savePlanQuotas(tenantA, List.of(more, more)));
    assertEquals(List.of(more), economics().planQuotas(tenantA));
  }

  // ===============================================================================================================
  // unit of work

  @Test
  void aFailedUnitOfWorkLeavesNoEconomicsRow() {
    Referral kept = referral(tenantA, "ref-kept", ACME, 1, "USD", ReferralStatus.OPEN);
    economics().insertReferral(kept);
    PlanQuota quota = new PlanQuota("seats", "Partner seats", 10, 3, null);
    economics().savePlanQuotas(tenantA, List.of(quota));
    RuntimeException boom = new IllegalStateException("boom");
    RuntimeException thrown = assertThrows(IllegalStateException.class, () -> tx(() -> {
      economics().insertReferral(referral(tenantA, "ref-new", ACME, 1, "USD", ReferralStatus.OPEN));
      economics().updateReferral(kept.moveTo(ReferralStatus.LOST));
      economics().insertCommission(commission(tenantA, "com-new", ACME, "ref-kept", 1, "USD",
          CommissionStatus.OWED));
      economics().insertInvite(invite(tenantA, "inv-new", RECEPTION, ACME, "p", DANA, false, false));
      economics().savePlanQuotas(tenantA, List.of());
      throw boom;
    }));
    assertEquals(boom, thrown);
    assertEquals(List.of(kept), economics().listReferrals(tenantA, ReferralQuery.builder().build()));
    assertEquals(List.of(), economics().listCommissions(tenantA, CommissionQuery.builder().build()));
    assertEquals(Optional.empty(), economics().findInvite(tenantA, InviteId.of("inv-new")));
    assertEquals(List.of(quota), economics().planQuotas(tenantA));
  }
}
