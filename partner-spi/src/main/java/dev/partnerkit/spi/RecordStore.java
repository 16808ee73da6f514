package dev.partnerkit.spi;

import dev.partnerkit.domain.RecordRef;
import dev.partnerkit.domain.TenantId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every kernel record of every type, and the links between them, in one store whose size does not depend on the
 * number of record types. Everything is keyed by tenant first; no method ever returns another tenant's rows.
 */
public interface RecordStore {
  /**
   * Stores a new record; its version must be 0.
   *
   * @throws VersionConflictException when the tenant already has a record of that type and id, or the version is not 0
   */
  void insert(StoredRecord record);

  /**
   * Replaces a record with its next version: the stored version must be {@code record.version() - 1}. The type, id
   * and creation fields never change.
   *
   * @throws VersionConflictException when the stored version differs or the record does not exist
   */
  void update(StoredRecord record);

  /** @return the record, or empty */
  Optional<StoredRecord> find(TenantId tenantId, RecordRef ref);

  /** @return one page of the tenant's records matching the query, ordered by record id */
  List<StoredRecord> list(TenantId tenantId, RecordQuery query);

  /**
   * @return how many of the tenant's records match the query's filters, per status wire name (statuses with no
   *     record are absent); the query's status, cursor and limit are ignored
   */
  Map<String, Long> countByStatus(TenantId tenantId, RecordQuery query);

  /**
   * Stores a link.
   *
   * @throws VersionConflictException when the same (from, relation, to) link exists
   */
  void link(RecordLink link);

  /** @return whether a link was removed */
  boolean unlink(TenantId tenantId, RecordRef from, String relation, RecordRef to);

  /**
   * @return the links from {@code from}, with {@code relation} when present, ordered by relation, then target type and
   *     id
   */
  List<RecordLink> links(TenantId tenantId, RecordRef from, Optional<String> relation);

  /**
   * @return the links pointing at {@code to}, with {@code relation} when present, ordered by relation, then source
   *     type and id
   */
  List<RecordLink> backlinks(TenantId tenantId, RecordRef to, Optional<String> relation);
}
