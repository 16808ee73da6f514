package dev.partnerkit.spi;

import dev.partnerkit.domain.IntegrationPrincipal;
import dev.partnerkit.domain.IntegrationPrincipalId;
import dev.partnerkit.domain.Partner;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.PartnerMember;
import dev.partnerkit.domain.Tenant;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.UserId;
import java.util.List;
import java.util.Optional;

/**
 * Tenants and their partner directories: partners, the memberships of people in them, and their integration
 * principals. Everything is keyed by tenant first: a partner, member or principal id means nothing outside its tenant.
 * Partners, memberships and principals are versioned: inserts store version 0, updates replace stored version n - 1
 * with version n, and anything else is a {@link VersionConflictException}. Memberships are never deleted (removal is
 * a status), so an id once used keeps its history.
 */
public interface DirectoryStore {
  /** Inserts or replaces a tenant. */
  void saveTenant(Tenant tenant);

  /** @return the tenant, or empty */
  Optional<Tenant> findTenant(TenantId tenantId);

  /**
   * Inserts or replaces a partner of {@code partner.tenantId()} whatever the stored version: for imports and
   * migrations. Hosts create and edit partners through the workspace's decided, journaled directory commands, which
   * use {@link #insertPartner} and {@link #updatePartner}.
   */
  void savePartner(Partner partner);

  /**
   * Stores a new partner at version 0.
   *
   * @throws VersionConflictException when the tenant already has a partner with that id, or the version is not 0
   */
  void insertPartner(Partner partner);

  /**
   * Replaces a partner with its next version.
   *
   * @throws VersionConflictException when the stored version is not {@code partner.version() - 1}, or there is none
   */
  void updatePartner(Partner partner);

  /** @return the partner in the tenant's directory, or empty */
  Optional<Partner> findPartner(TenantId tenantId, PartnerId partnerId);

  /** @return the tenant's partners, ordered by partner id */
  List<Partner> listPartners(TenantId tenantId);

  /**
   * Stores a new membership at version 0.
   *
   * @throws VersionConflictException when the person already has a membership of that partner, or the version is not 0
   */
  void insertMember(PartnerMember member);

  /**
   * Replaces a membership with its next version.
   *
   * @throws VersionConflictException when the stored version is not {@code member.version() - 1}, or there is none
   */
  void updateMember(PartnerMember member);

  /** @return the person's membership of the partner in the tenant, or empty */
  Optional<PartnerMember> findMember(TenantId tenantId, PartnerId partnerId, UserId userId);

  /** @return the partner's memberships in every status, ordered by user id */
  List<PartnerMember> listMembers(TenantId tenantId, PartnerId partnerId);

  /** @return the person's memberships in the tenant, in every status, ordered by partner id */
  List<PartnerMember> membershipsOf(TenantId tenantId, UserId userId);

  /**
   * Stores a new integration principal at version 0.
   *
   * @throws VersionConflictException when the tenant already has a principal with that id, or the version is not 0
   */
  void insertPrincipal(IntegrationPrincipal principal);

  /**
   * Replaces an integration principal with its next version. A principal belongs to its partner for good: an update
   * naming another partner than the stored one finds nothing to replace, a stale-version conflict whatever its
   * version, and changes nothing.
   *
   * @throws VersionConflictException when the stored version is not {@code principal.version() - 1}, none is stored,
   *     or the stored principal belongs to another partner
   */
  void updatePrincipal(IntegrationPrincipal principal);

  /** @return the principal in the tenant, or empty */
  Optional<IntegrationPrincipal> findPrincipal(TenantId tenantId, IntegrationPrincipalId principalId);

  /** @return the partner's integration principals, ordered by principal id */
  List<IntegrationPrincipal> listPrincipals(TenantId tenantId, PartnerId partnerId);
}
