package dev.partnerkit.jdbc;

import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.TaskId;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.WireNamed;
import dev.partnerkit.spi.ActivityEntry;
import dev.partnerkit.spi.ActivityKind;
import dev.partnerkit.spi.ActivityLog;
import dev.partnerkit.spi.ActivityQuery;
import dev.partnerkit.domain.Visibility;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The activity timeline: filtered, ordered by (occurred_at, entry_id) and keyset-paged. */
final class JdbcActivityLog implements ActivityLog {
  static final String TYPE = "activity_entry";
  private static final String COLUMNS = "tenant_id, entry_id, occasion_id, partner_id, task_id, kind, visibility,"
      + " actor_label, summary, occurred_at";

  private final Db db;

  JdbcActivityLog(Db db) {
    this.db = db;
  }

  @Override
  public void append(ActivityEntry entry) {
    db.insert(TYPE, entry.entryId(), "insert into pk_activity_entry (" + COLUMNS + ")"
        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", s -> {
          s.setString(1, entry.tenantId().value());
          s.setString(2, entry.entryId());
          s.setString(3, entry.occasionId().value());
          Sql.setText(s, 4, entry.partnerId().map(PartnerId::value));
          Sql.setText(s, 5, entry.taskId().map(TaskId::value));
          s.setString(6, entry.kind().wireName());
          s.setString(7, entry.visibility().wireName());
          s.setString(8, entry.actorLabel());
          s.setString(9, entry.summary());
          Sql.setInstant(s, 10, entry.occurredAt());
        });
  }

  @Override
  public List<ActivityEntry> read(TenantId tenantId, ActivityQuery query) {
    Where where = filters(tenantId, query);
    if (query.afterOccurredAt().isPresent() && query.afterEntryId().isPresent()) {
      where.sql.append(" and (occurred_at > ? or (occurred_at = ? and entry_id > ?))");
      where.binders.add((s, i) -> Sql.setInstant(s, i, query.afterOccurredAt().get()));
      where.binders.add((s, i) -> Sql.setInstant(s, i, query.afterOccurredAt().get()));
      where.binders.add((s, i) -> s.setString(i, query.afterEntryId().get()));
    }
    where.sql.append(" order by occurred_at, entry_id limit ?");
    where.binders.add((s, i) -> s.setInt(i, query.limit()));
    return db.list("select " + COLUMNS + " from pk_activity_entry" + where.sql, where::bind, JdbcActivityLog::entry);
  }

  @Override
  public long count(TenantId tenantId, ActivityQuery query) {
    Where where = filters(tenantId, query);
    return db.count("select count(*) from pk_activity_entry" + where.sql, where::bind);
  }

  private static Where filters(TenantId tenantId, ActivityQuery query) {
    Where where = new Where();
    where.sql.append(" where tenant_id = ?");
    where.binders.add((s, i) -> s.setString(i, tenantId.value()));
    query.occasionId().ifPresent(occasion -> {
      where.sql.append(" and occasion_id = ?");
      where.binders.add((s, i) -> s.setString(i, occasion.value()));
    });
    query.partnerView().ifPresent(partner -> {
      where.sql.append(" and partner_id = ? and visibility = ?");
      where.binders.add((s, i) -> s.setString(i, partner.value()));
      where.binders.add((s, i) -> s.setString(i, Visibility.PARTNER_VISIBLE.wireName()));
    });
    return where;
  }

  private static ActivityEntry entry(ResultSet row) throws SQLException {
    return ActivityEntry.builder()
        .tenantId(TenantId.of(Sql.getText(row, "tenant_id")))
        .entryId(Sql.getText(row, "entry_id"))
        .occasionId(OccasionId.of(Sql.getText(row, "occasion_id")))
        .partnerId(Sql.getOptional(row, "partner_id", PartnerId::of))
        .taskId(Sql.getOptional(row, "task_id", TaskId::of))
        .kind(WireNamed.parse(ActivityKind.class, "kind", row.getString("kind")))
        .visibility(WireNamed.parse(Visibility.class, "visibility", row.getString("visibility")))
        .actorLabel(Sql.getText(row, "actor_label"))
        .summary(Sql.getText(row, "summary"))
        .occurredAt(Sql.getInstant(row, "occurred_at"))
        .build();
  }

  /** A where clause built from fixed SQL fragments, with its parameters in order. */
  private static final class Where {
    /** Binds one parameter at a position. */
    interface Param {
      void bind(PreparedStatement statement, int index) throws SQLException;
    }

    final StringBuilder sql = new StringBuilder();
    final List<Param> binders = new ArrayList<>();

    void bind(PreparedStatement statement) throws SQLException {
      for (int i = 0; i < binders.size(); i++) {
        binders.get(i).bind(statement, i + 1);
      }
    }
  }
}
