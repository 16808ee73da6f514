package dev.partnerkit.spi;

import dev.partnerkit.domain.TenantId;
import java.util.List;

/** The append-only log of every decision. */
public interface DecisionLog {
  /**
   * @throws VersionConflictException when the tenant already has a record with that id
   */
  void append(DecisionRecord record);

  /** @return the tenant's most recent records, newest first (by decision time, then record id descending) */
  List<DecisionRecord> recent(TenantId tenantId, int limit);

  /** @return how many records the tenant has */
  long count(TenantId tenantId);

  /** @return how many of the tenant's records are allowed ({@code true}) or blocked ({@code false}) */
  long count(TenantId tenantId, boolean allowed);
}
