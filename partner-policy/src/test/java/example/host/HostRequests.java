package example.host;

import dev.partnerkit.domain.Placement;
import dev.partnerkit.policy.surface.tasks.TaskDraft;
import dev.partnerkit.policy.workspace.Contribution;
import dev.partnerkit.policy.workspace.GrantDraft;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Request bodies a Spring host binds with {@code @Valid @RequestBody}: the host's own fields plus Partnerkit values,
 * validated in cascade.
 */
public final class HostRequests {
  private HostRequests() {}

  /** An operator creating a task. */
  public record CreateTask(@NotBlank String idempotencyKey, @NotNull @Valid TaskDraft draft) {}

  /** An operator issuing a grant. */
  public record IssueGrant(@NotBlank String idempotencyKey, @NotNull @Valid GrantDraft draft) {}

  /** A partner adding evidence to a record's place. */
  public record Contribute(@NotBlank String idempotencyKey, @NotNull @Valid Contribution contribution,
      @Valid Placement placement) {}
}
