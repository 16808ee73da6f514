package dev.partnerkit.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.partnerkit.domain.internal.Checks;

/**
 * Identifier of an integration principal: a partner's machine identity. Non-blank, at most 64 characters, no control, bidi or zero-width characters; written to JSON
 * as a plain string.
 *
 * @param value the identifier text
 */
public record IntegrationPrincipalId(@JsonValue String value) implements Comparable<IntegrationPrincipalId> {
  /** Validates the identifier. */
  public IntegrationPrincipalId {
    Checks.identifier("integrationPrincipalId", value);
  }

  /**
   * @param value the identifier text
   * @return the identifier
   * @throws InvalidValueException naming the field and the value when it is malformed
   */
  @JsonCreator
  public static IntegrationPrincipalId of(String value) {
    return new IntegrationPrincipalId(value);
  }

  @Override
  public int compareTo(IntegrationPrincipalId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
