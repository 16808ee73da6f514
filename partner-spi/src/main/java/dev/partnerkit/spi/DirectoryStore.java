package dev.partnerkit.spi;

import dev.partnerkit.domain.Partner;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.Tenant;
import dev.partnerkit.domain.TenantId;
import java.util.List;
import java.util.Optional;

/** Tenants and their partner directories. Saves replace the stored record with the same key. */
public interface DirectoryStore {
  /** Inserts or replaces a tenant. */
  void saveTenant(Tenant tenant);

  /** @return the tenant, or empty */
  Optional<Tenant> findTenant(TenantId tenantId);

  /** Inserts or replaces a partner of {@code partner.tenantId()}. */
  void savePartner(Partner partner);

  /** @return the partner in the tenant's directory, or empty */
  Optional<Partner> findPartner(TenantId tenantId, PartnerId partnerId);

  /** @return the tenant's partners, ordered by partner id */
  List<Partner> listPartners(TenantId tenantId);
}
