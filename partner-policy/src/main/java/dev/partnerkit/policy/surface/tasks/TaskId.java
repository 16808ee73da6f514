package dev.partnerkit.policy.surface.tasks;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.domain.internal.Checks;

/**
 * Identifier of a partner task. Non-blank, at most 64 characters, no control, bidi or zero-width characters; written to JSON
 * as a plain string.
 *
 * @param value the identifier text
 */
public record TaskId(@JsonValue String value) implements Comparable<TaskId> {
  /** Validates the identifier. */
  public TaskId {
    Checks.identifier("taskId", value);
  }

  /**
   * @param value the identifier text
   * @return the identifier
   * @throws InvalidValueException naming the field and the value when it is malformed
   */
  @JsonCreator
  public static TaskId of(String value) {
    return new TaskId(value);
  }

  @Override
  public int compareTo(TaskId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
