package dev.partnerkit.policy.surface.comments;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.domain.internal.Checks;

/**
 * Identifier of a comment thread. Non-blank, at most 64 characters, no control, bidi or zero-width characters; written to
 * JSON as a plain string.
 *
 * @param value the identifier text
 */
public record ThreadId(@JsonValue String value) implements Comparable<ThreadId> {
  /** Validates the identifier. */
  public ThreadId {
    Checks.identifier("threadId", value);
  }

  /**
   * @param value the identifier text
   * @return the identifier
   * @throws InvalidValueException naming the field and the value when it is malformed
   */
  @JsonCreator
  public static ThreadId of(String value) {
    return new ThreadId(value);
  }

  @Override
  public int compareTo(ThreadId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
