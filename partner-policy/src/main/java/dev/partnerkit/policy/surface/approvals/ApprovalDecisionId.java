package dev.partnerkit.policy.surface.approvals;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.domain.internal.Checks;

/**
 * Identifier of an approval decision.
 * Non-blank, at most 64 characters, no control, bidi or zero-width characters; written to JSON as a plain string.
 *
 * @param value the identifier text
 */
public record ApprovalDecisionId(@JsonValue String value) implements Comparable<ApprovalDecisionId> {
  /** Validates the identifier. */
  public ApprovalDecisionId {
    Checks.identifier("approvalDecisionId", value);
  }

  /**
   * @param value the identifier text
   * @return the identifier
   * @throws InvalidValueException naming the field and the value when it is malformed
   */
  @JsonCreator
  public static ApprovalDecisionId of(String value) {
    return new ApprovalDecisionId(value);
  }

  @Override
  public int compareTo(ApprovalDecisionId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
