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
import dev.partnerkit.domain.Operation;
import dev.partnerkit.domain.OperatorRole;
import dev.partnerkit.domain.OperatorUser;
import dev.partnerkit.domain.Partner;
import dev.partnerkit.domain.PartnerCapability;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.PartnerKind;
import dev.partnerkit.domain.PartnerMember;
import dev.partnerkit.domain.PartnerStatus;
import dev.partnerkit.domain.PartnerTask;
import dev.partnerkit.domain.ProductCapability;
import dev.partnerkit.domain.ProductScope;
import dev.partnerkit.domain.ResourceId;
import dev.partnerkit.domain.SourceTruth;
import dev.partnerkit.domain.Surface;
import dev.partnerkit.domain.TaskId;
import dev.partnerkit.domain.TaskStatus;
import dev.partnerkit.domain.Tenant;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.UserId;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
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
    return PartnerMember.builder().userId(oneOf(in, USERS)).partnerId(chance(in, 75) ? Fixtures.ACME
            : Fixtures.VENUE).displayName(oneOf(in, NAMES)).membershipRole(oneOf(in, MembershipRole.class))
        .canInvite(chance(in, 50)).canViewMetrics(chance(in, 60)).canManageEvents(chance(in, 50))
        .status(chance(in, 75) ? MembershipStatus.ACTIVE : oneOf(in, MembershipStatus.class)).build();
  }

  static IntegrationPrincipal principal(RandomnessSource in) {
    return IntegrationPrincipal.builder().principalId(oneOf(in, PRINCIPALS))
        .partnerId(chance(in, 75) ? Fixtures.ACME : Fixtures.VENUE).name(oneOf(in, NAMES))
        .writeEnabled(chance(in, 60)).enabled(chance(in, 85))
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
    return actor instanceof PartnerMember ? ((PartnerMember) actor).partnerId()
        : ((IntegrationPrincipal) actor).partnerId();
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

  static AccessRequest request(RandomnessSource in, Actor actor) {
    int roll = between(in, 1, 100);
    IntentKind intent = roll <= 35 ? IntentKind.VIEW : roll <= 60 ? IntentKind.CONTRIBUTE
        : roll <= 80 ? IntentKind.MOVE_TASK : oneOf(in, IntentKind.class);
    ImmutableAccessRequest.Builder b = AccessRequest.builder().actor(actor).tenantId(TENANT)
        .occasionId(Fixtures.OCCASION).intent(intent)
        .operation(intent == IntentKind.VIEW ? Operation.READ : Operation.WRITE);
    if (intent == IntentKind.MOVE_TASK) {
      b.surface(Surface.TASKS);
      b.taskMove(dev.partnerkit.domain.ImmutableTaskMove.builder().taskId(oneOf(in, TASKS)).assignedPartner(chance(in, 80) ? Fixtures.ACME
              : Fixtures.VENUE).fromStatus(oneOf(in, TaskStatus.class)).toStatus(oneOf(in, TaskStatus.class))
          .openDependencies(chance(in, 70) ? List.of() : subset(in, TASKS)).build());
    } else if (intent == IntentKind.VIEW || intent == IntentKind.CONTRIBUTE || chance(in, 50)) {
      b.surface(oneOf(in, Surface.class));
    }
    if (chance(in, 50)) {
      b.eventId(oneOf(in, EVENTS));
    }
    if (chance(in, 40)) {
      b.resourceId(oneOf(in, RESOURCES));
    }
    if (chance(in, 20)) {
      b.effects(subset(in, List.of(SourceTruth.values())));
    }
    b.internalOnly(intent != IntentKind.VIEW && chance(in, 15));
    return b.build();
  }

  static Partner partner(RandomnessSource in, PartnerId partnerId) {
    return Partner.builder().tenantId(chance(in, 85) ? TENANT : Fixtures.OTHER_TENANT).partnerId(partnerId)
        .name(oneOf(in, NAMES)).kind(oneOf(in, PartnerKind.class))
        .status(chance(in, 85) ? PartnerStatus.ACTIVE : PartnerStatus.INACTIVE)
        .tier(chance(in, 30) ? java.util.Optional.of("gold") : java.util.Optional.empty())
        .region(chance(in, 30) ? java.util.Optional.of("Midwest") : java.util.Optional.empty())
        .ownerUserId(chance(in, 30) ? java.util.Optional.of(oneOf(in, USERS)) : java.util.Optional.empty()).build();
  }

  /** A request with its facts and grants; the facts' grant index is rebuilt from {@link #grants}. */
  record World(AccessRequest request, Tenant tenant, ProductScope productScope, java.util.Optional<Partner> partner,
      List<AccessGrant> grants, Instant now) {
    DecisionFacts facts() {
      return factsWith(grants);
    }

    DecisionFacts factsWith(List<AccessGrant> someGrants) {
      return DecisionFacts.builder().tenant(tenant).productScope(productScope).partner(partner)
          .grants(GrantIndex.of(someGrants)).build();
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
    AccessRequest request = request(in, actor);
    Tenant tenant = Tenant.of(TENANT, "Toni Catering", oneOf(in, ZONES));
    ProductScope scope = ProductScope.of(Fixtures.OCCASION, chance(in, 90)
        ? Set.of(ProductCapability.VENDOR_ACCESS) : Set.of());
    java.util.Optional<Partner> partner = java.util.Optional.empty();
    if (chance(in, 92)) {
      PartnerId id = actor instanceof OperatorUser || chance(in, 15) ? oneOf(in, PARTNERS) : partnerOf(actor);
      partner = java.util.Optional.of(partner(in, id));
    }
    List<AccessGrant> grants = new ArrayList<>(grants(in));
    if (!grants.isEmpty() && !(actor instanceof OperatorUser) && chance(in, 60)) {
      grants.set(0, alignedWith(in, grants.get(0), actor));
    }
    return new World(request, tenant, scope, partner, grants, NOW.plus(Duration.ofMinutes(between(in, -60, 60))));
  }

  /** Points a random grant at the actor (tenant, partner, person or machine, occasion, window), mostly active. */
  static AccessGrant alignedWith(RandomnessSource in, AccessGrant grant, Actor actor) {
    ImmutableAccessGrant g = ImmutableAccessGrant.copyOf(grant).withTenantId(TENANT).withPartnerId(partnerOf(actor))
        .withScope(dev.partnerkit.domain.ImmutableGrantScope.copyOf(grant.scope()).withOccasionId(Fixtures.OCCASION))
        .withStatus(chance(in, 85) ? GrantStatus.ACTIVE : grant.status())
        .withValidUntil(java.util.Optional.empty()).withValidFrom(NOW.minus(Duration.ofDays(between(in, 1, 30))));
    if (actor instanceof IntegrationPrincipal) {
      return g.withMembers(List.of())
          .withIntegrationPrincipal(((IntegrationPrincipal) actor).principalId());
    }
    return g.withIntegrationPrincipal(java.util.Optional.empty());
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
      return PartnerTask.builder().taskId(id).tenantId(oneOf(in, TENANTS)).occasionId(oneOf(in, OCCASIONS))
          .eventId(chance(in, 50) ? java.util.Optional.of(oneOf(in, EVENTS)) : java.util.Optional.empty())
          .jobId(chance(in, 50) ? java.util.Optional.of(JobId.of("job-" + between(in, 1, 9)))
              : java.util.Optional.empty())
          .partnerId(oneOf(in, PARTNERS))
          .assignee(chance(in, 50) ? java.util.Optional.of(oneOf(in, USERS)) : java.util.Optional.empty())
          .title(oneOf(in, NAMES))
          .description(chance(in, 50) ? java.util.Optional.of("Line one\nline two\t" + oneOf(in, NAMES))
              : java.util.Optional.empty())
          .status(oneOf(in, TaskStatus.class)).dependencies(subset(in, others))
          .dueAt(chance(in, 50) ? java.util.Optional.of(NOW.plusSeconds(between(in, -86400, 86400)))
              : java.util.Optional.empty())
          .createdBy(oneOf(in, USERS)).version(between(in, 0, Integer.MAX_VALUE)).build();
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
