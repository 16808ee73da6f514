package dev.partnerkit.spi;

import dev.partnerkit.domain.TenantId;
import java.time.Instant;
import java.util.List;

/**
 * The transactional outbox. A relay claims pending events inside a unit of work, delivers them and marks them
 * published; several relays may run at once without claiming the same event twice (on PostgreSQL through
 * {@code FOR UPDATE SKIP LOCKED}).
 */
public interface Outbox {
  /**
   * @throws VersionConflictException when the tenant already has an event with that id
   */
  void append(OutboxEvent event);

  /**
   * Claims up to {@code limit} pending events of the tenant, oldest first. Call inside a unit of work; events claimed
   * by another open unit of work are skipped.
   */
  List<OutboxEvent> claimPending(TenantId tenantId, int limit);

  /**
   * Marks a pending event published.
   *
   * @throws VersionConflictException when the event does not exist or was already published
   */
  void markPublished(TenantId tenantId, String eventId, Instant publishedAt);

  /** @return how many of the tenant's events are pending */
  long countPending(TenantId tenantId);
}
