package dev.partnerkit.domain.economics;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.domain.internal.Checks;

/**
 * Identifier of an event invite in a tenant, as the host's invite system names it: an identifier of at most 64 characters.
 *
 * @param value the identifier text
 */
public record InviteId(@JsonValue String value) implements Comparable<InviteId> {
  /** Longest id. */
  public static final int MAX_LENGTH = 64;

  /** Validates the identifier. */
  public InviteId {
    Checks.identifier("inviteId", value);
    Checks.check(value.length() <= MAX_LENGTH, "inviteId", "inviteId must be at most " + MAX_LENGTH + " characters, but was "
        + value.length() + " characters: " + Checks.show(value));
  }

  /**
   * @param value the identifier text
   * @return the identifier
   * @throws InvalidValueException naming the field and the value when it is malformed
   */
  @JsonCreator
  public static InviteId of(String value) {
    return new InviteId(value);
  }

  @Override
  public int compareTo(InviteId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
