package dev.partnerkit.policy;

import static dev.partnerkit.policy.Fixtures.ACME_BOT;
import static dev.partnerkit.policy.Fixtures.DANA;
import static dev.partnerkit.policy.Fixtures.MAYA;
import static dev.partnerkit.policy.Fixtures.NOW;
import static dev.partnerkit.policy.Fixtures.LINEN;
import static dev.partnerkit.policy.Fixtures.taskFacts;
import static dev.partnerkit.policy.Fixtures.wideGrant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnerkit.domain.AccessGrant;
import dev.partnerkit.domain.AccessRequest;
import dev.partnerkit.domain.Actor;
import dev.partnerkit.domain.ActorKind;
import dev.partnerkit.domain.Decision;
import dev.partnerkit.domain.DecisionCheck;
import dev.partnerkit.domain.ReasonCode;
import dev.partnerkit.domain.SourceTruth;
import dev.partnerkit.domain.Surface;
import dev.partnerkit.policy.surface.tasks.TaskStatus;
import dev.partnerkit.policy.surface.tasks.Tasks;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every (from, to, actor kind) task move through the decider, against the documented {@link Tasks#LIFECYCLE}. */
class TaskTransitionDecisionTest {
  private static final AccessDecider DECIDER = AccessDecider.create();
  private static final AccessGrant PEOPLE = wideGrant("g-1").build();
  private static final AccessGrant MACHINE = wideGrant("g-2").integrationPrincipal(ACME_BOT.principalId()).build();
  private static final DecisionFacts FACTS = taskFacts(PEOPLE, MACHINE);

  private static Actor actorOf(ActorKind kind) {
    switch (kind) {
      case OPERATOR:
        return MAYA;
      case PARTNER_MEMBER:
        return DANA;
      case INTEGRATION:
      default:
        return ACME_BOT;
    }
  }

  private static AccessRequest move(ActorKind kind, TaskStatus from, TaskStatus to, String... open) {
    return Fixtures.move(actorOf(kind), from, to, open);
  }

  static Stream<Arguments> everyMove() {
    List<Arguments> out = new ArrayList<>();
    for (TaskStatus from : TaskStatus.values()) {
      for (TaskStatus to : TaskStatus.values()) {
        for (ActorKind kind : ActorKind.values()) {
          out.add(Arguments.of(from, to, kind));
        }
      }
    }
    return out.stream();
  }

  private static final Set<ActorKind> EVERYONE = EnumSet.allOf(ActorKind.class);
  private static final Set<ActorKind> OPERATORS = EnumSet.of(ActorKind.OPERATOR);
  /** The table as documented on {@link Tasks}, written out independently: from, to, who. */
  private static final List<Object[]> DOCUMENTED = List.of(
      new Object[] {TaskStatus.TO_DO, TaskStatus.IN_PROGRESS, EVERYONE},
      new Object[] {TaskStatus.IN_PROGRESS, TaskStatus.BLOCKED, EVERYONE},
      new Object[] {TaskStatus.BLOCKED, TaskStatus.IN_PROGRESS, EVERYONE},
      new Object[] {TaskStatus.IN_PROGRESS, TaskStatus.SUBMITTED, EVERYONE},
      new Object[] {TaskStatus.SUBMITTED, TaskStatus.APPROVED, OPERATORS},
      new Object[] {TaskStatus.SUBMITTED, TaskStatus.IN_PROGRESS, OPERATORS});

  private static boolean documented(TaskStatus from, TaskStatus to, ActorKind kind) {
    for (Object[] row : DOCUMENTED) {
      if (row[0] == from && row[1] == to && ((Set<?>) row[2]).contains(kind)) {
        return true;
      }
    }
    return false;
  }

  @Test
  void seventyFiveCombinationsAndTheDocumentedTable() {
    assertEquals(75, everyMove().count());
    int legal = 0;
    for (TaskStatus from : TaskStatus.values()) {
      for (TaskStatus to : TaskStatus.values()) {
        for (ActorKind kind : ActorKind.values()) {
          assertEquals(documented(from, to, kind), Tasks.LIFECYCLE.allows(from, to, kind),
              from + " -> " + to + " by " + kind);
          legal += documented(from, to, kind) ? 1 : 0;
        }
      }
    }
    assertEquals(14, legal);
    assertEquals(TaskStatus.TO_DO, Tasks.LIFECYCLE.initial());
    assertTrue(Tasks.LIFECYCLE.targets(TaskStatus.APPROVED, ActorKind.OPERATOR).isEmpty(), "approved is final");
  }

  @ParameterizedTest(name = "{0} -> {1} by {2}")
  @MethodSource("everyMove")
  void decidedExactlyAsTheTableSays(TaskStatus from, TaskStatus to, ActorKind kind) {
    Decision d = DECIDER.decide(move(kind, from, to), FACTS, NOW);
    boolean legal = documented(from, to, kind);
    assertEquals(legal, d.allowed(), d::render);
    if (legal) {
      assertEquals(kind == ActorKind.OPERATOR ? ReasonCode.ALLOWED_FOR_OPERATOR : ReasonCode.ALLOWED_BY_GRANT,
          d.reason());
      if (kind != ActorKind.OPERATOR) {
        assertEquals(kind == ActorKind.INTEGRATION ? MACHINE.grantId() : PEOPLE.grantId(), d.grantId().orElseThrow());
      }
      return;
    }
    ReasonCode expected = kind != ActorKind.OPERATOR && documented(from, to, ActorKind.OPERATOR)
        ? ReasonCode.OPERATOR_ONLY_TRANSITION : ReasonCode.TRANSITION_NOT_ALLOWED;
    assertEquals(expected, d.reason(), d::render);
    assertEquals(DecisionCheck.SURFACE_RULE, d.failedCheck().orElseThrow());
    assertTrue(d.explanation().startsWith("Blocked because") && d.explanation().contains(LINEN),
        d.explanation());
    // partners may never approve, whatever the starting status
    if (to == TaskStatus.APPROVED && kind != ActorKind.OPERATOR) {
      assertFalse(d.allowed());
    }
  }

  @Test
  void operatorApprovingASubmittedTaskIsAllowedAndPromotesNoSourceTruth() {
    AccessRequest approve = move(ActorKind.OPERATOR, TaskStatus.SUBMITTED, TaskStatus.APPROVED);
    assertTrue(approve.effects().isEmpty(), "a task move lists no source-truth effect");
    assertTrue(Tasks.LIFECYCLE.isClosed(TaskStatus.APPROVED), "approved closes a task for its dependants");
    Decision d = DECIDER.decide(approve, FACTS, NOW);
    assertTrue(d.allowed());
    assertEquals(ReasonCode.ALLOWED_FOR_OPERATOR, d.reason());
    assertEquals(List.of(DecisionCheck.PRODUCT_SCOPE, DecisionCheck.ACTOR, DecisionCheck.SURFACE_RULE), d.checks());
    assertTrue(d.explanation().contains("it does not clear job readiness"), d.explanation());
    assertTrue(d.nextSafeAction().contains("clear job readiness only from the readiness service"),
        d.nextSafeAction());
    assertTrue(Surface.TASKS.neverPromotes().contains(SourceTruth.READINESS_CLEARANCE));
  }

  @Test
  void approvalWithOpenDependenciesIsBlocked() {
    Decision d = DECIDER.decide(move(ActorKind.OPERATOR, TaskStatus.SUBMITTED, TaskStatus.APPROVED,
        "t-tables", "t-chairs"), FACTS, NOW);
    assertEquals(ReasonCode.PREREQUISITES_OPEN, d.reason());
    assertFalse(d.allowed());
    assertEquals(DecisionCheck.SURFACE_RULE, d.failedCheck().orElseThrow());
    assertTrue(d.explanation().contains("t-tables") && d.explanation().contains("t-chairs"), d.explanation());
  }

  @Test
  void openDependenciesBlockOnlySubmittingAndApproving() {
    for (ActorKind kind : ActorKind.values()) {
      for (TaskStatus from : TaskStatus.values()) {
        for (TaskStatus to : TaskStatus.values()) {
          if (!documented(from, to, kind)) {
            continue;
          }
          Decision d = DECIDER.decide(move(kind, from, to, "t-tables"), FACTS, NOW);
          boolean waits = to == TaskStatus.SUBMITTED || to == TaskStatus.APPROVED;
          assertEquals(!waits, d.allowed(), d::render);
          if (waits) {
            assertEquals(ReasonCode.PREREQUISITES_OPEN, d.reason());
          }
        }
      }
    }
  }
}
