package dev.partnerkit.spi;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.internal.Checks;
import org.immutables.value.Value;

/**
 * The invites of one group (one inviter principal, or one issuing user): how many were issued, and how many were
 * accepted with the acceptance credited ({@code credited_acceptance = true}); an acceptance that is not credited is
 * not counted as accepted.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableInviteTally.class)
@JsonDeserialize(as = ImmutableInviteTally.class)
public abstract class InviteTally {
  /** @return the principal, or the issuing user's id */
  public abstract String key();

  /** @return how many invites were issued */
  public abstract long invited();

  /** @return how many were accepted with a credited acceptance */
  public abstract long accepted();

  @Value.Check
  protected void check() {
    Checks.identifier("key", key());
    Checks.nonNegative("invited", invited());
    Checks.check(accepted() >= 0 && accepted() <= invited(), "accepted",
        "accepted must be between 0 and invited (" + invited() + "), but was " + accepted());
  }

  /** @return a tally */
  public static InviteTally of(String key, long invited, long accepted) {
    return ImmutableInviteTally.builder().key(key).invited(invited).accepted(accepted).build();
  }
}
