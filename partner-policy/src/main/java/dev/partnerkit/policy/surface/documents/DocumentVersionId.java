package dev.partnerkit.policy.surface.documents;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.domain.internal.Checks;

/**
 * Identifier of one exact version of a partner document (a {@code document_version} record). Non-blank, at most 64 characters, no control, bidi or zero-width characters; written to
 * JSON as a plain string.
 *
 * @param value the identifier text
 */
public record DocumentVersionId(@JsonValue String value) implements Comparable<DocumentVersionId> {
  /** Validates the identifier. */
  public DocumentVersionId {
    Checks.identifier("documentVersionId", value);
  }

  /**
   * @param value the identifier text
   * @return the identifier
   * @throws InvalidValueException naming the field and the value when it is malformed
   */
  @JsonCreator
  public static DocumentVersionId of(String value) {
    return new DocumentVersionId(value);
  }

  @Override
  public int compareTo(DocumentVersionId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
