package dev.partnerkit.policy.workspace;

import dev.partnerkit.domain.AccessRequest;
import dev.partnerkit.domain.Actor;
import dev.partnerkit.domain.ImmutablePartnerTask;
import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.PartnerTask;
import dev.partnerkit.domain.TaskId;
import dev.partnerkit.domain.TaskMove;
import dev.partnerkit.domain.TaskStatus;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.internal.Checks;
import dev.partnerkit.policy.DecisionFacts;
import dev.partnerkit.spi.ActivityKind;
import dev.partnerkit.spi.VersionConflictException;
import dev.partnerkit.domain.Visibility;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** Task moves, shared by operators and partner sessions. */
final class TaskCommands {
  private TaskCommands() {}

  static PartnerTask load(WorkspaceEngine engine, TenantId tenantId, TaskId taskId) {
    return engine.storage.tasks().find(tenantId, taskId).orElseThrow(() -> new InvalidValueException("taskId",
        "taskId " + Checks.show(taskId) + " is not a task of tenant " + Checks.show(tenantId)));
  }

  /** Dependencies of {@code task} that are not approved (missing ones count as open). */
  static Set<TaskId> openDependencies(WorkspaceEngine engine, PartnerTask task) {
    Set<TaskId> open = new TreeSet<>();
    for (TaskId dependency : task.dependencies()) {
      boolean approved = engine.storage.tasks().find(task.tenantId(), dependency)
          .map(t -> t.status() == TaskStatus.APPROVED).orElse(false);
      if (!approved) {
        open.add(dependency);
      }
    }
    return open;
  }

  static CommandResult move(WorkspaceEngine engine, Actor actor, TenantId tenantId, String key, TaskId taskId,
      TaskStatus target, @Nullable Long expectedVersion, @Nullable PartnerId actingPartner) {
    Checks.required("taskId", taskId);
    Checks.required("target", target);
    if (expectedVersion != null) {
      Checks.nonNegative("expectedVersion", expectedVersion);
    }
    String payload = "move_task|" + taskId + "|" + target.wireName() + "|" + expectedVersion;
    return engine.run(tenantId, key, actor, payload, now -> {
      PartnerTask task = load(engine, tenantId, taskId);
      if (expectedVersion != null && task.version() != expectedVersion) {
        throw VersionConflictException.stale("partner_task", taskId.value(), expectedVersion);
      }
      TaskMove move = TaskMove.of(task, target, openDependencies(engine, task));
      AccessRequest request = AccessRequest.moveTask(actor, task, move).build();
      DecisionFacts facts = actingPartner == null ? engine.operatorFacts(tenantId, task.occasionId())
          : engine.partnerFacts(tenantId, task.occasionId(), actingPartner);
      return new WorkspaceEngine.Prepared(request, facts, at -> {
        PartnerTask moved = ImmutablePartnerTask.copyOf(task).withStatus(target).withVersion(task.version() + 1);
        engine.storage.tasks().update(moved);
        String summary = actor.label() + " moved task '" + task.title() + "' from " + words(task.status()) + " to "
            + words(target) + (target == TaskStatus.APPROVED ? " (approval is evidence; job readiness unchanged)" : "")
            + ".";
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("taskId", taskId.value());
        event.put("from", task.status().wireName());
        event.put("to", target.wireName());
        event.put("version", moved.version());
        event.put("actorKind", actor.kind().wireName());
        return new WorkspaceEngine.Applied(taskId.value(), moved.version(),
            engine.activity(tenantId, task.occasionId(), task.partnerId(), taskId, ActivityKind.TASK,
                Visibility.PARTNER_VISIBLE, actor, summary, at),
            engine.event(tenantId, "partner_task.moved", taskId.value(), event, at));
      });
    });
  }

  static String words(TaskStatus status) {
    return status.wireName().replace('_', ' ');
  }

  static List<String> wire(Set<? extends dev.partnerkit.domain.WireNamed> values) {
    return values.stream().map(dev.partnerkit.domain.WireNamed::wireName).sorted().toList();
  }
}
