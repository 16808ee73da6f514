package dev.partnerkit.domain.economics;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.domain.internal.Checks;

/**
 * Identifier of a referral in a tenant: an identifier of at most 48 characters, so that the id of
 * its own activity entry ({@code referral:<id>}) fits the 64 of an entry id.
 *
 * @param value the identifier text
 */
public record ReferralId(@JsonValue String value) implements Comparable<ReferralId> {
  /** Longest id. */
  public static final int MAX_LENGTH = 48;

  /** Validates the identifier. */
  public ReferralId {
    Checks.identifier("referralId", value);
    Checks.check(value.length() <= MAX_LENGTH, "referralId", "referralId must be at most " + MAX_LENGTH + " characters, but was "
        + value.length() + " characters: " + Checks.show(value));
  }

  /**
   * @param value the identifier text
   * @return the identifier
   * @throws InvalidValueException naming the field and the value when it is malformed
   */
  @JsonCreator
  public static ReferralId of(String value) {
    return new ReferralId(value);
  }

  @Override
  public int compareTo(ReferralId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
