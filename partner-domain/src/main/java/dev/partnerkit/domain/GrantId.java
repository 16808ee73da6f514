package dev.partnerkit.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.partnerkit.domain.internal.Checks;

/**
 * Identifier of an access grant. Non-blank, at most 64 characters, no control, bidi or zero-width characters; written to JSON
 * as a plain string.
 *
 * @param value the identifier text
 */
public record GrantId(@JsonValue String value) implements Comparable<GrantId> {
  /** Validates the identifier. */
  public GrantId {
    Checks.identifier("grantId", value);
  }

  /**
   * @param value the identifier text
   * @return the identifier
   * @throws InvalidValueException naming the field and the value when it is malformed
   */
  @JsonCreator
  public static GrantId of(String value) {
    return new GrantId(value);
  }

  @Override
  public int compareTo(GrantId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
