package dev.partnerkit.jdbc;

import dev.partnerkit.domain.EventId;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.Placement;
import dev.partnerkit.domain.RecordRef;
import dev.partnerkit.domain.ResourceId;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.Visibility;
import dev.partnerkit.domain.WireNamed;
import dev.partnerkit.spi.RecordLink;
import dev.partnerkit.spi.RecordQuery;
import dev.partnerkit.spi.RecordStore;
import dev.partnerkit.spi.StoredRecord;
import dev.partnerkit.spi.VersionConflictException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every kernel record in {@code pk_record}, keyed (tenant_id, record_type, record_id), and their links in
 * {@code pk_record_link}. The body is JSON text, kept as {@code jsonb} on PostgreSQL (which normalises key order and
 * whitespace: callers parse bodies, they never compare their text) and as text on H2. PostgreSQL refuses (with a
 * {@link JdbcStorageException}) a body whose normalised text, a space after every colon and comma, would be longer
 * than {@link StoredRecord#MAX_BODY_LENGTH}: it could not be read back.
 */
final class JdbcRecordStore implements RecordStore {
  static final String LINK_TYPE = "record_link";
  private static final String COLUMNS = "tenant_id, record_type, record_id, occasion_id, event_id, resource_id,"
      + " partner_id, parent_type, parent_id, visibility, status, body, revision, version, created_at, updated_at,"
      + " created_by";
  private static final String LINK_COLUMNS = "tenant_id, from_type, from_id, relation, to_type, to_id, created_at";

  private final Db db;

  JdbcRecordStore(Db db) {
    this.db = db;
  }

  @Override
  public void insert(StoredRecord record) {
    RecordRef ref = record.ref();
    if (record.version() != 0) {
      throw VersionConflictException.duplicate(ref.type(), ref.id());
    }
    db.insert(ref.type(), ref.id(), "insert into pk_record (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
        + db.dialect().jsonParameter() + ", ?, ?, ?, ?, ?)", s -> {
          s.setString(1, record.tenantId().value());
          s.setString(2, ref.type());
          s.setString(3, ref.id());
          int next = bindChangeable(s, 4, record);
          Sql.setInstant(s, next, record.createdAt());
          Sql.setInstant(s, next + 1, record.updatedAt());
          s.setString(next + 2, record.createdBy());
        });
  }

  @Override
  public void update(StoredRecord record) {
    RecordRef ref = record.ref();
    long expected = record.version() - 1;
    int updated = db.update("update pk_record set occasion_id = ?, event_id = ?, resource_id = ?, partner_id = ?,"
        + " parent_type = ?, parent_id = ?, visibility = ?, status = ?, body = " + db.dialect().jsonParameter() + ","
        + " revision = ?, version = ?, updated_at = ?"
        + " where tenant_id = ? and record_type = ? and record_id = ? and version = ?", s -> {
          int next = bindChangeable(s, 1, record);
          Sql.setInstant(s, next, record.updatedAt());
          s.setString(next + 1, record.tenantId().value());
          s.setString(next + 2, ref.type());
          s.setString(next + 3, ref.id());
          s.setLong(next + 4, expected);
        });
    if (updated != 1) {
      throw VersionConflictException.stale(ref.type(), ref.id(), expected);
    }
  }

  /**
   * Binds the columns an update may change, from {@code occasion_id} to {@code version}, starting at {@code first}.
   *
   * @return the next parameter index
   */
  private static int bindChangeable(PreparedStatement s, int first, StoredRecord record) throws SQLException {
    Placement placement = record.placement();
    int i = first;
    s.setString(i++, placement.occasionId().value());
    Sql.setText(s, i++, placement.eventId().map(EventId::value));
    Sql.setText(s, i++, placement.resourceId().map(ResourceId::value));
    Sql.setText(s, i++, placement.partnerId().map(PartnerId::value));
    Sql.setText(s, i++, placement.parent().map(RecordRef::type));
    Sql.setText(s, i++, placement.parent().map(RecordRef::id));
    s.setString(i++, record.visibility().wireName());
    s.setString(i++, record.status());
    s.setString(i++, record.body());
    s.setLong(i++, record.revision());
    s.setLong(i++, record.version());
    return i;
  }

  @Override
  public Optional<StoredRecord> find(TenantId tenantId, RecordRef ref) {
    Where where = Where.tenant(tenantId.value()).equal("record_type", ref.type()).equal("record_id", ref.id());
    return db.one("select " + COLUMNS + " from pk_record" + where.sql(), where::bind, JdbcRecordStore::record);
  }

  @Override
  public List<StoredRecord> list(TenantId tenantId, RecordQuery query) {
    Where where = filters(tenantId, query);
    query.status().ifPresent(status -> where.equal("status", status));
    query.afterId().ifPresent(after -> where.add(" and record_id > ?", (s, i) -> s.setString(i, after)));
    where.add(" order by record_id limit ?", (s, i) -> s.setInt(i, query.limit()));
    return db.list("select " + COLUMNS + " from pk_record" + where.sql(), where::bind, JdbcRecordStore::record);
  }

  @Override
  public Map<String, Long> countByStatus(TenantId tenantId, RecordQuery query) {
    Where where = filters(tenantId, query).add(" group by status");
    Map<String, Long> counts = new TreeMap<>();
    db.list("select status, count(*) from pk_record" + where.sql(), where::bind,
        row -> Map.entry(Sql.getText(row, "status"), row.getLong(2)))
        .forEach(e -> counts.put(e.getKey(), e.getValue()));
    return Collections.unmodifiableMap(counts);
  }

  /** The query's filters but status, cursor and limit. */
  private static Where filters(TenantId tenantId, RecordQuery query) {
    Where where = Where.tenant(tenantId.value()).equal("record_type", query.type())
        .equal("occasion_id", query.occasionId().value());
    query.eventId().ifPresent(event -> where.equal("event_id", event.value()));
    query.partnerId().ifPresent(partner -> where.equal("partner_id", partner.value()));
    query.parent().ifPresent(parent -> where.equal("parent_type", parent.type()).equal("parent_id", parent.id()));
    query.visibility().ifPresent(visibility -> where.equal("visibility", visibility.wireName()));
    return where;
  }

  private static StoredRecord record(ResultSet row) throws SQLException {
    return StoredRecord.builder()
        .tenantId(TenantId.of(Sql.getText(row, "tenant_id")))
        .ref(RecordRef.of(Sql.getText(row, "record_type"), Sql.getText(row, "record_id")))
        .placement(Placement.builder()
            .occasionId(OccasionId.of(Sql.getText(row, "occasion_id")))
            .eventId(Sql.getOptional(row, "event_id", EventId::of))
            .resourceId(Sql.getOptional(row, "resource_id", ResourceId::of))
            .partnerId(Sql.getOptional(row, "partner_id", PartnerId::of))
            .parent(Sql.getRef(row, "parent_type", "parent_id"))
            .build())
        .visibility(WireNamed.parse(Visibility.class, "visibility", row.getString("visibility")))
        .status(Sql.getText(row, "status"))
        .body(Sql.getText(row, "body"))
        .revision(row.getLong("revision"))
        .version(row.getLong("version"))
        .createdAt(Sql.getInstant(row, "created_at"))
        .updatedAt(Sql.getInstant(row, "updated_at"))
        .createdBy(Sql.getText(row, "created_by"))
        .build();
  }

  // ---------------------------------------------------------------- links

  /**
   * {@inheritDoc}
   *
   * <p>A taken link is {@code VersionConflictException.duplicate("record_link", "<from> <relation> <to>")}, e.g.
   * {@code partner_task:t-2 depends_on partner_task:t-1}.
   */
  @Override
  public void link(RecordLink link) {
    db.insert(LINK_TYPE, linkId(link.from(), link.relation(), link.to()), "insert into pk_record_link ("
        + LINK_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?)", s -> {
          s.setString(1, link.tenantId().value());
          s.setString(2, link.from().type());
          s.setString(3, link.from().id());
          s.setString(4, link.relation());
          s.setString(5, link.to().type());
          s.setString(6, link.to().id());
          Sql.setInstant(s, 7, link.createdAt());
        });
  }

  /** @return how a link is named in its conflicts */
  static String linkId(RecordRef from, String relation, RecordRef to) {
    return from + " " + relation + " " + to;
  }

  @Override
  public boolean unlink(TenantId tenantId, RecordRef from, String relation, RecordRef to) {
    Where where = Where.tenant(tenantId.value()).equal("from_type", from.type()).equal("from_id", from.id())
        .equal("relation", relation).equal("to_type", to.type()).equal("to_id", to.id());
    return db.update("delete from pk_record_link" + where.sql(), where::bind) > 0;
  }

  @Override
  public List<RecordLink> links(TenantId tenantId, RecordRef from, Optional<String> relation) {
    return linksAt(tenantId, "from", from, relation, "to");
  }

  @Override
  public List<RecordLink> backlinks(TenantId tenantId, RecordRef to, Optional<String> relation) {
    return linksAt(tenantId, "to", to, relation, "from");
  }

  /**
   * @param end {@code from} or {@code to}: the end of the links that is {@code ref}
   * @param otherEnd the other end, which orders the links after the relation
   * @return the links whose {@code end} is {@code ref}
   */
  private List<RecordLink> linksAt(TenantId tenantId, String end, RecordRef ref, Optional<String> relation,
      String otherEnd) {
    Where where = Where.tenant(tenantId.value()).equal(end + "_type", ref.type()).equal(end + "_id", ref.id());
    relation.ifPresent(r -> where.equal("relation", r));
    where.add(" order by relation, " + otherEnd + "_type, " + otherEnd + "_id");
    return db.list("select " + LINK_COLUMNS + " from pk_record_link" + where.sql(), where::bind,
        JdbcRecordStore::link);
  }

  private static RecordLink link(ResultSet row) throws SQLException {
    return RecordLink.builder()
        .tenantId(TenantId.of(Sql.getText(row, "tenant_id")))
        .from(RecordRef.of(Sql.getText(row, "from_type"), Sql.getText(row, "from_id")))
        .relation(Sql.getText(row, "relation"))
        .to(RecordRef.of(Sql.getText(row, "to_type"), Sql.getText(row, "to_id")))
        .createdAt(Sql.getInstant(row, "created_at"))
        .build();
  }
}
