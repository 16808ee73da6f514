package dev.partnerkit.policy.surface.annotations;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.domain.internal.Checks;

/**
 * Identifier of an annotation.
 * Non-blank, at most 64 characters, no control, bidi or zero-width characters; written to JSON as a plain string.
 *
 * @param value the identifier text
 */
public record AnnotationId(@JsonValue String value) implements Comparable<AnnotationId> {
  /** Validates the identifier. */
  public AnnotationId {
    Checks.identifier("annotationId", value);
  }

  /**
   * @param value the identifier text
   * @return the identifier
   * @throws InvalidValueException naming the field and the value when it is malformed
   */
  @JsonCreator
  public static AnnotationId of(String value) {
    return new AnnotationId(value);
  }

  @Override
  public int compareTo(AnnotationId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
