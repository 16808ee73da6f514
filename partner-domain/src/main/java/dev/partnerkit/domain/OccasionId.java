package dev.partnerkit.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.partnerkit.domain.internal.Checks;

/**
 * Identifier of an occasion, which groups events (e.g. a wedding weekend). Non-blank, at most 64 characters, no control, bidi or zero-width characters; written to JSON
 * as a plain string.
 *
 * @param value the identifier text
 */
public record OccasionId(@JsonValue String value) implements Comparable<OccasionId> {
  /** Validates the identifier. */
  public OccasionId {
    Checks.identifier("occasionId", value);
  }

  /**
   * @param value the identifier text
   * @return the identifier
   * @throws InvalidValueException naming the field and the value when it is malformed
   */
  @JsonCreator
  public static OccasionId of(String value) {
    return new OccasionId(value);
  }

  @Override
  public int compareTo(OccasionId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
