package dev.partnerkit.jdbc;

import dev.partnerkit.domain.AccessGrant;
import dev.partnerkit.domain.DataClass;
import dev.partnerkit.domain.EventId;
import dev.partnerkit.domain.GrantId;
import dev.partnerkit.domain.GrantScope;
import dev.partnerkit.domain.GrantStatus;
import dev.partnerkit.domain.IntegrationPrincipalId;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.PartnerCapability;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.ResourceId;
import dev.partnerkit.domain.Surface;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.UserId;
import dev.partnerkit.domain.WireNamed;
import dev.partnerkit.spi.GrantStore;
import dev.partnerkit.spi.VersionConflictException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Access grants; scope and member sets are encoded columns (see {@link Sql#joinSet}). */
final class JdbcGrantStore implements GrantStore {
  static final String TYPE = "access_grant";
  private static final String COLUMNS = "tenant_id, grant_id, partner_id, members, integration_principal, occasion_id,"
      + " scope_events, scope_resources, scope_surfaces, capabilities, status, valid_from, valid_until, issued_by,"
      + " version, scope_data_classes";

  private final Db db;

  JdbcGrantStore(Db db) {
    this.db = db;
  }

  @Override
  public void insert(AccessGrant grant) {
    if (grant.version() != 0) {
      throw VersionConflictException.duplicate(TYPE, grant.grantId().value());
    }
    db.insert(TYPE, grant.grantId().value(), "insert into pk_access_grant (" + COLUMNS + ")"
        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", s -> {
          s.setString(1, grant.tenantId().value());
          s.setString(2, grant.grantId().value());
          bindFields(s, 3, grant);
        });
  }

  @Override
  public void update(AccessGrant grant) {
    long expected = grant.version() - 1;
    int updated = db.update("update pk_access_grant set partner_id = ?, members = ?, integration_principal = ?,"
        + " occasion_id = ?, scope_events = ?, scope_resources = ?, scope_surfaces = ?, capabilities = ?, status = ?,"
        + " valid_from = ?, valid_until = ?, issued_by = ?, version = ?, scope_data_classes = ?"
        + " where tenant_id = ? and grant_id = ? and version = ?", s -> {
          bindFields(s, 1, grant);
          s.setString(15, grant.tenantId().value());
          s.setString(16, grant.grantId().value());
          s.setLong(17, expected);
        });
    if (updated != 1) {
      throw VersionConflictException.stale(TYPE, grant.grantId().value(), expected);
    }
  }

  /** Binds the 14 columns after the key, from {@code partner_id} to {@code scope_data_classes}. */
  private static void bindFields(PreparedStatement s, int first, AccessGrant grant) throws SQLException {
    int i = first;
    s.setString(i++, grant.partnerId().value());
    s.setString(i++, Sql.joinSet(grant.members(), UserId::value));
    Sql.setText(s, i++, grant.integrationPrincipal().map(IntegrationPrincipalId::value));
    s.setString(i++, grant.scope().occasionId().value());
    s.setString(i++, Sql.joinSet(grant.scope().events(), EventId::value));
    s.setString(i++, Sql.joinSet(grant.scope().resources(), ResourceId::value));
    s.setString(i++, Sql.joinSet(grant.scope().surfaces(), Surface::wireName));
    s.setString(i++, Sql.joinSet(grant.capabilities(), PartnerCapability::wireName));
    s.setString(i++, grant.status().wireName());
    Sql.setInstant(s, i++, grant.validFrom());
    Sql.setInstant(s, i++, grant.validUntil());
    s.setString(i++, grant.issuedBy().value());
    s.setLong(i++, grant.version());
    s.setString(i, Sql.joinSet(grant.scope().dataClasses(), DataClass::wireName));
  }

  @Override
  public Optional<AccessGrant> find(TenantId tenantId, GrantId grantId) {
    return db.one("select " + COLUMNS + " from pk_access_grant where tenant_id = ? and grant_id = ?", s -> {
      s.setString(1, tenantId.value());
      s.setString(2, grantId.value());
    }, JdbcGrantStore::grant);
  }

  /** Finds a partner's grants, sorted by grant id: two parameters, the tenant and partner ids. */
  static final String FIND_BY_PARTNER = "select " + COLUMNS + " from pk_access_grant where tenant_id = ?"
      + " and partner_id = ? order by grant_id";

  @Override
  public List<AccessGrant> findByPartner(TenantId tenantId, PartnerId partnerId) {
    return db.list(FIND_BY_PARTNER, s -> {
          s.setString(1, tenantId.value());
          s.setString(2, partnerId.value());
        }, JdbcGrantStore::grant);
  }

  @Override
  public long count(TenantId tenantId) {
    return db.count("select count(*) from pk_access_grant where tenant_id = ?", s -> s.setString(1, tenantId.value()));
  }

  static AccessGrant grant(ResultSet row) throws SQLException {
    return AccessGrant.builder()
        .tenantId(TenantId.of(Sql.getText(row, "tenant_id")))
        .grantId(GrantId.of(Sql.getText(row, "grant_id")))
        .partnerId(PartnerId.of(Sql.getText(row, "partner_id")))
        .members(Sql.split(Sql.getText(row, "members"), UserId::of))
        .integrationPrincipal(Sql.getOptional(row, "integration_principal", IntegrationPrincipalId::of))
        .scope(GrantScope.builder()
            .occasionId(OccasionId.of(Sql.getText(row, "occasion_id")))
            .events(Sql.split(Sql.getText(row, "scope_events"), EventId::of))
            .resources(Sql.split(Sql.getText(row, "scope_resources"), ResourceId::of))
            .surfaces(Sql.split(Sql.getText(row, "scope_surfaces"),
                w -> WireNamed.parse(Surface.class, "scope.surfaces", w)))
            .dataClasses(Sql.split(Sql.getText(row, "scope_data_classes"),
                w -> WireNamed.parse(DataClass.class, "scope.dataClasses", w)))
            .build())
        .capabilities(Sql.split(Sql.getText(row, "capabilities"),
            w -> WireNamed.parse(PartnerCapability.class, "capabilities", w)))
        .status(WireNamed.parse(GrantStatus.class, "status", row.getString("status")))
        .validFrom(Sql.getInstant(row, "valid_from"))
        .validUntil(Sql.getOptionalInstant(row, "valid_until"))
        .issuedBy(UserId.of(Sql.getText(row, "issued_by")))
        .version(row.getLong("version"))
        .build();
  }
}
