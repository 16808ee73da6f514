package dev.partnerkit.policy.surface.approvals;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.internal.Checks;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What an approver fills in to decide an approval request: the number of the version of the request's artifact they
 * reviewed (the library finds that exact version; a number that is no version of it is refused with
 * {@code exact_artifact_version_required}), the outcome, a note, the changes asked for, and evidence.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableDecisionDraft.class)
@JsonDeserialize(as = ImmutableDecisionDraft.class)
public abstract class DecisionDraft {
  /** @return the number of the version reviewed, from 1 */
  public abstract int versionNumber();

  /** @return approve, approve with changes, or reject */
  public abstract ApprovalOutcome outcome();

  /** @return what the approver says; required for a rejection */
  public abstract Optional<String> note();

  /** @return the changes an approval with changes asks for */
  public abstract List<String> changes();

  /** @return the evidence offered */
  public abstract List<ApprovalEvidence> evidence();

  @Value.Check
  protected void check() {
    Checks.check(versionNumber() >= 1, "versionNumber", "versionNumber must be 1 or more, but was "
        + versionNumber());
  }

  /** @return a new builder */
  public static ImmutableDecisionDraft.Builder builder() {
    return ImmutableDecisionDraft.builder();
  }
}
