package dev.partnerkit.policy;

import static dev.partnerkit.policy.Fixtures.ACME;
import static dev.partnerkit.policy.Fixtures.ACME_PARTNER;
import static dev.partnerkit.policy.Fixtures.CEREMONY;
import static dev.partnerkit.policy.Fixtures.DANA;
import static dev.partnerkit.policy.Fixtures.ENABLED;
import static dev.partnerkit.policy.Fixtures.MAYA;
import static dev.partnerkit.policy.Fixtures.NOW;
import static dev.partnerkit.policy.Fixtures.OCCASION;
import static dev.partnerkit.policy.Fixtures.OTHER_OCCASION;
import static dev.partnerkit.policy.Fixtures.OTHER_TENANT;
import static dev.partnerkit.policy.Fixtures.RECEPTION;
import static dev.partnerkit.policy.Fixtures.TENANT;
import static dev.partnerkit.policy.Fixtures.TONI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnerkit.domain.AccessGrant;
import dev.partnerkit.domain.AccessRequest;
import dev.partnerkit.domain.Decision;
import dev.partnerkit.domain.DecisionCheck;
import dev.partnerkit.domain.GrantId;
import dev.partnerkit.domain.GrantScope;
import dev.partnerkit.domain.GrantStatus;
import dev.partnerkit.domain.ImmutableDecision;
import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.domain.Partner;
import dev.partnerkit.domain.PartnerCapability;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.ProductCapability;
import dev.partnerkit.domain.ProductScope;
import dev.partnerkit.domain.ReasonCode;
import dev.partnerkit.domain.ResourceId;
import dev.partnerkit.domain.Surface;
import dev.partnerkit.domain.Tenant;
import dev.partnerkit.domain.internal.ExplainedDecision;
import dev.partnerkit.domain.json.PartnerkitJson;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The decision core's edges: facts that do not fit the request, scope without an event, the grant it explains. */
class DecisionCoreTest {
  private static final AccessDecider DECIDER = AccessDecider.create();
  private static final PartnerkitJson JSON = PartnerkitJson.create();

  private static Decision decide(AccessRequest request, DecisionFacts facts) {
    return DECIDER.decide(request, facts, NOW);
  }

  private static AccessRequest readTasks() {
    return AccessRequest.view(DANA, TENANT, OCCASION, Surface.TASKS).build();
  }

  // ---------------------------------------------------------------- facts that belong elsewhere

  @Test
  void factsOfAnotherTenantOrOccasionAreRefused() {
    DecisionFacts otherTenant = DecisionFacts.builder().from(Fixtures.facts())
        .tenant(Tenant.of(OTHER_TENANT, "Other", ZoneId.of("UTC"))).build();
    InvalidValueException tenant = assertThrows(InvalidValueException.class, () -> decide(readTasks(), otherTenant));
    assertEquals("facts.tenant", tenant.field());
    assertTrue(tenant.getMessage().contains("other-caterer"), tenant::getMessage);

    DecisionFacts otherOccasion = DecisionFacts.builder().from(Fixtures.facts())
        .productScope(ProductScope.of(OTHER_OCCASION, Set.of(ProductCapability.VENDOR_ACCESS))).build();
    InvalidValueException occasion = assertThrows(InvalidValueException.class,
        () -> decide(readTasks(), otherOccasion));
    assertEquals("facts.productScope", occasion.field());
    assertTrue(occasion.getMessage().contains("occ-gala"), occasion::getMessage);
  }

  @Test
  void aDirectoryRecordOfAnotherPartnerOrTenantDoesNotResolveTheActor() {
    AccessGrant grant = Fixtures.wideGrant("g-1").build();
    Partner venue = Partner.builder().from(ACME_PARTNER).partnerId(PartnerId.of("p-venue")).build();
    Partner elsewhere = Partner.builder().from(ACME_PARTNER).tenantId(OTHER_TENANT).build();
    for (Partner record : List.of(venue, elsewhere)) {
      DecisionFacts facts = DecisionFacts.builder().from(Fixtures.facts(grant)).partner(record).build();
      Decision d = decide(readTasks(), facts);
      assertEquals(ReasonCode.ACTOR_NOT_RESOLVED, d.reason(), record::toString);
      assertTrue(d.explanation().contains("not in Toni Catering's partner directory"), d::explanation);
    }
    assertTrue(decide(readTasks(), Fixtures.facts(grant)).allowed());
  }

  // ---------------------------------------------------------------- scope without an event or resource

  @Test
  void aListingWithoutAnEventIsReachedByAnEventNarrowedGrantButOneRecordWithoutAnEventIsNot() {
    AccessGrant reception = Fixtures.narrowGrant("g-1", List.of(RECEPTION), List.of());
    DecisionFacts facts = Fixtures.taskFacts(reception);
    assertTrue(decide(readTasks(), facts).allowed(), "a listing only needs the grant to reach the surface");
    Decision one = decide(Fixtures.viewTask(DANA, null, null), facts);
    assertEquals(ReasonCode.OUT_OF_SCOPE, one.reason());
    assertTrue(one.explanation().contains("occasion occ-wedding, with no event"), one::explanation);
    assertTrue(decide(Fixtures.viewTask(DANA, RECEPTION, null), facts).allowed());
    assertEquals(ReasonCode.OUT_OF_SCOPE, decide(Fixtures.viewTask(DANA, CEREMONY, null), facts).reason());
    assertTrue(decide(Fixtures.viewTask(DANA, null, null), Fixtures.taskFacts(Fixtures.wideGrant("g-2").build()))
        .allowed());
  }

  @Test
  void resourceNarrowingBindsOneRecordButNotAListing() {
    AccessGrant proof = Fixtures.narrowGrant("g-1", List.of(), List.of("art-7"));
    DecisionFacts facts = Fixtures.taskFacts(proof);
    assertTrue(decide(readTasks(), facts).allowed());
    assertEquals(ReasonCode.OUT_OF_SCOPE, decide(Fixtures.viewTask(DANA, RECEPTION, null), facts).reason());
    assertEquals(ReasonCode.OUT_OF_SCOPE, decide(Fixtures.viewTask(DANA, RECEPTION, "art-8"), facts).reason());
    assertTrue(decide(Fixtures.viewTask(DANA, RECEPTION, "art-7"), facts).allowed());
    assertEquals(ReasonCode.OUT_OF_SCOPE, decide(AccessRequest.view(DANA, TENANT, OCCASION, Surface.TASKS)
        .resourceId(ResourceId.of("art-8")).build(), facts).reason(), "a listing that names a resource is bound");
  }

  // ---------------------------------------------------------------- the exact artifact version rule

  @Test
  void approvalsAndAnnotationsMustNameTheExactArtifactVersion() {
    DecisionFacts facts = Fixtures.facts(Fixtures.wideGrant("g-1").build());
    for (Surface surface : List.of(Surface.APPROVALS, Surface.ANNOTATIONS)) {
      AccessRequest without = AccessRequest.contribute(DANA, TENANT, OCCASION, surface).build();
      Decision d = decide(without, facts);
      assertEquals(ReasonCode.EXACT_ARTIFACT_VERSION_REQUIRED, d.reason(), surface::wireName);
      assertEquals(Optional.of(DecisionCheck.SURFACE_RULE), d.failedCheck());
      assertTrue(decide(AccessRequest.contribute(DANA, TENANT, OCCASION, surface)
          .resourceId(ResourceId.of("art-7")).build(), facts).allowed(), surface::wireName);
    }
    assertTrue(decide(AccessRequest.contribute(DANA, TENANT, OCCASION, Surface.COMMENTS).build(), facts).allowed());
    assertTrue(decide(AccessRequest.view(DANA, TENANT, OCCASION, Surface.APPROVALS).build(), facts).allowed(),
        "reading approvals names no version");
  }

  // ---------------------------------------------------------------- which grant a block explains

  private static AccessGrant grant(String id, GrantStatus status, List<dev.partnerkit.domain.EventId> events,
      Surface... surfaces) {
    return Fixtures.wideGrant(id).status(status).scope(GrantScope.builder().occasionId(OCCASION)
        .addAllEvents(events).addSurfaces(surfaces).build()).build();
  }

  @Test
  void amongEqualFailuresTheLowestGrantIdIsExplained() {
    AccessRequest request = Fixtures.viewTask(DANA, RECEPTION, null);
    Decision d = decide(request, Fixtures.taskFacts(grant("g-2", GrantStatus.PENDING, List.of(), Surface.TASKS),
        grant("g-1", GrantStatus.PENDING, List.of(), Surface.TASKS)));
    assertEquals(ReasonCode.GRANT_PENDING, d.reason());
    assertTrue(d.explanation().contains("grant g-1 "), d::explanation);
  }

  @Test
  void aGrantForAnotherEventThatGetsFurtherIsExplainedOverAWeakerCandidate() {
    AccessRequest request = Fixtures.viewTask(DANA, RECEPTION, null);
    AccessGrant pendingHere = grant("g-1", GrantStatus.PENDING, List.of(RECEPTION), Surface.TASKS);
    AccessGrant suspended = grant("g-2", GrantStatus.SUSPENDED, List.of(CEREMONY), Surface.TASKS);
    AccessGrant activeThere = grant("g-3", GrantStatus.ACTIVE, List.of(CEREMONY), Surface.TASKS);
    AccessGrant activeThereToo = grant("g-4", GrantStatus.ACTIVE, List.of(CEREMONY), Surface.TASKS);
    Decision d = decide(request, Fixtures.taskFacts(activeThereToo, pendingHere, activeThere, suspended));
    assertEquals(ReasonCode.OUT_OF_SCOPE, d.reason());
    assertTrue(d.explanation().contains("grant g-3 "), d::explanation);

    AccessGrant wrongSurfaceHere = grant("g-5", GrantStatus.ACTIVE, List.of(RECEPTION), Surface.COMMENTS);
    Decision further = decide(request, Fixtures.taskFacts(activeThere, pendingHere, wrongSurfaceHere));
    assertEquals(ReasonCode.SURFACE_NOT_GRANTED, further.reason());
    assertTrue(further.explanation().contains("grant g-5 "), further::explanation);

    AccessGrant outOfScopeHere = Fixtures.wideGrant("g-9").scope(GrantScope.builder().occasionId(OCCASION)
        .addEvents(RECEPTION).addResources(ResourceId.of("art-1")).addSurfaces(Surface.TASKS).build()).build();
    Decision tie = decide(Fixtures.viewTask(DANA, RECEPTION, "art-2"), Fixtures.taskFacts(outOfScopeHere,
        activeThere));
    assertEquals(ReasonCode.OUT_OF_SCOPE, tie.reason());
    assertTrue(tie.explanation().contains("grant g-3 "), "equal codes: the lower id, g-3, not the candidate g-9: "
        + tie.explanation());
    Decision candidateFirst = decide(Fixtures.viewTask(DANA, RECEPTION, "art-2"), Fixtures.taskFacts(
        ImmutableAccessGrant(outOfScopeHere, "g-0"), activeThere));
    assertTrue(candidateFirst.explanation().contains("grant g-0 "), candidateFirst::explanation);
  }

  private static AccessGrant ImmutableAccessGrant(AccessGrant grant, String id) {
    return dev.partnerkit.domain.ImmutableAccessGrant.copyOf(grant).withGrantId(GrantId.of(id));
  }

  @Test
  void withoutGrantsOrWithOnlyOtherOccasionsGrantsTheRightCodeIsGiven() {
    assertEquals(ReasonCode.NO_GRANT, decide(readTasks(), Fixtures.facts()).reason());
    AccessGrant gala = Fixtures.wideGrant("g-1").scope(GrantScope.builder().occasionId(OTHER_OCCASION)
        .addSurfaces(Surface.TASKS).build()).build();
    Decision d = decide(readTasks(), Fixtures.facts(gala));
    assertEquals(ReasonCode.OUT_OF_SCOPE, d.reason());
    assertTrue(d.explanation().contains("grant g-1"), d::explanation);
  }

  // ---------------------------------------------------------------- the explained decision value

  @Test
  void anExplainedDecisionIsTheValueItsFieldsSay() {
    AccessGrant grant = Fixtures.wideGrant("g-1").build();
    List<Decision> decisions = List.of(decide(readTasks(), Fixtures.facts(grant)),
        decide(AccessRequest.view(DANA, TENANT, OCCASION, Surface.DOCUMENTS).build(), Fixtures.facts(grant)),
        decide(readTasks(), Fixtures.facts()),
        decide(AccessRequest.view(MAYA, TENANT, OCCASION, Surface.TASKS).build(), Fixtures.facts()));
    for (Decision d : decisions) {
      assertTrue(d instanceof ExplainedDecision, d::toString);
      ImmutableDecision built = ImmutableDecision.copyOf(d);
      assertEquals(built, d);
      assertEquals(d, built);
      assertEquals(built.hashCode(), d.hashCode());
      assertEquals(built.toString(), d.toString());
      assertEquals(built.render(), d.render());
      assertEquals(JSON.write(built), JSON.write(d));
      assertEquals(d, JSON.read(JSON.write(d), Decision.class));
      assertSame(d.explanation(), d.explanation(), "the words are rendered once");
      assertNotEquals(d, null);
      assertNotEquals(d, "a decision");
    }
    Decision allowed = decisions.get(0);
    assertEquals(Optional.of(GrantId.of("g-1")), allowed.grantId());
    assertEquals(Optional.of(PartnerCapability.MANAGE_TASK), allowed.capability());
    assertEquals(Optional.empty(), allowed.failedCheck());
    assertEquals(List.of(DecisionCheck.values()), allowed.checks());
    assertEquals(Optional.of(Surface.TASKS), allowed.surface());
    assertEquals(TENANT, allowed.tenantId());
    assertEquals(NOW, allowed.decidedAt());
    assertEquals(Optional.empty(), decisions.get(1).capability(), "documents need no capability");
    Decision blocked = decisions.get(2);
    assertFalse(blocked.allowed());
    assertEquals(Optional.of(DecisionCheck.GRANT), blocked.failedCheck());
    assertEquals(Optional.empty(), blocked.grantId());
    assertEquals(Optional.empty(), blocked.capability());
    Decision operator = decisions.get(3);
    assertEquals(ReasonCode.ALLOWED_FOR_OPERATOR, operator.reason());
    assertEquals(Optional.empty(), operator.grantId());
    assertEquals(Optional.empty(), operator.capability());
    assertEquals(List.of(DecisionCheck.PRODUCT_SCOPE, DecisionCheck.ACTOR, DecisionCheck.SURFACE_RULE),
        operator.checks());
  }

  @Test
  void decisionsWithDifferentFieldsDiffer() {
    AccessGrant grant = Fixtures.wideGrant("g-1").build();
    Decision d = decide(readTasks(), Fixtures.facts(grant));
    ImmutableDecision built = ImmutableDecision.copyOf(d);
    List<Decision> others = List.of(built.withExplanation("Allowed because of something else."),
        built.withNextSafeAction("wait."), built.withProofNeeded("None."), built.withGrantId(GrantId.of("g-2")),
        built.withCapability(PartnerCapability.COMMENT), built.withSurface(Surface.COMMENTS),
        built.withTenantId(OTHER_TENANT), built.withDecidedAt(NOW.plusSeconds(1)),
        built.withNextStepOwner(dev.partnerkit.domain.NextStepOwner.OPERATOR),
        built.withChecks(List.of(DecisionCheck.PRODUCT_SCOPE, DecisionCheck.ACTOR, DecisionCheck.SURFACE_RULE)),
        built.withReason(ReasonCode.ALLOWED_FOR_OPERATOR).withGrantId(Optional.empty())
            .withCapability(Optional.empty()),
        decide(AccessRequest.contribute(DANA, TENANT, OCCASION, Surface.TASKS).build(), Fixtures.facts(grant)));
    for (Decision other : others) {
      assertNotEquals(d, other, other::toString);
      assertNotEquals(other, d, other::toString);
    }
  }

  // ---------------------------------------------------------------- the grant index

  @Test
  void theIndexSortsCountsDuplicatesOnceAndRefusesTwoGrantsWithOneId() {
    AccessGrant b = Fixtures.wideGrant("g-b").build();
    AccessGrant a = Fixtures.wideGrant("g-a").build();
    AccessGrant elsewhere = Fixtures.wideGrant("g-a").tenantId(OTHER_TENANT).build();
    GrantIndex index = GrantIndex.of(List.of(b, a, b, elsewhere));
    assertEquals(3, index.size());
    assertEquals("GrantIndex[3 grants]", index.toString());
    assertEquals(List.of(a, b), index.grantsFor(TENANT, ACME));
    assertEquals(List.of(elsewhere), index.grantsFor(OTHER_TENANT, ACME));
    assertEquals(List.of(), index.grantsFor(TENANT, PartnerId.of("p-venue")));
    assertEquals(List.of(), index.grantsFor(dev.partnerkit.domain.TenantId.of("nobody"), ACME));
    assertEquals(0, GrantIndex.empty().size());
    assertEquals(List.of(), GrantIndex.empty().grantsFor(TENANT, ACME));
    InvalidValueException e = assertThrows(InvalidValueException.class,
        () -> GrantIndex.of(List.of(a, Fixtures.wideGrant("g-a").status(GrantStatus.PENDING).build())));
    assertEquals("grants", e.field());
    assertTrue(e.getMessage().contains("g-a"), e::getMessage);
  }

  @Test
  void theFactsFitTheirTenant() {
    assertEquals(TONI, Fixtures.facts().tenant());
    assertEquals(ENABLED, Fixtures.facts().productScope());
  }
}
