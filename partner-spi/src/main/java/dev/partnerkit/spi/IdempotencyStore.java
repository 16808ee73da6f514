package dev.partnerkit.spi;

import dev.partnerkit.domain.TenantId;
import java.util.Optional;

/** First outcomes of commands, under unique (tenant, key). */
public interface IdempotencyStore {
  /** @return the record under the key, or empty */
  Optional<IdempotencyRecord> find(TenantId tenantId, String key);

  /**
   * @throws VersionConflictException when the key is taken in the tenant
   */
  void insert(IdempotencyRecord record);
}
