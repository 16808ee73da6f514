package dev.partnerkit.policy.surface.blockers;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.domain.internal.Checks;

/**
 * Identifier of a partner's response to a readiness blocker. Non-blank, at most 64 characters, no control, bidi or zero-width characters; written to
 * JSON as a plain string.
 *
 * @param value the identifier text
 */
public record ResponseId(@JsonValue String value) implements Comparable<ResponseId> {
  /** Validates the identifier. */
  public ResponseId {
    Checks.identifier("responseId", value);
  }

  /**
   * @param value the identifier text
   * @return the identifier
   * @throws InvalidValueException naming the field and the value when it is malformed
   */
  @JsonCreator
  public static ResponseId of(String value) {
    return new ResponseId(value);
  }

  @Override
  public int compareTo(ResponseId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
