package dev.partnerkit.policy.surface.comments;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.domain.internal.Checks;

/**
 * Identifier of a comment. Non-blank, at most 64 characters, no control, bidi or zero-width characters; written to
 * JSON as a plain string.
 *
 * @param value the identifier text
 */
public record CommentId(@JsonValue String value) implements Comparable<CommentId> {
  /** Validates the identifier. */
  public CommentId {
    Checks.identifier("commentId", value);
  }

  /**
   * @param value the identifier text
   * @return the identifier
   * @throws InvalidValueException naming the field and the value when it is malformed
   */
  @JsonCreator
  public static CommentId of(String value) {
    return new CommentId(value);
  }

  @Override
  public int compareTo(CommentId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
