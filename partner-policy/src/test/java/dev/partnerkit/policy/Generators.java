package dev.partnerkit.policy;

import dev.partnerkit.domain.AccessGrant;
import dev.partnerkit.domain.AccessRequest;
import dev.partnerkit.domain.Actor;
import dev.partnerkit.domain.Entitlement;
import dev.partnerkit.domain.EntitlementMapping;
import dev.partnerkit.domain.EventId;
import dev.partnerkit.domain.GrantId;
import dev.partnerkit.domain.GrantScope;
import dev.partnerkit.domain.GrantStatus;
import dev.partnerkit.domain.ImmutableAccessGrant;
import dev.partnerkit.domain.ImmutableAccessRequest;
import dev.partnerkit.domain.ImmutableEntitlementMapping;
import dev.partnerkit.domain.IntegrationPrincipal;
import dev.partnerkit.domain.IntegrationPrincipalId;
import dev.partnerkit.domain.IntentKind;
import dev.partnerkit.domain.JobId;
import dev.partnerkit.domain.MembershipRole;
import dev.partnerkit.domain.MembershipStatus;
import dev.partnerkit.domain.OccasionEntitlements;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.OperatorRole;
import dev.partnerkit.domain.OperatorUser;
import dev.partnerkit.domain.Partner;
import dev.partnerkit.domain.PartnerCapability;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.PartnerKind;
import dev.partnerkit.domain.PartnerMember;
import dev.partnerkit.domain.PartnerStatus;
import dev.partnerkit.domain.Placement;
import dev.partnerkit.domain.ProductCapability;
import dev.partnerkit.domain.ProductScope;
import dev.partnerkit.domain.RecordAction;
import dev.partnerkit.domain.RecordRef;
import dev.partnerkit.domain.RecordType;
import dev.partnerkit.domain.ResourceId;
import dev.partnerkit.domain.SourceTruth;
import dev.partnerkit.domain.Surface;
import dev.partnerkit.domain.Tenant;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.UserId;
import dev.partnerkit.domain.WireNamed;
import dev.partnerkit.policy.surface.tasks.PartnerTask;
import dev.partnerkit.policy.surface.tasks.TaskId;
import dev.partnerkit.policy.surface.tasks.TaskStatus;
import dev.partnerkit.policy.surface.tasks.Tasks;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

/**
 * QuickTheories generators over a small universe (two tenants, two partners, two occasions, a few people and
 * machines), so that random grants and requests meet often enough to allow as well as to block.
 */
final class Generators {
  static final Instant NOW = Fixtures.NOW;
  static final TenantId TENANT = Fixtures.TENANT;
  static final List<TenantId> TENANTS = List.of(Fixtures.TENANT, Fixtures.OTHER_TENANT);
  static final List<PartnerId> PARTNERS = List.of(Fixtures.ACME, Fixtures.VENUE);
  static final List<OccasionId> OCCASIONS = List.of(Fixtures.OCCASION, Fixtures.OTHER_OCCASION);
  static final List<EventId> EVENTS = List.of(Fixtures.RECEPTION, Fixtures.CEREMONY);
  static final List<ResourceId> RESOURCES = List.of(ResourceId.of("art-menu-v2"), ResourceId.of("art-menu-v3"));
  static final List<UserId> USERS = List.of(UserId.of("u-dana"), UserId.of("u-lee"), UserId.of("u-kim"));
  static final List<IntegrationPrincipalId> PRINCIPALS =
      List.of(IntegrationPrincipalId.of("ip-acme-sync"), IntegrationPrincipalId.of("ip-venue-feed"));
  static final List<TaskId> TASKS = List.of(TaskId.of("t-linen"), TaskId.of("t-tables"), TaskId.of("t-chairs"));
  static final List<String> NAMES = List.of("Acme Rentals", "Dana", "Gala Hall", "\u0645\u0637\u0639\u0645 \u200F",
      "Caf\u00E9 \uD83C\uDF89", "O'Brien & Sons");
  static final List<ZoneId> ZONES = List.of(ZoneId.of("America/Chicago"), ZoneId.of("UTC"),
      ZoneId.of("Asia/Tokyo"), ZoneId.of("Europe/Berlin"));

  private Generators() {}

  // --- primitives over a randomness source ---

  static int between(RandomnessSource in, int lo, int hi) {
    return Generate.range(lo, hi).generate(in);
  }

  static boolean chance(RandomnessSource in, int percent) {
    return between(in, 1, 100) <= percent;
  }

  static <T> T oneOf(RandomnessSource in, List<T> values) {
    return values.get(between(in, 0, values.size() - 1));
  }

  static <E extends Enum<E>> E oneOf(RandomnessSource in, Class<E> type) {
    return oneOf(in, List.of(type.getEnumConstants()));
  }

  /** A random subset, each element in with probability one half. */
  static <T> List<T> subset(RandomnessSource in, List<T> values) {
    List<T> out = new ArrayList<>();
    for (T v : values) {
      if (chance(in, 50)) {
        out.add(v);
      }
    }
    return out;
  }

  /** All values a third of the time, otherwise a random subset. */
  static <E extends Enum<E>> Set<E> mostlyAll(RandomnessSource in, Class<E> type) {
    if (chance(in, 35)) {
      return EnumSet.allOf(type);
    }
    Set<E> out = EnumSet.noneOf(type);
    out.addAll(subset(in, List.of(type.getEnumConstants())));
    return out;
  }

  // --- actors ---

  static PartnerMember member(RandomnessSource in) {
    return PartnerMember.builder().tenantId(Fixtures.TENANT)
        .userId(oneOf(in, USERS)).partnerId(chance(in, 75) ? Fixtures.ACME
            : Fixtures.VENUE).displayName(oneOf(in, NAMES)).membershipRole(oneOf(in, MembershipRole.class))
        .canInvite(chance(in, 50)).canViewMetrics(chance(in, 60)).canManageEvents(chance(in, 50))
        .status(chance(in, 85) ? MembershipStatus.ACTIVE : oneOf(in, MembershipStatus.class)).build();
  }

  static IntegrationPrincipal principal(RandomnessSource in) {
    return IntegrationPrincipal.builder().tenantId(Fixtures.TENANT)
        .principalId(oneOf(in, PRINCIPALS))
        .partnerId(chance(in, 75) ? Fixtures.ACME : Fixtures.VENUE).name(oneOf(in, NAMES))
        .writeEnabled(chance(in, 60)).enabled(chance(in, 92))
        .triggers(subset(in, List.of("printable.generated", "seating_plan.published"))).build();
  }

  static OperatorUser operator(RandomnessSource in) {
    Set<OperatorRole> roles = EnumSet.noneOf(OperatorRole.class);
    roles.addAll(subset(in, List.of(OperatorRole.values())));
    if (roles.isEmpty()) {
      roles.add(oneOf(in, OperatorRole.class));
    }
    return OperatorUser.builder().userId(oneOf(in, USERS)).tenantId(chance(in, 80) ? TENANT
        : Fixtures.OTHER_TENANT).displayName(oneOf(in, NAMES)).roles(roles).build();
  }

  static Actor actor(RandomnessSource in) {
    switch (between(in, 0, 4)) {
      case 0:
        return operator(in);
      case 1:
      case 2:
        return member(in);
      default:
        return principal(in);
    }
  }

  static Actor partnerSideActor(RandomnessSource in) {
    return chance(in, 60) ? member(in) : principal(in);
  }

  static PartnerId partnerOf(Actor actor) {
    return actor.actingPartner().orElseThrow();
  }

  // --- grants ---

  static AccessGrant grant(RandomnessSource in, String id) {
    ImmutableAccessGrant.Builder b = AccessGrant.builder().grantId(GrantId.of(id))
        .tenantId(chance(in, 85) ? TENANT : Fixtures.OTHER_TENANT)
        .partnerId(chance(in, 75) ? Fixtures.ACME : Fixtures.VENUE);
    if (chance(in, 25)) {
      b.integrationPrincipal(oneOf(in, PRINCIPALS));
    } else if (chance(in, 40)) {
      b.members(subset(in, USERS));
    }
    Set<Surface> surfaces = mostlyAll(in, Surface.class);
    if (surfaces.isEmpty()) {
      surfaces.add(oneOf(in, Surface.class));
    }
    b.scope(GrantScope.builder().occasionId(chance(in, 85) ? Fixtures.OCCASION : Fixtures.OTHER_OCCASION)
        .events(chance(in, 60) ? List.of() : subset(in, EVENTS))
        .resources(chance(in, 70) ? List.of() : subset(in, RESOURCES)).surfaces(surfaces).build());
    b.capabilities(mostlyAll(in, PartnerCapability.class));
    b.status(chance(in, 60) ? GrantStatus.ACTIVE : oneOf(in, GrantStatus.class));
    Instant from = NOW.plus(Duration.ofHours(between(in, -40 * 24, 5 * 24)));
    b.validFrom(from);
    if (chance(in, 80)) {
      b.validUntil(from.plus(Duration.ofHours(between(in, 1, 60 * 24))));
    }
    return b.issuedBy(oneOf(in, USERS)).version(between(in, 0, 5)).build();
  }

  /** Zero to four grants with distinct ids. */
  static List<AccessGrant> grants(RandomnessSource in) {
    int n = between(in, 0, 4);
    List<AccessGrant> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(grant(in, "g-" + i));
    }
    return out;
  }

  // --- requests ---

  /** The record types requests are about: tasks, and the test-only field notes partners may create. */
  static final List<RecordType<?, ?>> RECORD_TYPES = List.of(Tasks.TYPE, Fixtures.FIELD_NOTE);
  static final List<IntentKind> RECORD_INTENTS = List.of(IntentKind.CREATE, IntentKind.REVISE, IntentKind.LINK,
      IntentKind.UNLINK);

  static RecordType<?, ?> typeNamed(String wireName) {
    for (RecordType<?, ?> type : RECORD_TYPES) {
      if (type.wireName().equals(wireName)) {
        return type;
      }
    }
    throw new IllegalArgumentException("no record type " + wireName);
  }

  /** Mostly the actor's own partner (Acme for operators), sometimes the other one. */
  static PartnerId somePartner(RandomnessSource in, Actor actor) {
    PartnerId own = actor.actingPartner().orElse(Fixtures.ACME);
    return chance(in, 80) ? own : oneOf(in, PARTNERS);
  }

  /** Where a record sits: an occasion, maybe an event and a resource, mostly with a partner. */
  static Placement placement(RandomnessSource in, OccasionId occasion, Actor actor) {
    return Placement.builder().occasionId(occasion)
        .eventId(chance(in, 60) ? Optional.of(oneOf(in, EVENTS)) : Optional.empty())
        .resourceId(chance(in, 35) ? Optional.of(oneOf(in, RESOURCES)) : Optional.empty())
        .partnerId(chance(in, 90) ? Optional.of(somePartner(in, actor)) : Optional.empty()).build();
  }

  static <S extends Enum<S> & WireNamed> String someStatus(RandomnessSource in, RecordType<?, S> type) {
    return oneOf(in, type.lifecycle().statusType()).wireName();
  }

  /** The record action of {@code intent} on a random record of {@code type} placed at {@code placement}. */
  static RecordAction action(RandomnessSource in, RecordType<?, ?> type, IntentKind intent, Placement placement) {
    dev.partnerkit.domain.ImmutableRecordAction.Builder b = RecordAction.builder().type(type.wireName())
        .partnerId(placement.partnerId());
    if (intent != IntentKind.CREATE) {
      b.recordId(oneOf(in, TASKS).value());
    }
    if (chance(in, 70)) {
      b.title(oneOf(in, NAMES));
    }
    if (intent == IntentKind.TRANSITION && chance(in, 60)) {
      var move = oneOf(in, type.lifecycle().transitions()); // a listed move, legal for someone
      b.fromStatus(move.from().wireName()).toStatus(move.to().wireName());
    } else if (intent == IntentKind.TRANSITION) {
      b.fromStatus(someStatus(in, type)).toStatus(someStatus(in, type));
    }
    if (intent == IntentKind.TRANSITION) {
      if (chance(in, 30)) {
        for (TaskId t : subset(in, TASKS)) {
          b.addOpenPrerequisites(RecordRef.of(Tasks.TYPE.wireName(), t.value()));
        }
      }
    }
    if (intent == IntentKind.LINK || intent == IntentKind.UNLINK) {
      b.relation(Tasks.DEPENDS_ON);
    }
    if (chance(in, 20)) {
      b.parentStatus(oneOf(in, List.of("open", "closed", "active")));
    }
    return b.build();
  }

  /**
   * A random request of {@code actor}: listings and occasion openings, per-record views, contributions, task moves,
   * other record intents, and operator-only intents; mostly in the wedding, sometimes in the gala.
   */
  static AccessRequest request(RandomnessSource in, Actor actor) {
    OccasionId occasion = chance(in, 85) ? Fixtures.OCCASION : Fixtures.OTHER_OCCASION;
    int roll = between(in, 1, 100);
    ImmutableAccessRequest.Builder b;
    if (roll <= 20) {
      b = chance(in, 90) ? AccessRequest.view(actor, TENANT, occasion, oneOf(in, Surface.class))
          : AccessRequest.openOccasion(actor, TENANT, occasion);
      eventAndResource(in, b);
    } else if (roll <= 35) {
      b = onRecord(in, actor, occasion, IntentKind.VIEW);
    } else if (roll <= 50) {
      b = AccessRequest.contribute(actor, TENANT, occasion, oneOf(in, Surface.class));
      eventAndResource(in, b);
    } else if (roll <= 75) {
      b = onRecord(in, actor, occasion, IntentKind.TRANSITION);
    } else if (roll <= 90) {
      b = onRecord(in, actor, occasion, oneOf(in, RECORD_INTENTS));
    } else {
      b = AccessRequest.builder().actor(actor).tenantId(TENANT).occasionId(occasion)
          .intent(oneOf(in, List.of(IntentKind.MANAGE_GRANTS, IntentKind.MANAGE_ENTITLEMENTS,
              IntentKind.MANAGE_DIRECTORY, IntentKind.INVITE_MEMBER, IntentKind.ACCEPT_INVITATION,
              IntentKind.REVOKE_ACCESS)));
      if (chance(in, 50)) {
        b.surface(oneOf(in, Surface.class));
      }
      eventAndResource(in, b);
    }
    if (chance(in, 20)) {
      b.effects(subset(in, List.of(SourceTruth.values())));
    }
    AccessRequest request = b.build();
    return request.intent() != IntentKind.VIEW && chance(in, 15)
        ? ImmutableAccessRequest.copyOf(request).withInternalOnly(true) : request;
  }

  /** {@code intent} on a random record (mostly a task for moves) at a random placement in {@code occasion}. */
  static ImmutableAccessRequest.Builder onRecord(RandomnessSource in, Actor actor, OccasionId occasion,
      IntentKind intent) {
    RecordType<?, ?> type = intent == IntentKind.TRANSITION && chance(in, 80) ? Tasks.TYPE : oneOf(in, RECORD_TYPES);
    Placement placement = placement(in, occasion, actor);
    return AccessRequest.onRecord(actor, TENANT, intent, type.surface(), placement,
        action(in, type, intent, placement));
  }

  private static void eventAndResource(RandomnessSource in, ImmutableAccessRequest.Builder b) {
    if (chance(in, 50)) {
      b.eventId(oneOf(in, EVENTS));
    }
    if (chance(in, 40)) {
      b.resourceId(oneOf(in, RESOURCES));
    }
  }

  static Partner partner(RandomnessSource in, PartnerId partnerId) {
    return Partner.builder().tenantId(chance(in, 92) ? TENANT : Fixtures.OTHER_TENANT).partnerId(partnerId)
        .name(oneOf(in, NAMES)).kind(oneOf(in, PartnerKind.class))
        .status(chance(in, 92) ? PartnerStatus.ACTIVE : PartnerStatus.INACTIVE)
        .tier(chance(in, 30) ? Optional.of("gold") : Optional.empty())
        .region(chance(in, 30) ? Optional.of("Midwest") : Optional.empty())
        .ownerUserId(chance(in, 30) ? Optional.of(oneOf(in, USERS)) : Optional.empty()).build();
  }

  /** A request with its facts and grants; the facts' grant index is rebuilt from {@link #grants}. */
  record World(AccessRequest request, Tenant tenant, ProductScope productScope, Optional<Partner> partner,
      List<AccessGrant> grants, Instant now) {
    DecisionFacts facts() {
      return factsWith(grants);
    }

    DecisionFacts factsWith(List<AccessGrant> someGrants) {
      return DecisionFacts.builder().tenant(tenant).productScope(productScope).partner(partner)
          .grants(GrantIndex.of(someGrants))
          .recordType(request.record().map(a -> typeNamed(a.type()))).build();
    }

    dev.partnerkit.domain.Decision decide() {
      return AccessDecider.create().decide(request, facts(), now);
    }

    dev.partnerkit.domain.Decision decideWith(List<AccessGrant> someGrants) {
      return AccessDecider.create().decide(request, factsWith(someGrants), now);
    }

    World withRequest(AccessRequest other) {
      return new World(other, tenant, productScope, partner, grants, now);
    }

    World withGrants(List<AccessGrant> other) {
      return new World(request, tenant, productScope, partner, other, now);
    }

    boolean partnerSide() {
      return request.actor().kind() != dev.partnerkit.domain.ActorKind.OPERATOR;
    }
  }

  static World world(RandomnessSource in, Actor actor) {
    return worldFor(in, request(in, actor));
  }

  /** Random facts around {@code request}: tenant zone, product scope of its occasion, partner record, grants. */
  static World worldFor(RandomnessSource in, AccessRequest request) {
    Actor actor = request.actor();
    Tenant tenant = Tenant.of(TENANT, "Toni Catering", oneOf(in, ZONES));
    ProductScope scope = ProductScope.of(request.occasionId(), chance(in, 90)
        ? Set.of(ProductCapability.VENDOR_ACCESS) : Set.of());
    Optional<Partner> partner = Optional.empty();
    if (chance(in, 92)) {
      PartnerId id = actor instanceof OperatorUser || chance(in, 15) ? oneOf(in, PARTNERS) : partnerOf(actor);
      partner = Optional.of(partner(in, id));
    }
    List<AccessGrant> grants = new ArrayList<>(grants(in));
    if (!grants.isEmpty() && !(actor instanceof OperatorUser) && chance(in, 75)) {
      grants.set(0, alignedWith(in, grants.get(0), actor, request.occasionId()));
    }
    return new World(request, tenant, scope, partner, grants, NOW.plus(Duration.ofMinutes(between(in, -60, 60))));
  }

  /**
   * Points a random grant at the actor (tenant, partner, person or machine, occasion, window), mostly active, and
   * half the time at every surface with every capability.
   */
  static AccessGrant alignedWith(RandomnessSource in, AccessGrant grant, Actor actor, OccasionId occasion) {
    ImmutableAccessGrant g = ImmutableAccessGrant.copyOf(grant).withTenantId(TENANT).withPartnerId(partnerOf(actor))
        .withScope(dev.partnerkit.domain.ImmutableGrantScope.copyOf(grant.scope()).withOccasionId(occasion))
        .withStatus(chance(in, 85) ? GrantStatus.ACTIVE : grant.status())
        .withValidUntil(Optional.empty()).withValidFrom(NOW.minus(Duration.ofDays(between(in, 1, 30))));
    if (chance(in, 50)) {
      g = g.withScope(dev.partnerkit.domain.ImmutableGrantScope.copyOf(g.scope()).withSurfaces(Surface.values()))
          .withCapabilities(PartnerCapability.values());
    }
    if (actor instanceof IntegrationPrincipal) {
      return g.withMembers(List.of())
          .withIntegrationPrincipal(((IntegrationPrincipal) actor).principalId());
    }
    return g.withIntegrationPrincipal(Optional.empty());
  }

  static Gen<World> worlds() {
    return in -> world(in, actor(in));
  }

  static Gen<World> partnerSideWorlds() {
    return in -> world(in, partnerSideActor(in));
  }

  static Gen<AccessGrant> grants() {
    return in -> grant(in, "g-" + between(in, 0, 99));
  }

  // --- other values ---

  static Gen<PartnerTask> tasks() {
    return in -> {
      TaskId id = oneOf(in, TASKS);
      List<TaskId> others = new ArrayList<>(TASKS);
      others.remove(id);
      return dev.partnerkit.policy.surface.tasks.ImmutablePartnerTask.builder().taskId(id)
          .tenantId(oneOf(in, TENANTS)).occasionId(oneOf(in, OCCASIONS))
          .eventId(chance(in, 50) ? Optional.of(oneOf(in, EVENTS)) : Optional.empty())
          .jobId(chance(in, 50) ? Optional.of(JobId.of("job-" + between(in, 1, 9))) : Optional.empty())
          .partnerId(oneOf(in, PARTNERS))
          .assignee(chance(in, 50) ? Optional.of(oneOf(in, USERS)) : Optional.empty())
          .title(oneOf(in, NAMES))
          .description(chance(in, 50) ? Optional.of("Line one\nline two\t" + oneOf(in, NAMES)) : Optional.empty())
          .status(oneOf(in, TaskStatus.class)).dependencies(subset(in, others))
          .dueAt(chance(in, 50) ? Optional.of(NOW.plusSeconds(between(in, -86400, 86400)).plusNanos(
              between(in, 0, 999_999_999))) : Optional.empty())
          .createdBy("operator:" + oneOf(in, USERS).value()).version(between(in, 0, Integer.MAX_VALUE)).build();
    };
  }

  static Gen<Partner> partners() {
    return in -> partner(in, oneOf(in, PARTNERS));
  }

  static Gen<Tenant> tenants() {
    return in -> Tenant.of(oneOf(in, TENANTS), oneOf(in, NAMES), oneOf(in, ZONES));
  }

  static final List<Entitlement> ENTITLEMENTS = List.of(Entitlement.MULTI_USER_SUPPORT,
      Entitlement.of("plan.pro"), Entitlement.of("feature.portal.v2"));
  static final List<ProductCapability> PRODUCT_CAPABILITIES = List.of(ProductCapability.VENDOR_ACCESS,
      ProductCapability.of("scorecards"), ProductCapability.of("portal.branding"));

  static Gen<EntitlementMapping> mappings() {
    return in -> {
      ImmutableEntitlementMapping.Builder b = EntitlementMapping.builder();
      for (Entitlement e : subset(in, ENTITLEMENTS)) {
        b.putRules(e, new LinkedHashSet<>(subset(in, PRODUCT_CAPABILITIES)));
      }
      return b.build();
    };
  }

  static Gen<ProductScope> productScopes() {
    return in -> ProductScope.of(oneOf(in, OCCASIONS), subset(in, PRODUCT_CAPABILITIES));
  }

  static Gen<OccasionEntitlements> occasionEntitlements() {
    return in -> OccasionEntitlements.builder().tenantId(oneOf(in, TENANTS)).occasionId(oneOf(in, OCCASIONS))
        .entitlements(subset(in, ENTITLEMENTS)).version(between(in, 0, 1000)).build();
  }
}
