package dev.partnerkit.spi.memory;

import static dev.partnerkit.spi.tck.StorageFixtures.ACME;
import static dev.partnerkit.spi.tck.StorageFixtures.OCCASION;
import static dev.partnerkit.spi.tck.StorageFixtures.at;
import static dev.partnerkit.spi.tck.StorageFixtures.event;
import static dev.partnerkit.spi.tck.StorageFixtures.grant;
import static dev.partnerkit.spi.tck.StorageFixtures.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnerkit.domain.AccessGrant;
import dev.partnerkit.domain.ImmutablePartnerTask;
import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.domain.PartnerTask;
import dev.partnerkit.domain.TaskId;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.spi.VersionConflictException;
import java.util.ArrayList;
import java.util.List;
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

/** What the in-memory storage does beyond the contract kit: argument checks and behaviour under threads. */
class InMemoryStorageTest {
  private static final TenantId TENANT = TenantId.of("toni-catering");
  private static final int THREADS = 8;

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
    e = assertThrows(InvalidValueException.class, () -> storage.tasks().insert(null));
    assertEquals("task", e.field());
    e = assertThrows(InvalidValueException.class, () -> storage.idempotency().find(TENANT, null));
    assertEquals("key", e.field());
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
    storage.grants().insert(grant(TENANT, "g-1", ACME));
    List<AccessGrant> grants = storage.grants().findByPartner(TENANT, ACME);
    assertThrows(UnsupportedOperationException.class, () -> grants.clear());
    storage.grants().insert(grant(TENANT, "g-2", ACME));
    assertEquals(1, grants.size());
    assertEquals(2, storage.grants().findByPartner(TENANT, ACME).size());
  }

  @Test
  void checkedExceptionsThrownSneakilyAlsoRollBack() {
    Exception checked = new java.io.IOException("sneaky");
    Exception thrown = assertThrows(Exception.class, () -> storage.unitOfWork().inTransaction(() -> {
      storage.grants().insert(grant(TENANT, "g-1", ACME));
      return InMemoryStorageTest.<RuntimeException>sneakyThrow(checked);
    }));
    assertSame(checked, thrown);
    assertEquals(0, storage.grants().count(TENANT));
  }

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> Object sneakyThrow(Throwable t) throws E {
    throw (E) t;
  }

  @Test
  void concurrentUpdatesOfOneTaskHaveExactlyOneWinnerPerVersion() throws Exception {
    PartnerTask t = task(TENANT, "task-1", ACME, OCCASION);
    storage.tasks().insert(t);
    int rounds = 25;
    CyclicBarrier start = new CyclicBarrier(THREADS);
    List<Future<List<Boolean>>> results = new ArrayList<>();
    for (int n = 0; n < THREADS; n++) {
      String title = "Written by thread " + n;
      Callable<List<Boolean>> worker = () -> {
        List<Boolean> wins = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
          start.await(10, TimeUnit.SECONDS); // every thread writes from the same stored version
          PartnerTask next = ImmutablePartnerTask.copyOf(t).withTitle(title).withVersion(round + 1);
          try {
            storage.tasks().update(next);
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
    assertEquals(rounds, storage.tasks().find(TENANT, TaskId.of("task-1")).orElseThrow().version());
  }

  @Test
  void concurrentRetryingWritersLoseNoUpdate() throws Exception {
    storage.tasks().insert(task(TENANT, "task-1", ACME, OCCASION));
    int perThread = 200;
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int n = 0; n < THREADS; n++) {
      done.add(pool.submit(() -> {
        go.await();
        for (int i = 0; i < perThread; i++) {
          while (true) {
            PartnerTask current = storage.tasks().find(TENANT, TaskId.of("task-1")).orElseThrow();
            try {
              storage.tasks().update(ImmutablePartnerTask.copyOf(current).withVersion(current.version() + 1));
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
    assertEquals((long) THREADS * perThread,
        storage.tasks().find(TENANT, TaskId.of("task-1")).orElseThrow().version());
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
        storage.grants().insert(grant(TENANT, id, ACME));
        Thread.yield();
        storage.outbox().append(event(TENANT, "ev-" + id, at(1)));
        return null;
      });
    }
    stop.set(true);
    reader.get(30, TimeUnit.SECONDS);
    assertEquals(0, torn.get());
    assertEquals(300, storage.outbox().countPending(TENANT));
  }
}
