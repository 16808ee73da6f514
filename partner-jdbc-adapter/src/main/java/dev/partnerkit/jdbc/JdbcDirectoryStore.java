package dev.partnerkit.jdbc;

import dev.partnerkit.domain.IntegrationPrincipal;
import dev.partnerkit.domain.IntegrationPrincipalId;
import dev.partnerkit.domain.MembershipRole;
import dev.partnerkit.domain.MembershipStatus;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.Partner;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.PartnerKind;
import dev.partnerkit.domain.PartnerMember;
import dev.partnerkit.domain.PartnerStatus;
import dev.partnerkit.domain.Tenant;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.UserId;
import dev.partnerkit.domain.WireNamed;
import dev.partnerkit.spi.DirectoryStore;
import dev.partnerkit.spi.VersionConflictException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** Tenants, partners, memberships and integration principals; imports upsert partners with the dialect's upsert. */
final class JdbcDirectoryStore implements DirectoryStore {
  private static final String PARTNER_COLUMNS =
      "tenant_id, partner_id, name, kind, status, tier, region, owner_user_id, version";
  private static final String MEMBER_COLUMNS = "tenant_id, partner_id, user_id, display_name, membership_role,"
      + " can_invite, can_view_metrics, can_manage_events, status, invited_by, invited_at, invite_expires_at,"
      + " invite_occasion_id, version";
  private static final String PRINCIPAL_COLUMNS =
      "tenant_id, principal_id, partner_id, name, enabled, write_enabled, triggers, version";

  private final Db db;
  private final String upsertTenant;
  private final String upsertPartner;

  JdbcDirectoryStore(Db db) {
    this.db = db;
    this.upsertTenant = db.dialect().upsert("pk_tenant", List.of("tenant_id"), List.of("name", "zone_id"));
    this.upsertPartner = db.dialect().upsert("pk_partner", List.of("tenant_id", "partner_id"),
        List.of("name", "kind", "status", "tier", "region", "owner_user_id", "version"));
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
      s.setLong(9, partner.version());
    });
  }

  @Override
  public void insertPartner(Partner partner) {
    if (partner.version() != 0) {
      throw VersionConflictException.duplicate("partner", partner.partnerId().value());
    }
    db.insert("partner", partner.partnerId().value(), "insert into pk_partner (" + PARTNER_COLUMNS
        + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)", s -> {
          s.setString(1, partner.tenantId().value());
          s.setString(2, partner.partnerId().value());
          bindPartner(s, 3, partner);
        });
  }

  @Override
  public void updatePartner(Partner partner) {
    int n = db.update("update pk_partner set name = ?, kind = ?, status = ?, tier = ?, region = ?, owner_user_id = ?,"
        + " version = ? where tenant_id = ? and partner_id = ? and version = ?", s -> {
          bindPartner(s, 1, partner);
          s.setString(8, partner.tenantId().value());
          s.setString(9, partner.partnerId().value());
          s.setLong(10, partner.version() - 1);
        });
    if (n != 1) {
      throw VersionConflictException.stale("partner", partner.partnerId().value(), partner.version() - 1);
    }
  }

  /** Binds name to version (7 columns) from {@code first}. */
  private static void bindPartner(PreparedStatement s, int first, Partner partner) throws SQLException {
    int i = first;
    s.setString(i++, partner.name());
    s.setString(i++, partner.kind().wireName());
    s.setString(i++, partner.status().wireName());
    Sql.setText(s, i++, partner.tier());
    Sql.setText(s, i++, partner.region());
    Sql.setText(s, i++, partner.ownerUserId().map(UserId::value));
    s.setLong(i, partner.version());
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

  @Override
  public void insertMember(PartnerMember member) {
    String id = member.partnerId() + "/" + member.userId();
    if (member.version() != 0) {
      throw VersionConflictException.duplicate("partner_member", id);
    }
    db.insert("partner_member", id, "insert into pk_partner_member (" + MEMBER_COLUMNS
        + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", s -> {
          s.setString(1, member.tenantId().value());
          s.setString(2, member.partnerId().value());
          s.setString(3, member.userId().value());
          bindMember(s, 4, member);
        });
  }

  @Override
  public void updateMember(PartnerMember member) {
    int n = db.update("update pk_partner_member set display_name = ?, membership_role = ?, can_invite = ?,"
        + " can_view_metrics = ?, can_manage_events = ?, status = ?, invited_by = ?, invited_at = ?,"
        + " invite_expires_at = ?, invite_occasion_id = ?, version = ?"
        + " where tenant_id = ? and partner_id = ? and user_id = ? and version = ?", s -> {
          bindMember(s, 1, member);
          s.setString(12, member.tenantId().value());
          s.setString(13, member.partnerId().value());
          s.setString(14, member.userId().value());
          s.setLong(15, member.version() - 1);
        });
    if (n != 1) {
      throw VersionConflictException.stale("partner_member", member.partnerId() + "/" + member.userId(),
          member.version() - 1);
    }
  }

  /** Binds display name to version (11 columns) from {@code first}. */
  private static void bindMember(PreparedStatement s, int first, PartnerMember m) throws SQLException {
    int i = first;
    s.setString(i++, m.displayName());
    s.setString(i++, m.membershipRole().wireName());
    s.setBoolean(i++, m.canInvite());
    s.setBoolean(i++, m.canViewMetrics());
    s.setBoolean(i++, m.canManageEvents());
    s.setString(i++, m.status().wireName());
    Sql.setText(s, i++, m.invitedBy());
    Sql.setInstant(s, i++, m.invitedAt());
    Sql.setInstant(s, i++, m.inviteExpiresAt());
    Sql.setText(s, i++, m.inviteOccasionId().map(OccasionId::value));
    s.setLong(i, m.version());
  }

  @Override
  public Optional<PartnerMember> findMember(TenantId tenantId, PartnerId partnerId, UserId userId) {
    return db.one("select " + MEMBER_COLUMNS + " from pk_partner_member where tenant_id = ? and partner_id = ?"
        + " and user_id = ?", s -> {
          s.setString(1, tenantId.value());
          s.setString(2, partnerId.value());
          s.setString(3, userId.value());
        }, JdbcDirectoryStore::member);
  }

  @Override
  public List<PartnerMember> listMembers(TenantId tenantId, PartnerId partnerId) {
    return db.list("select " + MEMBER_COLUMNS + " from pk_partner_member where tenant_id = ? and partner_id = ?"
        + " order by user_id", s -> {
          s.setString(1, tenantId.value());
          s.setString(2, partnerId.value());
        }, JdbcDirectoryStore::member);
  }

  @Override
  public List<PartnerMember> membershipsOf(TenantId tenantId, UserId userId) {
    return db.list("select " + MEMBER_COLUMNS + " from pk_partner_member where tenant_id = ? and user_id = ?"
        + " order by partner_id", s -> {
          s.setString(1, tenantId.value());
          s.setString(2, userId.value());
        }, JdbcDirectoryStore::member);
  }

  private static PartnerMember member(ResultSet row) throws SQLException {
    return PartnerMember.builder()
        .tenantId(TenantId.of(Sql.getText(row, "tenant_id")))
        .partnerId(PartnerId.of(Sql.getText(row, "partner_id")))
        .userId(UserId.of(Sql.getText(row, "user_id")))
        .displayName(Sql.getText(row, "display_name"))
        .membershipRole(WireNamed.parse(MembershipRole.class, "membership_role", row.getString("membership_role")))
        .canInvite(row.getBoolean("can_invite"))
        .canViewMetrics(row.getBoolean("can_view_metrics"))
        .canManageEvents(row.getBoolean("can_manage_events"))
        .status(WireNamed.parse(MembershipStatus.class, "status", row.getString("status")))
        .invitedBy(Sql.getOptional(row, "invited_by", b -> b))
        .invitedAt(Sql.getOptionalInstant(row, "invited_at"))
        .inviteExpiresAt(Sql.getOptionalInstant(row, "invite_expires_at"))
        .inviteOccasionId(Sql.getOptional(row, "invite_occasion_id", OccasionId::of))
        .version(row.getLong("version"))
        .build();
  }

  @Override
  public void insertPrincipal(IntegrationPrincipal principal) {
    if (principal.version() != 0) {
      throw VersionConflictException.duplicate("integration_principal", principal.principalId().value());
    }
    db.insert("integration_principal", principal.principalId().value(), "insert into pk_integration_principal ("
        + PRINCIPAL_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?)", s -> {
          s.setString(1, principal.tenantId().value());
          s.setString(2, principal.principalId().value());
          s.setString(3, principal.partnerId().value());
          bindPrincipal(s, 4, principal);
        });
  }

  @Override
  public void updatePrincipal(IntegrationPrincipal principal) {
    int n = db.update("update pk_integration_principal set name = ?, enabled = ?, write_enabled = ?, triggers = ?,"
        + " version = ? where tenant_id = ? and principal_id = ? and partner_id = ? and version = ?", s -> {
          bindPrincipal(s, 1, principal);
          s.setString(6, principal.tenantId().value());
          s.setString(7, principal.principalId().value());
          s.setString(8, principal.partnerId().value());
          s.setLong(9, principal.version() - 1);
        });
    if (n != 1) {
      throw VersionConflictException.stale("integration_principal", principal.principalId().value(),
          principal.version() - 1);
    }
  }

  /** Binds name to version (5 columns) from {@code first}. */
  private static void bindPrincipal(PreparedStatement s, int first, IntegrationPrincipal p) throws SQLException {
    int i = first;
    s.setString(i++, p.name());
    s.setBoolean(i++, p.enabled());
    s.setBoolean(i++, p.writeEnabled());
    s.setString(i++, Sql.joinSet(p.triggers(), t -> t));
    s.setLong(i, p.version());
  }

  @Override
  public Optional<IntegrationPrincipal> findPrincipal(TenantId tenantId, IntegrationPrincipalId principalId) {
    return db.one("select " + PRINCIPAL_COLUMNS + " from pk_integration_principal where tenant_id = ?"
        + " and principal_id = ?", s -> {
          s.setString(1, tenantId.value());
          s.setString(2, principalId.value());
        }, JdbcDirectoryStore::principal);
  }

  @Override
  public List<IntegrationPrincipal> listPrincipals(TenantId tenantId, PartnerId partnerId) {
    return db.list("select " + PRINCIPAL_COLUMNS + " from pk_integration_principal where tenant_id = ?"
        + " and partner_id = ? order by principal_id", s -> {
          s.setString(1, tenantId.value());
          s.setString(2, partnerId.value());
        }, JdbcDirectoryStore::principal);
  }

  private static IntegrationPrincipal principal(ResultSet row) throws SQLException {
    return IntegrationPrincipal.builder()
        .tenantId(TenantId.of(Sql.getText(row, "tenant_id")))
        .principalId(IntegrationPrincipalId.of(Sql.getText(row, "principal_id")))
        .partnerId(PartnerId.of(Sql.getText(row, "partner_id")))
        .name(Sql.getText(row, "name"))
        .enabled(row.getBoolean("enabled"))
        .writeEnabled(row.getBoolean("write_enabled"))
        .triggers(Sql.split(Sql.getText(row, "triggers"), t -> t))
        .version(row.getLong("version"))
        .build();
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
        .version(row.getLong("version"))
        .build();
  }
}
