package dev.partnerkit.policy.surface.approvals;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.RecordRef;
import dev.partnerkit.domain.internal.Checks;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What an approver offers with a decision: a note, a record (an annotation, a document version, a host entity), or
 * both, optionally for one requirement of the request. A record named is linked from the decision ({@code evidence});
 * a kernel record must exist and be visible to the approver.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableApprovalEvidence.class)
@JsonDeserialize(as = ImmutableApprovalEvidence.class)
public abstract class ApprovalEvidence {
  /** @return the requirement it is for, by key */
  public abstract Optional<String> requirement();

  /** @return what the approver says */
  public abstract Optional<String> note();

  /** @return the record it points at */
  public abstract Optional<RecordRef> record();

  @Value.Check
  protected void check() {
    requirement().ifPresent(r -> Checks.identifier("requirement", r));
    note().ifPresent(n -> Checks.text("note", n, Checks.MAX_NAME_LENGTH * 5));
    Checks.check(note().isPresent() || record().isPresent(), "note", "evidence needs a note or a record, or both");
  }

  /** @return a new builder */
  public static ImmutableApprovalEvidence.Builder builder() {
    return ImmutableApprovalEvidence.builder();
  }
}
