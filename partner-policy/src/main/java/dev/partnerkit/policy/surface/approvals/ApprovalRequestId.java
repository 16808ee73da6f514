package dev.partnerkit.policy.surface.approvals;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.domain.internal.Checks;

/**
 * Identifier of an approval request.
 * Non-blank, at most 64 characters, no control, bidi or zero-width characters; written to JSON as a plain string.
 *
 * @param value the identifier text
 */
public record ApprovalRequestId(@JsonValue String value) implements Comparable<ApprovalRequestId> {
  /** Validates the identifier. */
  public ApprovalRequestId {
    Checks.identifier("approvalRequestId", value);
  }

  /**
   * @param value the identifier text
   * @return the identifier
   * @throws InvalidValueException naming the field and the value when it is malformed
   */
  @JsonCreator
  public static ApprovalRequestId of(String value) {
    return new ApprovalRequestId(value);
  }

  @Override
  public int compareTo(ApprovalRequestId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
