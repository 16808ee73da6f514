package dev.partnerkit.jdbc;

import dev.partnerkit.domain.EventId;
import dev.partnerkit.domain.JobId;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.PartnerTask;
import dev.partnerkit.domain.TaskId;
import dev.partnerkit.domain.TaskStatus;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.UserId;
import dev.partnerkit.domain.WireNamed;
import dev.partnerkit.spi.TaskStore;
import dev.partnerkit.spi.VersionConflictException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Partner tasks; dependencies are an encoded column (see {@link Sql#joinSet}). */
final class JdbcTaskStore implements TaskStore {
  static final String TYPE = "partner_task";
  private static final String COLUMNS = "tenant_id, task_id, occasion_id, event_id, job_id, partner_id, assignee,"
      + " title, description, status, dependencies, due_at, created_by, version";

  private final Db db;

  JdbcTaskStore(Db db) {
    this.db = db;
  }

  @Override
  public void insert(PartnerTask task) {
    if (task.version() != 0) {
      throw VersionConflictException.duplicate(TYPE, task.taskId().value());
    }
    db.insert(TYPE, task.taskId().value(), "insert into pk_partner_task (" + COLUMNS + ")"
        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", s -> {
          s.setString(1, task.tenantId().value());
          s.setString(2, task.taskId().value());
          bindFields(s, 3, task);
        });
  }

  @Override
  public void update(PartnerTask task) {
    long expected = task.version() - 1;
    int updated = db.update("update pk_partner_task set occasion_id = ?, event_id = ?, job_id = ?, partner_id = ?,"
        + " assignee = ?, title = ?, description = ?, status = ?, dependencies = ?, due_at = ?, created_by = ?,"
        + " version = ? where tenant_id = ? and task_id = ? and version = ?", s -> {
          bindFields(s, 1, task);
          s.setString(13, task.tenantId().value());
          s.setString(14, task.taskId().value());
          s.setLong(15, expected);
        });
    if (updated != 1) {
      throw VersionConflictException.stale(TYPE, task.taskId().value(), expected);
    }
  }

  /** Binds the 12 columns after the key, from {@code occasion_id} to {@code version}. */
  private static void bindFields(PreparedStatement s, int first, PartnerTask task) throws SQLException {
    int i = first;
    s.setString(i++, task.occasionId().value());
    Sql.setText(s, i++, task.eventId().map(EventId::value));
    Sql.setText(s, i++, task.jobId().map(JobId::value));
    s.setString(i++, task.partnerId().value());
    Sql.setText(s, i++, task.assignee().map(UserId::value));
    s.setString(i++, task.title());
    Sql.setText(s, i++, task.description());
    s.setString(i++, task.status().wireName());
    s.setString(i++, Sql.joinSet(task.dependencies(), TaskId::value));
    Sql.setInstant(s, i++, task.dueAt());
    s.setString(i++, task.createdBy().value());
    s.setLong(i, task.version());
  }

  @Override
  public Optional<PartnerTask> find(TenantId tenantId, TaskId taskId) {
    return db.one("select " + COLUMNS + " from pk_partner_task where tenant_id = ? and task_id = ?", s -> {
      s.setString(1, tenantId.value());
      s.setString(2, taskId.value());
    }, JdbcTaskStore::task);
  }

  @Override
  public List<PartnerTask> findByPartner(TenantId tenantId, PartnerId partnerId, OccasionId occasionId) {
    return db.list("select " + COLUMNS + " from pk_partner_task where tenant_id = ? and partner_id = ?"
        + " and occasion_id = ? order by task_id", s -> {
          s.setString(1, tenantId.value());
          s.setString(2, partnerId.value());
          s.setString(3, occasionId.value());
        }, JdbcTaskStore::task);
  }

  @Override
  public List<PartnerTask> findByOccasion(TenantId tenantId, OccasionId occasionId) {
    return db.list("select " + COLUMNS + " from pk_partner_task where tenant_id = ? and occasion_id = ?"
        + " order by task_id", s -> {
          s.setString(1, tenantId.value());
          s.setString(2, occasionId.value());
        }, JdbcTaskStore::task);
  }

  @Override
  public long count(TenantId tenantId) {
    return db.count("select count(*) from pk_partner_task where tenant_id = ?", s -> s.setString(1, tenantId.value()));
  }

  private static PartnerTask task(ResultSet row) throws SQLException {
    return PartnerTask.builder()
        .tenantId(TenantId.of(Sql.getText(row, "tenant_id")))
        .taskId(TaskId.of(Sql.getText(row, "task_id")))
        .occasionId(OccasionId.of(Sql.getText(row, "occasion_id")))
        .eventId(Sql.getOptional(row, "event_id", EventId::of))
        .jobId(Sql.getOptional(row, "job_id", JobId::of))
        .partnerId(PartnerId.of(Sql.getText(row, "partner_id")))
        .assignee(Sql.getOptional(row, "assignee", UserId::of))
        .title(Sql.getText(row, "title"))
        .description(Sql.getOptional(row, "description", d -> d))
        .status(WireNamed.parse(TaskStatus.class, "status", row.getString("status")))
        .dependencies(Sql.split(Sql.getText(row, "dependencies"), TaskId::of))
        .dueAt(Sql.getOptionalInstant(row, "due_at"))
        .createdBy(UserId.of(Sql.getText(row, "created_by")))
        .version(row.getLong("version"))
        .build();
  }
}
