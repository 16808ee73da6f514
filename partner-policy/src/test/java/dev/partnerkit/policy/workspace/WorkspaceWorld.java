package dev.partnerkit.policy.workspace;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnerkit.domain.Entitlement;
import dev.partnerkit.domain.EventId;
import dev.partnerkit.domain.GrantId;
import dev.partnerkit.domain.GrantScope;
import dev.partnerkit.domain.MembershipStatus;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.OperatorRole;
import dev.partnerkit.domain.OperatorUser;
import dev.partnerkit.domain.Partner;
import dev.partnerkit.domain.PartnerCapability;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.PartnerKind;
import dev.partnerkit.domain.PartnerMember;
import dev.partnerkit.domain.ResourceId;
import dev.partnerkit.domain.Surface;
import dev.partnerkit.domain.Tenant;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.UserId;
import dev.partnerkit.policy.surface.tasks.ImmutableTaskDraft;
import dev.partnerkit.policy.surface.tasks.TaskDraft;
import dev.partnerkit.policy.surface.tasks.TaskId;
import dev.partnerkit.spi.ActivityQuery;
import dev.partnerkit.spi.PartnerkitStorage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Set;

/** A small world for workspace tests: Toni Catering, Maya, Acme Rentals with Dana, one wedding with two events. */
class WorkspaceWorld {
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
  static final OperatorUser ALEX = OperatorUser.builder().userId(UserId.of("u-alex")).tenantId(TENANT)
      .displayName("Alex").addRoles(OperatorRole.ADMIN).build();
  static final PartnerMember DANA = PartnerMember.builder().tenantId(TENANT).userId(UserId.of("u-dana")).partnerId(ACME)
      .displayName("Dana").status(MembershipStatus.ACTIVE).build();
  static final PartnerMember VERA = PartnerMember.builder().tenantId(TENANT).userId(UserId.of("u-vera")).partnerId(VENUE)
      .displayName("Vera").status(MembershipStatus.ACTIVE).build();

  final MutableClock clock = new MutableClock(Instant.parse("2026-11-05T15:00:00Z"));
  final PartnerkitStorage storage;
  final PartnerWorkspace workspace;
  final OperatorConsole ops;
  private int keys;

  WorkspaceWorld(PartnerkitStorage storage) {
    this(storage, PartnerWorkspace.builder());
  }

  WorkspaceWorld(PartnerkitStorage storage, PartnerWorkspace.Builder builder) {
    this.storage = storage;
    this.workspace = builder.storage(storage).clock(clock).build();
    this.ops = workspace.operator(MAYA);
    storage.directory().saveTenant(Tenant.of(TENANT, "Toni Catering", ZoneId.of("America/Chicago")));
    for (PartnerId p : new PartnerId[] {ACME, VENUE}) {
      storage.directory().savePartner(Partner.builder().tenantId(TENANT).partnerId(p)
          .name(p == ACME ? "Acme Rentals" : "Lakeside Hall")
          .kind(p == ACME ? PartnerKind.RENTAL_COMPANY : PartnerKind.VENUE).build());
    }
    storage.directory().insertMember(DANA);
    storage.directory().insertMember(VERA);
    assertTrue(ops.setEntitlements(key(), WEDDING, Set.of(Entitlement.MULTI_USER_SUPPORT)).applied());
  }

  /** Opens a session of {@code member}'s stored membership for {@code occasion}, by ids. */
  PartnerSessionOpening opening(PartnerMember member, OccasionId occasion) {
    return workspace.openPartnerSession(TENANT, member.userId(), member.partnerId(), occasion);
  }

  String key() {
    return "k-" + (++keys);
  }

  /** Issues and activates a grant for {@code partner} on the wedding's tasks and activity. */
  GrantId grant(PartnerId partner, Collection<EventId> events, Collection<ResourceId> resources) {
    CommandResult issued = ops.issueGrant(key(), GrantDraft.builder().partnerId(partner)
        .scope(GrantScope.builder().occasionId(WEDDING).addSurfaces(Surface.TASKS, Surface.ACTIVITY)
            .events(events).resources(resources).build())
        .addCapabilities(PartnerCapability.MANAGE_TASK, PartnerCapability.VIEW_ACTIVITY)
        .validFrom(FROM).validUntil(UNTIL).build());
    assertTrue(issued.applied(), issued.decision().render());
    GrantId grantId = GrantId.of(issued.recordId().orElseThrow());
    assertTrue(ops.activateGrant(key(), grantId).applied());
    return grantId;
  }

  GrantId wideGrant(PartnerId partner) {
    return grant(partner, Set.of(), Set.of());
  }

  TaskId task(PartnerId partner, EventId event, TaskId... dependencies) {
    ImmutableTaskDraft.Builder draft = TaskDraft.builder().occasionId(WEDDING).partnerId(partner).title("Deliver linen")
        .addDependencies(dependencies);
    if (event != null) {
      draft.eventId(event);
    }
    CommandResult created = ops.tasks().create(key(), draft.build());
    assertTrue(created.applied(), created.decision().render());
    return TaskId.of(created.recordId().orElseThrow());
  }

  PartnerSession session(PartnerMember member) {
    return opening(member, WEDDING).session().orElseThrow();
  }

  long activityCount() {
    return storage.activity().count(TENANT, ActivityQuery.builder().build());
  }

  /** A clock tests can move. */
  static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void set(Instant instant) {
      now = instant;
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
      return now;
    }
  }
}
