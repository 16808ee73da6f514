package dev.partnerkit.spi;

import dev.partnerkit.domain.Partner;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.PartnerStatus;
import dev.partnerkit.domain.UserId;
import dev.partnerkit.domain.internal.Checks;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A filter and page over a tenant's partner directory: optionally one status, one tier, one owner, one region (each
 * an exact match; a partner without a tier never matches a tier filter). Pages are ordered by partner id and continue
 * strictly after {@link #afterPartnerId()}. The same filters, without the page, select the partners the directory
 * metrics count.
 */
@Value.Immutable
public abstract class PartnerQuery {
  /** Largest page. */
  public static final int MAX_LIMIT = 500;

  /** @return only partners in this status, when present */
  public abstract Optional<PartnerStatus> status();

  /** @return only partners of this tier, when present */
  public abstract Optional<String> tier();

  /** @return only partners this operator owns, when present */
  public abstract Optional<UserId> ownerUserId();

  /** @return only partners of this region, when present */
  public abstract Optional<String> region();

  /** @return the id of the last partner of the previous page */
  public abstract Optional<PartnerId> afterPartnerId();

  /** @return the page size, 1 to 500 */
  @Value.Default
  public int limit() {
    return 50;
  }

  @Value.Check
  protected void check() {
    tier().ifPresent(t -> Checks.text("tier", t, Checks.MAX_IDENTIFIER_LENGTH));
    region().ifPresent(r -> Checks.text("region", r, Checks.MAX_NAME_LENGTH));
    Checks.check(limit() >= 1 && limit() <= MAX_LIMIT, "limit",
        "limit must be between 1 and " + MAX_LIMIT + ", but was " + limit());
  }

  /** @return whether {@code partner} passes the filters (the page cursor and size aside) */
  public boolean matches(Partner partner) {
    return (status().isEmpty() || status().get() == partner.status())
        && (tier().isEmpty() || tier().equals(partner.tier()))
        && (ownerUserId().isEmpty() || ownerUserId().equals(partner.ownerUserId()))
        && (region().isEmpty() || region().equals(partner.region()));
  }

  /** @return the query for the page after {@code last} */
  public PartnerQuery after(Partner last) {
    return ImmutablePartnerQuery.copyOf(this).withAfterPartnerId(last.partnerId());
  }

  /** @return a new builder */
  public static ImmutablePartnerQuery.Builder builder() {
    return ImmutablePartnerQuery.builder();
  }

  /** @return every partner, first page of 50 */
  public static PartnerQuery all() {
    return builder().build();
  }
}
