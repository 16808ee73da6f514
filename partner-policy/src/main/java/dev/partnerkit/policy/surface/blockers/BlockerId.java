package dev.partnerkit.policy.surface.blockers;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.domain.internal.Checks;

/**
 * Identifier of a readiness blocker observation. Non-blank, at most 64 characters, no control, bidi or zero-width characters; written to
 * JSON as a plain string.
 *
 * @param value the identifier text
 */
public record BlockerId(@JsonValue String value) implements Comparable<BlockerId> {
  /** Validates the identifier. */
  public BlockerId {
    Checks.identifier("blockerId", value);
  }

  /**
   * @param value the identifier text
   * @return the identifier
   * @throws InvalidValueException naming the field and the value when it is malformed
   */
  @JsonCreator
  public static BlockerId of(String value) {
    return new BlockerId(value);
  }

  @Override
  public int compareTo(BlockerId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
