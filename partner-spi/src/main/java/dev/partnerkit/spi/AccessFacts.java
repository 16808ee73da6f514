package dev.partnerkit.spi;

import dev.partnerkit.domain.AccessGrant;
import dev.partnerkit.domain.OccasionEntitlements;
import dev.partnerkit.domain.Partner;
import dev.partnerkit.domain.Tenant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What one access decision needs from the stores, as stored: the tenant, the occasion's entitlements and, for a
 * partner-side actor, the partner's directory record and its grants in the tenant (sorted by grant id). Loaded by
 * {@link PartnerkitStorage#accessFacts} inside the unit of work that decides.
 */
@Value.Immutable
public abstract class AccessFacts {
  /** @return the tenant, when it is known */
  public abstract Optional<Tenant> tenant();

  /** @return the occasion's entitlements, when any were set */
  public abstract Optional<OccasionEntitlements> entitlements();

  /** @return the partner's directory record, when a partner was asked for and is in the directory */
  public abstract Optional<Partner> partner();

  /** @return the partner's grants in the tenant, sorted by grant id; empty when no partner was asked for */
  public abstract List<AccessGrant> grants();

  /** @return a new builder */
  public static ImmutableAccessFacts.Builder builder() {
    return ImmutableAccessFacts.builder();
  }
}
