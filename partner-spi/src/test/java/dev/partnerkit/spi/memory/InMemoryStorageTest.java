package dev.partnerkit.spi.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnerkit.domain.AccessGrant;
import dev.partnerkit.domain.GrantId;
import dev.partnerkit.domain.GrantScope;
import dev.partnerkit.domain.GrantStatus;
import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.PartnerCapability;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.Placement;
import dev.partnerkit.domain.RecordRef;
import dev.partnerkit.domain.Surface;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.UserId;
import dev.partnerkit.domain.Visibility;
import dev.partnerkit.spi.IdempotencyRecord;
import dev.partnerkit.spi.ImmutableStoredRecord;
import dev.partnerkit.spi.OutboxEvent;
import dev.partnerkit.spi.RecordQuery;
import dev.partnerkit.spi.StoredRecord;
import dev.partnerkit.spi.VersionConflictException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the in-memory storage does beyond the contract kit (which partner-tck runs on it): argument checks, snapshots,
 * claims without outcome, and behaviour under threads.
 */
class InMemoryStorageTest {
  private static final TenantId TENANT = TenantId.of("toni-catering");
  private static final PartnerId ACME = PartnerId.of("p-acme");
  private static final OccasionId OCCASION = OccasionId.of("occ-wedding");
  private static final Instant T0 = Instant.parse("2026-11-10T15:00:00.123456Z");
  private static final RecordRef NOTE = RecordRef.of("note", "n-1");
  private static final int THREADS = 8;

  private static AccessGrant grant(String id) {
    return AccessGrant.builder().grantId(GrantId.of(id)).tenantId(TENANT).partnerId(ACME)
        .addMembers(UserId.of("u-dana")).scope(GrantScope.builder().occasionId(OCCASION)
            .addSurfaces(Surface.TASKS).build())
        .addCapabilities(PartnerCapability.MANAGE_TASK).status(GrantStatus.ACTIVE).validFrom(T0)
        .issuedBy(UserId.of("u-maya")).build();
  }

  private static OutboxEvent event(String id) {
    return OutboxEvent.builder().eventId(id).tenantId(TENANT).type("note.created").aggregateId("n-1")
        .payload("{}").occurredAt(T0).build();
  }

  /** A row at version 0; stores never read the body, so any JSON text does. */
  private static StoredRecord note(String title) {
    return StoredRecord.builder().tenantId(TENANT).ref(NOTE).placement(Placement.inOccasion(OCCASION))
        .visibility(Visibility.PARTNER_VISIBLE).status("draft").body("{\"title\":\"" + title + "\"}")
        .createdAt(T0).updatedAt(T0).createdBy("operator:u-maya").build();
  }

  private static IdempotencyRecord claim(String key) {
    return IdempotencyRecord.builder().tenantId(TENANT).actorKey("operator:u-maya").key(key)
        .fingerprint("sha256-aaaa").createdAt(T0).build();
  }

  private final InMemoryStorage storage = InMemoryStorage.create();
  private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

  @AfterEach
  void stopPool() throws InterruptedException {
    pool.shutdownNow();
    assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
  }

  @Test
  void nullArgumentsAreRejectedNamingTheField() {
    InvalidValueException e = assertThrows(InvalidValueException.class, () -> storage.grants().find(null, null));
    assertEquals("tenantId", e.field());
    e = assertThrows(InvalidValueException.class, () -> storage.records().insert(null));
    assertEquals("record", e.field());
    e = assertThrows(InvalidValueException.class, () -> storage.records().links(TENANT, NOTE, null));
    assertEquals("relation", e.field());
    e = assertThrows(InvalidValueException.class, () -> storage.records().unlink(TENANT, NOTE, "answers", null));
    assertEquals("to", e.field());
    e = assertThrows(InvalidValueException.class, () -> storage.idempotency().find(TENANT, "operator:u-maya", null));
    assertEquals("key", e.field());
    e = assertThrows(InvalidValueException.class, () -> storage.idempotency().complete(TENANT, null, "k-1", "{}"));
    assertEquals("actorKey", e.field());
    e = assertThrows(InvalidValueException.class, () -> storage.outbox().markPublished(TENANT, "ev-1", null));
    assertEquals("publishedAt", e.field());
    e = assertThrows(InvalidValueException.class, () -> storage.unitOfWork().inTransaction(null));
    assertEquals("work", e.field());
  }

  @Test
  void limitsOutOfRangeAreRejectedNamingTheValue() {
    for (int limit : new int[] {0, -1, InMemoryStorage.MAX_LIMIT + 1}) {
      InvalidValueException e = assertThrows(InvalidValueException.class,
          () -> storage.decisions().recent(TENANT, limit));
      assertEquals("limit", e.field());
      assertTrue(e.getMessage().contains(String.valueOf(limit)), e.getMessage());
      assertThrows(InvalidValueException.class, () -> storage.outbox().claimPending(TENANT, limit));
    }
    assertEquals(List.of(), storage.outbox().claimPending(TENANT, InMemoryStorage.MAX_LIMIT));
  }

  @Test
  void returnedListsAreSnapshotsThatCannotChangeTheStore() {
    storage.grants().insert(grant("g-1"));
    List<AccessGrant> grants = storage.grants().findByPartner(TENANT, ACME);
    assertThrows(UnsupportedOperationException.class, () -> grants.clear());
    storage.grants().insert(grant("g-2"));
    assertEquals(1, grants.size());
    assertEquals(2, storage.grants().findByPartner(TENANT, ACME).size());

    storage.records().insert(note("first"));
    RecordQuery all = RecordQuery.of("note", OCCASION).build();
    List<StoredRecord> records = storage.records().list(TENANT, all);
    Map<String, Long> counts = storage.records().countByStatus(TENANT, all);
    assertThrows(UnsupportedOperationException.class, () -> records.clear());
    assertThrows(UnsupportedOperationException.class, () -> counts.clear());
    storage.records().update(ImmutableStoredRecord.copyOf(note("second")).withStatus("shared").withVersion(1));
    assertEquals("draft", records.get(0).status());
    assertEquals(Map.of("draft", 1L), counts);
  }

  @Test
  void aClaimWithAnOutcomeIsRefused() {
    IdempotencyRecord done = IdempotencyRecord.builder().from(claim("k-1")).outcome("{}").build();
    InvalidValueException e = assertThrows(InvalidValueException.class, () -> storage.idempotency().claim(done));
    assertEquals("outcome", e.field());
    assertEquals(Optional.empty(), storage.idempotency().find(TENANT, "operator:u-maya", "k-1"));
  }

  @Test
  void checkedExceptionsThrownSneakilyAlsoRollBack() {
    Exception checked = new java.io.IOException("sneaky");
    Exception thrown = assertThrows(Exception.class, () -> storage.unitOfWork().inTransaction(() -> {
      storage.grants().insert(grant("g-1"));
      storage.records().insert(note("first"));
      storage.idempotency().claim(claim("k-1"));
      return InMemoryStorageTest.<RuntimeException>sneakyThrow(checked);
    }));
    assertSame(checked, thrown);
    assertEquals(0, storage.grants().count(TENANT));
    assertEquals(Optional.empty(), storage.records().find(TENANT, NOTE));
    assertEquals(Optional.empty(), storage.idempotency().find(TENANT, "operator:u-maya", "k-1"));
  }

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> Object sneakyThrow(Throwable t) throws E {
    throw (E) t;
  }

  @Test
  void concurrentUpdatesOfOneRecordHaveExactlyOneWinnerPerVersion() throws Exception {
    storage.records().insert(note("first"));
    int rounds = 25;
    CyclicBarrier start = new CyclicBarrier(THREADS);
    List<Future<List<Boolean>>> results = new ArrayList<>();
    for (int n = 0; n < THREADS; n++) {
      String title = "Written by thread " + n;
      Callable<List<Boolean>> worker = () -> {
        List<Boolean> wins = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
          start.await(10, TimeUnit.SECONDS); // every thread writes from the same stored version
          StoredRecord next = ImmutableStoredRecord.copyOf(note(title)).withVersion(round + 1);
          try {
            storage.records().update(next);
            wins.add(Boolean.TRUE);
          } catch (VersionConflictException e) {
            wins.add(Boolean.FALSE);
          }
          start.await(10, TimeUnit.SECONDS); // nobody starts the next round before all finished this one
        }
        return wins;
      };
      results.add(pool.submit(worker));
    }
    int[] winnersPerRound = new int[rounds];
    for (Future<List<Boolean>> f : results) {
      List<Boolean> wins = f.get(60, TimeUnit.SECONDS);
      for (int round = 0; round < rounds; round++) {
        winnersPerRound[round] += wins.get(round) ? 1 : 0;
      }
    }
    for (int round = 0; round < rounds; round++) {
      assertEquals(1, winnersPerRound[round], "winners of round " + round);
    }
    assertEquals(rounds, storage.records().find(TENANT, NOTE).orElseThrow().version());
  }

  @Test
  void concurrentRetryingWritersLoseNoUpdate() throws Exception {
    storage.records().insert(note("first"));
    int perThread = 200;
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int n = 0; n < THREADS; n++) {
      done.add(pool.submit(() -> {
        go.await();
        for (int i = 0; i < perThread; i++) {
          while (true) {
            StoredRecord current = storage.records().find(TENANT, NOTE).orElseThrow();
            try {
              storage.records().update(ImmutableStoredRecord.copyOf(current).withVersion(current.version() + 1));
              break;
            } catch (VersionConflictException e) {
              // someone else wrote first: reload and retry
            }
          }
        }
        return null;
      }));
    }
    go.countDown();
    for (Future<?> f : done) {
      f.get(60, TimeUnit.SECONDS);
    }
    assertEquals((long) THREADS * perThread, storage.records().find(TENANT, NOTE).orElseThrow().version());
  }

  @Test
  void aReaderNeverSeesHalfOfAUnitOfWork() throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger torn = new AtomicInteger();
    Future<?> reader = pool.submit(() -> {
      while (!stop.get()) {
        // each unit of work below writes one grant and one pending event: a reader sees both or neither
        long difference = storage.unitOfWork().inTransaction(
            () -> storage.grants().count(TENANT) - storage.outbox().countPending(TENANT));
        if (difference != 0) {
          torn.incrementAndGet();
        }
      }
      return null;
    });
    for (int i = 0; i < 300; i++) {
      String id = String.format("g-%04d", i);
      storage.unitOfWork().inTransaction(() -> {
        storage.grants().insert(grant(id));
        Thread.yield();
        storage.outbox().append(event("ev-" + id));
        return null;
      });
    }
    stop.set(true);
    reader.get(30, TimeUnit.SECONDS);
    assertEquals(0, torn.get());
    assertEquals(300, storage.outbox().countPending(TENANT));
  }
}
