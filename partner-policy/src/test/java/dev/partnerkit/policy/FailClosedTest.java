package dev.partnerkit.policy;

import static dev.partnerkit.policy.Fixtures.ACME;
import static dev.partnerkit.policy.Fixtures.ACME_BOT;
import static dev.partnerkit.policy.Fixtures.DANA;
import static dev.partnerkit.policy.Fixtures.MAYA;
import static dev.partnerkit.policy.Fixtures.NOW;
import static dev.partnerkit.policy.Fixtures.OCCASION;
import static dev.partnerkit.policy.Fixtures.TENANT;
import static dev.partnerkit.policy.Fixtures.facts;
import static dev.partnerkit.policy.Fixtures.taskPlacement;
import static dev.partnerkit.policy.Fixtures.wideGrant;
import static dev.partnerkit.policy.Fixtures.withType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnerkit.domain.AccessGrant;
import dev.partnerkit.domain.AccessRequest;
import dev.partnerkit.domain.Actor;
import dev.partnerkit.domain.ActorKind;
import dev.partnerkit.domain.Decision;
import dev.partnerkit.domain.DecisionCheck;
import dev.partnerkit.domain.ImmutableRecordAction;
import dev.partnerkit.domain.IntentKind;
import dev.partnerkit.domain.Lifecycle;
import dev.partnerkit.domain.OperatorRole;
import dev.partnerkit.domain.OperatorUser;
import dev.partnerkit.domain.ReasonCode;
import dev.partnerkit.domain.RecordAction;
import dev.partnerkit.domain.RecordType;
import dev.partnerkit.domain.Surface;
import dev.partnerkit.domain.UserId;
import dev.partnerkit.domain.WireNamed;
import dev.partnerkit.policy.Fixtures.Note;
import dev.partnerkit.policy.Fixtures.NoteStatus;
import dev.partnerkit.policy.surface.tasks.Tasks;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Deny by default: partner-side actors get only the intents on an allow list (anything else is operator-only), a
 * record intent only when the record type names their kind, and each operator intent exactly the documented roles.
 */
class FailClosedTest {
  private static final AccessDecider DECIDER = AccessDecider.create();
  private static final AccessGrant PEOPLE = wideGrant("g-1").build();
  private static final AccessGrant MACHINE = wideGrant("g-2").integrationPrincipal(ACME_BOT.principalId()).build();

  /** The partner-side allow list, written out independently of the decider. */
  private static final Set<IntentKind> PARTNER_SIDE = EnumSet.of(IntentKind.VIEW, IntentKind.CONTRIBUTE,
      IntentKind.CREATE, IntentKind.TRANSITION, IntentKind.REVISE, IntentKind.LINK, IntentKind.UNLINK);

  /** The operator roles of each intent, as documented. */
  private static final Map<IntentKind, Set<OperatorRole>> ROLES = new EnumMap<>(IntentKind.class);

  static {
    Set<OperatorRole> work = EnumSet.of(OperatorRole.OWNER_OPS_LEAD, OperatorRole.ADMIN, OperatorRole.COORDINATOR);
    for (IntentKind intent : List.of(IntentKind.CONTRIBUTE, IntentKind.CREATE, IntentKind.TRANSITION,
        IntentKind.REVISE, IntentKind.LINK, IntentKind.UNLINK, IntentKind.INVITE_MEMBER)) {
      ROLES.put(intent, work);
    }
    ROLES.put(IntentKind.VIEW, EnumSet.allOf(OperatorRole.class));
    for (IntentKind intent : List.of(IntentKind.MANAGE_GRANTS, IntentKind.MANAGE_DIRECTORY,
        IntentKind.REVOKE_ACCESS)) {
      ROLES.put(intent, EnumSet.of(OperatorRole.OWNER_OPS_LEAD, OperatorRole.ADMIN));
    }
    ROLES.put(IntentKind.ACCEPT_INVITATION, EnumSet.noneOf(OperatorRole.class));
    ROLES.put(IntentKind.MANAGE_ENTITLEMENTS, EnumSet.of(OperatorRole.OWNER_OPS_LEAD, OperatorRole.ADMIN,
        OperatorRole.BILLING_ADMIN));
  }

  /** A test-only type that lets every kind of actor create, revise and link: only the allow list can refuse. */
  private static final RecordType<Note, NoteStatus> OPEN_NOTE = RecordType.builder("open_note", Surface.ISSUES,
          Note.class, Lifecycle.builder(NoteStatus.class, NoteStatus.OPEN).allow(NoteStatus.OPEN, NoteStatus.CLOSED,
              ActorKind.PARTNER_MEMBER, ActorKind.INTEGRATION, ActorKind.OPERATOR).build())
      .relation("mentions").creators(ActorKind.PARTNER_MEMBER, ActorKind.INTEGRATION, ActorKind.OPERATOR)
      .revisers(ActorKind.PARTNER_MEMBER, ActorKind.INTEGRATION, ActorKind.OPERATOR)
      .linkers(ActorKind.PARTNER_MEMBER, ActorKind.INTEGRATION, ActorKind.OPERATOR)
      .title(Note::text).example(new Note("Gate code changed")).build();

  private static final List<RecordType<?, ?>> TYPES = List.of(Tasks.TYPE, Fixtures.FIELD_NOTE, OPEN_NOTE);

  private static Actor actorOf(ActorKind kind) {
    return switch (kind) {
      case OPERATOR -> MAYA;
      case PARTNER_MEMBER -> DANA;
      case INTEGRATION -> ACME_BOT;
    };
  }

  /** {@code intent} by {@code actor}: on a record of {@code type} when the intent is about one, else on comments. */
  private static AccessRequest request(Actor actor, IntentKind intent, RecordType<?, ?> type) {
    if (!intent.onRecord()) {
      return AccessRequest.builder().actor(actor).tenantId(TENANT).occasionId(OCCASION).intent(intent)
          .surface(Surface.COMMENTS).build();
    }
    ImmutableRecordAction.Builder action = RecordAction.builder().type(type.wireName()).partnerId(ACME)
        .title("Gate code");
    if (intent != IntentKind.CREATE) {
      action.recordId("r-1");
    }
    if (intent == IntentKind.TRANSITION) {
      firstMove(type, actor.kind(), action);
    }
    if (intent == IntentKind.LINK || intent == IntentKind.UNLINK) {
      action.relation(type.relations().isEmpty() ? "mentions" : type.relations().iterator().next());
    }
    return AccessRequest.onRecord(actor, TENANT, intent, type.surface(), taskPlacement(ACME), action.build())
        .build();
  }

  /** The first move of the type's lifecycle that {@code kind} may make (or the first move at all). */
  private static <S extends Enum<S> & WireNamed> void firstMove(RecordType<?, S> type, ActorKind kind,
      ImmutableRecordAction.Builder action) {
    Lifecycle.Transition<S> move = type.lifecycle().transitions().stream()
        .filter(t -> t.actors().contains(kind)).findFirst().orElse(type.lifecycle().transitions().get(0));
    action.fromStatus(move.from().wireName()).toStatus(move.to().wireName());
  }

  private static Decision decide(AccessRequest request, RecordType<?, ?> type) {
    DecisionFacts facts = facts(PEOPLE, MACHINE);
    return DECIDER.decide(request, request.record().isPresent() ? withType(facts, type) : facts, NOW);
  }

  @Test
  void theAllowListLeavesOutOnlyTheOperatorIntents() {
    Set<IntentKind> outside = EnumSet.complementOf(EnumSet.copyOf(PARTNER_SIDE));
    outside.removeIf(IntentKind::onOrganisation); // a member's own memberships: a pipeline of their own
    assertEquals(EnumSet.of(IntentKind.MANAGE_GRANTS, IntentKind.MANAGE_ENTITLEMENTS, IntentKind.MANAGE_DIRECTORY,
        IntentKind.REVOKE_ACCESS), outside);
    assertEquals(EnumSet.allOf(IntentKind.class), ROLES.keySet(), "every intent has documented roles");
  }

  @Test
  void everyIntentOutsideThePartnerAllowListIsOperatorOnlyForPartnersAndMachines() {
    int outside = 0;
    for (IntentKind intent : IntentKind.values()) {
      if (PARTNER_SIDE.contains(intent) || intent.onOrganisation()) {
        continue;
      }
      outside++;
      for (Actor actor : List.of(DANA, ACME_BOT)) {
        for (AccessRequest r : List.of(request(actor, intent, OPEN_NOTE), AccessRequest.builder().actor(actor)
            .tenantId(TENANT).occasionId(OCCASION).intent(intent).build())) {
          Decision d = DECIDER.decide(r, facts(PEOPLE, MACHINE), NOW);
          assertEquals(ReasonCode.OPERATOR_ONLY_ACTION, d.reason(), d::render);
          assertEquals(List.of(DecisionCheck.PRODUCT_SCOPE, DecisionCheck.ACTOR), d.checks());
          assertTrue(d.explanation().contains(" is an operator action; "), d.explanation());
        }
      }
      Decision operator = DECIDER.decide(request(MAYA, intent, OPEN_NOTE), facts(), NOW);
      assertTrue(operator.allowed(), operator::render);
    }
    assertEquals(4, outside);
  }

  @Test
  void aPartnerSideRecordIntentNeedsTheAllowListAndTheTypeToNameTheActorKind() {
    int passed = 0;
    int refused = 0;
    for (RecordType<?, ?> type : TYPES) {
      for (IntentKind intent : IntentKind.values()) {
        if (!intent.onRecord()) {
          continue;
        }
        for (ActorKind kind : List.of(ActorKind.PARTNER_MEMBER, ActorKind.INTEGRATION)) {
          Decision d = decide(request(actorOf(kind), intent, type), type);
          boolean mayAsk = PARTNER_SIDE.contains(intent) && type.actorsFor(intent).contains(kind);
          String where = type.wireName() + " " + intent.wireName() + " by " + kind.wireName() + ": " + d.render();
          if (mayAsk) {
            passed++;
            assertNotEquals(ReasonCode.OPERATOR_ONLY_ACTION, d.reason(), where);
            assertTrue(d.checks().size() > 2, where);
          } else {
            refused++;
            assertEquals(ReasonCode.OPERATOR_ONLY_ACTION, d.reason(), where);
            assertEquals(DecisionCheck.ACTOR, d.failedCheck().orElseThrow(), where);
          }
        }
      }
    }
    assertTrue(passed > 10 && refused > 10, "passed " + passed + ", refused " + refused);
    // where the allow list and the type both say yes, nothing else stands in the way
    for (IntentKind intent : List.of(IntentKind.CREATE, IntentKind.REVISE, IntentKind.LINK, IntentKind.UNLINK,
        IntentKind.TRANSITION)) {
      Decision d = decide(request(DANA, intent, OPEN_NOTE), OPEN_NOTE);
      assertTrue(d.allowed(), d::render);
    }
  }

  @Test
  void tasksLetPartnersOnlyReadAndMove() {
    for (IntentKind intent : IntentKind.values()) {
      for (ActorKind kind : ActorKind.values()) {
        boolean expected = intent == IntentKind.VIEW || intent == IntentKind.TRANSITION
            || kind == ActorKind.OPERATOR && intent.onRecord(); // and nobody for intents about no record
        assertEquals(expected, Tasks.TYPE.actorsFor(intent).contains(kind), intent + " by " + kind);
      }
    }
  }

  @Test
  void eachOperatorIntentNeedsExactlyTheDocumentedRoles() {
    for (IntentKind intent : IntentKind.values()) {
      assertEquals(ROLES.get(intent), Set.copyOf(AccessDecider.rolesFor(intent)), intent.wireName());
      for (OperatorRole role : OperatorRole.values()) {
        OperatorUser operator = OperatorUser.builder().userId(UserId.of("u-sam")).tenantId(TENANT)
            .displayName("Sam").addRoles(role).build();
        Decision d = decide(request(operator, intent, Tasks.TYPE), Tasks.TYPE);
        boolean expected = ROLES.get(intent).contains(role);
        assertEquals(expected, d.allowed(), () -> role + " " + intent + ": " + d.render());
        if (!expected) {
          assertEquals(ReasonCode.OPERATOR_ROLE_MISSING, d.reason());
          assertTrue(d.explanation().contains("Sam has the roles [" + role.wireName() + "]"), d.explanation());
        }
      }
    }
  }

  @Test
  void everyIntentIsDecidedAndExplainedForEveryKindOfActor() {
    for (RecordType<?, ?> type : TYPES) {
      for (IntentKind intent : IntentKind.values()) {
        for (ActorKind kind : ActorKind.values()) {
          Decision d = decide(request(actorOf(kind), intent, type), type);
          assertTrue(d.explanation().startsWith(d.allowed() ? "Allowed because " : "Blocked because "),
              d::render);
          assertFalse(d.explanation().contains("null") || d.nextSafeAction().contains("null"), d::render);
        }
      }
    }
  }
}
