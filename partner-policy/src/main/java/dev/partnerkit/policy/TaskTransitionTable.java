package dev.partnerkit.policy;

import static dev.partnerkit.domain.ActorKind.INTEGRATION;
import static dev.partnerkit.domain.ActorKind.OPERATOR;
import static dev.partnerkit.domain.ActorKind.PARTNER_MEMBER;

import dev.partnerkit.domain.ActorKind;
import dev.partnerkit.domain.TaskStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The partner task state machine as data: every legal move, and which kinds of actor may make it. Anything not
 * listed is illegal. No move has a source-truth effect: approving a task records evidence, it never clears job
 * readiness.
 *
 * <pre>
 * from         to           partner member  integration  operator
 * to_do        in_progress  yes             yes          yes
 * in_progress  blocked      yes             yes          yes
 * blocked      in_progress  yes             yes          yes
 * in_progress  submitted    yes             yes          yes
 * submitted    approved     -               -            yes   (approve)
 * submitted    in_progress  -               -            yes   (send back)
 * </pre>
 *
 * Integration principals move tasks like partner members, but only when their grant names them and their writes are
 * enabled. {@code approved} is final: a task that needs more work gets a new task.
 */
public enum TaskTransitionTable {
  /** Start work. */
  START(TaskStatus.TO_DO, TaskStatus.IN_PROGRESS, PARTNER_MEMBER, INTEGRATION, OPERATOR),
  /** Report that work is blocked. */
  BLOCK(TaskStatus.IN_PROGRESS, TaskStatus.BLOCKED, PARTNER_MEMBER, INTEGRATION, OPERATOR),
  /** Resume blocked work. */
  UNBLOCK(TaskStatus.BLOCKED, TaskStatus.IN_PROGRESS, PARTNER_MEMBER, INTEGRATION, OPERATOR),
  /** Hand work in for operator review. */
  SUBMIT(TaskStatus.IN_PROGRESS, TaskStatus.SUBMITTED, PARTNER_MEMBER, INTEGRATION, OPERATOR),
  /** Operator accepts the submitted evidence (readiness untouched). */
  APPROVE(TaskStatus.SUBMITTED, TaskStatus.APPROVED, OPERATOR),
  /** Operator sends submitted work back for more. */
  SEND_BACK(TaskStatus.SUBMITTED, TaskStatus.IN_PROGRESS, OPERATOR);

  private final TaskStatus from;
  private final TaskStatus to;
  private final Set<ActorKind> actors;

  TaskTransitionTable(TaskStatus from, TaskStatus to, ActorKind first, ActorKind... rest) {
    this.from = from;
    this.to = to;
    this.actors = Collections.unmodifiableSet(EnumSet.of(first, rest));
  }

  /** @return the status the move starts from */
  public TaskStatus from() {
    return from;
  }

  /** @return the status the move ends in */
  public TaskStatus to() {
    return to;
  }

  /** @return the kinds of actor allowed to make the move */
  public Set<ActorKind> actors() {
    return actors;
  }

  /**
   * @return the listed move from {@code from} to {@code to}, or null when there is none
   */
  public static @Nullable TaskTransitionTable find(TaskStatus from, TaskStatus to) {
    for (TaskTransitionTable t : values()) {
      if (t.from == from && t.to == to) {
        return t;
      }
    }
    return null;
  }

  /**
   * @return whether {@code actor} may move a task from {@code from} to {@code to}
   */
  public static boolean allows(TaskStatus from, TaskStatus to, ActorKind actor) {
    TaskTransitionTable t = find(from, to);
    return t != null && t.actors.contains(actor);
  }

  /**
   * @return the statuses {@code actor} may move a task to from {@code from}, in table order
   */
  public static List<TaskStatus> targets(TaskStatus from, ActorKind actor) {
    List<TaskStatus> out = new ArrayList<>(2);
    for (TaskTransitionTable t : values()) {
      if (t.from == from && t.actors.contains(actor)) {
        out.add(t.to);
      }
    }
    return out;
  }
}
