package dev.partnerkit.policy.surface.blockers;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.UserId;
import dev.partnerkit.domain.internal.Checks;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The body of a blocker assignment ({@code BlockerAssignment}): who the host's own services made responsible for a
 * blocker, and by when. A host truth, mirrored under the blocker: partners read it, never write it.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableAssignmentBody.class)
@JsonDeserialize(as = ImmutableAssignmentBody.class)
public abstract class AssignmentBody {
  /** @return who is responsible, as the host names them */
  public abstract String assignee();

  /** @return the assignee's user id, when the host has one */
  public abstract Optional<UserId> assigneeUserId();

  /** @return when it is due, if ever (kept to microseconds) */
  public abstract Optional<Instant> dueAt();

  @Value.Check
  protected AssignmentBody check() {
    Checks.text("assignee", assignee(), Checks.MAX_NAME_LENGTH);
    if (dueAt().isPresent() && Checks.finerThanMicros(dueAt().get())) {
      return ImmutableAssignmentBody.copyOf(this).withDueAt(dueAt().get().truncatedTo(ChronoUnit.MICROS));
    }
    return this;
  }

  /** @return a new builder */
  public static ImmutableAssignmentBody.Builder builder() {
    return ImmutableAssignmentBody.builder();
  }
}
