package dev.partnerkit.policy.surface.approvals;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.internal.Checks;
import dev.partnerkit.policy.surface.ArtifactTarget;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The body of an approval decision record: the outcome, the exact version it was made on (kept as made), the
 * approver's note, the changes an "approve with changes" asks for, and the evidence offered. Never revised: a newer
 * version makes it stale, and it stays as recorded.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableApprovalDecisionBody.class)
@JsonDeserialize(as = ImmutableApprovalDecisionBody.class)
public abstract class ApprovalDecisionBody {
  /** Most changes one decision lists. */
  public static final int MAX_CHANGES = 50;
  /** Most pieces of evidence one decision offers. */
  public static final int MAX_EVIDENCE = 20;

  /** @return approve, approve with changes, or reject */
  public abstract ApprovalOutcome outcome();

  /**
   * @return the exact version decided on; empty only in a create the rules refuse
   *     ({@code exact_artifact_version_required}), never in a stored decision
   */
  public abstract Optional<ArtifactTarget> target();

  /** @return what the approver says; required for a rejection */
  public abstract Optional<String> note();

  /** @return the changes an approval with changes asks for (at least one then, none otherwise) */
  public abstract List<String> changes();

  /** @return the evidence offered */
  public abstract List<ApprovalEvidence> evidence();

  /** @return "approve with changes on version 2" */
  public String title() {
    return outcome().words() + target().map(t -> " on version " + t.versionNumber()).orElse("");
  }

  @Value.Check
  protected void check() {
    note().ifPresent(n -> Checks.text("note", n, Checks.MAX_TEXT_LENGTH));
    Checks.check(outcome() != ApprovalOutcome.REJECT || note().isPresent(), "note",
        "note is required for a rejection: say what is wrong");
    Checks.maxSize("changes", changes(), MAX_CHANGES);
    for (String change : changes()) {
      Checks.text("changes[]", change, Checks.MAX_NAME_LENGTH * 5);
    }
    Checks.check((outcome() == ApprovalOutcome.APPROVE_WITH_CHANGES) == !changes().isEmpty(), "changes",
        outcome() == ApprovalOutcome.APPROVE_WITH_CHANGES ? "changes must list at least one change for "
            + "approve_with_changes" : "changes are only for approve_with_changes, but the outcome is "
            + outcome().wireName());
    Checks.maxSize("evidence", evidence(), MAX_EVIDENCE);
  }

  /** @return a new builder */
  public static ImmutableApprovalDecisionBody.Builder builder() {
    return ImmutableApprovalDecisionBody.builder();
  }
}
