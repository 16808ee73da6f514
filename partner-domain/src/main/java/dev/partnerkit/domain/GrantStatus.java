package dev.partnerkit.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Lifecycle of an access grant. Only {@link #ACTIVE} can ever allow anything, and only inside the grant's validity
 * window. Legal moves are listed in {@link GrantTransition}; {@link #REVOKED} is final.
 */
public enum GrantStatus implements WireNamed {
  /** Issued, waiting for activation. */
  PENDING,
  /** In force (inside its validity window). */
  ACTIVE,
  /** Paused by an operator; can be reactivated. */
  SUSPENDED,
  /** Withdrawn for good. */
  REVOKED,
  /** Ran past its validity window; can be renewed. */
  EXPIRED;

  private final String wireName = name().toLowerCase(Locale.ROOT);

  @JsonValue
  @Override
  public String wireName() {
    return wireName;
  }

  /**
   * @param target the status to move to
   * @return whether {@link GrantTransition} lists the move from this status to {@code target}
   */
  public boolean canMoveTo(GrantStatus target) {
    return GrantTransition.find(this, target) != null;
  }
}
