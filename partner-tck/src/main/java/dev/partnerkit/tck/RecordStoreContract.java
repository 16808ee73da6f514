package dev.partnerkit.tck;

import static dev.partnerkit.tck.Fixtures.ACME;
import static dev.partnerkit.tck.Fixtures.CEREMONY;
import static dev.partnerkit.tck.Fixtures.CODEC;
import static dev.partnerkit.tck.Fixtures.MAYA_KEY;
import static dev.partnerkit.tck.Fixtures.OCCASION;
import static dev.partnerkit.tck.Fixtures.OTHER_OCCASION;
import static dev.partnerkit.tck.Fixtures.RECEPTION;
import static dev.partnerkit.tck.Fixtures.VENUE;
import static dev.partnerkit.tck.Fixtures.at;
import static dev.partnerkit.tck.Fixtures.fullPlacement;
import static dev.partnerkit.tck.Fixtures.link;
import static dev.partnerkit.tck.Fixtures.moved;
import static dev.partnerkit.tck.Fixtures.relation;
import static dev.partnerkit.tck.Fixtures.revised;
import static dev.partnerkit.tck.Fixtures.statuses;
import static dev.partnerkit.tck.Fixtures.typed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import dev.partnerkit.domain.EventId;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.Placement;
import dev.partnerkit.domain.RecordRef;
import dev.partnerkit.domain.RecordType;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.Visibility;
import dev.partnerkit.spi.ImmutableRecordLink;
import dev.partnerkit.spi.ImmutableRecordQuery;
import dev.partnerkit.spi.ImmutableStoredRecord;
import dev.partnerkit.spi.RecordLink;
import dev.partnerkit.spi.RecordQuery;
import dev.partnerkit.spi.StoredRecord;
import dev.partnerkit.spi.TypedRecord;
import dev.partnerkit.spi.VersionConflictException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.quicktheories.core.Gen;

/**
 * The record-store contract, run as a matrix: every check below is a {@link TestFactory} that yields one test per
 * record type of {@link #recordTypes()}, each on a fresh storage with fresh tenants. Bodies are always the type's
 * example body, written through {@link dev.partnerkit.spi.RecordCodec}; rows read back are compared as decoded typed
 * records, never as JSON text (a database may keep the body with its keys in another order).
 *
 * <p>Covered for every type: insert and find with every placement field, the body decoding to an equal typed record,
 * updates (status, body revision, placement) keeping the creation fields, stale, skipping, missing and duplicate
 * writes, listing with every filter (event, partner, status, parent, visibility) and keyset paging by id,
 * {@code countByStatus}, links, backlinks and unlink, tenant isolation of every method, and a property that list and
 * count agree with a plain model over random records and queries. Version conflicts name the type's wire name and
 * the record id; a duplicate link is a {@link VersionConflictException} too.
 */
public abstract class RecordStoreContract extends ContractSupport {
  /** Examples of the list-and-count property, per record type. */
  protected static final int PROPERTY_EXAMPLES = 40;
  /** Fixed so that a failure reproduces; set {@code -Dpartnerkit.seed} to explore. */
  protected static final long SEED = Long.getLong("partnerkit.seed", 20261110L);

  /** A parent record host entities' children are placed under. */
  private static final RecordRef THREAD = RecordRef.of("thread", "th-1");
  private static final RecordRef OTHER_THREAD = RecordRef.of("thread", "th-2");
  /** A record type no host registers: its rows must never show up under another type. */
  private static final String STRANGER_TYPE = "tck_stranger";

  /** One check of the matrix, for one record type. */
  @FunctionalInterface
  protected interface Check {
    /** Runs the check for {@code type} on a fresh storage. */
    void run(RecordType<?, ?> type) throws Throwable;
  }

  /** @return one dynamic test per record type, named by its wire name, each on a fresh storage and tenants */
  protected Stream<DynamicTest> forEachType(Check check) {
    List<RecordType<?, ?>> types = recordTypes();
    assertFalse(types.isEmpty(), "recordTypes() must list at least one record type");
    assertEquals(types.size(), types.stream().map(RecordType::wireName).distinct().count(),
        "recordTypes() must list each type once");
    return types.stream().map(type -> DynamicTest.dynamicTest(type.wireName(), () -> {
      setUpStorage();
      check.run(type);
    }));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // helpers

  private static ImmutableRecordQuery.Builder query(RecordType<?, ?> type, OccasionId occasion) {
    return RecordQuery.of(type.wireName(), occasion);
  }

  /** @return the status wire name number {@code i} of the type's lifecycle, wrapping around */
  private static String status(RecordType<?, ?> type, int i) {
    List<String> all = statuses(type);
    return all.get(i % all.size());
  }

  private static Placement placed(OccasionId occasion, Optional<EventId> event, Optional<PartnerId> partner,
      Optional<RecordRef> parent) {
    return Placement.builder().occasionId(occasion).eventId(event).partnerId(partner).parent(parent).build();
  }

  /** Inserts {@code record}, then moves it to {@code status} when that is not its initial one; returns what is stored. */
  private TypedRecord<?, ?> put(TypedRecord<?, ?> record, String status) {
    storage.records().insert(CODEC.encode(record));
    if (record.status().wireName().equals(status)) {
      return record;
    }
    TypedRecord<?, ?> next = moved(record, status, at(2));
    storage.records().update(CODEC.encode(next));
    return next;
  }

  private List<String> ids(TenantId tenant, RecordQuery query) {
    return storage.records().list(tenant, query).stream().map(r -> r.ref().id()).toList();
  }

  /** @return a row of {@link #STRANGER_TYPE}, whose body no type reads: stores never interpret bodies */
  private static StoredRecord stranger(TenantId tenant, String id, OccasionId occasion) {
    return StoredRecord.builder().tenantId(tenant).ref(RecordRef.of(STRANGER_TYPE, id))
        .placement(Placement.inOccasion(occasion)).visibility(Visibility.PARTNER_VISIBLE).status("open")
        .body("{\"anything\":[1,2,3]}").createdAt(at(1)).updatedAt(at(1)).createdBy(MAYA_KEY).build();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // insert, find, update

  @TestFactory
  Stream<DynamicTest> insertThenFindRoundTripsEveryField() {
    return forEachType(type -> {
      TypedRecord<?, ?> full = typed(type, tenantA, "r-1", fullPlacement(OCCASION, ACME));
      TypedRecord<?, ?> minimal = typed(type, tenantA, "r-2", Placement.inOccasion(OCCASION),
          Visibility.INTERNAL_ONLY);
      storage.records().insert(CODEC.encode(full));
      storage.records().insert(CODEC.encode(minimal));
      assertEquals(Optional.of(full), found(tenantA, full.ref()));
      assertEquals(Optional.of(minimal), found(tenantA, minimal.ref()));
      assertEquals(Optional.empty(), storage.records().find(tenantA, type.ref("r-none")));
    });
  }

  @TestFactory
  Stream<DynamicTest> storedBodyDecodesToAnEqualTypedRecord() {
    return forEachType(type -> {
      TypedRecord<?, ?> record = typed(type, tenantA, "r-1", fullPlacement(OCCASION, ACME));
      storage.records().insert(CODEC.encode(record));
      StoredRecord row = storage.records().find(tenantA, record.ref()).orElseThrow();
      CODEC.validateBody(type, row.body());
      TypedRecord<?, ?> decoded = CODEC.decode(type, row);
      assertEquals(record, decoded);
      assertEquals(type.example(), decoded.body());
      assertEquals(record.title(), decoded.title());
    });
  }

  @TestFactory
  Stream<DynamicTest> sameIdUnderAnotherTypeIsAnotherRecord() {
    return forEachType(type -> {
      TypedRecord<?, ?> mine = typed(type, tenantA, "r-1", Placement.inOccasion(OCCASION));
      storage.records().insert(CODEC.encode(mine));
      storage.records().insert(stranger(tenantA, "r-1", OCCASION));
      for (RecordType<?, ?> other : recordTypes()) {
        if (other != type) {
          storage.records().insert(Fixtures.record(other, tenantA, "r-1", fullPlacement(OCCASION, VENUE)));
        }
      }
      assertEquals(Optional.of(mine), found(tenantA, mine.ref()));
      assertEquals("open", storage.records().find(tenantA, RecordRef.of(STRANGER_TYPE, "r-1")).orElseThrow().status());
      assertEquals(List.of(mine), decode(storage.records().list(tenantA, query(type, OCCASION).build())));
      assertEquals(Map.of(mine.status().wireName(), 1L),
          storage.records().countByStatus(tenantA, query(type, OCCASION).build()));
    });
  }

  @TestFactory
  Stream<DynamicTest> updateStoresTheNextVersion() {
    return forEachType(type -> {
      TypedRecord<?, ?> v0 = typed(type, tenantA, "r-1", fullPlacement(OCCASION, ACME));
      storage.records().insert(CODEC.encode(v0));
      TypedRecord<?, ?> v1 = moved(v0, status(type, 1), at(10));
      storage.records().update(CODEC.encode(v1));
      assertEquals(Optional.of(v1), found(tenantA, v0.ref()));
      TypedRecord<?, ?> v2 = revised(v1, at(20));
      storage.records().update(CODEC.encode(v2));
      assertEquals(Optional.of(v2), found(tenantA, v0.ref()));
      assertEquals(1, v2.revision());
      TypedRecord<?, ?> v3 = v2.withPlacement(placed(OCCASION, Optional.of(CEREMONY), Optional.of(VENUE),
          Optional.empty()), at(30));
      storage.records().update(CODEC.encode(v3));
      assertEquals(Optional.of(v3), found(tenantA, v0.ref()));
      assertEquals(3, storage.records().find(tenantA, v0.ref()).orElseThrow().version());
      assertEquals(List.of(v3), decode(storage.records().list(tenantA, query(type, OCCASION).partnerId(VENUE)
          .build())));
      assertEquals(List.of(), storage.records().list(tenantA, query(type, OCCASION).partnerId(ACME).build()));
      assertEquals(List.of(), storage.records().list(tenantA, query(type, OCCASION).eventId(RECEPTION).build()));
      assertEquals(List.of(), storage.records().list(tenantA, query(type, OCCASION).parent(THREAD).build()));
    });
  }

  @TestFactory
  Stream<DynamicTest> updateToAnotherOccasionMovesItBetweenLists() {
    return forEachType(type -> {
      TypedRecord<?, ?> v0 = typed(type, tenantA, "r-1", fullPlacement(OCCASION, ACME));
      storage.records().insert(CODEC.encode(v0));
      storage.records().insert(Fixtures.record(type, tenantA, "r-2", Placement.inOccasion(OCCASION)));
      TypedRecord<?, ?> v1 = v0.withPlacement(fullPlacement(OTHER_OCCASION, VENUE), at(10));
      storage.records().update(CODEC.encode(v1));
      assertEquals(List.of("r-2"), ids(tenantA, query(type, OCCASION).build()));
      assertEquals(List.of(v1), decode(storage.records().list(tenantA, query(type, OTHER_OCCASION).build())));
      assertEquals(Map.of(v0.status().wireName(), 1L),
          storage.records().countByStatus(tenantA, query(type, OCCASION).build()));
      assertEquals(Map.of(v0.status().wireName(), 1L),
          storage.records().countByStatus(tenantA, query(type, OTHER_OCCASION).build()));
    });
  }

  @TestFactory
  Stream<DynamicTest> updateKeepsTheCreationFields() {
    return forEachType(type -> {
      TypedRecord<?, ?> v0 = typed(type, tenantA, "r-1", fullPlacement(OCCASION, ACME));
      storage.records().insert(CODEC.encode(v0));
      StoredRecord rewritten = ImmutableStoredRecord.copyOf(CODEC.encode(revised(v0, at(10))))
          .withCreatedAt(at(5)).withCreatedBy("operator:u-someone-else");
      storage.records().update(rewritten);
      StoredRecord stored = storage.records().find(tenantA, v0.ref()).orElseThrow();
      assertEquals(v0.createdAt(), stored.createdAt());
      assertEquals(v0.createdBy(), stored.createdBy());
      assertEquals(at(10), stored.updatedAt());
      assertEquals(1, stored.version());
      assertEquals(1, stored.revision());
    });
  }

  @TestFactory
  Stream<DynamicTest> staleUpdateConflictsAndChangesNothing() {
    return forEachType(type -> {
      TypedRecord<?, ?> v0 = typed(type, tenantA, "r-1", fullPlacement(OCCASION, ACME));
      storage.records().insert(CODEC.encode(v0));
      TypedRecord<?, ?> v1 = revised(v0, at(10));
      storage.records().update(CODEC.encode(v1));
      TypedRecord<?, ?> stale = moved(v0, status(type, 1), at(11)); // also version 1, but 1 is stored now
      VersionConflictException e = assertConflict(type.wireName(), "r-1",
          () -> storage.records().update(CODEC.encode(stale)));
      assertEquals(0, e.expectedVersion());
      StoredRecord skipping = ImmutableStoredRecord.copyOf(CODEC.encode(v1)).withVersion(3);
      assertConflict(type.wireName(), "r-1", () -> storage.records().update(skipping));
      StoredRecord sameVersion = ImmutableStoredRecord.copyOf(CODEC.encode(v1.withPlacement(
          Placement.inOccasion(OTHER_OCCASION), at(12)))).withVersion(1);
      assertConflict(type.wireName(), "r-1", () -> storage.records().update(sameVersion));
      assertEquals(Optional.of(v1), found(tenantA, v0.ref()));
      assertEquals(List.of(), storage.records().list(tenantA, query(type, OTHER_OCCASION).build()));
    });
  }

  @TestFactory
  Stream<DynamicTest> updateOfMissingRecordConflicts() {
    return forEachType(type -> {
      TypedRecord<?, ?> ghost = revised(typed(type, tenantA, "r-ghost", Placement.inOccasion(OCCASION)), at(2));
      assertConflict(type.wireName(), "r-ghost", () -> storage.records().update(CODEC.encode(ghost)));
      assertEquals(Optional.empty(), storage.records().find(tenantA, ghost.ref()));
      assertEquals(List.of(), storage.records().list(tenantA, query(type, OCCASION).build()));
    });
  }

  @TestFactory
  Stream<DynamicTest> duplicateInsertConflictsAndKeepsTheStoredRecord() {
    return forEachType(type -> {
      TypedRecord<?, ?> first = typed(type, tenantA, "r-1", fullPlacement(OCCASION, ACME));
      storage.records().insert(CODEC.encode(first));
      TypedRecord<?, ?> other = typed(type, tenantA, "r-1", fullPlacement(OTHER_OCCASION, VENUE),
          Visibility.INTERNAL_ONLY);
      VersionConflictException e = assertConflict(type.wireName(), "r-1",
          () -> storage.records().insert(CODEC.encode(other)));
      assertEquals(-1, e.expectedVersion());
      assertEquals(Optional.of(first), found(tenantA, first.ref()));
      assertEquals(List.of(), storage.records().list(tenantA, query(type, OTHER_OCCASION).build()));
    });
  }

  @TestFactory
  Stream<DynamicTest> insertRequiresVersionZero() {
    return forEachType(type -> {
      StoredRecord v1 = CODEC.encode(revised(typed(type, tenantA, "r-1", Placement.inOccasion(OCCASION)), at(2)));
      assertThrows(VersionConflictException.class, () -> storage.records().insert(v1));
      assertEquals(Optional.empty(), storage.records().find(tenantA, v1.ref()));
      assertEquals(Map.of(), storage.records().countByStatus(tenantA, query(type, OCCASION).build()));
    });
  }

  // ---------------------------------------------------------------------------------------------------------------
  // list and count

  /** Six records over both occasions, both events, both partners, two parents, both visibilities, three statuses. */
  private List<TypedRecord<?, ?>> sixRecords(RecordType<?, ?> type) {
    List<TypedRecord<?, ?>> out = new ArrayList<>();
    out.add(put(typed(type, tenantA, "r-06", placed(OCCASION, Optional.of(RECEPTION), Optional.of(VENUE),
        Optional.empty())), status(type, 1)));
    out.add(put(typed(type, tenantA, "r-01", fullPlacement(OCCASION, ACME)), status(type, 0)));
    out.add(put(typed(type, tenantA, "r-05", placed(OCCASION, Optional.empty(), Optional.of(ACME),
        Optional.of(OTHER_THREAD)), Visibility.INTERNAL_ONLY), status(type, 2)));
    out.add(put(typed(type, tenantA, "r-02", Placement.inOccasion(OCCASION), Visibility.INTERNAL_ONLY),
        status(type, 0)));
    out.add(put(typed(type, tenantA, "r-04", fullPlacement(OTHER_OCCASION, ACME)), status(type, 0)));
    out.add(put(typed(type, tenantA, "r-03", placed(OCCASION, Optional.of(CEREMONY), Optional.of(VENUE),
        Optional.empty())), status(type, 1)));
    storage.records().insert(stranger(tenantA, "r-00", OCCASION));
    return out;
  }

  @TestFactory
  Stream<DynamicTest> listFiltersByEveryPlacementColumnInIdOrder() {
    return forEachType(type -> {
      List<TypedRecord<?, ?>> six = sixRecords(type);
      Map<String, TypedRecord<?, ?>> byId = six.stream().collect(Collectors.toMap(TypedRecord::id, r -> r));
      assertEquals(List.of("r-01", "r-02", "r-03", "r-05", "r-06"), ids(tenantA, query(type, OCCASION).build()));
      assertEquals(List.of(byId.get("r-01"), byId.get("r-02"), byId.get("r-03"), byId.get("r-05"),
          byId.get("r-06")), decode(storage.records().list(tenantA, query(type, OCCASION).build())));
      assertEquals(List.of("r-04"), ids(tenantA, query(type, OTHER_OCCASION).build()));
      assertEquals(List.of(), ids(tenantA, query(type, OccasionId.of("occ-none")).build()));
      assertEquals(List.of("r-01", "r-06"), ids(tenantA, query(type, OCCASION).eventId(RECEPTION).build()));
      assertEquals(List.of("r-03"), ids(tenantA, query(type, OCCASION).eventId(CEREMONY).build()));
      assertEquals(List.of("r-01", "r-05"), ids(tenantA, query(type, OCCASION).partnerId(ACME).build()));
      assertEquals(List.of("r-03"), ids(tenantA, query(type, OCCASION).partnerId(VENUE).eventId(CEREMONY)
          .build()));
      assertEquals(List.of("r-01"), ids(tenantA, query(type, OCCASION).parent(THREAD).build()));
      assertEquals(List.of("r-05"), ids(tenantA, query(type, OCCASION).parent(OTHER_THREAD).build()));
      assertEquals(List.of("r-02", "r-05"), ids(tenantA, query(type, OCCASION).visibility(Visibility.INTERNAL_ONLY)
          .build()));
      assertEquals(List.of("r-01", "r-03", "r-06"), ids(tenantA, query(type, OCCASION)
          .visibility(Visibility.PARTNER_VISIBLE).build()));
      assertEquals(List.of(), ids(tenantA, query(type, OCCASION).partnerId(PartnerId.of("p-none")).build()));
      for (String status : statuses(type)) {
        List<String> expected = six.stream().filter(r -> r.placement().occasionId().equals(OCCASION)
            && r.status().wireName().equals(status)).map(TypedRecord::id).sorted().toList();
        assertEquals(expected, ids(tenantA, query(type, OCCASION).status(status).build()), status);
      }
      assertEquals(List.of("r-01"), ids(tenantA, query(type, OCCASION).status(status(type, 0)).eventId(RECEPTION)
          .partnerId(ACME).parent(THREAD).visibility(Visibility.PARTNER_VISIBLE).build()));
    });
  }

  @TestFactory
  Stream<DynamicTest> listPagesByIdReturnEveryRecordExactlyOnce() {
    return forEachType(type -> {
      List<String> expected = new ArrayList<>();
      List<String> acme = new ArrayList<>();
      for (int i = 0; i < 11; i++) {
        String id = String.format("r-%03d", (i * 7) % 11); // inserted out of order
        PartnerId partner = (i * 7) % 11 % 2 == 0 ? ACME : VENUE;
        storage.records().insert(Fixtures.record(type, tenantA, id, fullPlacement(OCCASION, partner)));
        expected.add(id);
        if (partner.equals(ACME)) {
          acme.add(id);
        }
      }
      expected.sort(Comparator.naturalOrder());
      acme.sort(Comparator.naturalOrder());
      assertEquals(expected, pageThrough(query(type, OCCASION).limit(3).build(), 3, 4));
      assertEquals(acme, pageThrough(query(type, OCCASION).partnerId(ACME).limit(2).build(), 2, 3));
      assertEquals(expected, ids(tenantA, query(type, OCCASION).limit(RecordQuery.MAX_LIMIT).build()));
    });
  }

  /** @return the ids of every page of {@code first} onwards, checking each page's size and the number of pages */
  private List<String> pageThrough(RecordQuery first, int limit, int pages) {
    List<String> seen = new ArrayList<>();
    RecordQuery q = first;
    int count = 0;
    for (List<StoredRecord> page = storage.records().list(tenantA, q); !page.isEmpty();
        page = storage.records().list(tenantA, q)) {
      count++;
      assertTrue(page.size() <= limit, "page larger than the limit: " + page);
      assertTrue(count <= pages, "more pages than the records allow: " + seen);
      page.forEach(r -> seen.add(r.ref().id()));
      q = RecordQuery.builder().from(q).afterId(page.get(page.size() - 1).ref().id()).build();
    }
    assertEquals(pages, count, "pages of " + seen);
    return seen;
  }

  @TestFactory
  Stream<DynamicTest> listAfterIdIsStrictlyAfterInIdOrder() {
    return forEachType(type -> {
      for (String id : List.of("r-5", "r-1", "r-3")) {
        storage.records().insert(Fixtures.record(type, tenantA, id, Placement.inOccasion(OCCASION)));
      }
      assertEquals(List.of("r-3", "r-5"), ids(tenantA, query(type, OCCASION).afterId("r-1").build()));
      assertEquals(List.of("r-3", "r-5"), ids(tenantA, query(type, OCCASION).afterId("r-2").build()));
      assertEquals(List.of("r-3"), ids(tenantA, query(type, OCCASION).afterId("r-2").limit(1).build()));
      assertEquals(List.of("r-1", "r-3", "r-5"), ids(tenantA, query(type, OCCASION).afterId("r-0").build()));
      assertEquals(List.of(), ids(tenantA, query(type, OCCASION).afterId("r-5").build()));
      assertEquals(List.of(), ids(tenantA, query(type, OCCASION).afterId("r-9").build()));
    });
  }

  @TestFactory
  Stream<DynamicTest> countByStatusCountsTheFilteredRecordsPerStatus() {
    return forEachType(type -> {
      assertEquals(Map.of(), storage.records().countByStatus(tenantA, query(type, OCCASION).build()));
      List<TypedRecord<?, ?>> six = sixRecords(type);
      Function<Stream<TypedRecord<?, ?>>, Map<String, Long>> count = s -> s.collect(
          Collectors.groupingBy(r -> r.status().wireName(), TreeMap::new, Collectors.counting()));
      Map<String, Long> wedding = count.apply(six.stream().filter(r -> r.placement().occasionId().equals(OCCASION)));
      assertEquals(wedding, storage.records().countByStatus(tenantA, query(type, OCCASION).build()));
      assertEquals(wedding, storage.records().countByStatus(tenantA, query(type, OCCASION)
          .status(status(type, 0)).afterId("r-09").limit(1).build()), "status, cursor and limit are ignored");
      assertEquals(count.apply(six.stream().filter(r -> r.placement().occasionId().equals(OCCASION)
          && r.placement().partnerId().equals(Optional.of(ACME)))),
          storage.records().countByStatus(tenantA, query(type, OCCASION).partnerId(ACME).build()));
      assertEquals(Map.of(status(type, 1), 1L),
          storage.records().countByStatus(tenantA, query(type, OCCASION).eventId(CEREMONY).build()));
      assertEquals(Map.of(status(type, 0), 1L),
          storage.records().countByStatus(tenantA, query(type, OCCASION).parent(THREAD).build()));
      assertEquals(count.apply(six.stream().filter(r -> r.placement().occasionId().equals(OCCASION)
          && r.visibility() == Visibility.INTERNAL_ONLY)),
          storage.records().countByStatus(tenantA, query(type, OCCASION).visibility(Visibility.INTERNAL_ONLY)
              .build()));
      assertEquals(Map.of(status(type, 0), 1L),
          storage.records().countByStatus(tenantA, query(type, OTHER_OCCASION).build()));
      wedding.values().forEach(n -> assertTrue(n > 0, "statuses with no record are absent"));
    });
  }

  // ---------------------------------------------------------------------------------------------------------------
  // links

  private static final RecordRef EVENT = RecordRef.of("event", RECEPTION.value());
  private static final RecordRef JOB = RecordRef.of("job", "job-42");

  /** Records r-1, r-2, r-3 and links from r-1 to r-2, r-3, two host entities and r-3 again; from r-2 to r-3. */
  private List<RecordLink> linkedRecords(RecordType<?, ?> type) {
    for (String id : List.of("r-1", "r-2", "r-3")) {
      storage.records().insert(Fixtures.record(type, tenantA, id, Placement.inOccasion(OCCASION)));
    }
    String rel = relation(type);
    List<RecordLink> links = List.of(
        link(tenantA, type.ref("r-1"), rel, type.ref("r-3")),
        link(tenantA, type.ref("r-1"), "concerns", JOB),
        link(tenantA, type.ref("r-1"), rel, type.ref("r-2")),
        link(tenantA, type.ref("r-1"), "concerns", EVENT),
        link(tenantA, type.ref("r-1"), "attached_to", type.ref("r-3")),
        link(tenantA, type.ref("r-2"), rel, type.ref("r-3")));
    links.forEach(storage.records()::link);
    return links;
  }

  private static List<RecordLink> sorted(List<RecordLink> links, Function<RecordLink, RecordRef> far) {
    return links.stream().sorted(Comparator.comparing(RecordLink::relation).thenComparing(far)).toList();
  }

  private static List<RecordLink> only(List<RecordLink> links, Function<RecordLink, RecordRef> end, RecordRef ref) {
    return links.stream().filter(l -> end.apply(l).equals(ref)).toList();
  }

  @TestFactory
  Stream<DynamicTest> linksAreOrderedByRelationThenTargetAndFilteredByRelation() {
    return forEachType(type -> {
      List<RecordLink> all = linkedRecords(type);
      RecordRef r1 = type.ref("r-1");
      assertEquals(sorted(only(all, RecordLink::from, r1), RecordLink::to),
          storage.records().links(tenantA, r1, Optional.empty()));
      assertEquals(List.of(link(tenantA, r1, "concerns", EVENT), link(tenantA, r1, "concerns", JOB)),
          storage.records().links(tenantA, r1, Optional.of("concerns")));
      assertEquals(List.of(link(tenantA, r1, relation(type), type.ref("r-2")),
          link(tenantA, r1, relation(type), type.ref("r-3"))),
          storage.records().links(tenantA, r1, Optional.of(relation(type))));
      assertEquals(List.of(), storage.records().links(tenantA, r1, Optional.of("never_used")));
      assertEquals(List.of(), storage.records().links(tenantA, type.ref("r-3"), Optional.empty()));
      assertEquals(List.of(), storage.records().links(tenantA, type.ref("r-none"), Optional.empty()));
    });
  }

  @TestFactory
  Stream<DynamicTest> backlinksAreOrderedByRelationThenSourceAndFilteredByRelation() {
    return forEachType(type -> {
      List<RecordLink> all = linkedRecords(type);
      RecordRef r3 = type.ref("r-3");
      assertEquals(sorted(only(all, RecordLink::to, r3), RecordLink::from),
          storage.records().backlinks(tenantA, r3, Optional.empty()));
      assertEquals(List.of(link(tenantA, type.ref("r-1"), relation(type), r3),
          link(tenantA, type.ref("r-2"), relation(type), r3)),
          storage.records().backlinks(tenantA, r3, Optional.of(relation(type))));
      assertEquals(List.of(link(tenantA, type.ref("r-1"), "concerns", EVENT)),
          storage.records().backlinks(tenantA, EVENT, Optional.empty()));
      assertEquals(List.of(), storage.records().backlinks(tenantA, EVENT, Optional.of(relation(type))));
      assertEquals(List.of(), storage.records().backlinks(tenantA, type.ref("r-1"), Optional.empty()));
    });
  }

  @TestFactory
  Stream<DynamicTest> duplicateLinkConflictsAndKeepsTheFirst() {
    return forEachType(type -> {
      List<RecordLink> all = linkedRecords(type);
      RecordRef r1 = type.ref("r-1");
      RecordLink again = ImmutableRecordLink.copyOf(link(tenantA, r1, relation(type), type.ref("r-2")))
          .withCreatedAt(at(77));
      assertThrows(VersionConflictException.class, () -> storage.records().link(again));
      assertEquals(sorted(only(all, RecordLink::from, r1), RecordLink::to),
          storage.records().links(tenantA, r1, Optional.empty()));
      assertEquals(List.of(link(tenantA, r1, relation(type), type.ref("r-2"))),
          storage.records().backlinks(tenantA, type.ref("r-2"), Optional.empty()));
    });
  }

  @TestFactory
  Stream<DynamicTest> unlinkRemovesExactlyOneLinkAndSaysSo() {
    return forEachType(type -> {
      List<RecordLink> all = linkedRecords(type);
      RecordRef r1 = type.ref("r-1");
      RecordRef r3 = type.ref("r-3");
      assertTrue(storage.records().unlink(tenantA, r1, relation(type), r3));
      assertFalse(storage.records().unlink(tenantA, r1, relation(type), r3), "already removed");
      assertFalse(storage.records().unlink(tenantA, r1, "never_used", r3));
      assertFalse(storage.records().unlink(tenantA, r3, relation(type), r1), "links are directed");
      List<RecordLink> left = all.stream().filter(l -> !(l.from().equals(r1) && l.to().equals(r3)
          && l.relation().equals(relation(type)))).toList();
      assertEquals(sorted(only(left, RecordLink::from, r1), RecordLink::to),
          storage.records().links(tenantA, r1, Optional.empty()));
      assertEquals(sorted(only(left, RecordLink::to, r3), RecordLink::from),
          storage.records().backlinks(tenantA, r3, Optional.empty()));
      storage.records().link(link(tenantA, r1, relation(type), r3)); // the key is free again
      assertEquals(sorted(only(all, RecordLink::to, r3), RecordLink::from),
          storage.records().backlinks(tenantA, r3, Optional.empty()));
    });
  }

  // ---------------------------------------------------------------------------------------------------------------
  // tenants

  @TestFactory
  Stream<DynamicTest> tenantsAreIsolatedForEveryMethod() {
    return forEachType(type -> {
      TypedRecord<?, ?> a1 = typed(type, tenantA, "r-1", fullPlacement(OCCASION, ACME));
      TypedRecord<?, ?> b1 = typed(type, tenantB, "r-1", Placement.inOccasion(OCCASION), Visibility.INTERNAL_ONLY);
      TypedRecord<?, ?> b2 = typed(type, tenantB, "r-2", fullPlacement(OCCASION, ACME));
      storage.records().insert(CODEC.encode(a1));
      storage.records().insert(CODEC.encode(b1)); // same type and id, other tenant: no conflict
      storage.records().insert(CODEC.encode(b2));
      assertEquals(Optional.of(a1), found(tenantA, a1.ref()));
      assertEquals(Optional.of(b1), found(tenantB, a1.ref()));
      assertEquals(Optional.empty(), storage.records().find(tenantA, b2.ref()));
      RecordQuery wedding = query(type, OCCASION).build();
      assertEquals(List.of(a1), decode(storage.records().list(tenantA, wedding)));
      assertEquals(List.of(b1, b2), decode(storage.records().list(tenantB, wedding)));
      assertEquals(List.of(a1), decode(storage.records().list(tenantA, query(type, OCCASION).partnerId(ACME)
          .build())));
      String initial = a1.status().wireName();
      assertEquals(Map.of(initial, 1L), storage.records().countByStatus(tenantA, wedding));
      assertEquals(Map.of(initial, 2L), storage.records().countByStatus(tenantB, wedding));

      RecordLink bLink = link(tenantB, b1.ref(), relation(type), b2.ref());
      storage.records().link(bLink);
      storage.records().link(link(tenantA, a1.ref(), relation(type), b2.ref())); // same link, other tenant
      assertEquals(List.of(bLink), storage.records().links(tenantB, b1.ref(), Optional.empty()));
      assertEquals(List.of(bLink), storage.records().backlinks(tenantB, b2.ref(), Optional.empty()));
      assertTrue(storage.records().unlink(tenantA, a1.ref(), relation(type), b2.ref()));
      assertFalse(storage.records().unlink(tenantA, a1.ref(), relation(type), b2.ref()));
      assertEquals(List.of(bLink), storage.records().links(tenantB, b1.ref(), Optional.empty()));
      assertEquals(List.of(), storage.records().backlinks(tenantA, b2.ref(), Optional.empty()));

      TypedRecord<?, ?> b1v1 = revised(b1, at(10));
      storage.records().update(CODEC.encode(b1v1));
      assertEquals(Optional.of(a1), found(tenantA, a1.ref()));
      TypedRecord<?, ?> a2 = revised(typed(type, tenantA, "r-2", fullPlacement(OCCASION, ACME)), at(10));
      assertConflict(type.wireName(), "r-2", () -> storage.records().update(CODEC.encode(a2)));
      assertEquals(Optional.of(b2), found(tenantB, b2.ref()));
    });
  }

  // ---------------------------------------------------------------------------------------------------------------
  // a property over random records and queries

  /** One random record: its index picks the id, the others pick placement, visibility and status. */
  private record Spec(int id, int occasion, int event, int partner, int parent, boolean internal, int status) {}

  /** One random query: each index picks a value or (0) no filter. */
  private record Ask(int event, int partner, int parent, int visibility, int status, int limit) {}

  private static final List<Optional<EventId>> EVENTS = List.of(Optional.empty(), Optional.of(RECEPTION),
      Optional.of(CEREMONY));
  private static final List<Optional<PartnerId>> PARTNERS = List.of(Optional.empty(), Optional.of(ACME),
      Optional.of(VENUE));
  private static final List<Optional<RecordRef>> PARENTS = List.of(Optional.empty(), Optional.of(THREAD),
      Optional.of(OTHER_THREAD));

  private static Gen<List<Spec>> specs() {
    return in -> {
      List<Spec> out = new ArrayList<>();
      int n = between(in, 0, 12);
      for (int i = 0; i < n; i++) {
        out.add(new Spec(between(in, 0, 30), between(in, 0, 3) / 3, between(in, 0, 2), between(in, 0, 2),
            between(in, 0, 2), between(in, 0, 1) == 1, between(in, 0, 3)));
      }
      return out;
    };
  }

  private static Gen<Ask> asks() {
    return in -> new Ask(between(in, 0, 2), between(in, 0, 2), between(in, 0, 2), between(in, 0, 2),
        between(in, 0, 3), between(in, 1, 5));
  }

  @TestFactory
  Stream<DynamicTest> listAndCountAgreeWithAPlainModel() {
    return forEachType(type -> qt().withFixedSeed(SEED).withExamples(PROPERTY_EXAMPLES).forAll(specs(), asks())
        .checkAssert((specs, ask) -> {
          TenantId tenant = TenantId.of("tck-q-" + UUID.randomUUID().toString().substring(0, 8));
          TreeMap<String, TypedRecord<?, ?>> model = new TreeMap<>();
          for (Spec s : specs) {
            String id = String.format("r-%02d", s.id());
            if (model.containsKey(id)) {
              continue;
            }
            Placement placement = placed(s.occasion() == 0 ? OCCASION : OTHER_OCCASION, EVENTS.get(s.event()),
                PARTNERS.get(s.partner()), PARENTS.get(s.parent()));
            TypedRecord<?, ?> created = typed(type, tenant, id, placement,
                s.internal() ? Visibility.INTERNAL_ONLY : Visibility.PARTNER_VISIBLE);
            model.put(id, put(created, status(type, s.status())));
          }
          ImmutableRecordQuery.Builder b = query(type, OCCASION).eventId(EVENTS.get(ask.event()))
              .partnerId(PARTNERS.get(ask.partner())).parent(PARENTS.get(ask.parent())).limit(ask.limit());
          if (ask.visibility() > 0) {
            b.visibility(ask.visibility() == 1 ? Visibility.PARTNER_VISIBLE : Visibility.INTERNAL_ONLY);
          }
          Optional<String> status = ask.status() == 0 ? Optional.empty() : Optional.of(status(type, ask.status() - 1));
          b.status(status);
          RecordQuery q = b.build();
          List<TypedRecord<?, ?>> filtered = model.values().stream()
              .filter(r -> r.placement().occasionId().equals(OCCASION)
                  && (q.eventId().isEmpty() || q.eventId().equals(r.placement().eventId()))
                  && (q.partnerId().isEmpty() || q.partnerId().equals(r.placement().partnerId()))
                  && (q.parent().isEmpty() || q.parent().equals(r.placement().parent()))
                  && (q.visibility().isEmpty() || q.visibility().get() == r.visibility()))
              .toList();
          List<TypedRecord<?, ?>> expected = filtered.stream()
              .filter(r -> status.isEmpty() || status.get().equals(r.status().wireName())).toList();
          List<TypedRecord<?, ?>> seen = new ArrayList<>();
          RecordQuery page = q;
          for (int pages = 0; pages <= expected.size(); pages++) {
            List<StoredRecord> rows = storage.records().list(tenant, page);
            assertTrue(rows.size() <= q.limit(), "page larger than the limit");
            if (rows.isEmpty()) {
              break;
            }
            seen.addAll(decode(rows));
            page = RecordQuery.builder().from(page).afterId(rows.get(rows.size() - 1).ref().id()).build();
          }
          assertEquals(expected, seen, () -> "pages of " + q);
          assertEquals(filtered.stream().collect(Collectors.groupingBy(r -> r.status().wireName(), Collectors
              .counting())), storage.records().countByStatus(tenant, q), () -> "countByStatus of " + q);
        }));
  }
}
