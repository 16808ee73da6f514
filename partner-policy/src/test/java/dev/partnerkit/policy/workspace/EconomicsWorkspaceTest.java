package dev.partnerkit.policy.workspace;

import static dev.partnerkit.policy.workspace.EconomicsWorld.ACME;
import static dev.partnerkit.policy.workspace.EconomicsWorld.BILL;
import static dev.partnerkit.policy.workspace.EconomicsWorld.CEREMONY;
import static dev.partnerkit.policy.workspace.EconomicsWorld.DANA;
import static dev.partnerkit.policy.workspace.EconomicsWorld.DREW;
import static dev.partnerkit.policy.workspace.EconomicsWorld.INKWELL;
import static dev.partnerkit.policy.workspace.EconomicsWorld.RECEPTION;
import static dev.partnerkit.policy.workspace.EconomicsWorld.TENANT;
import static dev.partnerkit.policy.workspace.EconomicsWorld.VENUE;
import static dev.partnerkit.policy.workspace.EconomicsWorld.VERA;
import static dev.partnerkit.policy.workspace.EconomicsWorld.WEDDING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnerkit.domain.Entitlement;
import dev.partnerkit.domain.EventId;
import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.PartnerCapability;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.PartnerStatus;
import dev.partnerkit.domain.ReasonCode;
import dev.partnerkit.domain.RecordNotFoundException;
import dev.partnerkit.domain.Surface;
import dev.partnerkit.domain.UserId;
import dev.partnerkit.domain.Visibility;
import dev.partnerkit.domain.economics.Commission;
import dev.partnerkit.domain.economics.CommissionDraft;
import dev.partnerkit.domain.economics.CommissionId;
import dev.partnerkit.domain.economics.CommissionStatus;
import dev.partnerkit.domain.economics.EventInvite;
import dev.partnerkit.domain.economics.InviteDraft;
import dev.partnerkit.domain.economics.InviteId;
import dev.partnerkit.domain.economics.Money;
import dev.partnerkit.domain.economics.PlanQuota;
import dev.partnerkit.domain.economics.Referral;
import dev.partnerkit.domain.economics.ReferralDraft;
import dev.partnerkit.domain.economics.ReferralId;
import dev.partnerkit.domain.economics.ReferralStatus;
import dev.partnerkit.spi.ActivityEntry;
import dev.partnerkit.spi.ActivityQuery;
import dev.partnerkit.spi.DirectoryMetrics;
import dev.partnerkit.spi.InviteGrouping;
import dev.partnerkit.spi.InviteQuery;
import dev.partnerkit.spi.InviteTally;
import dev.partnerkit.spi.PartnerQuery;
import dev.partnerkit.spi.ReferralQuery;
import dev.partnerkit.spi.memory.InMemoryStorage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The economics services end to end on the in-memory storage: every command decided, journaled and idempotent, the
 * lifecycles enforced by the decision core, all-or-nothing bulk commands, and partner reads filtered to the
 * partner's own rows by the same per-row decision as kernel records.
 */
class EconomicsWorkspaceTest {
  private static final Instant REFERRED = Instant.parse("2026-10-02T15:00:00.123456Z");

  private final EconomicsWorld world = new EconomicsWorld(InMemoryStorage.create());
  private final OperatorEconomics economics = world.economics;

  private long outboxPending() {
    return world.storage.outbox().countPending(TENANT);
  }

  private Referral stored(ReferralId id) {
    return world.storage.economics().findReferral(TENANT, id).orElseThrow();
  }

  @Test
  void aReferralIsRecordedWithItsOwnEntryAndItsEventOnce() {
    ReferralDraft draft = new ReferralDraft(ACME, "Rosa Diaz", "rosa@example.com", Money.of(250_000, "USD"),
        REFERRED);
    long events = outboxPending();
    CommandResult first = economics.recordReferral("ref-cmd-1", draft);
    assertTrue(first.applied(), first.decision().render());
    ReferralId id = ReferralId.of(first.recordId().orElseThrow());
    Referral referral = stored(id);
    assertEquals(ReferralStatus.OPEN, referral.status());
    assertEquals(Money.of(250_000, "USD"), referral.estimatedValue());

    ActivityEntry own = world.timeline().stream().filter(e -> e.entryId().equals("referral:" + id)).findFirst()
        .orElseThrow();
    assertEquals(REFERRED, own.occurredAt(), "the referral's entry sits at its referred time");
    assertEquals("referral.referred", own.eventType());
    assertEquals(Optional.of(ACME), own.partnerId());
    assertEquals(Visibility.PARTNER_VISIBLE, own.visibility());
    assertEquals(OperatorEconomics.DIRECTORY_OCCASION, own.occasionId());
    assertTrue(own.summary().contains("status open") && own.summary().contains("2500.00 USD"), own.summary());
    assertEquals(events + 1, outboxPending());

    long entries = world.timeline().size();
    CommandResult again = economics.recordReferral("ref-cmd-1", draft);
    assertTrue(again.replayed());
    assertEquals(first.recordId(), again.recordId());
    assertEquals(entries, world.timeline().size(), "a retry writes nothing");
    assertEquals(1, world.storage.economics().listReferrals(TENANT, ReferralQuery.builder().build()).size());
    assertThrows(IdempotencyKeyReusedException.class, () -> economics.recordReferral("ref-cmd-1",
        new ReferralDraft(ACME, "Rosa Diaz", "rosa@example.com", Money.of(1, "USD"), REFERRED)));
  }

  @Test
  void theReferralLifecycleIsTheDecisionCoresToEnforce() {
    ReferralId id = world.referral(ACME, "Rosa Diaz", 100, "USD", REFERRED);
    CommandResult skip = economics.moveReferral(world.key(), id, ReferralStatus.WON);
    assertFalse(skip.applied());
    assertEquals(ReasonCode.TRANSITION_NOT_ALLOWED, skip.decision().reason());
    assertEquals(ReferralStatus.OPEN, stored(id).status());
    for (ReferralStatus to : List.of(ReferralStatus.CONTACTED, ReferralStatus.QUALIFIED, ReferralStatus.WON)) {
      CommandResult moved = economics.moveReferral(world.key(), id, to);
      assertTrue(moved.applied(), moved.decision().render());
    }
    assertEquals(ReferralStatus.WON, stored(id).status());
    assertEquals(3, stored(id).version());
    CommandResult reopen = economics.moveReferral(world.key(), id, ReferralStatus.LOST);
    assertEquals(ReasonCode.TRANSITION_NOT_ALLOWED, reopen.decision().reason(), "won is final");
    assertTrue(reopen.decision().explanation().contains("Rosa Diaz"), reopen.decision().explanation());
    assertEquals(3, world.timeline().stream().filter(e -> e.eventType().equals("referral.status_changed")).count());
    assertThrows(RecordNotFoundException.class, () -> economics.moveReferral(world.key(), ReferralId.of("nope"),
        ReferralStatus.LOST));
  }

  @Test
  void anUnknownPartnerWritesNothingNotEvenTheKey() {
    ReferralDraft draft = new ReferralDraft(PartnerId.of("p-ghost"), "Rosa", "rosa@example.com",
        Money.of(1, "USD"), REFERRED);
    long entries = world.timeline().size();
    InvalidValueException e = assertThrows(InvalidValueException.class, () -> economics.recordReferral("k-x",
        draft));
    assertEquals("draft.partnerId", e.field());
    assertEquals(entries, world.timeline().size());
    assertEquals(List.of(), world.storage.economics().listReferrals(TENANT, ReferralQuery.builder().build()));
    assertTrue(world.storage.idempotency().find(TENANT, EconomicsWorld.MAYA.actorKey(), "k-x").isEmpty());
  }

  @Test
  void commissionsAreOwedThenPaidOrVoidWithValidTimes() {
    ReferralId referral = world.referral(VENUE, "Lee Park", 900_000, "EUR", REFERRED);
    Instant earned = Instant.parse("2026-10-20T10:00:00Z");
    CommissionId id = world.commission(referral, 45_000, "EUR", earned);
    Commission owed = world.storage.economics().findCommission(TENANT, id).orElseThrow();
    assertEquals(VENUE, owed.partnerId(), "owed to the referral's partner");
    assertEquals(CommissionStatus.OWED, owed.status());
    ActivityEntry own = world.timeline().stream().filter(e -> e.entryId().equals("commission:" + id)).findFirst()
        .orElseThrow();
    assertEquals(earned, own.occurredAt());
    assertEquals("commission.earned", own.eventType());

    assertThrows(InvalidValueException.class, () -> economics.markCommissionPaid(world.key(), id,
        earned.minusSeconds(1)), "never paid before it was earned");
    CommandResult paid = economics.markCommissionPaid(world.key(), id, earned.plusSeconds(60));
    assertTrue(paid.applied(), paid.decision().render());
    assertEquals(Optional.of(earned.plusSeconds(60)),
        world.storage.economics().findCommission(TENANT, id).orElseThrow().paidAt());
    CommandResult voided = economics.voidCommission(world.key(), id);
    assertEquals(ReasonCode.TRANSITION_NOT_ALLOWED, voided.decision().reason(), "paid is final");
    assertThrows(RecordNotFoundException.class, () -> economics.recordCommission(world.key(),
        new CommissionDraft(ReferralId.of("nope"), 1, "EUR", earned)));
  }

  @Test
  void operatorRolesDecide() {
    OperatorEconomics billing = world.workspace.operator(BILL).economics();
    CommandResult refused = billing.recordReferral(world.key(), new ReferralDraft(ACME, "Rosa", "rosa@example.com",
        Money.of(1, "USD"), REFERRED));
    assertEquals(ReasonCode.OPERATOR_ROLE_MISSING, refused.decision().reason());
    assertEquals(ReasonCode.OPERATOR_ROLE_MISSING, billing.changePartnerStatus(world.key(), List.of(ACME),
        PartnerStatus.INACTIVE).decision().reason());
    assertEquals(PartnerStatus.ACTIVE, world.storage.directory().findPartner(TENANT, ACME).orElseThrow().status());
    assertTrue(billing.setPlanQuotas(world.key(), List.of(new PlanQuota("seats", "Seats", 5, 1, null))).applied(),
        "the plan is the billing admin's");
    assertTrue(billing.partners(PartnerQuery.all()).decision().allowed(), "every operator reads the directory");
  }

  @Test
  void bulkStatusIsAllOrNothingWithOneEntryPerChangedPartner() {
    world.storage.directory().savePartner(dev.partnerkit.domain.Partner.builder().tenantId(TENANT)
        .partnerId(PartnerId.of("p-print")).name("Inkwell Print").kind(dev.partnerkit.domain.PartnerKind.PRINTER)
        .status(PartnerStatus.INACTIVE).build());
    List<PartnerId> three = List.of(ACME, VENUE, PartnerId.of("p-print"));
    long entries = world.timeline().size();
    long events = outboxPending();
    assertThrows(RecordNotFoundException.class, () -> economics.changePartnerStatus(world.key(),
        List.of(ACME, PartnerId.of("p-ghost")), PartnerStatus.INACTIVE));
    assertEquals(PartnerStatus.ACTIVE, world.storage.directory().findPartner(TENANT, ACME).orElseThrow().status(),
        "all or nothing");

    CommandResult bulk = economics.changePartnerStatus("bulk-1", three, PartnerStatus.INACTIVE);
    assertTrue(bulk.applied(), bulk.decision().render());
    for (PartnerId p : three) {
      assertEquals(PartnerStatus.INACTIVE, world.storage.directory().findPartner(TENANT, p).orElseThrow().status());
    }
    List<ActivityEntry> changed = world.timeline().stream()
        .filter(e -> e.eventType().equals("partner.status_changed")).toList();
    assertEquals(Set.of(ACME, VENUE), changed.stream().map(e -> e.partnerId().orElseThrow())
        .collect(java.util.stream.Collectors.toSet()), "one entry per partner that changed");
    assertEquals(2, changed.size());
    assertEquals(entries + 2, world.timeline().size());
    assertEquals(events + 2, outboxPending());

    assertTrue(economics.changePartnerStatus("bulk-1", List.of(VENUE, ACME, PartnerId.of("p-print")),
        PartnerStatus.INACTIVE).replayed(), "the same partners in another order are the same command");
    assertEquals(entries + 2, world.timeline().size());
    CommandResult noop = economics.changePartnerStatus(world.key(), three, PartnerStatus.INACTIVE);
    assertTrue(noop.applied());
    assertEquals(1, world.timeline().stream().filter(e -> e.eventType().equals("partner.status_unchanged"))
        .count());
    assertEquals(DirectoryMetrics.builder().activePartners(0).build(), economics.metrics(PartnerQuery.all())
        .items().get(0));
  }

  @Test
  void directoryReadsFilterPageAndSum() {
    world.referral(ACME, "Rosa Diaz", 250_000, "USD", REFERRED);
    ReferralId lost = world.referral(ACME, "Lee Park", 70_000, "USD", REFERRED);
    economics.moveReferral(world.key(), lost, ReferralStatus.LOST);
    ReferralId venue = world.referral(VENUE, "Ann Wu", 1_000, "EUR", REFERRED);
    world.commission(venue, 300, "EUR", REFERRED);
    ReadResult<DirectoryMetrics> all = economics.metrics(PartnerQuery.all());
    assertEquals(DirectoryMetrics.builder().activePartners(2).putPipelineValue("USD", 250_000L)
        .putPipelineValue("EUR", 1_000L).putOwedCommission("EUR", 300L).build(), all.items().get(0));
    ReadResult<DirectoryMetrics> gold = economics.metrics(PartnerQuery.builder().tier("gold").build());
    assertEquals(DirectoryMetrics.builder().activePartners(1).putPipelineValue("USD", 250_000L).build(),
        gold.items().get(0));
    ReadResult<dev.partnerkit.domain.Partner> page = economics.partners(PartnerQuery.builder().limit(1).build());
    assertEquals(List.of(ACME), page.items().stream().map(dev.partnerkit.domain.Partner::partnerId).toList());
    assertEquals(Optional.of("p-acme"), page.nextCursor());
    assertEquals(List.of(VENUE), economics.partners(PartnerQuery.builder().limit(1)
        .afterPartnerId(PartnerId.of(page.nextCursor().get())).build()).items().stream()
        .map(dev.partnerkit.domain.Partner::partnerId).toList());
    assertEquals(List.of(ACME), economics.partners(PartnerQuery.builder().ownerUserId(UserId.of("u-maya"))
        .region("Midwest").build()).items().stream().map(dev.partnerkit.domain.Partner::partnerId).toList());
  }

  // ===============================================================================================================
  // partner reads

  @Test
  void membersWithTheFlagSeeTheirOwnPartnersRowsOnly() {
    ReferralId acme1 = world.referral(ACME, "Rosa Diaz", 100, "USD", REFERRED);
    ReferralId acme2 = world.referral(ACME, "Lee Park", 200, "USD", REFERRED);
    ReferralId venue = world.referral(VENUE, "Ann Wu", 300, "USD", REFERRED);
    CommissionId acmeCommission = world.commission(acme1, 10, "USD", REFERRED);
    world.commission(venue, 30, "USD", REFERRED);
    world.scorecardGrant(ACME, Set.of(), Optional.empty());
    world.scorecardGrant(VENUE, Set.of(), Optional.empty());

    PartnerEconomics dana = world.session(DANA).economics();
    ReadResult<Referral> referrals = dana.referrals();
    assertTrue(referrals.decision().allowed(), referrals.decision().render());
    assertEquals(Set.of(acme1, acme2), referrals.items().stream().map(Referral::referralId)
        .collect(java.util.stream.Collectors.toSet()));
    assertEquals(List.of(acmeCommission), dana.commissions().items().stream().map(Commission::commissionId)
        .toList());
    assertEquals(List.of(venue), world.session(VERA).economics().referrals().items().stream()
        .map(Referral::referralId).toList());

    ReadResult<Referral> drew = world.session(DREW).economics().referrals();
    assertEquals(ReasonCode.MEMBER_FLAG_MISSING, drew.decision().reason());
    assertEquals(List.of(), drew.items());

    // the partner directory timeline: own partner-visible entries only (not VENUE's, not internal ones)
    economics.changePartnerStatus(world.key(), List.of(ACME), PartnerStatus.ACTIVE);
    List<ActivityEntry> timeline = dana.activity(ActivityQuery.builder().build()).items();
    assertEquals(Set.of("referral:" + acme1, "referral:" + acme2, "commission:" + acmeCommission),
        timeline.stream().map(ActivityEntry::entryId).collect(java.util.stream.Collectors.toSet()));
  }

  @Test
  void pagesOfAPartnersRowsFollowTheCursor() {
    for (int i = 0; i < 5; i++) {
      world.referral(ACME, "Client " + i, i, "USD", REFERRED);
      world.referral(VENUE, "Other " + i, i, "USD", REFERRED);
    }
    world.scorecardGrant(ACME, Set.of(), Optional.empty());
    PartnerEconomics dana = world.session(DANA).economics();
    List<ReferralId> seen = new java.util.ArrayList<>();
    ReferralQuery page = ReferralQuery.builder().limit(2).build();
    for (int i = 0; i < 10; i++) {
      ReadResult<Referral> r = dana.referrals(page);
      r.items().forEach(x -> seen.add(x.referralId()));
      if (r.nextCursor().isEmpty()) {
        break;
      }
      page = ReferralQuery.builder().from(page).afterReferralId(ReferralId.of(r.nextCursor().get())).build();
    }
    assertEquals(world.storage.economics().listReferrals(TENANT, ReferralQuery.builder().partnerId(ACME).build())
        .stream().map(Referral::referralId).toList(), seen);
  }

  @Test
  void theGrantDecidesWhatAPartnerSees() {
    world.referral(ACME, "Rosa Diaz", 100, "USD", REFERRED);
    // a grant without the scorecard surface opens the session but not the economics
    world.grant(ACME, Set.of(), Optional.empty(), Set.of(Surface.ACTIVITY), Set.of(PartnerCapability.VIEW_ACTIVITY));
    assertEquals(ReasonCode.SURFACE_NOT_GRANTED, world.session(DANA).economics().referrals().decision().reason());
    // a scorecard grant narrowed to events: the listing opens, but a referral belongs to no event
    world.scorecardGrant(ACME, Set.of(RECEPTION), Optional.empty());
    ReadResult<Referral> narrowed = world.session(DANA).economics().referrals();
    assertTrue(narrowed.decision().allowed());
    assertEquals(List.of(), narrowed.items());
    // an integration principal with a scorecard grant naming it: the scorecard opens, but every row's own decision
    // refuses a principal (economics are for members), so it sees none; per-event metrics are refused outright
    world.scorecardGrant(ACME, Set.of(), Optional.of(INKWELL.principalId()));
    PartnerEconomics inkwell = world.session(INKWELL).economics();
    assertTrue(inkwell.referrals().decision().allowed());
    assertEquals(List.of(), inkwell.referrals().items());
    assertEquals(ReasonCode.MEMBER_FLAG_MISSING, inkwell.inviteMetrics(RECEPTION, InviteGrouping.ISSUED_BY_USER)
        .decision().reason());
  }

  // ===============================================================================================================
  // invites and plan

  private InviteDraft invite(String id, EventId event, PartnerId host, String principal, String issuer,
      boolean accepted, boolean credited) {
    Instant issued = Instant.parse("2026-11-02T10:00:00Z");
    return new InviteDraft(InviteId.of(id), WEDDING, event, host, principal, UserId.of(issuer), issued, accepted,
        credited, accepted ? issued.plusSeconds(3600) : null);
  }

  @Test
  void inviteMetricsCountCreditedAcceptancesForTheHostPartnersMembers() {
    CommandResult imported = economics.recordInvites(world.key(), List.of(
        invite("inv-1", RECEPTION, ACME, "partner:p-acme", "u-dana", true, true),
        invite("inv-2", RECEPTION, ACME, "partner:p-acme", "u-dana", true, false),
        invite("inv-3", RECEPTION, ACME, "user:u-drew", "u-drew", false, false),
        invite("inv-4", RECEPTION, VENUE, "partner:p-venue", "u-vera", true, true)));
    assertTrue(imported.applied(), imported.decision().render());
    assertTrue(economics.recordInvites(world.key(), List.of(
        invite("inv-5", CEREMONY, ACME, "partner:p-acme", "u-dana", true, true))).applied());
    CommandResult accepted = economics.recordAcceptance(world.key(), InviteId.of("inv-3"),
        Instant.parse("2026-11-03T10:00:00Z"), true);
    assertTrue(accepted.applied(), accepted.decision().render());
    assertEquals(ReasonCode.TRANSITION_NOT_ALLOWED, economics.recordAcceptance(world.key(), InviteId.of("inv-3"),
        Instant.parse("2026-11-03T11:00:00Z"), false).decision().reason(), "no double acceptance");

    world.scorecardGrant(ACME, Set.of(RECEPTION), Optional.empty());
    world.scorecardGrant(VENUE, Set.of(), Optional.empty());
    PartnerEconomics dana = world.session(DANA).economics();
    assertEquals(List.of(InviteTally.of("partner:p-acme", 2, 1), InviteTally.of("user:u-drew", 1, 1)),
        dana.inviteMetrics(RECEPTION, InviteGrouping.INVITER_PRINCIPAL).items());
    assertEquals(List.of(InviteTally.of("u-dana", 2, 1), InviteTally.of("u-drew", 1, 1)),
        dana.inviteMetrics(RECEPTION, InviteGrouping.ISSUED_BY_USER).items());
    assertEquals(List.of("inv-1", "inv-2", "inv-3"), dana.invites(InviteQuery.of(RECEPTION)).items().stream()
        .map(i -> i.inviteId().value()).toList());
    ReadResult<InviteTally> outside = dana.inviteMetrics(CEREMONY, InviteGrouping.INVITER_PRINCIPAL);
    assertEquals(ReasonCode.OUT_OF_SCOPE, outside.decision().reason(), "the grant covers the reception only");
    assertEquals(List.of(), outside.items());

    assertEquals(List.of(InviteTally.of("partner:p-venue", 1, 1)), world.session(VERA).economics()
        .inviteMetrics(RECEPTION, InviteGrouping.INVITER_PRINCIPAL).items(), "Vera sees her own partner's only");
    assertEquals(ReasonCode.MEMBER_FLAG_MISSING, world.session(DREW).economics()
        .inviteMetrics(RECEPTION, InviteGrouping.INVITER_PRINCIPAL).decision().reason());
    assertEquals(List.of(InviteTally.of("partner:p-acme", 2, 1), InviteTally.of("partner:p-venue", 1, 1),
        InviteTally.of("user:u-drew", 1, 1)), economics.inviteMetrics(InviteQuery.of(RECEPTION),
        InviteGrouping.INVITER_PRINCIPAL).items(), "operators see every partner's");
  }

  @Test
  void invitesOfAnOccasionWithoutVendorAccessAreNotRecorded() {
    OccasionId gala = EconomicsWorld.GALA;
    InviteDraft draft = new InviteDraft(InviteId.of("inv-g"), gala, EventId.of("ev-gala"), ACME, "partner:p-acme",
        UserId.of("u-dana"), Instant.parse("2026-11-02T10:00:00Z"), false, false, null);
    CommandResult refused = economics.recordInvites(world.key(), List.of(draft));
    assertEquals(ReasonCode.PRODUCT_SCOPE_UNAVAILABLE, refused.decision().reason());
    assertEquals(Optional.empty(), world.storage.economics().findInvite(TENANT, InviteId.of("inv-g")));
    world.ops.setEntitlements(world.key(), gala, Set.of(Entitlement.MULTI_USER_SUPPORT));
    assertTrue(economics.recordInvites(world.key(), List.of(draft)).applied());
    EventInvite stored = world.storage.economics().findInvite(TENANT, InviteId.of("inv-g")).orElseThrow();
    assertEquals(gala, stored.occasionId());
    assertThrows(InvalidValueException.class, () -> economics.recordInvites(world.key(), List.of(draft,
        invite("inv-x", RECEPTION, ACME, "p", "u", false, false))), "one import, one occasion and event");
  }

  @Test
  void partnerMembersReadThePlanTheHostSupplies() {
    PlanQuota invites = new PlanQuota("invites.monthly", "Event invites this month", 500, 120,
        Instant.parse("2026-12-01T06:00:00Z"));
    assertTrue(economics.setPlanQuotas(world.key(), List.of(invites)).applied());
    world.scorecardGrant(ACME, Set.of(), Optional.empty());
    ReadResult<PlanQuota> plan = world.session(DREW).economics().plan();
    assertTrue(plan.decision().allowed(), plan.decision().render());
    assertEquals(List.of(invites), plan.items());
    assertEquals(List.of(invites), economics.planQuotas().items());
  }
}
