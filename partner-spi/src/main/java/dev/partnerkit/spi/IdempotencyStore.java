package dev.partnerkit.spi;

import dev.partnerkit.domain.TenantId;
import java.util.Optional;

/**
 * First outcomes of commands, under unique (tenant, actor, key): one actor's keys never collide with another's.
 *
 * <p>A command claims its key first, inside its unit of work, before doing anything else, and completes the claim
 * with its outcome at the end. A second attempt with the same key that races the first blocks on the claim (or
 * fails with a conflict) until the first commits, and then replays the first outcome.
 */
public interface IdempotencyStore {
  /** @return the record under the key, or empty; inside the claiming unit of work its outcome may still be empty */
  Optional<IdempotencyRecord> find(TenantId tenantId, String actorKey, String key);

  /**
   * Inserts a claim (a record without outcome).
   *
   * @throws VersionConflictException when the key is taken for this actor in the tenant
   */
  void claim(IdempotencyRecord record);

  /**
   * Stores the outcome of a claimed key.
   *
   * @throws VersionConflictException when there is no claim under the key, or it already has an outcome
   */
  void complete(TenantId tenantId, String actorKey, String key, String outcome);
}
