package dev.partnerkit.benchmarks;

import dev.partnerkit.domain.AccessGrant;
import dev.partnerkit.domain.AccessRequest;
import dev.partnerkit.domain.EventId;
import dev.partnerkit.domain.GrantId;
import dev.partnerkit.domain.GrantScope;
import dev.partnerkit.domain.GrantStatus;
import dev.partnerkit.domain.ImmutableAccessGrant;
import dev.partnerkit.domain.ImmutableGrantScope;
import dev.partnerkit.domain.MembershipStatus;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.Partner;
import dev.partnerkit.domain.PartnerCapability;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.PartnerKind;
import dev.partnerkit.domain.PartnerMember;
import dev.partnerkit.domain.ProductCapability;
import dev.partnerkit.domain.ProductScope;
import dev.partnerkit.domain.Surface;
import dev.partnerkit.domain.Tenant;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.UserId;
import dev.partnerkit.policy.AccessDecider;
import dev.partnerkit.policy.DecisionFacts;
import dev.partnerkit.policy.GrantIndex;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Workload W1, built from a fixed seed: partners with grants over occasions and their events, random subsets of the
 * surfaces and of the 17 capabilities, a mix of grant statuses, and requests to read a surface for one event, about a
 * quarter of them allowed. The same data feeds {@code AccessDecider}, the bare indexed lookup ({@link Floor}) and
 * jCasbin ({@link CasbinModel}); {@link #check()} proves all three give the same answer to every request.
 *
 * <p>Defaults (W1): 1,000 partners × 20 grants over 2,000 events (100 occasions of 20 events), 100,000 requests.
 */
final class Workload {
  static final long SEED = 20261123L;
  static final TenantId TENANT = TenantId.of("toni-catering");
  static final Instant NOW = Instant.parse("2026-11-05T15:00:00Z");
  static final int EVENTS_PER_OCCASION = 20;

  final int partners;
  final int grantsPerPartner;
  final int occasions;
  final OccasionId[] occasionIds;
  final EventId[][] eventIds;
  final Partner[] partnerRecords;
  final PartnerMember[] members;
  final List<AccessGrant> grants = new ArrayList<>();
  final GrantIndex index;
  final AccessRequest[] requests;
  /** Per request: the acting partner, the occasion, the event (global index), the surface. */
  final int[] requestPartner;
  final int[] requestOccasion;
  final int[] requestEvent;
  final Surface[] requestSurface;
  /**
   * The facts each request is decided with, as a host loads them: the partner's directory record, the occasion's
   * product scope and the tenant's one grant index (shared by all).
   */
  final DecisionFacts[] factsByRequest;

  /**
   * @param partners how many partners
   * @param grantsPerPartner grants per partner
   * @param events how many events, in occasions of {@value #EVENTS_PER_OCCASION}
   * @param requests how many requests
   */
  Workload(int partners, int grantsPerPartner, int events, int requests) {
    this.partners = partners;
    this.grantsPerPartner = grantsPerPartner;
    this.occasions = Math.max(1, events / EVENTS_PER_OCCASION);
    Random random = new Random(SEED);
    occasionIds = new OccasionId[occasions];
    eventIds = new EventId[occasions][EVENTS_PER_OCCASION];
    for (int o = 0; o < occasions; o++) {
      occasionIds[o] = OccasionId.of("occ-" + o);
      for (int e = 0; e < EVENTS_PER_OCCASION; e++) {
        eventIds[o][e] = EventId.of("evt-" + o + "-" + e);
      }
    }
    Tenant tenant = Tenant.of(TENANT, "Toni Catering", ZoneId.of("America/Chicago"));
    Map<Integer, ProductScope> scopes = new HashMap<>();
    partnerRecords = new Partner[partners];
    members = new PartnerMember[partners];
    Surface[] surfaces = Surface.values();
    PartnerCapability[] capabilities = PartnerCapability.values();
    GrantStatus[] others = {GrantStatus.PENDING, GrantStatus.SUSPENDED, GrantStatus.REVOKED, GrantStatus.EXPIRED};
    Instant from = NOW.minus(30, ChronoUnit.DAYS);
    for (int p = 0; p < partners; p++) {
      PartnerId partnerId = PartnerId.of("p-" + p);
      partnerRecords[p] = Partner.builder().tenantId(TENANT).partnerId(partnerId).name("Partner " + p)
          .kind(PartnerKind.RENTAL_COMPANY).build();
      members[p] = PartnerMember.builder().userId(UserId.of("u-" + p)).partnerId(partnerId)
          .displayName("Member " + p).canViewMetrics(true).status(MembershipStatus.ACTIVE).build();
      for (int g = 0; g < grantsPerPartner; g++) {
        int occasion = random.nextInt(occasions);
        ImmutableGrantScope.Builder scope = GrantScope.builder().occasionId(occasionIds[occasion]);
        if (random.nextInt(5) != 0) { // four in five grants name one to three events
          int named = 1 + random.nextInt(3);
          for (int e = 0; e < named; e++) {
            scope.addEvents(eventIds[occasion][random.nextInt(EVENTS_PER_OCCASION)]);
          }
        }
        Set<Surface> opened = EnumSet.noneOf(Surface.class);
        int surfaceCount = 1 + random.nextInt(6);
        while (opened.size() < surfaceCount) {
          opened.add(surfaces[random.nextInt(surfaces.length)]);
        }
        scope.addAllSurfaces(opened);
        Set<PartnerCapability> caps = EnumSet.noneOf(PartnerCapability.class);
        for (PartnerCapability c : capabilities) {
          if (random.nextBoolean()) {
            caps.add(c);
          }
        }
        int roll = random.nextInt(20);
        GrantStatus status = roll < 17 ? GrantStatus.ACTIVE : others[roll - 17 + (random.nextBoolean() ? 1 : 0)];
        ImmutableAccessGrant.Builder grant = AccessGrant.builder().grantId(GrantId.of("g-" + p + "-" + g)).tenantId(TENANT)
            .partnerId(partnerId).scope(scope.build()).capabilities(caps).status(status).validFrom(from)
            .issuedBy(UserId.of("u-maya"));
        if (random.nextInt(10) == 0) { // one in ten windows has already ended
          grant.validUntil(NOW.minus(1 + random.nextInt(20), ChronoUnit.DAYS));
        }
        grants.add(grant.build());
      }
    }
    index = GrantIndex.of(grants);
    this.requests = new AccessRequest[requests];
    requestPartner = new int[requests];
    requestOccasion = new int[requests];
    requestEvent = new int[requests];
    requestSurface = new Surface[requests];
    for (int i = 0; i < requests; i++) {
      int p = random.nextInt(partners);
      int occasion;
      int event;
      Surface surface;
      if (random.nextInt(100) < 60) { // aim inside one of the partner's grants
        AccessGrant g = grants.get(p * grantsPerPartner + random.nextInt(grantsPerPartner));
        occasion = Integer.parseInt(g.scope().occasionId().value().substring(4));
        List<EventId> named = new ArrayList<>(g.scope().events());
        EventId chosen = named.isEmpty() ? eventIds[occasion][random.nextInt(EVENTS_PER_OCCASION)]
            : named.get(random.nextInt(named.size()));
        event = Integer.parseInt(chosen.value().substring(chosen.value().lastIndexOf('-') + 1));
        List<Surface> open = new ArrayList<>(g.scope().surfaces());
        surface = open.get(random.nextInt(open.size()));
      } else {
        occasion = random.nextInt(occasions);
        event = random.nextInt(EVENTS_PER_OCCASION);
        surface = surfaces[random.nextInt(surfaces.length)];
      }
      requestPartner[i] = p;
      requestOccasion[i] = occasion;
      requestEvent[i] = occasion * EVENTS_PER_OCCASION + event;
      requestSurface[i] = surface;
      this.requests[i] = AccessRequest.view(members[p], TENANT, occasionIds[occasion], surface)
          .eventId(eventIds[occasion][event]).build();
    }
    for (int o = 0; o < occasions; o++) {
      scopes.put(o, ProductScope.of(occasionIds[o], List.of(ProductCapability.VENDOR_ACCESS)));
    }
    factsByRequest = new DecisionFacts[requests];
    Map<Long, DecisionFacts> cache = new HashMap<>();
    for (int i = 0; i < requests; i++) {
      long key = (long) requestPartner[i] * occasions + requestOccasion[i];
      int p = requestPartner[i];
      int o = requestOccasion[i];
      factsByRequest[i] = cache.computeIfAbsent(key, k -> DecisionFacts.builder().tenant(tenant)
          .productScope(scopes.get(o)).partner(partnerRecords[p]).grants(index).build());
    }
  }

  /** @return the W1 workload */
  static Workload w1() {
    return new Workload(1_000, 20, 2_000, 100_000);
  }

  /**
   * Decides every request with Partnerkit, the floor and jCasbin and fails unless all three agree.
   *
   * @return for each request, whether it is allowed
   */
  boolean[] check(Floor floor, @Nullable CasbinModel casbin) {
    AccessDecider decider = AccessDecider.create();
    boolean[] allowed = new boolean[requests.length];
    for (int i = 0; i < requests.length; i++) {
      boolean decided = decider.decide(requests[i], factsByRequest[i], NOW).allowed();
      boolean bare = floor.allows(i);
      if (decided != bare) {
        throw new IllegalStateException("request " + i + ": decide says " + decided + ", the floor " + bare);
      }
      if (casbin != null && casbin.allows(i) != decided) {
        throw new IllegalStateException("request " + i + ": decide says " + decided + ", jCasbin the opposite");
      }
      allowed[i] = decided;
    }
    return allowed;
  }

  /** @return the indexes of the requests whose answer is {@code wanted} */
  static int[] subset(boolean[] allowed, boolean wanted) {
    int n = 0;
    for (boolean a : allowed) {
      n += a == wanted ? 1 : 0;
    }
    int[] out = new int[n];
    int j = 0;
    for (int i = 0; i < allowed.length; i++) {
      if (allowed[i] == wanted) {
        out[j++] = i;
      }
    }
    return out;
  }
}
