package dev.partnerkit.policy.surface.tasks;

import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.Placement;
import dev.partnerkit.domain.RecordNotFoundException;
import dev.partnerkit.domain.UserId;
import dev.partnerkit.domain.Visibility;
import dev.partnerkit.domain.internal.Checks;
import dev.partnerkit.policy.workspace.CommandResult;
import dev.partnerkit.policy.workspace.ReadResult;
import dev.partnerkit.policy.workspace.RecordCommands;
import dev.partnerkit.spi.RecordQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operator's side of the tasks surface ({@code /api/v1/partners/tasks}): create, assign, move, approve and send
 * back partner tasks, and read them. A thin typed layer over {@link RecordCommands}: every command is decided,
 * journaled and idempotent.
 */
public final class OperatorTasks {
  private final RecordCommands records;

  private OperatorTasks(RecordCommands records) {
    this.records = records;
  }

  /** @return the task facade over an operator's record commands */
  public static OperatorTasks over(RecordCommands records) {
    return new OperatorTasks(Checks.required("records", records));
  }

  /**
   * Creates a partner task in {@code to_do}, with its dependencies.
   *
   * @throws RecordNotFoundException when a dependency is not a task of the tenant
   */
  public CommandResult create(String idempotencyKey, TaskDraft draft) {
    Checks.required("draft", draft);
    Placement placement = Placement.builder().occasionId(draft.occasionId()).eventId(draft.eventId())
        .partnerId(draft.partnerId()).build();
    List<RecordCommands.NewLink> links = new ArrayList<>();
    for (TaskId dependency : draft.dependencies()) {
      links.add(new RecordCommands.NewLink(Tasks.DEPENDS_ON, Tasks.TYPE.ref(dependency.value())));
    }
    return records.create(idempotencyKey, Tasks.TYPE, placement, Visibility.PARTNER_VISIBLE, draft.body(), links);
  }

  /** Assigns a task to a partner (and optionally one of its members): one new version, at the new placement. */
  public CommandResult assign(String idempotencyKey, TaskId taskId, PartnerId partnerId, Optional<UserId> assignee) {
    Checks.required("taskId", taskId);
    Checks.required("partnerId", partnerId);
    Checks.required("assignee", assignee);
    return records.revise(idempotencyKey, Tasks.TYPE, taskId.value(),
        body -> ImmutableTaskBody.copyOf(body).withAssignee(assignee),
        Map.of("assignee", assignee.map(UserId::value).orElse("")), Optional.of(partnerId), null);
  }

  /** Moves a task along the operator column of the lifecycle, from whatever version is stored. */
  public CommandResult move(String idempotencyKey, TaskId taskId, TaskStatus target) {
    return records.transition(idempotencyKey, Tasks.TYPE, Checks.required("taskId", taskId).value(), target, null);
  }

  /**
   * Moves a task only if it is still at the version the caller saw.
   *
   * @throws dev.partnerkit.spi.VersionConflictException when someone else changed the task first; nothing is written
   */
  public CommandResult move(String idempotencyKey, TaskId taskId, TaskStatus target, long expectedVersion) {
    return records.transition(idempotencyKey, Tasks.TYPE, Checks.required("taskId", taskId).value(), target,
        expectedVersion);
  }

  /** Approves a submitted task: evidence accepted, job readiness untouched. */
  public CommandResult approve(String idempotencyKey, TaskId taskId) {
    return move(idempotencyKey, taskId, TaskStatus.APPROVED);
  }

  /** Sends a submitted task back to {@code in_progress}. */
  public CommandResult sendBack(String idempotencyKey, TaskId taskId) {
    return move(idempotencyKey, taskId, TaskStatus.IN_PROGRESS);
  }

  /**
   * @return the task (the read's decision is logged)
   * @throws RecordNotFoundException when the tenant has no such task
   */
  public ReadResult<PartnerTask> get(TaskId taskId) {
    Checks.required("taskId", taskId);
    return TaskViews.page(records, records.get(Tasks.TYPE, taskId.value()));
  }

  /** @return the first page (up to 500) of the occasion's tasks, every partner's, ordered by task id */
  public ReadResult<PartnerTask> list(OccasionId occasionId) {
    Checks.required("occasionId", occasionId);
    return list(RecordQuery.of(Tasks.TYPE.wireName(), occasionId).limit(RecordQuery.MAX_LIMIT).build());
  }

  /** @return one page of tasks matching {@code query} (its type must be {@code partner_task}) */
  public ReadResult<PartnerTask> list(RecordQuery query) {
    return TaskViews.page(records, records.list(Tasks.TYPE, query));
  }
}
