package dev.partnerkit.domain;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Collection;
import java.util.Set;
import org.immutables.value.Value;

/** The facts of a requested task move: which task, whose it is, from and to which status, and what it waits on. */
@Value.Immutable
@JsonSerialize(as = ImmutableTaskMove.class)
@JsonDeserialize(as = ImmutableTaskMove.class)
public abstract class TaskMove {
  /** @return the task */
  public abstract TaskId taskId();

  /** @return the partner the task is assigned to */
  public abstract PartnerId assignedPartner();

  /** @return the current status */
  public abstract TaskStatus fromStatus();

  /** @return the requested status */
  public abstract TaskStatus toStatus();

  /** @return dependencies that are not approved yet */
  public abstract Set<TaskId> openDependencies();

  /**
   * @param task the task as stored
   * @param to the requested status
   * @param openDependencies the task's dependencies that are not approved yet
   * @return the move
   */
  public static TaskMove of(PartnerTask task, TaskStatus to, Collection<TaskId> openDependencies) {
    return ImmutableTaskMove.builder().taskId(task.taskId()).assignedPartner(task.partnerId()).fromStatus(task.status())
        .toStatus(to).openDependencies(openDependencies).build();
  }
}
