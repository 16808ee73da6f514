package dev.partnerkit.policy.surface;

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
import dev.partnerkit.domain.RecordType;
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
import dev.partnerkit.spi.ActivityQuery;
import dev.partnerkit.spi.PartnerkitStorage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A world for the documents, comments and blockers surfaces: Toni Catering with Maya (owner) and Cory
 * (coordinator), Acme Rentals with Dana and its machine Acme sync, Lakeside Hall with Vera, one wedding with a
 * reception and a ceremony. Sessions open through {@link #session(Actor)} only, so a change in how sessions open is
 * one edit here.
 */
public final class SurfaceWorld {
  public static final TenantId TENANT = TenantId.of("toni-catering");
  public static final OccasionId WEDDING = OccasionId.of("occ-wedding");
  public static final EventId RECEPTION = EventId.of("ev-reception");
  public static final EventId CEREMONY = EventId.of("ev-ceremony");
  public static final PartnerId ACME = PartnerId.of("p-acme");
  public static final PartnerId LAKESIDE = PartnerId.of("p-lakeside");
  public static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
  public static final Instant UNTIL = Instant.parse("2026-11-20T00:00:00Z");
  public static final OperatorUser MAYA = OperatorUser.builder().userId(UserId.of("u-maya")).tenantId(TENANT)
      .displayName("Maya").addRoles(OperatorRole.OWNER_OPS_LEAD).build();
  public static final PartnerMember DANA = member("u-dana", ACME, "Dana");
  public static final PartnerMember VERA = member("u-vera", LAKESIDE, "Vera");
  public static final IntegrationPrincipal ACME_SYNC = IntegrationPrincipal.builder().tenantId(TENANT)
      .principalId(IntegrationPrincipalId.of("ip-acme-sync")).partnerId(ACME).name("Acme sync").writeEnabled(true)
      .build();
  /** The surfaces of this world's grants. */
  public static final Set<Surface> SURFACES = EnumSet.of(Surface.DOCUMENTS, Surface.COMMENTS, Surface.BLOCKERS,
      Surface.TASKS, Surface.ACTIVITY);
  /** The capabilities of this world's grants. */
  public static final Set<PartnerCapability> CAPABILITIES = EnumSet.of(PartnerCapability.COMMENT,
      PartnerCapability.RESPOND_BLOCKER, PartnerCapability.MANAGE_TASK, PartnerCapability.VIEW_ACTIVITY);

  /** A clock that moves one millisecond each time it is read, so records made one after another are ordered. */
  public final Clock clock = new Ticking(Instant.parse("2026-11-05T15:00:00Z"));
  public final PartnerkitStorage storage;
  public final PartnerWorkspace workspace;
  public final OperatorConsole ops;
  private int keys;

  public SurfaceWorld(PartnerkitStorage storage, RecordType<?, ?>... extraTypes) {
    this.storage = storage;
    PartnerWorkspace.Builder builder = PartnerWorkspace.builder().storage(storage).clock(clock);
    for (RecordType<?, ?> type : extraTypes) {
      builder.recordType(type);
    }
    this.workspace = builder.build();
    this.ops = workspace.operator(MAYA);
    storage.directory().saveTenant(Tenant.of(TENANT, "Toni Catering", ZoneId.of("America/Chicago")));
    storage.directory().savePartner(Partner.builder().tenantId(TENANT).partnerId(ACME).name("Acme Rentals")
        .kind(PartnerKind.RENTAL_COMPANY).build());
    storage.directory().savePartner(Partner.builder().tenantId(TENANT).partnerId(LAKESIDE).name("Lakeside Hall")
        .kind(PartnerKind.VENUE).build());
    // the people the tests name are stored members (mentions check the stored membership)
    for (PartnerMember m : List.of(DANA, VERA, member("u-lee", ACME, "Lee"), member("u-lee", LAKESIDE, "Lee"))) {
      storage.directory().insertMember(m);
    }
    require(ops.setEntitlements(key(), WEDDING, Set.of(Entitlement.MULTI_USER_SUPPORT)));
  }

  public static PartnerMember member(String userId, PartnerId partner, String name) {
    return PartnerMember.builder().tenantId(TENANT).userId(UserId.of(userId)).partnerId(partner).displayName(name)
        .status(MembershipStatus.ACTIVE).build();
  }

  public String key() {
    return "k-" + (++keys);
  }

  /** Issues and activates a grant for {@code partner}'s people on this world's surfaces, narrowed to {@code events}. */
  public GrantId grant(PartnerId partner, Collection<EventId> events) {
    return grant(GrantDraft.builder().partnerId(partner).scope(GrantScope.builder().occasionId(WEDDING)
        .surfaces(SURFACES).events(events).build()).capabilities(CAPABILITIES).validFrom(FROM).validUntil(UNTIL)
        .build());
  }

  /** A grant for {@code partner}'s people on the whole wedding. */
  public GrantId wideGrant(PartnerId partner) {
    return grant(partner, Set.of());
  }

  /** A grant for Acme's integration principal on the whole wedding. */
  public GrantId machineGrant() {
    return grant(GrantDraft.builder().partnerId(ACME).integrationPrincipal(ACME_SYNC.principalId())
        .scope(GrantScope.builder().occasionId(WEDDING).surfaces(SURFACES).build()).capabilities(CAPABILITIES)
        .validFrom(FROM).validUntil(UNTIL).build());
  }

  public GrantId grant(GrantDraft draft) {
    // a machine's grant names a stored principal: store Acme sync first when a test has not opened its session yet
    draft.integrationPrincipal().filter(ACME_SYNC.principalId()::equals)
        .filter(id -> storage.directory().findPrincipal(TENANT, id).isEmpty())
        .ifPresent(id -> storage.directory().insertPrincipal(ACME_SYNC));
    CommandResult issued = require(draft.integrationPrincipal().isEmpty() ? ops.issueGrant(key(), draft)
        : ops.issuePresetGrant(key(), dev.partnerkit.domain.IntegrationPreset.PRINTER, draft,
            java.util.Optional.of("a custom machine grant for this test world")));
    GrantId id = GrantId.of(issued.recordId().orElseThrow());
    require(ops.activateGrant(key(), id));
    return id;
  }

  /** Opens a session of {@code actor} on the wedding; fails when it does not open. */
  public PartnerSession session(Actor actor) {
    return opening(actor).session().orElseThrow(() -> new AssertionError("no session for " + actor.label()));
  }

  /** The opening of a session of {@code actor} on the wedding. */
  public PartnerSessionOpening opening(Actor actor) {
    return dev.partnerkit.policy.workspace.StoredActors.open(workspace, storage, actor, WEDDING);
  }

  public long activityCount() {
    return storage.activity().count(TENANT, ActivityQuery.builder().build());
  }

  /** A clock that ticks one millisecond per read. */
  static final class Ticking extends Clock {
    private final java.util.concurrent.atomic.AtomicLong millis;

    Ticking(Instant start) {
      this.millis = new java.util.concurrent.atomic.AtomicLong(start.toEpochMilli());
    }

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

  public static CommandResult require(CommandResult result) {
    assertTrue(result.applied(), () -> result.decision().render());
    return result;
  }
}
