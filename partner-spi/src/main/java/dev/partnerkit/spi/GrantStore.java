package dev.partnerkit.spi;

import dev.partnerkit.domain.AccessGrant;
import dev.partnerkit.domain.GrantId;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.TenantId;
import java.util.List;
import java.util.Optional;

/** Access grants, looked up by partner through an index (never a scan of all grants). */
public interface GrantStore {
  /**
   * Stores a new grant; its version must be 0.
   *
   * @throws VersionConflictException when the tenant already has a grant with that id, or the version is not 0
   */
  void insert(AccessGrant grant);

  /**
   * Replaces a grant with its next version: the stored version must be {@code grant.version() - 1}.
   *
   * @throws VersionConflictException when the stored version differs or the grant does not exist
   */
  void update(AccessGrant grant);

  /** @return the grant, or empty */
  Optional<AccessGrant> find(TenantId tenantId, GrantId grantId);

  /** @return the partner's grants in the tenant, ordered by grant id */
  List<AccessGrant> findByPartner(TenantId tenantId, PartnerId partnerId);

  /** @return how many grants the tenant has */
  long count(TenantId tenantId);
}
