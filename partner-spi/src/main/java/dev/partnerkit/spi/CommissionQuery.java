package dev.partnerkit.spi;

import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.economics.CommissionId;
import dev.partnerkit.domain.economics.CommissionStatus;
import dev.partnerkit.domain.economics.ReferralId;
import dev.partnerkit.domain.internal.Checks;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A filter and page over a tenant's commissions: optionally one partner's, one referral's, in one status. Pages are
 * ordered by commission id and continue strictly after {@link #afterCommissionId()}.
 */
@Value.Immutable
public abstract class CommissionQuery {
  /** Largest page. */
  public static final int MAX_LIMIT = 500;

  /** @return only this partner's commissions, when present */
  public abstract Optional<PartnerId> partnerId();

  /** @return only the commissions of this referral, when present */
  public abstract Optional<ReferralId> referralId();

  /** @return only commissions in this status, when present */
  public abstract Optional<CommissionStatus> status();

  /** @return the id of the last commission of the previous page */
  public abstract Optional<CommissionId> afterCommissionId();

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
  public static ImmutableCommissionQuery.Builder builder() {
    return ImmutableCommissionQuery.builder();
  }
}
