package dev.partnerkit.jdbc;

import static dev.partnerkit.jdbc.Samples.ACME;
import static dev.partnerkit.jdbc.Samples.OCCASION;
import static dev.partnerkit.jdbc.Samples.T0;
import static dev.partnerkit.jdbc.Samples.TASK;
import static dev.partnerkit.jdbc.Samples.VENUE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.partnerkit.domain.ActorKind;
import dev.partnerkit.domain.EventId;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.Placement;
import dev.partnerkit.domain.RecordRef;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.Visibility;
import dev.partnerkit.spi.ActivityEntry;
import dev.partnerkit.spi.ActivityKind;
import dev.partnerkit.spi.ActivityQuery;
import dev.partnerkit.spi.DecisionRecord;
import dev.partnerkit.spi.IdempotencyRecord;
import dev.partnerkit.spi.ImmutableStoredRecord;
import dev.partnerkit.spi.PartnerkitStorage;
import dev.partnerkit.spi.RecordLink;
import dev.partnerkit.spi.RecordQuery;
import dev.partnerkit.spi.StoredRecord;
import dev.partnerkit.spi.VersionConflictException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The upgrade from schema version 1 to version 2 on each database, with rows in every table it changes: V1 is
 * installed alone, filled through plain SQL (and the decision log, whose table V2 leaves as it is), then the installer
 * runs V2, and what came across is read back through the version-2 stores.
 */
class SchemaMigrationTest {
  private static final String SEP = "\u001f";
  private static final String DANA = "partner_member:u-dana";
  private static final String UNKNOWN = "unknown:migrated";
  private static final OccasionId GALA = OccasionId.of("occ-gala");
  private static final Instant DUE_SECONDS = Instant.parse("2026-11-20T15:00:00Z");
  private static final Instant DUE_MILLIS = Instant.parse("2026-11-20T15:00:00.120Z");
  private static final Instant DUE_MICROS = Instant.parse("2026-11-20T15:00:00.123456Z");

  private final TenantId tenant = Samples.freshTenant();
  private final TenantId other = Samples.freshTenant();

  @ParameterizedTest
  @EnumSource(JdbcDialect.class)
  void versionOneRowsComeAcrossExactly(JdbcDialect dialect) throws SQLException {
    DataSource ds = TestDatabases.fresh(dialect);
    assertTrue(SchemaInstaller.installUpTo(ds, dialect, 1));
    assertEquals(1, SchemaInstaller.installedVersion(ds));
    writeVersionOneRows(ds, dialect);

    Instant before = Instant.now().minus(Duration.ofMinutes(1));
    assertTrue(SchemaInstaller.install(ds));
    Instant after = Instant.now().plus(Duration.ofMinutes(1));
    assertEquals(SchemaInstaller.CURRENT_VERSION, SchemaInstaller.installedVersion(ds));
    assertFalse(SchemaInstaller.install(ds, dialect));
    assertEquals(dialect.schemaScripts().size(),
        AbstractJdbcStorageTest.count(ds, "select count(*) from partnerkit_schema_version"));
    PartnerkitStorage storage = JdbcStorage.builder(ds).build();

    // ------------------------------------------------ tasks are records
    StoredRecord base = storage.records().find(tenant, RecordRef.of(TASK, "t-base")).orElseThrow();
    assertMigrationTime(base, before, after);
    StoredRecord expectedBase = StoredRecord.builder().tenantId(tenant).ref(RecordRef.of(TASK, "t-base"))
        .placement(Placement.builder().occasionId(OCCASION).eventId(EventId.of("ev-reception")).partnerId(ACME)
            .build())
        .visibility(Visibility.PARTNER_VISIBLE).status("approved")
        .body(body("Deliver 40 chairs", "Gold \"chiavari\",\nby the side door \u00fc\u2713 \u05e9\u05dc\u05d5\u05dd",
            "job-7", "u-dana", DUE_SECONDS))
        .revision(0).version(4).createdAt(base.createdAt()).updatedAt(base.createdAt()).createdBy("operator:u-maya")
        .build();
    JdbcRecordStoreTest.assertRecord(expectedBase, Optional.of(base));
    assertEquals("2026-11-20T15:00:00Z", JdbcRecordStoreTest.json(base.body()).get("dueAt").textValue());

    StoredRecord next = storage.records().find(tenant, RecordRef.of(TASK, "t-next")).orElseThrow();
    JdbcRecordStoreTest.assertRecord(StoredRecord.builder().tenantId(tenant).ref(RecordRef.of(TASK, "t-next"))
        .placement(Placement.builder().occasionId(OCCASION).partnerId(ACME).build())
        .visibility(Visibility.PARTNER_VISIBLE).status("to_do").body(body("Set up", null, null, null, DUE_MICROS))
        .version(0).createdAt(next.createdAt()).updatedAt(next.createdAt()).createdBy("operator:u-ops").build(),
        Optional.of(next));
    assertEquals("2026-11-20T15:00:00.123456Z", JdbcRecordStoreTest.json(next.body()).get("dueAt").textValue());

    StoredRecord milli = storage.records().find(tenant, RecordRef.of(TASK, "t-milli")).orElseThrow();
    assertEquals(Placement.builder().occasionId(OCCASION).partnerId(VENUE).build(), milli.placement());
    assertEquals(JdbcRecordStoreTest.json(body("Bare", null, null, null, null)),
        JdbcRecordStoreTest.json(storage.records().find(tenant, RecordRef.of(TASK, "t-bare")).orElseThrow().body()));
    assertEquals("2026-11-20T15:00:00.120Z", JdbcRecordStoreTest.json(milli.body()).get("dueAt").textValue());
    for (StoredRecord r : storage.records().list(tenant, RecordQuery.of(TASK, OCCASION).build())) {
      assertTrue(Set.of("title", "description", "jobId", "assignee", "dueAt").containsAll(fields(r.body())),
          r::body);
      assertEquals(DUE_FIELDS.get(r.ref().id()), Optional.ofNullable(JdbcRecordStoreTest.json(r.body()).get("dueAt"))
          .map(JsonNode::textValue).map(Instant::parse));
    }

    assertIds(List.of("t-bare", "t-base", "t-milli", "t-next"),
        storage.records().list(tenant, RecordQuery.of(TASK, OCCASION).build()));
    assertIds(List.of("t-gala"), storage.records().list(tenant, RecordQuery.of(TASK, GALA).build()));
    assertIds(List.of("t-base"), storage.records().list(other, RecordQuery.of(TASK, OCCASION).build()));
    assertEquals(Map.of("approved", 1L, "to_do", 2L, "in_progress", 1L),
        storage.records().countByStatus(tenant, RecordQuery.of(TASK, OCCASION).build()));
    StoredRecord otherBase = storage.records().find(other, RecordRef.of(TASK, "t-base")).orElseThrow();
    assertEquals(Placement.builder().occasionId(OCCASION).partnerId(ACME).build(), otherBase.placement());
    assertEquals(JdbcRecordStoreTest.json(body("Other tenant", null, null, null, null)),
        JdbcRecordStoreTest.json(otherBase.body()));

    // ------------------------------------------------ dependencies are depends_on links
    RecordRef tBase = RecordRef.of(TASK, "t-base");
    RecordRef tNext = RecordRef.of(TASK, "t-next");
    RecordRef tMilli = RecordRef.of(TASK, "t-milli");
    assertLinks(List.of("depends_on partner_task:T-ext", "depends_on partner_task:t-base",
        "depends_on partner_task:t-milli"), storage.records().links(tenant, tNext, Optional.empty()));
    assertLinks(List.of("depends_on partner_task:t-base"), storage.records().links(tenant, tMilli, Optional.empty()));
    assertEquals(List.of(), storage.records().links(tenant, tBase, Optional.empty()));
    assertEquals(List.of(tMilli, tNext), froms(storage.records().backlinks(tenant, tBase, Optional.empty())));
    assertEquals(List.of(tNext), froms(storage.records().backlinks(tenant, tMilli, Optional.of("depends_on"))));
    assertLinks(List.of("depends_on partner_task:t-next"), storage.records().links(other, tBase, Optional.empty()));
    assertEquals(List.of(tBase), froms(storage.records().backlinks(other, tNext, Optional.empty())));
    assertEquals(3 + 1 + 1, AbstractJdbcStorageTest.count(ds, "select count(*) from pk_record_link"));
    for (RecordLink link : storage.records().links(tenant, tNext, Optional.empty())) {
      assertTrue(!link.createdAt().isBefore(before) && !link.createdAt().isAfter(after), link::toString);
    }

    // ------------------------------------------------ activity names the record, its event, and a generic type
    List<ActivityEntry> activity = storage.activity().read(tenant, ActivityQuery.builder().build());
    assertEquals(List.of(
        entry(tenant, "e-1", T0, Optional.of(tBase), Optional.of(EventId.of("ev-reception")), ACME),
        entry(tenant, "e-2", T0.plusSeconds(1), Optional.of(tNext), Optional.empty(), ACME),
        ActivityEntry.builder().from(entry(tenant, "e-3", T0.plusSeconds(2), Optional.empty(), Optional.empty(),
            ACME)).partnerId(Optional.empty()).kind(ActivityKind.AUDIT_EVENT).visibility(Visibility.INTERNAL_ONLY)
            .build()), activity);
    assertEquals(List.of(entry(other, "e-1", T0, Optional.of(tBase), Optional.empty(), ACME)),
        storage.activity().read(other, ActivityQuery.builder().build()));

    // ------------------------------------------------ idempotency keys belong to the actor their decision names
    assertEquals(Optional.of(idempotency(tenant, DANA, "cmd-1", "{\"status\":\"moved\"}")),
        storage.idempotency().find(tenant, DANA, "cmd-1"));
    assertEquals(Optional.of(idempotency(tenant, UNKNOWN, "cmd-orphan", "{}")),
        storage.idempotency().find(tenant, UNKNOWN, "cmd-orphan"));
    assertEquals(Optional.of(idempotency(other, "operator:u-maya", "cmd-2", "{\"n\":2}")),
        storage.idempotency().find(other, "operator:u-maya", "cmd-2"));
    // cmd-1 of the other tenant has no decision there (the one of cmd-1 is the first tenant's)
    assertEquals(Optional.of(idempotency(other, UNKNOWN, "cmd-1", "{}")),
        storage.idempotency().find(other, UNKNOWN, "cmd-1"));
    assertEquals(Optional.empty(), storage.idempotency().find(tenant, UNKNOWN, "cmd-1"));
    assertEquals(4, AbstractJdbcStorageTest.count(ds, "select count(*) from pk_idempotency_record"));

    // ------------------------------------------------ the old columns and table are gone; the new stores work
    assertEquals(0, AbstractJdbcStorageTest.count(ds, "select count(*) from information_schema.tables"
        + " where lower(table_name) = 'pk_partner_task'"));
    assertEquals(0, AbstractJdbcStorageTest.count(ds, "select count(*) from information_schema.columns"
        + " where lower(table_name) = 'pk_activity_entry' and lower(column_name) = 'task_id'"));
    storage.records().update(ImmutableStoredRecord.copyOf(base).withStatus("in_progress").withVersion(5)
        .withUpdatedAt(base.updatedAt().plusSeconds(1)));
    assertEquals(5, storage.records().find(tenant, tBase).orElseThrow().version());
    IdempotencyRecord maya = IdempotencyRecord.builder().tenantId(tenant).actorKey("operator:u-maya").key("cmd-1")
        .fingerprint("sha256-new").createdAt(T0).build();
    storage.idempotency().claim(maya);
    assertThrows(VersionConflictException.class, () -> storage.idempotency().claim(maya));
    storage.idempotency().complete(tenant, "operator:u-maya", "cmd-1", "{}");
    storage.records().insert(Samples.task(tenant, "t-new"));
    storage.activity().append(Samples.entry(tenant, "e-new", T0, Visibility.PARTNER_VISIBLE, ACME));
  }

  @Test
  void concurrentInstallsAndUpgradesOnPostgresqlAllSucceed() throws Exception {
    for (int upTo : new int[] {0, 1}) {
      DataSource[] two = TestDatabases.twoPostgresDataSourcesOnOneDatabase();
      if (upTo == 1) {
        SchemaInstaller.installUpTo(two[0], JdbcDialect.POSTGRESQL, 1);
        writeVersionOneRows(two[0], JdbcDialect.POSTGRESQL);
      }
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        CyclicBarrier start = new CyclicBarrier(4);
        List<Future<Boolean>> installs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
          DataSource ds = two[i % 2];
          installs.add(pool.submit(() -> {
            start.await();
            return SchemaInstaller.install(ds);
          }));
        }
        int ran = 0;
        for (Future<Boolean> install : installs) {
          ran += install.get(60, TimeUnit.SECONDS) ? 1 : 0;
        }
        assertTrue(ran >= 1, "some install ran a script");
      } finally {
        pool.shutdownNow();
      }
      assertEquals(SchemaInstaller.CURRENT_VERSION, SchemaInstaller.installedVersion(two[1]));
      assertEquals(JdbcDialect.POSTGRESQL.schemaScripts().size(),
          AbstractJdbcStorageTest.count(two[1], "select count(*) from partnerkit_schema_version"));
      long tasks = AbstractJdbcStorageTest.count(two[1], "select count(*) from pk_record");
      assertEquals(upTo == 1 ? 6 : 0, tasks);
    }
  }

  /** The due instants of the first tenant's tasks in {@code OCCASION}. */
  private static final Map<String, Optional<Instant>> DUE_FIELDS = Map.of("t-base", Optional.of(DUE_SECONDS),
      "t-next", Optional.of(DUE_MICROS), "t-milli", Optional.of(DUE_MILLIS), "t-bare", Optional.empty());

  private void writeVersionOneRows(DataSource ds, JdbcDialect dialect) throws SQLException {
    String task = "insert into pk_partner_task (tenant_id, task_id, occasion_id, event_id, job_id, partner_id,"
        + " assignee, title, description, status, dependencies, due_at, created_by, version)"
        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    String activity = "insert into pk_activity_entry (tenant_id, entry_id, occasion_id, partner_id, task_id, kind,"
        + " visibility, actor_label, summary, occurred_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    String idempotency = "insert into pk_idempotency_record (tenant_id, idempotency_key, fingerprint, outcome,"
        + " created_at) values (?, ?, ?, ?, ?)";
    try (Connection c = ds.getConnection()) {
      exec(c, task, tenant.value(), "t-base", OCCASION.value(), "ev-reception", "job-7", ACME.value(), "u-dana",
          "Deliver 40 chairs", "Gold \"chiavari\",\nby the side door \u00fc\u2713 \u05e9\u05dc\u05d5\u05dd",
          "approved", "", DUE_SECONDS, "u-maya", 4L);
      // depends on a task of this tenant, one that was never stored, and one listed after it
      exec(c, task, tenant.value(), "t-next", OCCASION.value(), null, null, ACME.value(), null, "Set up", null,
          "to_do", String.join(SEP, "T-ext", "t-base", "t-milli"), DUE_MICROS, "u-ops", 0L);
      exec(c, task, tenant.value(), "t-milli", OCCASION.value(), null, null, VENUE.value(), null, "Milli", null,
          "in_progress", "t-base", DUE_MILLIS, "u-maya", 2L);
      exec(c, task, tenant.value(), "t-bare", OCCASION.value(), null, null, ACME.value(), null, "Bare", null,
          "to_do", "", null, "u-maya", 0L);
      exec(c, task, tenant.value(), "t-gala", GALA.value(), null, null, ACME.value(), null, "Gala", null,
          "to_do", "", null, "u-maya", 0L);
      exec(c, task, other.value(), "t-base", OCCASION.value(), null, null, ACME.value(), null, "Other tenant",
          null, "to_do", "t-next", null, "u-maya", 0L);

      exec(c, activity, tenant.value(), "e-1", OCCASION.value(), ACME.value(), "t-base", "task", "partner_visible",
          "Dana (member of partner p-acme)", "Moved task t-base to approved", T0);
      exec(c, activity, tenant.value(), "e-2", OCCASION.value(), ACME.value(), "t-next", "task", "partner_visible",
          "Dana (member of partner p-acme)", "Moved task t-base to approved", T0.plusSeconds(1));
      exec(c, activity, tenant.value(), "e-3", OCCASION.value(), null, null, "audit_event", "internal_only",
          "Dana (member of partner p-acme)", "Moved task t-base to approved", T0.plusSeconds(2));
      exec(c, activity, other.value(), "e-1", OCCASION.value(), ACME.value(), "t-base", "task", "partner_visible",
          "Dana (member of partner p-acme)", "Moved task t-base to approved", T0);

      exec(c, idempotency, tenant.value(), "cmd-1", "sha256-abc123", "{\"status\":\"moved\"}", T0);
      exec(c, idempotency, tenant.value(), "cmd-orphan", "sha256-abc123", "{}", T0);
      exec(c, idempotency, other.value(), "cmd-2", "sha256-abc123", "{\"n\":2}", T0);
      exec(c, idempotency, other.value(), "cmd-1", "sha256-abc123", "{}", T0);
    }
    // the decision log's table is the same in both versions
    PartnerkitStorage v1 = JdbcStorage.builder(ds).dialect(dialect).build();
    v1.decisions().append(Samples.allowed(tenant, "1", T0)); // Dana, command key cmd-1
    v1.decisions().append(Samples.blocked(tenant, "d-2", T0)); // no command key
    v1.decisions().append(DecisionRecord.builder().from(Samples.allowed(other, "2", T0))
        .actorKind(ActorKind.OPERATOR).actorId("u-maya").build()); // Maya, command key cmd-2
  }

  private static void exec(Connection c, String sql, @Nullable Object... params) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        Object p = params[i];
        if (p == null) {
          s.setNull(i + 1, Types.NULL); // untyped: a text or a timestamp column
        } else if (p instanceof Instant) {
          Sql.setInstant(s, i + 1, (Instant) p);
        } else if (p instanceof Long) {
          s.setLong(i + 1, (Long) p);
        } else {
          s.setString(i + 1, (String) p);
        }
      }
      s.executeUpdate();
    }
  }

  /** @return a task body as the policy module's TaskBody writes it, without the absent fields */
  private static String body(String title, @Nullable String description, @Nullable String jobId,
      @Nullable String assignee, @Nullable Instant dueAt) {
    ObjectNode body = JsonNodeFactory.instance.objectNode().put("title", title);
    if (description != null) {
      body.put("description", description);
    }
    if (jobId != null) {
      body.put("jobId", jobId);
    }
    if (assignee != null) {
      body.put("assignee", assignee);
    }
    if (dueAt != null) {
      body.put("dueAt", dueAt.toString());
    }
    return body.toString();
  }

  private static Set<String> fields(String body) {
    Set<String> names = new TreeSet<>();
    Iterator<String> it = JdbcRecordStoreTest.json(body).fieldNames();
    it.forEachRemaining(names::add);
    return names;
  }

  private static ActivityEntry entry(TenantId t, String id, Instant at, Optional<RecordRef> record,
      Optional<EventId> event, dev.partnerkit.domain.PartnerId partner) {
    return ActivityEntry.builder().tenantId(t).entryId(id).occasionId(OCCASION).partnerId(partner).eventId(event)
        .record(record).eventType("partner_activity.recorded").kind(ActivityKind.TASK)
        .visibility(Visibility.PARTNER_VISIBLE).actorLabel("Dana (member of partner p-acme)")
        .summary("Moved task t-base to approved").occurredAt(at).build();
  }

  private static IdempotencyRecord idempotency(TenantId t, String actorKey, String key, String outcome) {
    return IdempotencyRecord.builder().tenantId(t).actorKey(actorKey).key(key).fingerprint("sha256-abc123")
        .outcome(outcome).createdAt(T0).build();
  }

  private static void assertMigrationTime(StoredRecord record, Instant before, Instant after) {
    assertTrue(!record.createdAt().isBefore(before) && !record.createdAt().isAfter(after),
        () -> "created at " + record.createdAt() + ", not at the migration");
    assertEquals(record.createdAt(), record.updatedAt());
  }

  private static void assertIds(List<String> ids, List<StoredRecord> records) {
    List<String> actual = new ArrayList<>();
    records.forEach(r -> actual.add(r.ref().id()));
    assertEquals(ids, actual);
  }

  private static void assertLinks(List<String> expected, List<RecordLink> links) {
    List<String> actual = new ArrayList<>();
    links.forEach(l -> actual.add(l.relation() + " " + l.to()));
    assertEquals(expected, actual);
  }

  private static List<RecordRef> froms(List<RecordLink> links) {
    List<RecordRef> froms = new ArrayList<>();
    links.forEach(l -> froms.add(l.from()));
    return froms;
  }
}
