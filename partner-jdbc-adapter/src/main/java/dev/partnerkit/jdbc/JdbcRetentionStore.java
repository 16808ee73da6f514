package dev.partnerkit.jdbc;

import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.spi.RetentionStore;
import java.time.Instant;
import java.util.Objects;

/**
 * Purges in bounded batches: {@code delete ... where tenant_id = ? and (key) in (select key ... where tenant_id = ?
 * and <time> < ? limit ?)}. On PostgreSQL the select is a materialized CTE with {@code for update skip locked}, so it
 * runs once per call and purges running at once on several instances delete disjoint rows and never wait for each
 * other; on H2 a second purge waits for the first one's rows
 * and then finds them gone. The time columns are the ones the tenant-leading indexes cover for the decision log and
 * the activity timeline; idempotency records and published outbox events are found by a scan of the tenant's rows.
 */
final class JdbcRetentionStore implements RetentionStore {
  private final Db db;

  JdbcRetentionStore(Db db) {
    this.db = db;
  }

  @Override
  public int purgeDecisions(TenantId tenantId, Instant before, int limit) {
    return purge("pk_decision_record", "record_id", "decided_at < ?", tenantId, before, limit);
  }

  @Override
  public int purgeActivity(TenantId tenantId, Instant before, int limit) {
    return purge("pk_activity_entry", "entry_id", "occurred_at < ?", tenantId, before, limit);
  }

  @Override
  public int purgeIdempotencyRecords(TenantId tenantId, Instant before, int limit) {
    return purge("pk_idempotency_record", "actor_key, idempotency_key", "outcome is not null and created_at < ?",
        tenantId, before, limit);
  }

  @Override
  public int purgePublishedOutboxEvents(TenantId tenantId, Instant before, int limit) {
    return purge("pk_outbox_event", "event_id", "published_at < ?", tenantId, before, limit);
  }

  private int purge(String table, String key, String older, TenantId tenantId, Instant before, int limit) {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(before, "before");
    Db.requirePositive("limit", limit);
    if (limit > MAX_LIMIT) {
      throw new InvalidValueException("limit",
          "limit must be at most " + MAX_LIMIT + ", but was " + limit);
    }
    String keys = key.contains(",") ? "(" + key + ")" : key;
    String doomed = "select " + key + " from " + table + " where tenant_id = ? and " + older + " limit ?";
    // PostgreSQL may run a LIMIT subquery of an IN more than once (and so delete more than the limit): the
    // materialized CTE runs it, and takes its locks, exactly once
    String sql = db.dialect() == JdbcDialect.POSTGRESQL
        ? "with doomed as materialized (" + doomed + " for update skip locked) delete from " + table
            + " where tenant_id = ? and " + keys + " in (select " + key + " from doomed)"
        : "delete from " + table + " where tenant_id = ? and " + keys + " in (" + doomed + ")";
    boolean cteFirst = db.dialect() == JdbcDialect.POSTGRESQL;
    return db.update(sql, s -> {
      int inner = cteFirst ? 1 : 2;
      s.setString(inner, tenantId.value());
      Sql.setInstant(s, inner + 1, before);
      s.setInt(inner + 2, limit);
      s.setString(cteFirst ? 4 : 1, tenantId.value());
    });
  }
}
