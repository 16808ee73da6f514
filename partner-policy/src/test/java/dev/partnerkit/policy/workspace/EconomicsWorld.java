package dev.partnerkit.policy.workspace;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnerkit.domain.Actor;
import dev.partnerkit.domain.Entitlement;
import dev.partnerkit.domain.EventId;
import dev.partnerkit.domain.GrantId;
import dev.partnerkit.domain.GrantScope;
import dev.partnerkit.domain.IntegrationPrincipal;
import dev.partnerkit.domain.IntegrationPrincipalId;
import dev.partnerkit.domain.MembershipStatus;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.OperatorRole;
import dev.partnerkit.domain.OperatorUser;
import dev.partnerkit.domain.Partner;
import dev.partnerkit.domain.PartnerCapability;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.PartnerKind;
import dev.partnerkit.domain.PartnerMember;
import dev.partnerkit.domain.Surface;
import dev.partnerkit.domain.Tenant;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.UserId;
import dev.partnerkit.domain.economics.CommissionDraft;
import dev.partnerkit.domain.economics.CommissionId;
import dev.partnerkit.domain.economics.Money;
import dev.partnerkit.domain.economics.ReferralDraft;
import dev.partnerkit.domain.economics.ReferralId;
import dev.partnerkit.spi.ActivityEntry;
import dev.partnerkit.spi.ActivityQuery;
import dev.partnerkit.spi.PartnerkitStorage;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A world for the economics tests: Toni Catering with Maya (owner) and Bill (billing admin), Acme Rentals with Dana
 * (can_view_metrics) and Drew (no flag) and its integration Inkwell, Lakeside Hall with Vera (can_view_metrics), and
 * one wedding with two events and vendor_access on.
 *
 * <p>Sessions are opened only through {@link #session(Actor)}: the one place to change when sessions open from
 * stored ids instead of caller-built actors.
 */
class EconomicsWorld {
  static final TenantId TENANT = TenantId.of("toni-catering");
  static final OccasionId WEDDING = OccasionId.of("occ-wedding");
  static final OccasionId GALA = OccasionId.of("occ-gala");
  static final EventId RECEPTION = EventId.of("ev-reception");
  static final EventId CEREMONY = EventId.of("ev-ceremony");
  static final PartnerId ACME = PartnerId.of("p-acme");
  static final PartnerId VENUE = PartnerId.of("p-venue");
  static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
  static final Instant UNTIL = Instant.parse("2026-11-20T00:00:00Z");
  static final OperatorUser MAYA = OperatorUser.builder().userId(UserId.of("u-maya")).tenantId(TENANT)
      .displayName("Maya").addRoles(OperatorRole.OWNER_OPS_LEAD).build();
  static final OperatorUser BILL = OperatorUser.builder().userId(UserId.of("u-bill")).tenantId(TENANT)
      .displayName("Bill").addRoles(OperatorRole.BILLING_ADMIN).build();
  static final PartnerMember DANA = PartnerMember.builder().tenantId(TENANT).userId(UserId.of("u-dana")).partnerId(ACME)
      .displayName("Dana").canViewMetrics(true).status(MembershipStatus.ACTIVE).build();
  static final PartnerMember DREW = PartnerMember.builder().tenantId(TENANT).userId(UserId.of("u-drew")).partnerId(ACME)
      .displayName("Drew").status(MembershipStatus.ACTIVE).build();
  static final PartnerMember VERA = PartnerMember.builder().tenantId(TENANT).userId(UserId.of("u-vera")).partnerId(VENUE)
      .displayName("Vera").canViewMetrics(true).status(MembershipStatus.ACTIVE).build();
  static final IntegrationPrincipal INKWELL = IntegrationPrincipal.builder().tenantId(TENANT)
      .principalId(IntegrationPrincipalId.of("ip-inkwell")).partnerId(ACME).name("Inkwell").build();

  final WorkspaceWorld.MutableClock clock = new WorkspaceWorld.MutableClock(Instant.parse("2026-11-05T15:00:00Z"));
  final PartnerkitStorage storage;
  final PartnerWorkspace workspace;
  final OperatorConsole ops;
  final OperatorEconomics economics;
  private int keys;

  EconomicsWorld(PartnerkitStorage storage) {
    this.storage = storage;
    this.workspace = PartnerWorkspace.builder().storage(storage).clock(clock).build();
    this.ops = workspace.operator(MAYA);
    this.economics = ops.economics();
    storage.directory().saveTenant(Tenant.of(TENANT, "Toni Catering", ZoneId.of("America/Chicago")));
    storage.directory().savePartner(Partner.builder().tenantId(TENANT).partnerId(ACME).name("Acme Rentals")
        .kind(PartnerKind.RENTAL_COMPANY).tier("gold").region("Midwest").ownerUserId(MAYA.userId()).build());
    storage.directory().savePartner(Partner.builder().tenantId(TENANT).partnerId(VENUE).name("Lakeside Hall")
        .kind(PartnerKind.VENUE).tier("silver").region("South").build());
    assertTrue(ops.setEntitlements(key(), WEDDING, Set.of(Entitlement.MULTI_USER_SUPPORT)).applied());
  }

  String key() {
    return "k-" + (++keys);
  }

  /** Issues and activates a grant on the wedding's scorecard (view_scorecard), optionally narrowed. */
  GrantId scorecardGrant(PartnerId partner, Collection<EventId> events,
      Optional<IntegrationPrincipalId> principal) {
    return grant(partner, events, principal, Set.of(Surface.SCORECARD), Set.of(PartnerCapability.VIEW_SCORECARD));
  }

  GrantId grant(PartnerId partner, Collection<EventId> events, Optional<IntegrationPrincipalId> principal,
      Set<Surface> surfaces, Set<PartnerCapability> capabilities) {
    GrantDraft draft = GrantDraft.builder().partnerId(partner).integrationPrincipal(principal)
        .scope(GrantScope.builder().occasionId(WEDDING).surfaces(surfaces).events(events).build())
        .capabilities(capabilities).validFrom(FROM).validUntil(UNTIL).build();
    principal.filter(INKWELL.principalId()::equals).filter(id -> storage.directory().findPrincipal(TENANT, id)
        .isEmpty()).ifPresent(id -> storage.directory().insertPrincipal(INKWELL));
    CommandResult issued = principal.isEmpty() ? ops.issueGrant(key(), draft)
        : ops.issuePresetGrant(key(), dev.partnerkit.domain.IntegrationPreset.PRINTER, draft,
            Optional.of("a custom machine grant for this test world"));
    assertTrue(issued.applied(), issued.decision().render());
    GrantId grantId = GrantId.of(issued.recordId().orElseThrow());
    assertTrue(ops.activateGrant(key(), grantId).applied());
    return grantId;
  }

  /** Opens a partner session on the wedding as the host would, and fails when it is refused. */
  PartnerSession session(Actor actor) {
    PartnerSessionOpening opening = StoredActors.open(workspace, storage, actor, WEDDING);
    return opening.session().orElseThrow(() -> new AssertionError(opening.decision().render()));
  }

  /** Records a referral through the console and returns its id. */
  ReferralId referral(PartnerId partner, String client, long minor, String currency, Instant referredAt) {
    CommandResult r = economics.recordReferral(key(), new ReferralDraft(partner, client,
        client.toLowerCase(java.util.Locale.ROOT).replace(' ', '.') + "@example.com", Money.of(minor, currency),
        referredAt));
    assertTrue(r.applied(), r.decision().render());
    return ReferralId.of(r.recordId().orElseThrow());
  }

  /** Records a commission through the console and returns its id. */
  CommissionId commission(ReferralId referral, long minor, String currency, Instant earnedAt) {
    CommandResult c = economics.recordCommission(key(), new CommissionDraft(referral, minor, currency, earnedAt));
    assertTrue(c.applied(), c.decision().render());
    return CommissionId.of(c.recordId().orElseThrow());
  }

  /** @return every activity entry of the tenant, in timeline order */
  List<ActivityEntry> timeline() {
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
}
