package dev.partnerkit.jdbc;

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
import dev.partnerkit.policy.workspace.CommandResult;
import dev.partnerkit.policy.workspace.GrantDraft;
import dev.partnerkit.policy.workspace.OperatorConsole;
import dev.partnerkit.policy.workspace.PartnerSession;
import dev.partnerkit.policy.workspace.PartnerSessionOpening;
import dev.partnerkit.policy.workspace.PartnerWorkspace;
import dev.partnerkit.spi.PartnerkitStorage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * The world of the seed's surface scenarios on any store: Toni Catering and Maya, Acme Rentals with Dana and Acme
 * sync, Lakeside Hall with Vera, the wedding with its reception and ceremony. Sessions open only through
 * {@link #session(Actor)}, so a change in how sessions open is one edit here.
 */
final class SurfacesWorld {
  static final TenantId TENANT = TenantId.of("toni-catering");
  static final OccasionId WEDDING = OccasionId.of("occ-wedding");
  static final EventId RECEPTION = EventId.of("ev-reception");
  static final EventId CEREMONY = EventId.of("ev-ceremony");
  static final PartnerId ACME = PartnerId.of("p-acme");
  static final PartnerId LAKESIDE = PartnerId.of("p-lakeside");
  static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
  static final OperatorUser MAYA = OperatorUser.builder().userId(UserId.of("u-maya")).tenantId(TENANT)
      .displayName("Maya").addRoles(OperatorRole.OWNER_OPS_LEAD).build();
  static final PartnerMember DANA = member("u-dana", ACME, "Dana");
  static final PartnerMember VERA = member("u-vera", LAKESIDE, "Vera");
  static final IntegrationPrincipal ACME_SYNC = IntegrationPrincipal.builder().tenantId(TENANT)
      .principalId(IntegrationPrincipalId.of("ip-acme-sync")).partnerId(ACME).name("Acme sync").build();

  final PartnerkitStorage storage;
  final PartnerWorkspace workspace;
  final OperatorConsole ops;
  private int keys;

  SurfacesWorld(PartnerkitStorage storage) {
    this.storage = storage;
    this.workspace = PartnerWorkspace.builder().storage(storage).clock(new Ticking()).build();
    this.ops = workspace.operator(MAYA);
    storage.directory().saveTenant(Tenant.of(TENANT, "Toni Catering", ZoneId.of("America/Chicago")));
    storage.directory().savePartner(Partner.builder().tenantId(TENANT).partnerId(ACME).name("Acme Rentals")
        .kind(PartnerKind.RENTAL_COMPANY).build());
    storage.directory().savePartner(Partner.builder().tenantId(TENANT).partnerId(LAKESIDE).name("Lakeside Hall")
        .kind(PartnerKind.VENUE).build());
    require(ops.setEntitlements(key(), WEDDING, Set.of(Entitlement.MULTI_USER_SUPPORT)));
  }

  static PartnerMember member(String userId, PartnerId partner, String name) {
    return PartnerMember.builder().tenantId(TENANT).userId(UserId.of(userId)).partnerId(partner).displayName(name)
        .status(MembershipStatus.ACTIVE).build();
  }

  String key() {
    return "k-" + (++keys);
  }

  /** Issues and activates a grant for {@code partner}'s people on the wedding (narrowed to {@code events}). */
  GrantId grant(PartnerId partner, Collection<Surface> surfaces, Collection<PartnerCapability> capabilities,
      Collection<EventId> events) {
    return grant(GrantDraft.builder().partnerId(partner).scope(GrantScope.builder().occasionId(WEDDING)
        .surfaces(surfaces).events(events).build()).capabilities(capabilities).validFrom(FROM).build());
  }

  /** Issues and activates a grant for Acme sync on the wedding. */
  GrantId machineGrant(Collection<Surface> surfaces, Collection<PartnerCapability> capabilities) {
    return grant(GrantDraft.builder().partnerId(ACME).integrationPrincipal(ACME_SYNC.principalId())
        .scope(GrantScope.builder().occasionId(WEDDING).surfaces(surfaces).build()).capabilities(capabilities)
        .validFrom(FROM).build());
  }

  GrantId grant(GrantDraft draft) {
    // a machine's grant names a stored principal: store Acme sync first when a test has not opened its session yet
    draft.integrationPrincipal().filter(ACME_SYNC.principalId()::equals)
        .filter(id -> storage.directory().findPrincipal(TENANT, id).isEmpty())
        .ifPresent(id -> storage.directory().insertPrincipal(ACME_SYNC));
    GrantId id = GrantId.of(require(draft.integrationPrincipal().isEmpty() ? ops.issueGrant(key(), draft)
        : ops.issuePresetGrant(key(), dev.partnerkit.domain.IntegrationPreset.PRINTER, draft,
            java.util.Optional.of("a custom machine grant for this test world"))).recordId().orElseThrow());
    require(ops.activateGrant(key(), id));
    return id;
  }

  PartnerSessionOpening opening(Actor actor) {
    if (actor instanceof PartnerMember m) {
      storeMember(m);
      return workspace.openPartnerSession(TENANT, m.userId(), m.partnerId(), WEDDING);
    }
    IntegrationPrincipal p = (IntegrationPrincipal) actor;
    var stored = storage.directory().findPrincipal(TENANT, p.principalId());
    if (stored.isEmpty()) {
      storage.directory().insertPrincipal(p);
    } else if (!dev.partnerkit.domain.ImmutableIntegrationPrincipal.copyOf(p).withVersion(stored.get().version())
        .equals(stored.get())) {
      storage.directory().updatePrincipal(dev.partnerkit.domain.ImmutableIntegrationPrincipal.copyOf(p)
          .withVersion(stored.get().version() + 1));
    }
    return workspace.openIntegrationSession(TENANT, p.principalId(), WEDDING);
  }

  /** Stores the membership as described (test setup; the workspace only ever reads it back). */
  private void storeMember(PartnerMember m) {
    var stored = storage.directory().findMember(TENANT, m.partnerId(), m.userId());
    if (stored.isEmpty()) {
      storage.directory().insertMember(m);
    } else if (!dev.partnerkit.domain.ImmutablePartnerMember.copyOf(m).withVersion(stored.get().version())
        .equals(stored.get())) {
      storage.directory().updateMember(dev.partnerkit.domain.ImmutablePartnerMember.copyOf(m)
          .withVersion(stored.get().version() + 1));
    }
  }

  PartnerSession session(Actor actor) {
    return opening(actor).session().orElseThrow(() -> new AssertionError("no session for " + actor.label()));
  }

  static Set<Surface> surfaces(Surface... surfaces) {
    Set<Surface> out = EnumSet.noneOf(Surface.class);
    out.addAll(Set.of(surfaces));
    return out;
  }

  /** A clock from 2026-11-05T15:00Z that moves one millisecond per read: records made in turn are ordered. */
  static final class Ticking extends Clock {
    private final java.util.concurrent.atomic.AtomicLong millis =
        new java.util.concurrent.atomic.AtomicLong(Instant.parse("2026-11-05T15:00:00Z").toEpochMilli());

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis.getAndIncrement());
    }
  }

  static CommandResult require(CommandResult result) {
    assertTrue(result.applied(), () -> result.decision().render());
    return result;
  }
}
