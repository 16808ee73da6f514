package dev.partnerkit.jdbc;

import dev.partnerkit.domain.Partner;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.PartnerKind;
import dev.partnerkit.domain.PartnerStatus;
import dev.partnerkit.domain.Tenant;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.UserId;
import dev.partnerkit.domain.WireNamed;
import dev.partnerkit.spi.DirectoryStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** Tenants and partners, saved with the dialect's upsert. */
final class JdbcDirectoryStore implements DirectoryStore {
  private static final String PARTNER_COLUMNS = "tenant_id, partner_id, name, kind, status, tier, region, owner_user_id";

  private final Db db;
  private final String upsertTenant;
  private final String upsertPartner;

  JdbcDirectoryStore(Db db) {
    this.db = db;
    this.upsertTenant = db.dialect().upsert("pk_tenant", List.of("tenant_id"), List.of("name", "zone_id"));
    this.upsertPartner = db.dialect().upsert("pk_partner", List.of("tenant_id", "partner_id"),
        List.of("name", "kind", "status", "tier", "region", "owner_user_id"));
  }

  @Override
  public void saveTenant(Tenant tenant) {
    db.update(upsertTenant, s -> {
      s.setString(1, tenant.tenantId().value());
      s.setString(2, tenant.name());
      s.setString(3, tenant.zone().getId());
    });
  }

  /** Finds a tenant: one parameter, the tenant id. */
  static final String FIND_TENANT = "select tenant_id, name, zone_id from pk_tenant where tenant_id = ?";
  /** Finds a partner: two parameters, the tenant and partner ids. */
  static final String FIND_PARTNER = "select " + PARTNER_COLUMNS + " from pk_partner where tenant_id = ?"
      + " and partner_id = ?";

  @Override
  public Optional<Tenant> findTenant(TenantId tenantId) {
    return db.one(FIND_TENANT, s -> s.setString(1, tenantId.value()), JdbcDirectoryStore::tenant);
  }

  static Tenant tenant(ResultSet row) throws SQLException {
    return Tenant.of(TenantId.of(Sql.getText(row, "tenant_id")), Sql.getText(row, "name"),
        ZoneId.of(Sql.getText(row, "zone_id")));
  }

  @Override
  public void savePartner(Partner partner) {
    db.update(upsertPartner, s -> {
      s.setString(1, partner.tenantId().value());
      s.setString(2, partner.partnerId().value());
      s.setString(3, partner.name());
      s.setString(4, partner.kind().wireName());
      s.setString(5, partner.status().wireName());
      Sql.setText(s, 6, partner.tier());
      Sql.setText(s, 7, partner.region());
      Sql.setText(s, 8, partner.ownerUserId().map(UserId::value));
    });
  }

  @Override
  public Optional<Partner> findPartner(TenantId tenantId, PartnerId partnerId) {
    return db.one(FIND_PARTNER, s -> {
      s.setString(1, tenantId.value());
      s.setString(2, partnerId.value());
    }, JdbcDirectoryStore::partner);
  }

  @Override
  public List<Partner> listPartners(TenantId tenantId) {
    return db.list("select " + PARTNER_COLUMNS + " from pk_partner where tenant_id = ? order by partner_id",
        s -> s.setString(1, tenantId.value()), JdbcDirectoryStore::partner);
  }

  static Partner partner(ResultSet row) throws SQLException {
    return Partner.builder()
        .tenantId(TenantId.of(Sql.getText(row, "tenant_id")))
        .partnerId(PartnerId.of(Sql.getText(row, "partner_id")))
        .name(Sql.getText(row, "name"))
        .kind(WireNamed.parse(PartnerKind.class, "kind", row.getString("kind")))
        .status(WireNamed.parse(PartnerStatus.class, "status", row.getString("status")))
        .tier(Sql.getOptional(row, "tier", t -> t))
        .region(Sql.getOptional(row, "region", r -> r))
        .ownerUserId(Sql.getOptional(row, "owner_user_id", UserId::of))
        .build();
  }
}
