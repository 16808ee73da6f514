package dev.partnerkit.jdbc;

import dev.partnerkit.domain.TenantId;
import dev.partnerkit.spi.IdempotencyRecord;
import dev.partnerkit.spi.IdempotencyStore;
import java.util.Optional;

/** First outcomes of commands under the primary key (tenant_id, idempotency_key). */
final class JdbcIdempotencyStore implements IdempotencyStore {
  static final String TYPE = "idempotency_record";

  private final Db db;

  JdbcIdempotencyStore(Db db) {
    this.db = db;
  }

  @Override
  public Optional<IdempotencyRecord> find(TenantId tenantId, String key) {
    return db.one("select tenant_id, idempotency_key, fingerprint, outcome, created_at from pk_idempotency_record"
        + " where tenant_id = ? and idempotency_key = ?", s -> {
          s.setString(1, tenantId.value());
          s.setString(2, key);
        }, row -> IdempotencyRecord.builder()
            .tenantId(TenantId.of(Sql.getText(row, "tenant_id")))
            .key(Sql.getText(row, "idempotency_key"))
            .fingerprint(Sql.getText(row, "fingerprint"))
            .outcome(Sql.getText(row, "outcome"))
            .createdAt(Sql.getInstant(row, "created_at"))
            .build());
  }

  @Override
  public void insert(IdempotencyRecord record) {
    db.insert(TYPE, record.key(), "insert into pk_idempotency_record"
        + " (tenant_id, idempotency_key, fingerprint, outcome, created_at) values (?, ?, ?, ?, ?)", s -> {
          s.setString(1, record.tenantId().value());
          s.setString(2, record.key());
          s.setString(3, record.fingerprint());
          s.setString(4, record.outcome());
          Sql.setInstant(s, 5, record.createdAt());
        });
  }
}
