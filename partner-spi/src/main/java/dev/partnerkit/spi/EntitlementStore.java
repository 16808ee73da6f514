package dev.partnerkit.spi;

import dev.partnerkit.domain.OccasionEntitlements;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.TenantId;
import java.util.Optional;

/** The billing entitlements of each occasion, from which its product capabilities are resolved. */
public interface EntitlementStore {
  /** @return the occasion's entitlements, or empty when none were ever set */
  Optional<OccasionEntitlements> find(TenantId tenantId, OccasionId occasionId);

  /**
   * Saves entitlements: version 0 inserts; version n &gt; 0 replaces stored version n - 1.
   *
   * @throws VersionConflictException when version 0 finds a row, or version n finds another version or none
   */
  void save(OccasionEntitlements entitlements);
}
