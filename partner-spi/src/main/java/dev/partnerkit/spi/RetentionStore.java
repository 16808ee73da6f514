package dev.partnerkit.spi;

import dev.partnerkit.domain.TenantId;
import java.time.Instant;

/**
 * Deletes journal rows past their retention age, one bounded batch per call: decision-log rows, activity entries,
 * idempotency records and published outbox events. Pending outbox events are never deleted, whatever their age.
 *
 * <p>Every method deletes at most {@code limit} of the tenant's rows whose time is strictly before {@code before}
 * (in no particular order) and returns how many it deleted; a caller repeats it until it returns less than
 * {@code limit}. Several callers may purge the same tenant at once (several instances of a host): each row is deleted
 * by one of them, none fails because another deleted a row first, and a row another caller has locked may be skipped
 * (it is deleted by that caller). Calls made inside a {@link UnitOfWork} commit or roll back with it.
 *
 * <p>{@code limit} is between 1 and {@link #MAX_LIMIT}.
 */
public interface RetentionStore {
  /** The largest batch one call deletes. */
  int MAX_LIMIT = 10_000;

  /**
   * @return how many of the tenant's decision-log rows decided before {@code before} were deleted (at most
   *     {@code limit})
   */
  int purgeDecisions(TenantId tenantId, Instant before, int limit);

  /** @return how many of the tenant's activity entries that occurred before {@code before} were deleted */
  int purgeActivity(TenantId tenantId, Instant before, int limit);

  /**
   * Deletes idempotency records created before {@code before}: a retry of such a command with the same key is then a
   * new command, so keep the records longer than any client retries.
   *
   * @return how many were deleted
   */
  int purgeIdempotencyRecords(TenantId tenantId, Instant before, int limit);

  /** @return how many of the tenant's outbox events published before {@code before} were deleted */
  int purgePublishedOutboxEvents(TenantId tenantId, Instant before, int limit);
}
