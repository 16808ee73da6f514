package dev.partnerkit.domain;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.internal.Checks;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A durable partner task: a handoff item assigned to one partner, with status, optional assignee, dependencies on
 * other tasks, an SLA due time and a version. Moving it is collaboration evidence, never source-truth promotion: not
 * even {@code approved} clears job readiness.
 */
@Value.Immutable
@JsonSerialize(as = ImmutablePartnerTask.class)
@JsonDeserialize(as = ImmutablePartnerTask.class)
public abstract class PartnerTask {
  /** Most dependencies one task may have. */
  public static final int MAX_DEPENDENCIES = 100;

  /** @return the task */
  public abstract TaskId taskId();

  /** @return the tenant */
  public abstract TenantId tenantId();

  /** @return the occasion the task belongs to */
  public abstract OccasionId occasionId();

  /** @return the event, when the task is about one */
  public abstract Optional<EventId> eventId();

  /** @return the job, when the task is about one */
  public abstract Optional<JobId> jobId();

  /** @return the partner the task is assigned to */
  public abstract PartnerId partnerId();

  /** @return the partner member it is assigned to, if any */
  public abstract Optional<UserId> assignee();

  /** @return a short title */
  public abstract String title();

  /** @return details, if any */
  public abstract Optional<String> description();

  /** @return the status; a new task starts in {@code to_do} */
  @Value.Default
  public TaskStatus status() {
    return TaskStatus.TO_DO;
  }

  /** @return the tasks that must be approved before this one can be submitted */
  public abstract Set<TaskId> dependencies();

  /** @return the SLA due time, if any */
  public abstract Optional<Instant> dueAt();

  /** @return the operator who created it */
  public abstract UserId createdBy();

  /** @return optimistic-locking version, raised by one at every change */
  @Value.Default
  public long version() {
    return 0;
  }

  /**
   * @param now the current time
   * @return whether the task is past its SLA due time and not yet submitted or approved
   */
  public boolean overdueAt(Instant now) {
    return dueAt().isPresent() && now.isAfter(dueAt().get()) && status() != TaskStatus.SUBMITTED
        && status() != TaskStatus.APPROVED;
  }

  @Value.Check
  protected void check() {
    Checks.text("title", title(), Checks.MAX_NAME_LENGTH);
    description().ifPresent(d -> Checks.text("description", d, Checks.MAX_TEXT_LENGTH));
    Checks.maxSize("dependencies", dependencies(), MAX_DEPENDENCIES);
    Checks.check(!dependencies().contains(taskId()), "dependencies",
        "dependencies must not contain the task itself, but held " + Checks.show(taskId()));
    Checks.nonNegative("version", version());
  }

  /** @return a new builder */
  public static ImmutablePartnerTask.Builder builder() {
    return ImmutablePartnerTask.builder();
  }
}
