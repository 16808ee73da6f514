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
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnerkit.domain.AccessGrant;
import dev.partnerkit.domain.ActorKind;
import dev.partnerkit.domain.IntegrationPrincipal;
import dev.partnerkit.domain.IntentKind;
import dev.partnerkit.domain.Lifecycle;
import dev.partnerkit.domain.OperatorUser;
import dev.partnerkit.domain.PartnerMember;
import dev.partnerkit.domain.RecordRule;
import dev.partnerkit.domain.RecordType;
import dev.partnerkit.domain.UserId;
import dev.partnerkit.policy.surface.tasks.TaskStatus;
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
    // the rule belongs to the record types of those surfaces; the core runs it as check 7 (surface rule)
    for (IntentKind intent : List.of(IntentKind.VIEW, IntentKind.CREATE, IntentKind.TRANSITION, IntentKind.REVISE,
        IntentKind.LINK, IntentKind.UNLINK)) {
      dev.partnerkit.domain.ImmutableRecordAction.Builder action = dev.partnerkit.domain.RecordAction.builder()
          .type("approval_decision").title("approve").partnerId(Fixtures.ACME);
      if (intent == IntentKind.TRANSITION) {
        action.fromStatus("recorded").toStatus("recorded");
      }
      if (intent == IntentKind.LINK || intent == IntentKind.UNLINK) {
        action.relation("pins");
      }
      if (intent != IntentKind.CREATE) {
        action.recordId("ad-1");
      }
      dev.partnerkit.domain.Placement at = dev.partnerkit.domain.Placement.builder().occasionId(OCCASION)
          .partnerId(Fixtures.ACME).build();
      AccessRequest without = AccessRequest.onRecord(DANA, TENANT, intent, Surface.APPROVALS, at, action.build())
          .build();
      AccessRequest with = AccessRequest.onRecord(DANA, TENANT, intent, Surface.APPROVALS,
          dev.partnerkit.domain.Placement.builder().from(at).resourceId(ResourceId.of("art-7")).build(),
          action.build()).build();
      assertEquals(intent == IntentKind.CREATE ? ReasonCode.EXACT_ARTIFACT_VERSION_REQUIRED : null,
          dev.partnerkit.policy.surface.VersionRules.EXACT_VERSION.check(without), intent::wireName);
      assertEquals(null, dev.partnerkit.policy.surface.VersionRules.EXACT_VERSION.check(with), intent::wireName);
      boolean changes = intent == IntentKind.REVISE || intent == IntentKind.LINK || intent == IntentKind.UNLINK;
      assertEquals(changes ? ReasonCode.RECORD_IMMUTABLE : null,
          dev.partnerkit.policy.surface.VersionRules.IMMUTABLE.check(with), intent::wireName);
    }
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

  // ---------------------------------------------------------------- record types and their rules

  private static RecordType<Fixtures.Note, Fixtures.NoteStatus> noteWithRule(RecordRule rule) {
    return RecordType.builder("field_note", Surface.ISSUES, Fixtures.Note.class,
            Lifecycle.builder(Fixtures.NoteStatus.class, Fixtures.NoteStatus.OPEN)
                .allow(Fixtures.NoteStatus.OPEN, Fixtures.NoteStatus.CLOSED, ActorKind.OPERATOR).build())
        .noun("field note").creators(ActorKind.PARTNER_MEMBER, ActorKind.INTEGRATION, ActorKind.OPERATOR)
        .title(Fixtures.Note::text).example(new Fixtures.Note("Loading dock closed until noon")).rule(rule).build();
  }

  @Test
  void aRecordRequestNeedsItsOwnRecordTypeInTheFacts() {
    AccessGrant grant = Fixtures.wideGrant("g-1").build();
    AccessRequest create = Fixtures.createTask(DANA);
    InvalidValueException missing = assertThrows(InvalidValueException.class,
        () -> decide(create, Fixtures.facts(grant)));
    assertEquals("facts.recordType", missing.field());
    InvalidValueException other = assertThrows(InvalidValueException.class,
        () -> decide(create, Fixtures.withType(Fixtures.facts(grant), Fixtures.FIELD_NOTE)));
    assertEquals("facts.recordType", other.field());
    AccessRequest onAnotherSurface = AccessRequest.onRecord(DANA, TENANT, IntentKind.CREATE, Surface.COMMENTS,
        Fixtures.taskPlacement(ACME), Fixtures.linen(ACME).build()).build();
    assertThrows(InvalidValueException.class, () -> decide(onAnotherSurface, Fixtures.taskFacts(grant)));
    assertTrue(decide(Fixtures.viewTask(DANA, RECEPTION, null), Fixtures.facts(grant)).allowed(),
        "a view of a row that is no kernel record needs no record type");
    assertTrue(decide(Fixtures.viewTask(DANA, RECEPTION, null), Fixtures.taskFacts(grant)).allowed());
  }

  @Test
  void aTypesOwnRuleBlocksWithItsSurfaceRuleCodeAndMayAnswerNothingElse() {
    AccessGrant grant = Fixtures.wideGrant("g-1").build();
    AccessRequest note = Fixtures.createNote(DANA).build();
    RecordType<?, ?> blocking = noteWithRule(r -> ReasonCode.EXACT_ARTIFACT_VERSION_REQUIRED);
    Decision d = decide(note, Fixtures.withType(Fixtures.facts(grant), blocking));
    assertEquals(ReasonCode.EXACT_ARTIFACT_VERSION_REQUIRED, d.reason());
    Decision forOperator = decide(Fixtures.createNote(MAYA).build(), Fixtures.withType(Fixtures.facts(), blocking));
    assertEquals(ReasonCode.EXACT_ARTIFACT_VERSION_REQUIRED, forOperator.reason(), "operators keep the type's rules");
    RecordType<?, ?> silent = noteWithRule(r -> null);
    assertTrue(decide(note, Fixtures.withType(Fixtures.facts(grant), silent)).allowed());
    RecordType<?, ?> broken = noteWithRule(r -> ReasonCode.NO_GRANT);
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> decide(note, Fixtures.withType(Fixtures.facts(grant), broken)));
    assertTrue(e.getMessage().contains("no_grant"), e::getMessage);
    assertEquals(ReasonCode.PARTNER_RECORD_CANNOT_BE_INTERNAL, decide(Fixtures.createNote(DANA).internalOnly(true)
        .build(), Fixtures.withType(Fixtures.facts(grant), silent)).reason());
    assertTrue(decide(Fixtures.createNote(MAYA).internalOnly(true).build(),
        Fixtures.withType(Fixtures.facts(), silent)).allowed(), "operators may write internal-only records");
  }

  @Test
  void aPartnerMovesOnlyItsOwnRecordAndOnlyAlongItsLifecycle() {
    DecisionFacts facts = Fixtures.taskFacts(Fixtures.wideGrant("g-1").build());
    assertEquals(ReasonCode.RECORD_NOT_FOR_PARTNER, decide(Fixtures.move(DANA, PartnerId.of("p-venue"),
        TaskStatus.TO_DO, TaskStatus.IN_PROGRESS), facts).reason());
    assertTrue(decide(Fixtures.move(DANA, TaskStatus.TO_DO, TaskStatus.IN_PROGRESS), facts).allowed());
    assertEquals(ReasonCode.OPERATOR_ONLY_TRANSITION, decide(Fixtures.move(DANA, TaskStatus.SUBMITTED,
        TaskStatus.APPROVED), facts).reason());
    assertEquals(ReasonCode.TRANSITION_NOT_ALLOWED, decide(Fixtures.move(DANA, TaskStatus.TO_DO,
        TaskStatus.APPROVED), facts).reason());
    assertEquals(ReasonCode.TRANSITION_NOT_ALLOWED, decide(Fixtures.move(MAYA, TaskStatus.TO_DO,
        TaskStatus.APPROVED), Fixtures.taskFacts()).reason(), "no other actor kind may: not an operator-only move");
    assertEquals(ReasonCode.PREREQUISITES_OPEN, decide(Fixtures.move(DANA, TaskStatus.IN_PROGRESS,
        TaskStatus.SUBMITTED, "t-chairs"), facts).reason());
    assertTrue(decide(Fixtures.move(DANA, TaskStatus.IN_PROGRESS, TaskStatus.BLOCKED, "t-chairs"), facts)
        .allowed(), "moving to blocked needs no prerequisite closed");
  }

  // ---------------------------------------------------------------- operators, surface modes, actors

  @Test
  void productScopeStopsAnOperatorsWritesButNotReadsOrEntitlements() {
    DecisionFacts off = DecisionFacts.builder().from(Fixtures.taskFacts()).productScope(Fixtures.DISABLED).build();
    assertEquals(ReasonCode.PRODUCT_SCOPE_UNAVAILABLE, decide(Fixtures.createTask(MAYA), off).reason());
    assertTrue(decide(AccessRequest.view(MAYA, TENANT, OCCASION, Surface.TASKS).build(), off).allowed());
    assertTrue(decide(AccessRequest.builder().actor(MAYA).tenantId(TENANT).occasionId(OCCASION)
        .intent(IntentKind.MANAGE_ENTITLEMENTS).build(), off).allowed());
    assertTrue(decide(Fixtures.createTask(MAYA), Fixtures.taskFacts()).allowed());
    OperatorUser stranger = OperatorUser.builder().from(MAYA).tenantId(OTHER_TENANT).build();
    assertEquals(ReasonCode.ACTOR_NOT_RESOLVED, decide(Fixtures.createTask(stranger), Fixtures.taskFacts()).reason());
  }

  @Test
  void writesToReadOnlySurfacesAndByReadOnlyMachinesAreRefusedButReadsAreNot() {
    IntegrationPrincipal readOnly = IntegrationPrincipal.builder().from(Fixtures.ACME_BOT).writeEnabled(false)
        .build();
    AccessGrant machine = Fixtures.wideGrant("g-m").integrationPrincipal(readOnly.principalId()).build();
    DecisionFacts facts = Fixtures.facts(machine, Fixtures.wideGrant("g-p").build());
    assertEquals(ReasonCode.INTEGRATION_READ_ONLY, decide(AccessRequest.contribute(readOnly, TENANT, OCCASION,
        Surface.COMMENTS).build(), facts).reason());
    assertTrue(decide(AccessRequest.view(readOnly, TENANT, OCCASION, Surface.COMMENTS).build(), facts).allowed());
    assertEquals(ReasonCode.READ_ONLY_SURFACE, decide(AccessRequest.contribute(DANA, TENANT, OCCASION,
        Surface.AVAILABILITY).build(), facts).reason());
    assertTrue(decide(AccessRequest.view(DANA, TENANT, OCCASION, Surface.AVAILABILITY).build(), facts).allowed());
    Decision opening = decide(AccessRequest.openOccasion(DANA, TENANT, OCCASION).build(), facts);
    assertTrue(opening.allowed());
    assertEquals(Optional.empty(), opening.capability());
    assertEquals(Optional.empty(), opening.surface());
  }

  @Test
  void grantsCoverTheMembersAndTheMachineTheyName() {
    PartnerMember lee = PartnerMember.builder().from(DANA).userId(UserId.of("u-lee")).displayName("Lee").build();
    AccessGrant forDana = Fixtures.wideGrant("g-1").members(Set.of(DANA.userId())).build();
    assertTrue(decide(readTasks(), Fixtures.facts(forDana)).allowed());
    Decision notLee = decide(AccessRequest.view(lee, TENANT, OCCASION, Surface.TASKS).build(), Fixtures.facts(forDana));
    assertEquals(ReasonCode.GRANT_NOT_FOR_ACTOR, notLee.reason());
    assertTrue(notLee.explanation().contains("narrowed to other members, not Lee"), notLee::explanation);
    IntegrationPrincipal bot = Fixtures.ACME_BOT;
    AccessGrant forBot = Fixtures.wideGrant("g-2").integrationPrincipal(bot.principalId()).build();
    AccessGrant forOtherBot = Fixtures.wideGrant("g-3").integrationPrincipal(
        dev.partnerkit.domain.IntegrationPrincipalId.of("ip-other")).build();
    AccessRequest botReads = AccessRequest.view(bot, TENANT, OCCASION, Surface.TASKS).build();
    assertTrue(decide(botReads, Fixtures.facts(forBot)).allowed());
    assertEquals(ReasonCode.GRANT_NOT_FOR_ACTOR, decide(botReads, Fixtures.facts(forOtherBot)).reason());
    Decision people = decide(botReads, Fixtures.facts(Fixtures.wideGrant("g-4").build()));
    assertEquals(ReasonCode.GRANT_NOT_FOR_ACTOR, people.reason());
    assertTrue(people.explanation().contains("covers people"), people::explanation);
    assertEquals(ReasonCode.GRANT_NOT_FOR_ACTOR, decide(readTasks(), Fixtures.facts(forBot)).reason(),
        "a machine's grant covers no person");
  }

  @Test
  void aGrantsWindowAndStatusComeBeforeItsScope() {
    AccessGrant ended = Fixtures.wideGrant("g-1").validUntil(NOW).build();
    assertEquals(ReasonCode.GRANT_EXPIRED, decide(readTasks(), Fixtures.facts(ended)).reason(), "the end is exclusive");
    AccessGrant open = Fixtures.wideGrant("g-1").validUntil(Optional.empty()).build();
    assertTrue(decide(readTasks(), Fixtures.facts(open)).allowed());
    AccessGrant later = Fixtures.wideGrant("g-1").validFrom(NOW.plusSeconds(1)).validUntil(NOW.plusSeconds(60))
        .build();
    assertEquals(ReasonCode.GRANT_NOT_YET_VALID, decide(readTasks(), Fixtures.facts(later)).reason());
    AccessGrant starting = Fixtures.wideGrant("g-1").validFrom(NOW).build();
    assertTrue(decide(readTasks(), Fixtures.facts(starting)).allowed(), "the start is inclusive");
    AccessGrant noCapability = Fixtures.wideGrant("g-1").capabilities(Set.of(PartnerCapability.COMMENT)).build();
    assertEquals(ReasonCode.CAPABILITY_MISSING, decide(readTasks(), Fixtures.facts(noCapability)).reason());
    assertTrue(decide(AccessRequest.view(DANA, TENANT, OCCASION, Surface.DOCUMENTS).build(),
        Fixtures.facts(noCapability)).allowed(), "documents need no capability");
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
  void theIndexOffersOnlyTheGrantsThatCanCoverTheOccasionAndEvent() {
    AccessGrant wide = Fixtures.wideGrant("g-3").build();
    AccessGrant reception = Fixtures.narrowGrant("g-1", List.of(RECEPTION), List.of());
    AccessGrant ceremony = Fixtures.narrowGrant("g-2", List.of(CEREMONY), List.of());
    AccessGrant gala = Fixtures.wideGrant("g-0").scope(GrantScope.builder().occasionId(OTHER_OCCASION)
        .addSurfaces(Surface.TASKS).build()).build();
    GrantIndex.PartnerGrants grants = GrantIndex.of(List.of(wide, ceremony, gala, reception)).partner(TENANT, ACME);
    assertEquals(List.of(gala, reception, ceremony, wide), List.of(grants.all));
    assertEquals(List.of(reception, wide), List.of(grants.candidates(OCCASION, RECEPTION, true)));
    assertEquals(List.of(reception, wide), List.of(grants.candidates(OCCASION, RECEPTION, false)));
    assertEquals(List.of(ceremony, wide), List.of(grants.candidates(OCCASION, CEREMONY, true)));
    assertEquals(List.of(wide), List.of(grants.candidates(OCCASION, dev.partnerkit.domain.EventId.of("ev-none"),
        true)), "an event no grant names: the grants naming no events");
    assertEquals(List.of(wide), List.of(grants.candidates(OCCASION, null, true)), "exact, no event");
    assertEquals(List.of(reception, ceremony, wide), List.of(grants.candidates(OCCASION, null, false)),
        "a listing without an event");
    assertEquals(List.of(gala), List.of(grants.candidates(OTHER_OCCASION, RECEPTION, true)));
    assertEquals(List.of(), List.of(grants.candidates(dev.partnerkit.domain.OccasionId.of("occ-none"), null,
        false)));
    assertEquals(0, GrantIndex.empty().partner(TENANT, ACME).all.length);
  }

  @Test
  void thePipelinesListsCarryTheirOutcomesMadeOnce() {
    List<DecisionCheck> upToGrant = Explanations.checksRan(List.of(DecisionCheck.PRODUCT_SCOPE, DecisionCheck.ACTOR,
        DecisionCheck.GRANT));
    assertEquals(List.of(DecisionCheck.PRODUCT_SCOPE, DecisionCheck.ACTOR, DecisionCheck.GRANT), upToGrant);
    assertEquals(3, upToGrant.size());
    assertEquals(DecisionCheck.GRANT, upToGrant.get(2));
    Explanations.Outcome pending = Explanations.Outcome.of(ReasonCode.GRANT_PENDING, upToGrant);
    assertSame(pending, Explanations.Outcome.of(ReasonCode.GRANT_PENDING, upToGrant), "made once, up front");
    assertEquals(ReasonCode.GRANT_PENDING, pending.reason());
    assertSame(upToGrant, pending.checks());
    assertSame(Explanations.Outcome.of(ReasonCode.ALLOWED_BY_GRANT, upToGrant),
        Explanations.Outcome.of(ReasonCode.ALLOWED_BY_GRANT, upToGrant));
    Explanations.Outcome scope = Explanations.Outcome.of(ReasonCode.OUT_OF_SCOPE, upToGrant);
    assertNotSame(scope, Explanations.Outcome.of(ReasonCode.OUT_OF_SCOPE, upToGrant),
        "a code of another check has no outcome made for this list");
    List<DecisionCheck> plain = List.of(DecisionCheck.PRODUCT_SCOPE, DecisionCheck.ACTOR, DecisionCheck.GRANT);
    Explanations.Outcome fresh = Explanations.Outcome.of(ReasonCode.GRANT_PENDING, plain);
    assertNotSame(fresh, Explanations.Outcome.of(ReasonCode.GRANT_PENDING, plain));
    assertEquals(plain, fresh.checks());
    assertEquals(null, pending.capability(readTasks()));
    assertEquals(PartnerCapability.MANAGE_TASK, Explanations.Outcome.of(ReasonCode.ALLOWED_BY_GRANT, upToGrant)
        .capability(readTasks()));
    assertEquals(Set.of(ReasonCode.values()), Explanations.explainedCodes());
  }

  @Test
  void amongCandidatesThatFailAlikeTheLowestIdIsExplained() {
    AccessGrant second = grant("g-2", GrantStatus.ACTIVE, List.of(RECEPTION), Surface.COMMENTS);
    AccessGrant first = grant("g-1", GrantStatus.ACTIVE, List.of(RECEPTION), Surface.COMMENTS);
    Decision d = decide(Fixtures.viewTask(DANA, RECEPTION, null), Fixtures.taskFacts(second, first));
    assertEquals(ReasonCode.SURFACE_NOT_GRANTED, d.reason());
    assertTrue(d.explanation().contains("grant g-1 "), d::explanation);
    AccessGrant elsewhere = grant("g-0", GrantStatus.PENDING, List.of(CEREMONY), Surface.TASKS);
    Decision pending = decide(Fixtures.viewTask(DANA, RECEPTION, null), Fixtures.taskFacts(
        grant("g-5", GrantStatus.PENDING, List.of(CEREMONY), Surface.TASKS), elsewhere));
    assertEquals(ReasonCode.GRANT_PENDING, pending.reason());
    assertTrue(pending.explanation().contains("grant g-0 "), pending::explanation);
  }

  @Test
  void aPartnerViewsOnlyItsOwnRecords() {
    DecisionFacts facts = Fixtures.taskFacts(Fixtures.wideGrant("g-1").build());
    AccessRequest venues = AccessRequest.onRecord(DANA, TENANT, IntentKind.VIEW, Surface.TASKS,
        Fixtures.taskPlacement(PartnerId.of("p-venue")), Fixtures.linen(PartnerId.of("p-venue")).build()).build();
    assertEquals(ReasonCode.RECORD_NOT_FOR_PARTNER, decide(venues, facts).reason());
    assertTrue(decide(Fixtures.viewTask(DANA, RECEPTION, null), facts).allowed());
  }

  @Test
  void theFactsFitTheirTenant() {
    assertEquals(TONI, Fixtures.facts().tenant());
    assertEquals(ENABLED, Fixtures.facts().productScope());
  }
}
