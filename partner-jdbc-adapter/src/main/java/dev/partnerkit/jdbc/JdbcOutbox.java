package dev.partnerkit.jdbc;

import dev.partnerkit.domain.DataClass;
import dev.partnerkit.domain.EventId;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.Placement;
import dev.partnerkit.domain.ResourceId;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.WireNamed;
import dev.partnerkit.spi.Outbox;
import dev.partnerkit.spi.OutboxEvent;
import dev.partnerkit.spi.VersionConflictException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The transactional outbox. Claims lock the claimed rows until the unit of work ends; on PostgreSQL rows locked by
 * another unit of work are skipped ({@code for update skip locked}), on H2 the claim waits for them.
 */
final class JdbcOutbox implements Outbox {
  static final String TYPE = "outbox_event";
  private static final String COLUMNS = "tenant_id, event_id, event_type, aggregate_id, payload, occurred_at,"
      + " published_at, occasion_id, placement_event_id, resource_id, partner_id, data_class";

  private final Db db;

  JdbcOutbox(Db db) {
    this.db = db;
  }

  /** The insert of one event; {@link #bind} sets its parameters. */
  static final String INSERT = "insert into pk_outbox_event (" + COLUMNS + ")"
      + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  @Override
  public void append(OutboxEvent event) {
    db.insert(TYPE, event.eventId(), INSERT, s -> bind(s, 1, event));
  }

  /** Sets the parameters of {@link #INSERT} from {@code first} on; returns the next parameter index. */
  static int bind(PreparedStatement s, int first, OutboxEvent event) throws SQLException {
    s.setString(first, event.tenantId().value());
    s.setString(first + 1, event.eventId());
    s.setString(first + 2, event.type());
    s.setString(first + 3, event.aggregateId());
    s.setString(first + 4, event.payload());
    Sql.setInstant(s, first + 5, event.occurredAt());
    Sql.setInstant(s, first + 6, event.publishedAt());
    Optional<Placement> at = event.placement();
    Sql.setText(s, first + 7, at.map(p -> p.occasionId().value()));
    Sql.setText(s, first + 8, at.flatMap(Placement::eventId).map(EventId::value));
    Sql.setText(s, first + 9, at.flatMap(Placement::resourceId).map(ResourceId::value));
    Sql.setText(s, first + 10, at.flatMap(Placement::partnerId).map(PartnerId::value));
    Sql.setText(s, first + 11, event.dataClass().map(DataClass::wireName));
    return first + 12;
  }

  @Override
  public List<OutboxEvent> claimPending(TenantId tenantId, int limit) {
    Db.requirePositive("limit", limit);
    return db.list("select " + COLUMNS + " from pk_outbox_event where tenant_id = ? and published_at is null"
        + " order by occurred_at, event_id limit ?" + db.dialect().claimLock(), s -> {
          s.setString(1, tenantId.value());
          s.setInt(2, limit);
        }, JdbcOutbox::event);
  }

  @Override
  public void markPublished(TenantId tenantId, String eventId, Instant publishedAt) {
    int updated = db.update("update pk_outbox_event set published_at = ?"
        + " where tenant_id = ? and event_id = ? and published_at is null", s -> {
          Sql.setInstant(s, 1, publishedAt);
          s.setString(2, tenantId.value());
          s.setString(3, eventId);
        });
    if (updated != 1) {
      // a pending event is "version 0"; a published or missing one is not
      throw VersionConflictException.stale(TYPE, eventId, 0);
    }
  }

  @Override
  public long countPending(TenantId tenantId) {
    return db.count("select count(*) from pk_outbox_event where tenant_id = ? and published_at is null",
        s -> s.setString(1, tenantId.value()));
  }

  private static OutboxEvent event(ResultSet row) throws SQLException {
    Optional<OccasionId> occasion = Sql.getOptional(row, "occasion_id", OccasionId::of);
    Optional<Placement> placement = occasion.isEmpty() ? Optional.empty() : Optional.of(Placement.builder()
        .occasionId(occasion.get()).eventId(Sql.getOptional(row, "placement_event_id", EventId::of))
        .resourceId(Sql.getOptional(row, "resource_id", ResourceId::of))
        .partnerId(Sql.getOptional(row, "partner_id", PartnerId::of)).build());
    return OutboxEvent.builder()
        .tenantId(TenantId.of(Sql.getText(row, "tenant_id")))
        .eventId(Sql.getText(row, "event_id"))
        .type(Sql.getText(row, "event_type"))
        .aggregateId(Sql.getText(row, "aggregate_id"))
        .payload(Sql.getText(row, "payload"))
        .occurredAt(Sql.getInstant(row, "occurred_at"))
        .publishedAt(Sql.getOptionalInstant(row, "published_at"))
        .placement(placement)
        .dataClass(Sql.getOptional(row, "data_class", w -> WireNamed.parse(DataClass.class, "dataClass", w)))
        .build();
  }
}
