package dev.partnerkit.policy.workspace;

import dev.partnerkit.domain.TenantId;

/**
 * What one {@link Retention#purge} deleted for a tenant, and the outbox backlog it saw afterwards.
 *
 * @param tenantId the tenant
 * @param decisions decision-log rows deleted
 * @param activity activity entries deleted
 * @param idempotencyRecords idempotency records deleted
 * @param publishedOutboxEvents published outbox events deleted
 * @param pendingOutboxEvents outbox events still pending delivery (never purged)
 */
public record PurgeResult(TenantId tenantId, long decisions, long activity, long idempotencyRecords,
    long publishedOutboxEvents, long pendingOutboxEvents) {
  /** @return the rows deleted in all */
  public long deleted() {
    return decisions + activity + idempotencyRecords + publishedOutboxEvents;
  }
}
