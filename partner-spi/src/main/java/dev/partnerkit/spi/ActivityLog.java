package dev.partnerkit.spi;

import dev.partnerkit.domain.TenantId;
import java.util.List;

/** The append-only activity timeline, read filtered by visibility, ordered and paged. */
public interface ActivityLog {
  /**
   * @throws VersionConflictException when the tenant already has an entry with that id
   */
  void append(ActivityEntry entry);

  /** @return one page of the tenant's entries matching the query, in timeline order */
  List<ActivityEntry> read(TenantId tenantId, ActivityQuery query);

  /** @return how many of the tenant's entries match the query's filters (ignoring cursor and limit) */
  long count(TenantId tenantId, ActivityQuery query);
}
