package dev.partnerkit.spi;

import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.PartnerTask;
import dev.partnerkit.domain.TaskId;
import dev.partnerkit.domain.TenantId;
import java.util.List;
import java.util.Optional;

/** Partner tasks. */
public interface TaskStore {
  /**
   * Stores a new task; its version must be 0.
   *
   * @throws VersionConflictException when the tenant already has a task with that id, or the version is not 0
   */
  void insert(PartnerTask task);

  /**
   * Replaces a task with its next version: the stored version must be {@code task.version() - 1}.
   *
   * @throws VersionConflictException when the stored version differs or the task does not exist
   */
  void update(PartnerTask task);

  /** @return the task, or empty */
  Optional<PartnerTask> find(TenantId tenantId, TaskId taskId);

  /** @return the tasks assigned to the partner on the occasion, ordered by task id */
  List<PartnerTask> findByPartner(TenantId tenantId, PartnerId partnerId, OccasionId occasionId);

  /** @return the occasion's tasks, ordered by task id */
  List<PartnerTask> findByOccasion(TenantId tenantId, OccasionId occasionId);

  /** @return how many tasks the tenant has */
  long count(TenantId tenantId);
}
