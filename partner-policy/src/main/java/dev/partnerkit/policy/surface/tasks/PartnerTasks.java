package dev.partnerkit.policy.surface.tasks;

import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.RecordNotFoundException;
import dev.partnerkit.domain.internal.Checks;
import dev.partnerkit.policy.workspace.CommandResult;
import dev.partnerkit.policy.workspace.ReadResult;
import dev.partnerkit.policy.workspace.RecordCommands;
import dev.partnerkit.spi.RecordQuery;

/**
 * A partner session's side of the tasks surface ({@code /api/v1/partner-portal/tasks}, capability
 * {@code manage_task}): read the partner's own tasks its grants cover, and move them through to_do, in_progress,
 * blocked and submitted. Approved stays operator-controlled and never clears readiness.
 */
public final class PartnerTasks {
  private final RecordCommands records;
  private final OccasionId occasionId;

  private PartnerTasks(RecordCommands records, OccasionId occasionId) {
    this.records = records;
    this.occasionId = occasionId;
  }

  /** @return the task facade over a partner session's record commands, for the session's occasion */
  public static PartnerTasks over(RecordCommands records, OccasionId occasionId) {
    return new PartnerTasks(Checks.required("records", records), Checks.required("occasionId", occasionId));
  }

  /** @return the first page (up to 500) of the partner's tasks on the occasion that its grants cover */
  public ReadResult<PartnerTask> list() {
    return list(RecordQuery.of(Tasks.TYPE.wireName(), occasionId).limit(RecordQuery.MAX_LIMIT).build());
  }

  /** @return one page of the partner's visible tasks matching {@code query} */
  public ReadResult<PartnerTask> list(RecordQuery query) {
    return TaskViews.page(records, records.list(Tasks.TYPE, query));
  }

  /**
   * @return one of the partner's visible tasks (the read's decision is logged)
   * @throws RecordNotFoundException when there is no such task, or the partner may not see it
   */
  public ReadResult<PartnerTask> get(TaskId taskId) {
    Checks.required("taskId", taskId);
    return TaskViews.page(records, records.get(Tasks.TYPE, taskId.value()));
  }

  /**
   * Moves one of the partner's tasks (to_do -&gt; in_progress -&gt; blocked &lt;-&gt; in_progress -&gt; submitted).
   *
   * @throws RecordNotFoundException when there is no such task, or the partner may not see it
   */
  public CommandResult move(String idempotencyKey, TaskId taskId, TaskStatus target) {
    return records.transition(idempotencyKey, Tasks.TYPE, Checks.required("taskId", taskId).value(), target, null);
  }

  /**
   * Moves one of the partner's tasks only if it is still at the version the partner saw.
   *
   * @throws dev.partnerkit.spi.VersionConflictException when someone else changed the task first; nothing is written
   */
  public CommandResult move(String idempotencyKey, TaskId taskId, TaskStatus target, long expectedVersion) {
    return records.transition(idempotencyKey, Tasks.TYPE, Checks.required("taskId", taskId).value(), target,
        expectedVersion);
  }
}
