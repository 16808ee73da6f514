package dev.partnerkit.jdbc;

import static dev.partnerkit.jdbc.AbstractJdbcStorageTest.assertConflict;
import static dev.partnerkit.jdbc.PostgresJdbcStorageTest.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.partnerkit.domain.TenantId;
import dev.partnerkit.spi.IdempotencyRecord;
import dev.partnerkit.spi.PartnerkitStorage;
import dev.partnerkit.spi.VersionConflictException;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two units of work of two storage instances claim the same idempotency key at once: the second claim waits on the
 * first one's uncommitted row, then fails as a duplicate when the first commits, or gets the key when it rolls back.
 */
class IdempotencyClaimRaceTest {
  /** How long the second claim must be seen waiting. */
  private static final long WAIT_MILLIS = 500;

  private final TenantId tenant = Samples.freshTenant();
  private final ExecutorService pool = Executors.newFixedThreadPool(2);

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  @ParameterizedTest
  @EnumSource(JdbcDialect.class)
  void aSecondClaimWaitsForTheFirstAndConflictsWhenItCommits(JdbcDialect dialect) throws Exception {
    IdempotencyRecord claim = Samples.claim(tenant, "cmd-1");
    PartnerkitStorage second = JdbcStorage.builder(TestDatabases.shared(dialect)).build();
    Future<Object> race = race(dialect, claim, true, () -> second.unitOfWork().inTransaction(() -> {
      second.idempotency().claim(claim);
      return "claimed";
    }));
    ExecutionException failure = assertThrows(ExecutionException.class, () -> race.get(30, TimeUnit.SECONDS));
    assertConflict(assertInstanceOf(VersionConflictException.class, failure.getCause()), "idempotency_record",
        "cmd-1", -1);
    // the retry then replays the first outcome
    assertEquals(Optional.of("{\"status\":\"moved\"}"),
        second.idempotency().find(tenant, claim.actorKey(), "cmd-1").orElseThrow().outcome());
  }

  @ParameterizedTest
  @EnumSource(JdbcDialect.class)
  void aSecondClaimWaitsForTheFirstAndGetsTheKeyWhenItRollsBack(JdbcDialect dialect) throws Exception {
    IdempotencyRecord claim = Samples.claim(tenant, "cmd-1");
    PartnerkitStorage second = JdbcStorage.builder(TestDatabases.shared(dialect)).build();
    Future<Object> race = race(dialect, claim, false, () -> second.unitOfWork().inTransaction(() -> {
      second.idempotency().claim(claim);
      second.idempotency().complete(tenant, claim.actorKey(), "cmd-1", "{\"second\":true}");
      return "claimed";
    }));
    assertEquals("claimed", race.get(30, TimeUnit.SECONDS));
    assertEquals(Optional.of("{\"second\":true}"),
        second.idempotency().find(tenant, claim.actorKey(), "cmd-1").orElseThrow().outcome());
  }

  @ParameterizedTest
  @EnumSource(JdbcDialect.class)
  void aClaimThatGivesUpWaitingIsAConflictAndItsUnitOfWorkGoesOn(JdbcDialect dialect) throws Exception {
    DataSource impatient = TestDatabases.freshWithLockTimeout(dialect, 200);
    IdempotencyRecord claim = Samples.claim(tenant, "cmd-1");
    PartnerkitStorage first = JdbcStorage.builder(impatient).build();
    PartnerkitStorage second = JdbcStorage.builder(impatient).build();
    CountDownLatch claimed = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Future<?> holder = pool.submit(() -> first.unitOfWork().inTransaction(() -> {
      first.idempotency().claim(claim);
      claimed.countDown();
      await(release);
      return null;
    }));
    await(claimed);
    try {
      String outcome = second.unitOfWork().inTransaction(() -> {
        assertConflict(assertThrows(VersionConflictException.class, () -> second.idempotency().claim(claim)),
            "idempotency_record", "cmd-1", -1);
        second.idempotency().claim(IdempotencyRecord.builder().from(claim).key("cmd-2").build());
        return "went on";
      });
      assertEquals("went on", outcome);
    } finally {
      release.countDown();
    }
    holder.get(30, TimeUnit.SECONDS);
    assertEquals(Optional.empty(), second.idempotency().find(tenant, claim.actorKey(), "cmd-2").orElseThrow()
        .outcome());
  }

  /**
   * Claims in a unit of work of a first storage instance, starts {@code contender} once the claim is in, checks that
   * it is still waiting after {@link #WAIT_MILLIS}, then commits the first unit of work (with an outcome) or rolls
   * it back.
   *
   * @return the contender's result
   */
  private Future<Object> race(JdbcDialect dialect, IdempotencyRecord claim, boolean commit,
      Callable<Object> contender) throws Exception {
    PartnerkitStorage first = JdbcStorage.builder(TestDatabases.shared(dialect)).build();
    CountDownLatch claimed = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Future<?> holder = pool.submit(() -> {
      try {
        return first.unitOfWork().inTransaction(() -> {
          first.idempotency().claim(claim);
          claimed.countDown();
          await(release);
          if (!commit) {
            throw new IllegalStateException("the first command fails");
          }
          first.idempotency().complete(tenant, claim.actorKey(), claim.key(), "{\"status\":\"moved\"}");
          return null;
        });
      } catch (IllegalStateException rolledBack) {
        return null;
      }
    });
    await(claimed);
    Future<Object> second = pool.submit(contender);
    assertThrows(TimeoutException.class, () -> second.get(WAIT_MILLIS, TimeUnit.MILLISECONDS),
        "the second claim must wait for the first unit of work");
    assertFalse(second.isDone());
    release.countDown();
    holder.get(30, TimeUnit.SECONDS);
    return second;
  }
}
