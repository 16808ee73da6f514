package dev.partnerkit.spi.memory;

import dev.partnerkit.domain.Partner;
import dev.partnerkit.domain.TenantId;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What {@link InMemoryStorage} lends the stores kept in classes of their own: its lock, its unit of work and undo
 * log, and read access to the rows of its other stores. Every method but {@link #read} and {@link #write} must be
 * called under the lock (inside one of those two).
 */
interface Ledger {
  /** @return what {@code query} returns, run under the storage's lock */
  <T> T read(Supplier<T> query);

  /** Runs {@code change} in the open unit of work, or in one of its own. */
  void write(Runnable change);

  /** Puts {@code value} under {@code key}, logging the undo in the open unit of work. */
  <K, V> void put(Map<K, V> map, K key, V value);

  /** Removes {@code key}, logging the undo in the open unit of work. */
  <K, V> void remove(Map<K, V> map, K key);

  /** @return the tenant's partner directory */
  List<Partner> partners(TenantId tenantId);

  /** @return up to {@code limit} tenants with pending outbox events, by id */
  List<TenantId> tenantsWithPendingEvents(int limit);

  /** @return whether the tenant's activity log holds an entry with this id */
  boolean hasActivity(TenantId tenantId, String entryId);
}
