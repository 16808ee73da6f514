package dev.partnerkit.policy.surface.runofshow;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.domain.internal.Checks;

/**
 * Identifier of one version of a run of show.
 * Non-blank, at most 64 characters, no control, bidi or zero-width characters; written to JSON as a plain string.
 *
 * @param value the identifier text
 */
public record RunOfShowVersionId(@JsonValue String value) implements Comparable<RunOfShowVersionId> {
  /** Validates the identifier. */
  public RunOfShowVersionId {
    Checks.identifier("runOfShowVersionId", value);
  }

  /**
   * @param value the identifier text
   * @return the identifier
   * @throws InvalidValueException naming the field and the value when it is malformed
   */
  @JsonCreator
  public static RunOfShowVersionId of(String value) {
    return new RunOfShowVersionId(value);
  }

  @Override
  public int compareTo(RunOfShowVersionId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
