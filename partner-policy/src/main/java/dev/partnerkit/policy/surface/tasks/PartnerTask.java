package dev.partnerkit.policy.surface.tasks;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.EventId;
import dev.partnerkit.domain.JobId;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.UserId;
import dev.partnerkit.spi.RecordLink;
import dev.partnerkit.spi.TypedRecord;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A partner task as hosts read it: the kernel record (status, placement, version) with its body and its
 * dependencies. Moving it is collaboration evidence, never source-truth promotion: not even {@code approved} clears
 * job readiness.
 */
@Value.Immutable
@JsonSerialize(as = ImmutablePartnerTask.class)
@JsonDeserialize(as = ImmutablePartnerTask.class)
public abstract class PartnerTask {
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

  /** @return the status */
  public abstract TaskStatus status();

  /** @return the tasks that must be approved before this one can be submitted */
  public abstract Set<TaskId> dependencies();

  /** @return the SLA due time, if any */
  public abstract Optional<Instant> dueAt();

  /** @return the actor key of its creator, e.g. {@code operator:u-maya} */
  public abstract String createdBy();

  /** @return optimistic-locking version, raised by one at every change */
  public abstract long version();

  /**
   * @param now the current time
   * @return whether the task is past its SLA due time and not yet submitted or approved
   */
  public boolean overdueAt(Instant now) {
    return dueAt().isPresent() && now.isAfter(dueAt().get()) && status() != TaskStatus.SUBMITTED
        && status() != TaskStatus.APPROVED;
  }

  /**
   * @param record a task record
   * @param links its {@code depends_on} links
   * @return the task
   */
  public static PartnerTask of(TypedRecord<TaskBody, TaskStatus> record, Collection<RecordLink> links) {
    TaskBody body = record.body();
    ImmutablePartnerTask.Builder b = ImmutablePartnerTask.builder().taskId(TaskId.of(record.id()))
        .tenantId(record.tenantId()).occasionId(record.placement().occasionId())
        .eventId(record.placement().eventId()).jobId(body.jobId())
        .partnerId(record.placement().partnerId().orElseThrow(() -> new IllegalStateException(
            "task " + record.id() + " has no partner")))
        .assignee(body.assignee()).title(body.title()).description(body.description()).status(record.status())
        .dueAt(body.dueAt()).createdBy(record.createdBy()).version(record.version());
    for (RecordLink link : links) {
      if (Tasks.DEPENDS_ON.equals(link.relation()) && Tasks.TYPE.wireName().equals(link.to().type())) {
        b.addDependencies(TaskId.of(link.to().id()));
      }
    }
    return b.build();
  }
}
