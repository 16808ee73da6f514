package dev.partnerkit.policy.surface.tasks;

import static dev.partnerkit.domain.ActorKind.INTEGRATION;
import static dev.partnerkit.domain.ActorKind.OPERATOR;
import static dev.partnerkit.domain.ActorKind.PARTNER_MEMBER;
import static dev.partnerkit.policy.surface.tasks.TaskStatus.APPROVED;
import static dev.partnerkit.policy.surface.tasks.TaskStatus.BLOCKED;
import static dev.partnerkit.policy.surface.tasks.TaskStatus.IN_PROGRESS;
import static dev.partnerkit.policy.surface.tasks.TaskStatus.SUBMITTED;
import static dev.partnerkit.policy.surface.tasks.TaskStatus.TO_DO;

import dev.partnerkit.domain.Lifecycle;
import dev.partnerkit.domain.RecordType;
import dev.partnerkit.domain.Surface;

/**
 * The partner task record type and its lifecycle, as data.
 *
 * <pre>
 * from         to           partner member  integration  operator
 * to_do        in_progress  yes             yes          yes
 * in_progress  blocked      yes             yes          yes
 * blocked      in_progress  yes             yes          yes
 * in_progress  submitted    yes             yes          yes
 * submitted    approved     -               -            yes   (approve; never clears readiness)
 * submitted    in_progress  -               -            yes   (send back)
 * </pre>
 *
 * Moving into {@code submitted} or {@code approved} needs every dependency ({@code depends_on} link) approved.
 * {@code approved} is final: a task that needs more work gets a new task. Only operators create, revise, reassign
 * and link tasks; integration principals move them like members, when their grant names them and writes are enabled.
 */
public final class Tasks {
  /** The relation from a task to the tasks it depends on. */
  public static final String DEPENDS_ON = "depends_on";

  /** The task lifecycle. */
  public static final Lifecycle<TaskStatus> LIFECYCLE = Lifecycle.builder(TaskStatus.class, TO_DO)
      .allow(TO_DO, IN_PROGRESS, PARTNER_MEMBER, INTEGRATION, OPERATOR)
      .allow(IN_PROGRESS, BLOCKED, PARTNER_MEMBER, INTEGRATION, OPERATOR)
      .allow(BLOCKED, IN_PROGRESS, PARTNER_MEMBER, INTEGRATION, OPERATOR)
      .allow(IN_PROGRESS, SUBMITTED, PARTNER_MEMBER, INTEGRATION, OPERATOR)
      .allow(SUBMITTED, APPROVED, OPERATOR)
      .allow(SUBMITTED, IN_PROGRESS, OPERATOR)
      .prerequisitesClosedFor(SUBMITTED, APPROVED)
      .closed(APPROVED)
      .build();

  /** The partner task record type, wire name {@code partner_task}, on the tasks surface. */
  public static final RecordType<TaskBody, TaskStatus> TYPE = RecordType
      .builder("partner_task", Surface.TASKS, TaskBody.class, LIFECYCLE)
      .noun("task")
      .prerequisiteRelation(DEPENDS_ON)
      .creators(OPERATOR)
      .revisers(OPERATOR)
      .linkers(OPERATOR)
      .title(TaskBody::title)
      .example(TaskBody.builder().title("Attach the rental proof").description("Upload the signed delivery note.")
          .build())
      .build();

  private Tasks() {}
}
