package dev.partnerkit.domain;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a value cannot be built because one of its fields is missing or malformed. The message always names
 * the field and shows the rejected value (shortened and escaped, so hostile input never floods a log). Nothing is
 * half-built: the value under construction is discarded.
 */
public class InvalidValueException extends PartnerkitException {
  private static final long serialVersionUID = 1L;

  private final @Nullable String field;

  /**
   * Used by generated builders (missing required attributes, null elements); the message names the attribute.
   *
   * @param message the full message
   */
  public InvalidValueException(String message) {
    super(message);
    this.field = null;
  }

  /**
   * @param field the field that holds the bad value, e.g. {@code "tenantId"} or {@code "scope.events[2]"}
   * @param message the full message, naming the field and the value
   */
  public InvalidValueException(String field, String message) {
    super(message);
    this.field = field;
  }

  /**
   * @param field the field that holds the bad value
   * @param message the full message, naming the field and the value
   * @param cause the underlying failure
   */
  public InvalidValueException(String field, String message, Throwable cause) {
    super(message, cause);
    this.field = field;
  }

  /**
   * @return the name (or JSON path) of the rejected field, when known
   */
  public @Nullable String field() {
    return field;
  }
}
