package dev.partnerkit.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.partnerkit.domain.internal.Checks;

/**
 * Identifier of a tenant: the operator's organisation (e.g. a catering company). Non-blank, at most 64 characters, no control, bidi or zero-width characters; written to JSON
 * as a plain string.
 *
 * @param value the identifier text
 */
public record TenantId(@JsonValue String value) implements Comparable<TenantId> {
  /** Validates the identifier. */
  public TenantId {
    Checks.identifier("tenantId", value);
  }

  /**
   * @param value the identifier text
   * @return the identifier
   * @throws InvalidValueException naming the field and the value when it is malformed
   */
  @JsonCreator
  public static TenantId of(String value) {
    return new TenantId(value);
  }

  @Override
  public int compareTo(TenantId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
