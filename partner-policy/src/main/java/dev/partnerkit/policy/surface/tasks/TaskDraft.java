package dev.partnerkit.policy.surface.tasks;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.EventId;
import dev.partnerkit.domain.JobId;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.UserId;
import dev.partnerkit.domain.internal.Checks;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What an operator fills in to create a partner task; the workspace adds id, tenant, status and creator. */
@Value.Immutable
@JsonSerialize(as = ImmutableTaskDraft.class)
@JsonDeserialize(as = ImmutableTaskDraft.class)
public abstract class TaskDraft {
  /** Most dependencies one task may have. */
  public static final int MAX_DEPENDENCIES = 100;

  /** @return the occasion */
  @NotNull(message = "occasionId is required")
  public abstract OccasionId occasionId();

  /** @return the event, if the task is about one */
  public abstract Optional<EventId> eventId();

  /** @return the job, if the task is about one */
  public abstract Optional<JobId> jobId();

  /** @return the partner it is assigned to */
  @NotNull(message = "partnerId is required")
  public abstract PartnerId partnerId();

  /** @return the partner member it is assigned to, if any */
  public abstract Optional<UserId> assignee();

  /** @return a short title */
  @NotBlank(message = "title must not be blank")
  @Size(max = Checks.MAX_NAME_LENGTH, message = "title must be at most {max} characters")
  public abstract String title();

  /** @return details, if any */
  public abstract Optional<@NotBlank(message = "description must not be blank") @Size(max = Checks.MAX_TEXT_LENGTH,
      message = "description must be at most {max} characters") String> description();

  /** @return tasks that must be approved before this one can be submitted */
  @Size(max = MAX_DEPENDENCIES, message = "dependencies must hold at most {max} entries")
  public abstract Set<TaskId> dependencies();

  /** @return the SLA due time, if any */
  public abstract Optional<Instant> dueAt();

  @Value.Check
  protected void check() {
    Checks.text("title", title(), Checks.MAX_NAME_LENGTH);
    description().ifPresent(d -> Checks.text("description", d, Checks.MAX_TEXT_LENGTH));
    Checks.maxSize("dependencies", dependencies(), MAX_DEPENDENCIES);
  }

  /** @return the task body this draft describes */
  public TaskBody body() {
    return TaskBody.builder().title(title()).description(description()).jobId(jobId()).assignee(assignee())
        .dueAt(dueAt()).build();
  }

  /** @return a new builder */
  public static ImmutableTaskDraft.Builder builder() {
    return ImmutableTaskDraft.builder();
  }
}
