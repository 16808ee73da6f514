package dev.partnerkit.spi;

import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.internal.Checks;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A filter and page over the activity timeline. With {@link #partnerView()} set, only partner-visible entries of
 * that partner are returned: what the partner's portal shows. Pages are ordered by occurrence time, then entry id,
 * and continue strictly after the cursor.
 */
@Value.Immutable
public abstract class ActivityQuery {
  /** Largest page. */
  public static final int MAX_LIMIT = 500;

  /** @return only entries of this occasion, when present */
  public abstract Optional<OccasionId> occasionId();

  /** @return when present, the partner whose portal view is asked for: its partner-visible entries only */
  public abstract Optional<PartnerId> partnerView();

  /** @return the occurrence time of the last entry of the previous page */
  public abstract Optional<Instant> afterOccurredAt();

  /** @return the entry id of the last entry of the previous page */
  public abstract Optional<String> afterEntryId();

  /** @return the page size, 1 to 500 */
  @Value.Default
  public int limit() {
    return 50;
  }

  @Value.Check
  protected void check() {
    Checks.check(limit() >= 1 && limit() <= MAX_LIMIT, "limit",
        "limit must be between 1 and " + MAX_LIMIT + ", but was " + limit());
    Checks.check(afterOccurredAt().isPresent() == afterEntryId().isPresent(), "afterEntryId",
        "afterOccurredAt and afterEntryId must be given together");
  }

  /** @return a new builder */
  public static ImmutableActivityQuery.Builder builder() {
    return ImmutableActivityQuery.builder();
  }

  /** @return the query for the page after {@code last} */
  public ActivityQuery after(ActivityEntry last) {
    // both cursor fields are set before the check runs: with* would validate after the first one alone
    return ImmutableActivityQuery.builder().from(this).afterOccurredAt(last.occurredAt())
        .afterEntryId(last.entryId()).build();
  }
}
