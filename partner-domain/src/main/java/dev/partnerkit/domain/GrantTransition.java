package dev.partnerkit.domain;

import org.jspecify.annotations.Nullable;

/**
 * Every legal move of an access grant's status, as data. Anything not listed is refused with an
 * {@link IllegalTransitionException}.
 *
 * <pre>
 * pending   -&gt; active | revoked
 * active    -&gt; suspended | revoked | expired | active (renew: new window)
 * suspended -&gt; active | revoked | expired
 * expired   -&gt; active (renew) | revoked
 * revoked   (final)
 * </pre>
 */
public enum GrantTransition {
  /** An operator activates an issued grant. */
  ACTIVATE(GrantStatus.PENDING, GrantStatus.ACTIVE),
  /** An operator withdraws a grant before it was ever active. */
  REVOKE_PENDING(GrantStatus.PENDING, GrantStatus.REVOKED),
  /** An operator pauses an active grant. */
  SUSPEND(GrantStatus.ACTIVE, GrantStatus.SUSPENDED),
  /** An operator withdraws an active grant. */
  REVOKE_ACTIVE(GrantStatus.ACTIVE, GrantStatus.REVOKED),
  /** The validity window ran out. */
  EXPIRE_ACTIVE(GrantStatus.ACTIVE, GrantStatus.EXPIRED),
  /** An operator extends an active grant's window before it runs out. */
  RENEW_ACTIVE(GrantStatus.ACTIVE, GrantStatus.ACTIVE),
  /** An operator resumes a suspended grant. */
  RESUME(GrantStatus.SUSPENDED, GrantStatus.ACTIVE),
  /** An operator withdraws a suspended grant. */
  REVOKE_SUSPENDED(GrantStatus.SUSPENDED, GrantStatus.REVOKED),
  /** The validity window of a suspended grant ran out. */
  EXPIRE_SUSPENDED(GrantStatus.SUSPENDED, GrantStatus.EXPIRED),
  /** An operator renews an expired grant with a new window. */
  RENEW_EXPIRED(GrantStatus.EXPIRED, GrantStatus.ACTIVE),
  /** An operator withdraws an expired grant for good. */
  REVOKE_EXPIRED(GrantStatus.EXPIRED, GrantStatus.REVOKED);

  private final GrantStatus from;
  private final GrantStatus to;

  GrantTransition(GrantStatus from, GrantStatus to) {
    this.from = from;
    this.to = to;
  }

  /** @return the status the move starts from */
  public GrantStatus from() {
    return from;
  }

  /** @return the status the move ends in */
  public GrantStatus to() {
    return to;
  }

  /**
   * @return the listed move from {@code from} to {@code to}, or null when there is none
   */
  static @Nullable GrantTransition find(GrantStatus from, GrantStatus to) {
    for (GrantTransition t : values()) {
      if (t.from == from && t.to == to) {
        return t;
      }
    }
    return null;
  }

  /**
   * @return the listed move
   * @throws IllegalTransitionException when the move is not listed
   */
  public static GrantTransition require(GrantStatus from, GrantStatus to) {
    GrantTransition t = find(from, to);
    if (t == null) {
      throw new IllegalTransitionException("access grant cannot change state from " + from.wireName() + " to "
          + to.wireName());
    }
    return t;
  }
}
