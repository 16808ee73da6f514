package dev.partnerkit.jdbc;

import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.spi.IdempotencyRecord;
import dev.partnerkit.spi.IdempotencyStore;
import dev.partnerkit.spi.VersionConflictException;
import java.util.Optional;

/**
 * First outcomes of commands under the primary key (tenant_id, actor_key, idempotency_key). A claim is a row whose
 * outcome is null; the primary key makes a concurrent claim of the same key wait for the first claim's unit of work
 * and then fail as a duplicate when it commits, or succeed when it rolls back. PostgreSQL waits as long as it takes
 * (unless {@code lock_timeout} is set); H2 up to its lock timeout, after which the claim is a duplicate as well.
 */
final class JdbcIdempotencyStore implements IdempotencyStore {
  static final String TYPE = "idempotency_record";

  private final Db db;

  JdbcIdempotencyStore(Db db) {
    this.db = db;
  }

  @Override
  public Optional<IdempotencyRecord> find(TenantId tenantId, String actorKey, String key) {
    return db.one("select tenant_id, actor_key, idempotency_key, fingerprint, outcome, created_at"
        + " from pk_idempotency_record where tenant_id = ? and actor_key = ? and idempotency_key = ?", s -> {
          s.setString(1, tenantId.value());
          s.setString(2, actorKey);
          s.setString(3, key);
        }, row -> IdempotencyRecord.builder()
            .tenantId(TenantId.of(Sql.getText(row, "tenant_id")))
            .actorKey(Sql.getText(row, "actor_key"))
            .key(Sql.getText(row, "idempotency_key"))
            .fingerprint(Sql.getText(row, "fingerprint"))
            .outcome(Sql.getOptional(row, "outcome", o -> o))
            .createdAt(Sql.getInstant(row, "created_at"))
            .build());
  }

  /**
   * {@inheritDoc}
   *
   * @throws InvalidValueException when the record already carries an outcome: outcomes are stored by
   *     {@link #complete}
   */
  @Override
  public void claim(IdempotencyRecord record) {
    if (record.outcome().isPresent()) {
      throw new InvalidValueException("outcome", "a claim has no outcome yet (complete the claim to store it),"
          + " but key " + record.key() + " came with one");
    }
    db.insert(TYPE, record.key(), "insert into pk_idempotency_record"
        + " (tenant_id, actor_key, idempotency_key, fingerprint, outcome, created_at) values (?, ?, ?, ?, null, ?)",
        s -> {
          s.setString(1, record.tenantId().value());
          s.setString(2, record.actorKey());
          s.setString(3, record.key());
          s.setString(4, record.fingerprint());
          Sql.setInstant(s, 5, record.createdAt());
        });
  }

  @Override
  public void complete(TenantId tenantId, String actorKey, String key, String outcome) {
    if (outcome == null || outcome.isBlank()) {
      // a null would match "outcome is null" and complete the claim with nothing
      throw new InvalidValueException("outcome", "outcome is required, but was " + (outcome == null ? "null" : "blank"));
    }
    int updated = db.update("update pk_idempotency_record set outcome = ? where tenant_id = ? and actor_key = ?"
        + " and idempotency_key = ? and outcome is null", s -> {
          s.setString(1, outcome);
          s.setString(2, tenantId.value());
          s.setString(3, actorKey);
          s.setString(4, key);
        });
    if (updated != 1) {
      throw VersionConflictException.stale(TYPE, key, 0);
    }
  }
}
