package dev.partnerkit.jdbc;

import dev.partnerkit.domain.Entitlement;
import dev.partnerkit.domain.OccasionEntitlements;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.spi.EntitlementStore;
import dev.partnerkit.spi.VersionConflictException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Occasion entitlements; the set is an encoded column (see {@link Sql#joinSet}). */
final class JdbcEntitlementStore implements EntitlementStore {
  static final String TYPE = "occasion_entitlements";

  private final Db db;

  JdbcEntitlementStore(Db db) {
    this.db = db;
  }

  /** Finds an occasion's entitlements: two parameters, the tenant and occasion ids. */
  static final String FIND = "select tenant_id, occasion_id, entitlements, version from pk_occasion_entitlements"
      + " where tenant_id = ? and occasion_id = ?";

  @Override
  public Optional<OccasionEntitlements> find(TenantId tenantId, OccasionId occasionId) {
    return db.one(FIND, s -> {
      s.setString(1, tenantId.value());
      s.setString(2, occasionId.value());
    }, JdbcEntitlementStore::entitlements);
  }

  static OccasionEntitlements entitlements(ResultSet row) throws SQLException {
    return OccasionEntitlements.builder()
        .tenantId(TenantId.of(Sql.getText(row, "tenant_id")))
        .occasionId(OccasionId.of(Sql.getText(row, "occasion_id")))
        .entitlements(Sql.split(Sql.getText(row, "entitlements"), Entitlement::of))
        .version(row.getLong("version"))
        .build();
  }

  @Override
  public void save(OccasionEntitlements entitlements) {
    String tenant = entitlements.tenantId().value();
    String occasion = entitlements.occasionId().value();
    String encoded = Sql.joinSet(entitlements.entitlements(), Entitlement::key);
    if (entitlements.version() == 0) {
      db.insert(TYPE, occasion, "insert into pk_occasion_entitlements (tenant_id, occasion_id, entitlements, version)"
          + " values (?, ?, ?, 0)", s -> {
            s.setString(1, tenant);
            s.setString(2, occasion);
            s.setString(3, encoded);
          });
      return;
    }
    long expected = entitlements.version() - 1;
    int updated = db.update("update pk_occasion_entitlements set entitlements = ?, version = ?"
        + " where tenant_id = ? and occasion_id = ? and version = ?", s -> {
          s.setString(1, encoded);
          s.setLong(2, entitlements.version());
          s.setString(3, tenant);
          s.setString(4, occasion);
          s.setLong(5, expected);
        });
    if (updated != 1) {
      throw VersionConflictException.stale(TYPE, occasion, expected);
    }
  }
}
