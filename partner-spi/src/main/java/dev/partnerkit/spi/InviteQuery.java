package dev.partnerkit.spi;

import dev.partnerkit.domain.EventId;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.UserId;
import dev.partnerkit.domain.economics.InviteId;
import dev.partnerkit.domain.internal.Checks;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A filter and page over the invites of one event: optionally only those of one occasion, counted for one host
 * partner, sent as one inviter principal, or issued by one user. Pages are ordered by invite id and continue strictly after
 * {@link #afterInviteId()}; tallies ignore the page.
 */
@Value.Immutable
public abstract class InviteQuery {
  /** Largest page. */
  public static final int MAX_LIMIT = 500;

  /** @return the event */
  public abstract EventId eventId();

  /** @return only invites of this occasion, when present (a partner session reads its own occasion's only) */
  public abstract Optional<OccasionId> occasionId();

  /** @return only invites counted for this host or managing partner, when present */
  public abstract Optional<PartnerId> partnerId();

  /** @return only invites sent as this principal, when present */
  public abstract Optional<String> inviterPrincipal();

  /** @return only invites issued by this user, when present */
  public abstract Optional<UserId> issuedByUserId();

  /** @return the id of the last invite of the previous page */
  public abstract Optional<InviteId> afterInviteId();

  /** @return the page size, 1 to 500 */
  @Value.Default
  public int limit() {
    return 100;
  }

  @Value.Check
  protected void check() {
    inviterPrincipal().ifPresent(p -> Checks.identifier("inviterPrincipal", p));
    Checks.check(limit() >= 1 && limit() <= MAX_LIMIT, "limit",
        "limit must be between 1 and " + MAX_LIMIT + ", but was " + limit());
  }

  /** @return a new builder */
  public static ImmutableInviteQuery.Builder builder() {
    return ImmutableInviteQuery.builder();
  }

  /** @return every invite of {@code eventId}, first page */
  public static InviteQuery of(EventId eventId) {
    return builder().eventId(eventId).build();
  }
}
