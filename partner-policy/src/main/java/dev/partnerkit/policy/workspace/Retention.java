package dev.partnerkit.policy.workspace;

import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.internal.Checks;
import dev.partnerkit.spi.RetentionStore;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The purge of journal rows past their age ({@link RetentionPolicy}): decision-log rows, activity entries,
 * idempotency records and published outbox events (pending ones never). Get it from
 * {@link PartnerWorkspace#retention()} and run it from a scheduled job, once per tenant:
 *
 * <pre>{@code
 * PurgeResult purged = workspace.retention().purge(tenantId);                        // the documented defaults
 * workspace.retention().purge(tenantId, RetentionPolicy.defaults().withDecisionLog(Duration.ofDays(90)));
 * }</pre>
 *
 * <p>Each kind is deleted in batches of {@link RetentionPolicy#batchSize()} rows, each batch in a unit of work of its
 * own, until a batch finds fewer rows; so locks stay short and a purge interrupted half-way has kept what it deleted.
 * Several instances of the host may purge the same tenant at the same time (through {@link RetentionStore}, which on
 * PostgreSQL skips rows another purge has locked). Run it on a storage in standalone mode: in joined mode every batch
 * joins the transaction the host has open. After purging it counts the tenant's pending outbox events and reports them
 * to {@link PartnerkitMetrics#outboxBacklog}.
 */
public final class Retention {
  private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

  private static final Instant YEAR_ONE = Instant.parse("0001-01-01T00:00:00Z");

  /** One batch of one kind. */
  private interface Purge {
    int batch(Instant before, int limit);
  }

  private final WorkspaceEngine engine;

  Retention(WorkspaceEngine engine) {
    this.engine = engine;
  }

  /**
   * Purges with {@link RetentionPolicy#defaults()}.
   *
   * @param tenantId the tenant
   * @return what was deleted
   */
  public PurgeResult purge(TenantId tenantId) {
    return purge(tenantId, RetentionPolicy.defaults());
  }

  /**
   * @param tenantId the tenant
   * @param policy how long each kind of row is kept
   * @return what was deleted, and the outbox backlog afterwards
   */
  public PurgeResult purge(TenantId tenantId, RetentionPolicy policy) {
    Checks.required("tenantId", tenantId);
    RetentionPolicy.require(policy);
    RetentionStore store = engine.storage.retention();
    Instant now = engine.now();
    int batch = policy.batchSize();
    long decisions = drain(batch, cutoff(now, policy.decisionLog()),
        (before, limit) -> store.purgeDecisions(tenantId, before, limit));
    long activity = drain(batch, cutoff(now, policy.activity()),
        (before, limit) -> store.purgeActivity(tenantId, before, limit));
    long idempotency = drain(batch, cutoff(now, policy.idempotencyRecords()),
        (before, limit) -> store.purgeIdempotencyRecords(tenantId, before, limit));
    long outbox = drain(batch, cutoff(now, policy.publishedOutboxEvents()),
        (before, limit) -> store.purgePublishedOutboxEvents(tenantId, before, limit));
    long pending = engine.storage.outbox().countPending(tenantId);
    PurgeResult result = new PurgeResult(tenantId, decisions, activity, idempotency, outbox, pending);
    if (result.deleted() > 0) {
      LOG.info("Purged {} rows of tenant {}: {} decisions, {} activity entries, {} idempotency records, {} published"
          + " outbox events; {} outbox events pending", result.deleted(), tenantId, decisions, activity, idempotency,
          outbox, pending);
    } else {
      LOG.debug("Nothing to purge for tenant {}; {} outbox events pending", tenantId, pending);
    }
    engine.report(metrics -> metrics.outboxBacklog(tenantId, pending));
    return result;
  }

  /** @return {@code now - age}, or null when that is before year 1: no row is that old */
  private static @Nullable Instant cutoff(Instant now, Duration age) {
    try {
      Instant cutoff = now.minus(age);
      return cutoff.isBefore(YEAR_ONE) ? null : cutoff;
    } catch (ArithmeticException | DateTimeException e) {
      return null;
    }
  }

  /**
   * Runs batches, each in a unit of work of its own, until one deletes fewer than {@code batch} rows; none when the
   * cutoff is null.
   */
  private long drain(int batch, @Nullable Instant cutoff, Purge purge) {
    if (cutoff == null) {
      return 0;
    }
    long total = 0;
    while (true) {
      int deleted = engine.storage.unitOfWork().inTransaction(() -> purge.batch(cutoff, batch));
      total += deleted;
      if (deleted < batch) {
        return total;
      }
    }
  }
}
