package dev.partnerkit.policy.surface.tasks;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.JobId;
import dev.partnerkit.domain.UserId;
import dev.partnerkit.domain.internal.Checks;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.immutables.value.Value;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The body of a partner task record: title, details, the job it is about, the partner member it is assigned to
 * ({@code TaskAssignment}) and the SLA due time ({@code TaskSla}), kept to microseconds like every stored instant.
 * Status, partner, event and dependencies ({@code TaskDependency}) live in the kernel record and its links.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableTaskBody.class)
@JsonDeserialize(as = ImmutableTaskBody.class)
public abstract class TaskBody {
  /** @return a short title */
  @NotBlank(message = "title must not be blank")
  @Size(max = Checks.MAX_NAME_LENGTH, message = "title must be at most {max} characters")
  public abstract String title();

  /** @return details, if any */
  public abstract Optional<@NotBlank(message = "description must not be blank") @Size(max = Checks.MAX_TEXT_LENGTH,
      message = "description must be at most {max} characters") String> description();

  /** @return the job, when the task is about one */
  public abstract Optional<JobId> jobId();

  /** @return the partner member it is assigned to, if any */
  public abstract Optional<UserId> assignee();

  /** @return the SLA due time, if any */
  public abstract Optional<Instant> dueAt();

  @Value.Check
  protected TaskBody check() {
    Checks.text("title", title(), Checks.MAX_NAME_LENGTH);
    description().ifPresent(d -> Checks.text("description", d, Checks.MAX_TEXT_LENGTH));
    if (dueAt().isPresent() && dueAt().get().getNano() % 1000 != 0) {
      return ImmutableTaskBody.copyOf(this).withDueAt(dueAt().get().truncatedTo(ChronoUnit.MICROS));
    }
    return this;
  }

  /** @return a new builder */
  public static ImmutableTaskBody.Builder builder() {
    return ImmutableTaskBody.builder();
  }
}
