package dev.partnerkit.spi;

import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.economics.ReferralId;
import dev.partnerkit.domain.economics.ReferralStatus;
import dev.partnerkit.domain.internal.Checks;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A filter and page over a tenant's referrals: optionally one partner's, optionally in one status. Pages are ordered
 * by referral id and continue strictly after {@link #afterReferralId()}.
 */
@Value.Immutable
public abstract class ReferralQuery {
  /** Largest page. */
  public static final int MAX_LIMIT = 500;

  /** @return only this partner's referrals, when present */
  public abstract Optional<PartnerId> partnerId();

  /** @return only referrals in this status, when present */
  public abstract Optional<ReferralStatus> status();

  /** @return the id of the last referral of the previous page */
  public abstract Optional<ReferralId> afterReferralId();

  /** @return the page size, 1 to 500 */
  @Value.Default
  public int limit() {
    return 100;
  }

  @Value.Check
  protected void check() {
    Checks.check(limit() >= 1 && limit() <= MAX_LIMIT, "limit",
        "limit must be between 1 and " + MAX_LIMIT + ", but was " + limit());
  }

  /** @return a new builder */
  public static ImmutableReferralQuery.Builder builder() {
    return ImmutableReferralQuery.builder();
  }
}
