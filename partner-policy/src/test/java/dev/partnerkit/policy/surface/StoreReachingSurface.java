package dev.partnerkit.policy.surface;

import dev.partnerkit.domain.RecordRef;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.spi.RecordStore;
import dev.partnerkit.spi.StoredRecord;
import java.util.Optional;

/**
 * Deliberately wrong: a surface class that reads a record store itself. Lives only in the test classes, which the
 * architecture test's real import leaves out; it proves the surface rule can fail.
 */
public final class StoreReachingSurface {
  private final RecordStore records;

  public StoreReachingSurface(RecordStore records) {
    this.records = records;
  }

  public Optional<StoredRecord> peek(TenantId tenantId, RecordRef ref) {
    return records.find(tenantId, ref);
  }
}
