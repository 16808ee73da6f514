package dev.partnerkit.policy.surface.documents;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.domain.internal.Checks;

/**
 * Identifier of a partner document. Non-blank, at most 64 characters, no control, bidi or zero-width characters; written to
 * JSON as a plain string.
 *
 * @param value the identifier text
 */
public record DocumentId(@JsonValue String value) implements Comparable<DocumentId> {
  /** Validates the identifier. */
  public DocumentId {
    Checks.identifier("documentId", value);
  }

  /**
   * @param value the identifier text
   * @return the identifier
   * @throws InvalidValueException naming the field and the value when it is malformed
   */
  @JsonCreator
  public static DocumentId of(String value) {
    return new DocumentId(value);
  }

  @Override
  public int compareTo(DocumentId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
