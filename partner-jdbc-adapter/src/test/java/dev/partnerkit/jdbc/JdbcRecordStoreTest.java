package dev.partnerkit.jdbc;

import static dev.partnerkit.jdbc.AbstractJdbcStorageTest.assertConflict;
import static dev.partnerkit.jdbc.Samples.ACME;
import static dev.partnerkit.jdbc.Samples.OCCASION;
import static dev.partnerkit.jdbc.Samples.OTHER_OCCASION;
import static dev.partnerkit.jdbc.Samples.T0;
import static dev.partnerkit.jdbc.Samples.TASK;
import static dev.partnerkit.jdbc.Samples.VENUE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.partnerkit.domain.EventId;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.Placement;
import dev.partnerkit.domain.RecordRef;
import dev.partnerkit.domain.ResourceId;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.Visibility;
import dev.partnerkit.spi.ImmutableRecordLink;
import dev.partnerkit.spi.ImmutableRecordQuery;
import dev.partnerkit.spi.ImmutableStoredRecord;
import dev.partnerkit.spi.PartnerkitStorage;
import dev.partnerkit.spi.RecordLink;
import dev.partnerkit.spi.RecordQuery;
import dev.partnerkit.spi.RecordStore;
import dev.partnerkit.spi.StoredRecord;
import dev.partnerkit.spi.VersionConflictException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link JdbcRecordStore} against each database: every record type in one table keyed by (tenant, type, id), links
 * and backlinks, optimistic versions, keyset pages and the query's filters. Every test takes a fresh tenant of the
 * shared database. Bodies are compared as JSON: PostgreSQL's jsonb gives back its own text of them.
 */
class JdbcRecordStoreTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String COMMENT = "comment";
  private static final RecordRef THREAD = RecordRef.of("comment_thread", "th-1");

  private final TenantId tenant = Samples.freshTenant();

  private static PartnerkitStorage storage(JdbcDialect dialect) {
    return JdbcStorage.builder(TestDatabases.shared(dialect)).build();
  }

  private static RecordStore records(JdbcDialect dialect) {
    return storage(dialect).records();
  }

  @ParameterizedTest
  @EnumSource(JdbcDialect.class)
  void recordsRoundTripEveryField(JdbcDialect dialect) {
    RecordStore records = records(dialect);
    StoredRecord full = Samples.task(tenant, "t-1");
    StoredRecord comment = StoredRecord.builder().tenantId(tenant).ref(RecordRef.of(COMMENT, "t-1"))
        .placement(Placement.builder().occasionId(OCCASION).parent(THREAD).build())
        .visibility(Visibility.INTERNAL_ONLY).status("open").body("{\"text\":\"\u05e9\u05dc\u05d5\u05dd \\\"quoted\\\"\","
            + "\"n\":[1,2.5,{\"deep\":null}],\"flag\":true}")
        .revision(7).createdAt(T0).updatedAt(T0.plusSeconds(5)).createdBy("partner_member:u-dana").build();
    records.insert(full);
    records.insert(comment); // the same id in another type is another record
    assertRecord(full, records.find(tenant, full.ref()));
    assertRecord(comment, records.find(tenant, comment.ref()));
    assertEquals(Optional.empty(), records.find(tenant, RecordRef.of(TASK, "t-none")));
    assertEquals(Optional.empty(), records.find(tenant, RecordRef.of("other_type", "t-1")));
    assertEquals(Optional.empty(), records.find(Samples.freshTenant(), full.ref()));
  }

  @ParameterizedTest
  @EnumSource(JdbcDialect.class)
  void instantsAreTruncatedToMicroseconds(JdbcDialect dialect) {
    RecordStore records = records(dialect);
    Instant nanos = Instant.parse("2026-11-10T15:00:00.123456789Z");
    records.insert(StoredRecord.builder().from(Samples.task(tenant, "t-1")).createdAt(nanos).updatedAt(nanos).build());
    StoredRecord stored = records.find(tenant, RecordRef.of(TASK, "t-1")).orElseThrow();
    assertEquals(Instant.parse("2026-11-10T15:00:00.123456Z"), stored.createdAt());
    assertEquals(stored.createdAt(), stored.updatedAt());
  }

  @ParameterizedTest
  @EnumSource(JdbcDialect.class)
  void insertsNeverOverwrite(JdbcDialect dialect) {
    RecordStore records = records(dialect);
    StoredRecord v0 = Samples.task(tenant, "t-1");
    records.insert(v0);
    StoredRecord other = Samples.bareRecord(tenant, TASK, "t-1", VENUE, OTHER_OCCASION);
    assertConflict(assertThrows(VersionConflictException.class, () -> records.insert(other)), TASK, "t-1", -1);
    assertConflict(assertThrows(VersionConflictException.class,
        () -> records.insert(ImmutableStoredRecord.copyOf(Samples.task(tenant, "t-2")).withVersion(1))),
        TASK, "t-2", -1);
    assertRecord(v0, records.find(tenant, v0.ref()));
    assertEquals(Optional.empty(), records.find(tenant, RecordRef.of(TASK, "t-2")));
    TenantId second = Samples.freshTenant();
    StoredRecord elsewhere = ImmutableStoredRecord.copyOf(other).withTenantId(second);
    records.insert(elsewhere);
    assertRecord(elsewhere, records.find(second, other.ref()));
    assertRecord(v0, records.find(tenant, v0.ref()));
  }

  @ParameterizedTest
  @EnumSource(JdbcDialect.class)
  void updatesAreOptimisticAndNeverChangeTheKeyOrTheCreation(JdbcDialect dialect) {
    RecordStore records = records(dialect);
    StoredRecord v0 = Samples.task(tenant, "t-1");
    records.insert(v0);
    StoredRecord v1 = ImmutableStoredRecord.copyOf(v0)
        .withPlacement(Placement.builder().occasionId(OTHER_OCCASION).partnerId(VENUE).parent(THREAD).build())
        .withVisibility(Visibility.INTERNAL_ONLY).withStatus("submitted").withBody("{\"title\":\"Deliver 60 chairs\"}")
        .withRevision(1).withVersion(1).withUpdatedAt(T0.plusSeconds(60))
        // neither of these is ever written by an update
        .withCreatedAt(T0.minusSeconds(60)).withCreatedBy("operator:u-someone-else");
    records.update(v1);
    StoredRecord stored = records.find(tenant, v0.ref()).orElseThrow();
    assertRecord(ImmutableStoredRecord.copyOf(v1).withCreatedAt(v0.createdAt()).withCreatedBy(v0.createdBy()),
        Optional.of(stored));

    assertConflict(assertThrows(VersionConflictException.class, () -> records.update(v1)), TASK, "t-1", 0);
    StoredRecord skipping = ImmutableStoredRecord.copyOf(v1).withVersion(3);
    assertConflict(assertThrows(VersionConflictException.class, () -> records.update(skipping)), TASK, "t-1", 2);
    StoredRecord missing = ImmutableStoredRecord.copyOf(Samples.task(tenant, "t-none")).withVersion(1);
    assertConflict(assertThrows(VersionConflictException.class, () -> records.update(missing)), TASK, "t-none", 0);
    StoredRecord otherType = ImmutableStoredRecord.copyOf(v1).withRef(RecordRef.of(COMMENT, "t-1")).withVersion(2);
    assertConflict(assertThrows(VersionConflictException.class, () -> records.update(otherType)), COMMENT, "t-1",
        1);
    StoredRecord foreign = ImmutableStoredRecord.copyOf(v1).withTenantId(Samples.freshTenant()).withVersion(2);
    assertThrows(VersionConflictException.class, () -> records.update(foreign));
    assertEquals(Optional.of(stored), records.find(tenant, v0.ref()));

    StoredRecord v2 = ImmutableStoredRecord.copyOf(stored).withStatus("approved").withVersion(2);
    records.update(v2);
    assertEquals(Optional.of(v2), records.find(tenant, v0.ref()));
  }

  @ParameterizedTest
  @EnumSource(JdbcDialect.class)
  void listsArePagedByRecordIdAndFilteredByPlacement(JdbcDialect dialect) {
    RecordStore records = records(dialect);
    EventId reception = EventId.of("ev-reception");
    // ids that order differently by locale than by String.compareTo: "T-Z" < "t-a" < "t-b"
    List<StoredRecord> all = List.of(
        placed("T-Z", ACME, reception, "to_do", Visibility.PARTNER_VISIBLE, null),
        placed("t-a", ACME, null, "to_do", Visibility.PARTNER_VISIBLE, THREAD),
        placed("t-b", VENUE, reception, "in_progress", Visibility.INTERNAL_ONLY, THREAD),
        placed("t-c", ACME, reception, "in_progress", Visibility.PARTNER_VISIBLE, null),
        placed("t-d", null, null, "approved", Visibility.INTERNAL_ONLY, null),
        placed("t-e", ACME, EventId.of("ev-dinner"), "to_do", Visibility.PARTNER_VISIBLE, RecordRef.of(TASK, "T-Z")));
    for (int i = all.size() - 1; i >= 0; i--) {
      records.insert(all.get(i));
    }
    // not in the task list of OCCASION: another type, another occasion, another tenant
    records.insert(Samples.bareRecord(tenant, COMMENT, "t-0", ACME, OCCASION));
    records.insert(Samples.bareRecord(tenant, TASK, "t-0", ACME, OTHER_OCCASION));
    records.insert(Samples.bareRecord(Samples.freshTenant(), TASK, "t-00", ACME, OCCASION));

    RecordQuery tasks = RecordQuery.of(TASK, OCCASION).limit(4).build();
    assertRecords(all.subList(0, 4), records.list(tenant, tasks));
    assertRecords(all.subList(4, 6), records.list(tenant, ImmutableRecordQuery.copyOf(tasks).withAfterId("t-c")));
    assertEquals(List.of(), records.list(tenant, ImmutableRecordQuery.copyOf(tasks).withAfterId("t-e")));
    assertRecords(all, readAllPages(records, RecordQuery.of(TASK, OCCASION).limit(1).build()));
    assertRecords(all.subList(1, 6), records.list(tenant, RecordQuery.of(TASK, OCCASION).afterId("T-Z").build()));

    assertIds(List.of("T-Z", "t-b", "t-c"), records.list(tenant, RecordQuery.of(TASK, OCCASION).eventId(reception)
        .build()));
    assertIds(List.of("T-Z", "t-a", "t-c", "t-e"), records.list(tenant, RecordQuery.of(TASK, OCCASION)
        .partnerId(ACME).build()));
    assertIds(List.of("t-b", "t-c"), records.list(tenant, RecordQuery.of(TASK, OCCASION).status("in_progress")
        .build()));
    assertIds(List.of("t-a", "t-b"), records.list(tenant, RecordQuery.of(TASK, OCCASION).parent(THREAD).build()));
    assertIds(List.of("t-e"), records.list(tenant, RecordQuery.of(TASK, OCCASION)
        .parent(RecordRef.of(TASK, "T-Z")).build()));
    assertIds(List.of("t-b", "t-d"), records.list(tenant, RecordQuery.of(TASK, OCCASION)
        .visibility(Visibility.INTERNAL_ONLY).build()));
    RecordQuery narrow = RecordQuery.of(TASK, OCCASION).eventId(reception).partnerId(ACME)
        .status("in_progress").visibility(Visibility.PARTNER_VISIBLE).build();
    assertIds(List.of("t-c"), records.list(tenant, narrow));
    assertIds(List.of(), records.list(tenant, ImmutableRecordQuery.copyOf(narrow).withParent(THREAD)));
    assertIds(List.of("t-0"), records.list(tenant, RecordQuery.of(COMMENT, OCCASION).build()));
    assertIds(List.of("t-0"), records.list(tenant, RecordQuery.of(TASK, OTHER_OCCASION).build()));
    assertIds(List.of(), records.list(tenant, RecordQuery.of(TASK, OCCASION).partnerId(PartnerId.of("p-none"))
        .build()));

    assertEquals(Map.of("to_do", 3L, "in_progress", 2L, "approved", 1L),
        records.countByStatus(tenant, RecordQuery.of(TASK, OCCASION).build()));
    // status, cursor and limit are ignored; the other filters count
    assertEquals(Map.of("to_do", 3L, "in_progress", 2L, "approved", 1L),
        records.countByStatus(tenant, RecordQuery.of(TASK, OCCASION).status("approved").afterId("t-c").limit(1)
            .build()));
    assertEquals(Map.of("to_do", 3L, "in_progress", 1L),
        records.countByStatus(tenant, RecordQuery.of(TASK, OCCASION).partnerId(ACME).build()));
    assertEquals(Map.of("to_do", 1L, "in_progress", 1L), records.countByStatus(tenant, narrow), "T-Z and t-c");
    assertEquals(Map.of("to_do", 1L, "in_progress", 1L),
        records.countByStatus(tenant, RecordQuery.of(TASK, OCCASION).parent(THREAD).build()));
    assertEquals(Map.of(), records.countByStatus(tenant, RecordQuery.of("nothing_here", OCCASION).build()));
    assertEquals(Map.of(), records.countByStatus(Samples.freshTenant(), RecordQuery.of(TASK, OCCASION).build()));
  }

  @ParameterizedTest
  @EnumSource(JdbcDialect.class)
  void linksAndBacklinksAreOrderedAndUnique(JdbcDialect dialect) {
    RecordStore records = records(dialect);
    RecordRef t1 = RecordRef.of(TASK, "t-1");
    RecordRef t2 = RecordRef.of(TASK, "t-2");
    RecordRef t3 = RecordRef.of(TASK, "T-3");
    RecordRef event = RecordRef.of("event", "ev-reception");
    RecordLink t2DependsOnT1 = link(tenant, t2, "depends_on", t1);
    RecordLink t2DependsOnT3 = link(tenant, t2, "depends_on", t3);
    RecordLink t2InEvent = link(tenant, t2, "belongs_to", event);
    RecordLink t3DependsOnT1 = link(tenant, t3, "depends_on", t1);
    RecordLink eventBlocksT1 = link(tenant, event, "blocks", t1);
    for (RecordLink l : List.of(t3DependsOnT1, t2InEvent, eventBlocksT1, t2DependsOnT1, t2DependsOnT3)) {
      records.link(l);
    }
    assertEquals(List.of(t2InEvent, t2DependsOnT3, t2DependsOnT1), records.links(tenant, t2, Optional.empty()));
    assertEquals(List.of(t2DependsOnT3, t2DependsOnT1), records.links(tenant, t2, Optional.of("depends_on")));
    assertEquals(List.of(), records.links(tenant, t2, Optional.of("blocks")));
    assertEquals(List.of(), records.links(tenant, t1, Optional.empty()));
    assertEquals(List.of(eventBlocksT1, t3DependsOnT1, t2DependsOnT1), records.backlinks(tenant, t1, Optional.empty()));
    assertEquals(List.of(t3DependsOnT1, t2DependsOnT1), records.backlinks(tenant, t1, Optional.of("depends_on")));
    assertEquals(List.of(t2InEvent), records.backlinks(tenant, event, Optional.empty()));

    RecordLink again = link(tenant, t2, "depends_on", t1).withCreatedAt(T0.plusSeconds(9));
    assertConflict(assertThrows(VersionConflictException.class, () -> records.link(again)),
        JdbcRecordStore.LINK_TYPE, "partner_task:t-2 depends_on partner_task:t-1", -1);
    assertEquals(3, records.links(tenant, t2, Optional.empty()).size());

    TenantId other = Samples.freshTenant();
    assertEquals(List.of(), records.links(other, t2, Optional.empty()));
    assertEquals(List.of(), records.backlinks(other, t1, Optional.empty()));
    assertFalse(records.unlink(other, t2, "depends_on", t1));
    records.link(link(other, t2, "depends_on", t1));
    assertEquals(1, records.links(other, t2, Optional.empty()).size());

    assertTrue(records.unlink(tenant, t2, "depends_on", t1));
    assertFalse(records.unlink(tenant, t2, "depends_on", t1));
    assertFalse(records.unlink(tenant, t2, "blocks", t3));
    assertEquals(List.of(t2InEvent, t2DependsOnT3), records.links(tenant, t2, Optional.empty()));
    assertEquals(List.of(eventBlocksT1, t3DependsOnT1), records.backlinks(tenant, t1, Optional.empty()));
    assertEquals(1, records.links(other, t2, Optional.empty()).size());
    records.link(t2DependsOnT1);
    assertEquals(List.of(t2InEvent, t2DependsOnT3, t2DependsOnT1), records.links(tenant, t2, Optional.empty()));
  }

  @ParameterizedTest
  @EnumSource(JdbcDialect.class)
  void conflictsInsideAUnitOfWorkLeaveItUsable(JdbcDialect dialect) {
    PartnerkitStorage storage = storage(dialect);
    RecordStore records = storage.records();
    StoredRecord v0 = Samples.task(tenant, "t-1");
    RecordLink dependency = link(tenant, v0.ref(), "depends_on", RecordRef.of(TASK, "t-0"));
    records.insert(v0);
    records.link(dependency);
    storage.unitOfWork().inTransaction(() -> {
      records.insert(Samples.bareRecord(tenant, TASK, "t-2", ACME, OCCASION));
      assertThrows(VersionConflictException.class, () -> records.insert(v0));
      assertThrows(VersionConflictException.class, () -> records.link(dependency));
      assertThrows(VersionConflictException.class, () -> records.update(v0));
      records.update(ImmutableStoredRecord.copyOf(v0).withStatus("submitted").withVersion(1));
      records.link(link(tenant, RecordRef.of(TASK, "t-2"), "depends_on", v0.ref()));
      return null;
    });
    assertEquals("submitted", records.find(tenant, v0.ref()).orElseThrow().status());
    assertEquals(1, records.backlinks(tenant, v0.ref(), Optional.empty()).size());
    assertEquals(2, records.list(tenant, RecordQuery.of(TASK, OCCASION).build()).size());
  }

  @ParameterizedTest
  @EnumSource(JdbcDialect.class)
  void bodiesAreJsonOnPostgresqlAndTextOnH2(JdbcDialect dialect) {
    RecordStore records = records(dialect);
    String spaced = "{ \"title\" : \"Chairs\",\n  \"list\" : [ 1, 2 ], \"a\" : { } }";
    records.insert(ImmutableStoredRecord.copyOf(Samples.task(tenant, "t-1")).withBody(spaced));
    String stored = records.find(tenant, RecordRef.of(TASK, "t-1")).orElseThrow().body();
    assertEquals(json(spaced), json(stored));
    String type = TestDatabases.columnType(TestDatabases.shared(dialect), "pk_record", "body");
    if (dialect == JdbcDialect.POSTGRESQL) {
      assertEquals("jsonb", type);
    } else {
      assertEquals("CHARACTER VARYING", type);
      assertEquals(spaced, stored);
    }
  }

  @ParameterizedTest
  @EnumSource(JdbcDialect.class)
  void aBodyIsStoredOnlyIfItCanBeReadBack(JdbcDialect dialect) {
    RecordStore records = records(dialect);
    // 8 characters a member when compact, 10 when PostgreSQL gives it back ({"x": 1}, ): 60 000 and 75 000
    StringBuilder wide = new StringBuilder("{\"l\":[");
    for (int i = 0; i < 7_500; i++) {
      wide.append(i == 0 ? "" : ",").append("{\"x\":1}");
    }
    String body = wide.append("]}").toString();
    assertTrue(body.length() < StoredRecord.MAX_BODY_LENGTH, () -> "length " + body.length());
    StoredRecord record = ImmutableStoredRecord.copyOf(Samples.task(tenant, "t-1")).withBody(body);
    if (dialect == JdbcDialect.POSTGRESQL) {
      JdbcStorageException e = assertThrows(JdbcStorageException.class, () -> records.insert(record));
      assertTrue(e.getCause().getMessage().contains("ck_pk_record_body_length"), e.getCause()::getMessage);
      assertEquals(Optional.empty(), records.find(tenant, record.ref()));
    } else {
      records.insert(record);
      assertEquals(Optional.of(record), records.find(tenant, record.ref()));
    }
  }

  // ---------------------------------------------------------------- helpers

  private StoredRecord placed(String id, PartnerId partner, EventId event, String status, Visibility visibility,
      RecordRef parent) {
    return StoredRecord.builder().tenantId(tenant).ref(RecordRef.of(TASK, id))
        .placement(Placement.builder().occasionId(OCCASION).partnerId(Optional.ofNullable(partner))
            .eventId(Optional.ofNullable(event)).resourceId(Optional.of(ResourceId.of("res-" + id)))
            .parent(Optional.ofNullable(parent)).build())
        .visibility(visibility).status(status).body("{\"title\":\"Task " + id + "\"}").createdAt(T0)
        .updatedAt(T0).createdBy(Samples.MAYA_KEY).build();
  }

  private static ImmutableRecordLink link(TenantId tenant, RecordRef from, String relation, RecordRef to) {
    return ImmutableRecordLink.builder().tenantId(tenant).from(from).relation(relation).to(to)
        .createdAt(T0.plusNanos(1_000)).build();
  }

  private List<StoredRecord> readAllPages(RecordStore records, RecordQuery first) {
    List<StoredRecord> seen = new ArrayList<>();
    RecordQuery query = first;
    for (int pages = 0; pages < 20; pages++) {
      List<StoredRecord> page = records.list(tenant, query);
      assertTrue(page.size() <= first.limit());
      if (page.isEmpty()) {
        return seen;
      }
      seen.addAll(page);
      query = ImmutableRecordQuery.copyOf(query).withAfterId(page.get(page.size() - 1).ref().id());
    }
    throw new AssertionError("paging did not end");
  }

  private static void assertIds(List<String> ids, List<StoredRecord> records) {
    List<String> actual = new ArrayList<>();
    records.forEach(r -> actual.add(r.ref().id()));
    assertEquals(ids, actual);
  }

  private static void assertRecords(List<StoredRecord> expected, List<StoredRecord> actual) {
    assertEquals(expected.size(), actual.size(), () -> "expected " + expected + " but was " + actual);
    for (int i = 0; i < expected.size(); i++) {
      assertRecord(expected.get(i), Optional.of(actual.get(i)));
    }
  }

  /** Every field equal, the body as JSON. */
  static void assertRecord(StoredRecord expected, Optional<StoredRecord> actual) {
    assertTrue(actual.isPresent(), () -> "no record " + expected.ref());
    assertEquals(json(expected.body()), json(actual.get().body()), "body of " + expected.ref());
    assertEquals(expected, ImmutableStoredRecord.copyOf(actual.get()).withBody(expected.body()));
  }

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }
}
