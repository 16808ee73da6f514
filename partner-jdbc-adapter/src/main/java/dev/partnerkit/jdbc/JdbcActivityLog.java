package dev.partnerkit.jdbc;

import dev.partnerkit.domain.EventId;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.RecordRef;
import dev.partnerkit.domain.ResourceId;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.Visibility;
import dev.partnerkit.domain.WireNamed;
import dev.partnerkit.spi.ActivityEntry;
import dev.partnerkit.spi.ActivityKind;
import dev.partnerkit.spi.ActivityLog;
import dev.partnerkit.spi.ActivityQuery;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The activity timeline: filtered, ordered by (occurred_at, entry_id) and keyset-paged. */
final class JdbcActivityLog implements ActivityLog {
  static final String TYPE = "activity_entry";
  private static final String COLUMNS = "tenant_id, entry_id, occasion_id, partner_id, event_id, resource_id,"
      + " record_type, record_id, event_type, kind, visibility, actor_label, summary, occurred_at";

  private final Db db;

  JdbcActivityLog(Db db) {
    this.db = db;
  }

  /** The insert of one entry; {@link #bind} sets its parameters. */
  static final String INSERT = "insert into pk_activity_entry (" + COLUMNS + ")"
      + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  @Override
  public void append(ActivityEntry entry) {
    db.insert(TYPE, entry.entryId(), INSERT, s -> bind(s, 1, entry));
  }

  /** Sets the parameters of {@link #INSERT} from {@code first} on; returns the next parameter index. */
  static int bind(PreparedStatement s, int first, ActivityEntry entry) throws SQLException {
    s.setString(first, entry.tenantId().value());
    s.setString(first + 1, entry.entryId());
    s.setString(first + 2, entry.occasionId().value());
    Sql.setText(s, first + 3, entry.partnerId().map(PartnerId::value));
    Sql.setText(s, first + 4, entry.eventId().map(EventId::value));
    Sql.setText(s, first + 5, entry.resourceId().map(ResourceId::value));
    Sql.setText(s, first + 6, entry.record().map(RecordRef::type));
    Sql.setText(s, first + 7, entry.record().map(RecordRef::id));
    s.setString(first + 8, entry.eventType());
    s.setString(first + 9, entry.kind().wireName());
    s.setString(first + 10, entry.visibility().wireName());
    s.setString(first + 11, entry.actorLabel());
    s.setString(first + 12, entry.summary());
    Sql.setInstant(s, first + 13, entry.occurredAt());
    return first + 14;
  }

  @Override
  public List<ActivityEntry> read(TenantId tenantId, ActivityQuery query) {
    Where where = filters(tenantId, query);
    if (query.afterOccurredAt().isPresent() && query.afterEntryId().isPresent()) {
      where.add(" and (occurred_at > ? or (occurred_at = ? and entry_id > ?))",
          (s, i) -> Sql.setInstant(s, i, query.afterOccurredAt().get()),
          (s, i) -> Sql.setInstant(s, i, query.afterOccurredAt().get()),
          (s, i) -> s.setString(i, query.afterEntryId().get()));
    }
    where.add(" order by occurred_at, entry_id limit ?", (s, i) -> s.setInt(i, query.limit()));
    return db.list("select " + COLUMNS + " from pk_activity_entry" + where.sql(), where::bind, JdbcActivityLog::entry);
  }

  @Override
  public long count(TenantId tenantId, ActivityQuery query) {
    Where where = filters(tenantId, query);
    return db.count("select count(*) from pk_activity_entry" + where.sql(), where::bind);
  }

  private static Where filters(TenantId tenantId, ActivityQuery query) {
    Where where = Where.tenant(tenantId.value());
    query.occasionId().ifPresent(occasion -> where.equal("occasion_id", occasion.value()));
    query.partnerView().ifPresent(partner -> where.equal("partner_id", partner.value())
        .equal("visibility", Visibility.PARTNER_VISIBLE.wireName()));
    return where;
  }

  private static ActivityEntry entry(ResultSet row) throws SQLException {
    return ActivityEntry.builder()
        .tenantId(TenantId.of(Sql.getText(row, "tenant_id")))
        .entryId(Sql.getText(row, "entry_id"))
        .occasionId(OccasionId.of(Sql.getText(row, "occasion_id")))
        .partnerId(Sql.getOptional(row, "partner_id", PartnerId::of))
        .eventId(Sql.getOptional(row, "event_id", EventId::of))
        .resourceId(Sql.getOptional(row, "resource_id", ResourceId::of))
        .record(Sql.getRef(row, "record_type", "record_id"))
        .eventType(Sql.getText(row, "event_type"))
        .kind(WireNamed.parse(ActivityKind.class, "kind", row.getString("kind")))
        .visibility(WireNamed.parse(Visibility.class, "visibility", row.getString("visibility")))
        .actorLabel(Sql.getText(row, "actor_label"))
        .summary(Sql.getText(row, "summary"))
        .occurredAt(Sql.getInstant(row, "occurred_at"))
        .build();
  }
}
