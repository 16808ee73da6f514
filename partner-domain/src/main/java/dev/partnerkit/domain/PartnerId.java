package dev.partnerkit.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.partnerkit.domain.internal.Checks;

/**
 * Identifier of a partner organisation (rental company, venue, printer, caterer, staffing agency). Non-blank, at most 64 characters, no control, bidi or zero-width characters; written to JSON
 * as a plain string.
 *
 * @param value the identifier text
 */
public record PartnerId(@JsonValue String value) implements Comparable<PartnerId> {
  /** Validates the identifier. */
  public PartnerId {
    Checks.identifier("partnerId", value);
  }

  /**
   * @param value the identifier text
   * @return the identifier
   * @throws InvalidValueException naming the field and the value when it is malformed
   */
  @JsonCreator
  public static PartnerId of(String value) {
    return new PartnerId(value);
  }

  @Override
  public int compareTo(PartnerId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
