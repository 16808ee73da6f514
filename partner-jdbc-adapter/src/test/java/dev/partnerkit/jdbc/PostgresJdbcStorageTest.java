package dev.partnerkit.jdbc;

import static dev.partnerkit.jdbc.Samples.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnerkit.spi.OutboxEvent;
import dev.partnerkit.spi.PartnerkitStorage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The adapter on embedded PostgreSQL, with the session time zone set to America/Chicago. */
class PostgresJdbcStorageTest extends AbstractJdbcStorageTest {
  @Override
  protected DataSource dataSource() {
    return TestDatabases.sharedPostgres();
  }

  @Override
  protected DataSource freshDataSource() {
    return TestDatabases.freshPostgres();
  }

  @Override
  protected JdbcDialect expectedDialect() {
    return JdbcDialect.POSTGRESQL;
  }

  @Test
  void reportsTheServerVersion() {
    String version = TestDatabases.postgresVersion();
    System.out.println("embedded PostgreSQL " + version);
    assertTrue(version.startsWith("16."), version);
  }

  @Test
  void concurrentClaimsSkipLockedEventsAndGetDisjointSets() throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      OutboxEvent e = Samples.event(tenant, "ev-" + i, T0.plusSeconds(i));
      storage.outbox().append(e);
      ids.add(e.eventId());
    }
    PartnerkitStorage relayA = JdbcStorage.builder(dataSource()).build();
    PartnerkitStorage relayB = JdbcStorage.builder(dataSource()).build();
    CountDownLatch aClaimed = new CountDownLatch(1);
    CountDownLatch bClaimed = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<List<String>> a = pool.submit(() -> relayA.unitOfWork().inTransaction(() -> {
        List<String> claimed = eventIds(relayA.outbox().claimPending(tenant, 3));
        aClaimed.countDown();
        await(bClaimed); // keep the row locks until B has claimed
        claimed.forEach(id -> relayA.outbox().markPublished(tenant, id, T0.plusSeconds(60)));
        return claimed;
      }));
      Future<List<String>> b = pool.submit(() -> {
        await(aClaimed);
        return relayB.unitOfWork().inTransaction(() -> {
          List<String> claimed = eventIds(relayB.outbox().claimPending(tenant, 10));
          bClaimed.countDown();
          claimed.forEach(id -> relayB.outbox().markPublished(tenant, id, T0.plusSeconds(61)));
          return claimed;
        });
      });
      List<String> claimedByA = a.get(30, TimeUnit.SECONDS);
      List<String> claimedByB = b.get(30, TimeUnit.SECONDS);
      assertEquals(ids.subList(0, 3), claimedByA);
      assertEquals(ids.subList(3, 6), claimedByB);
      Set<String> union = new HashSet<>(claimedByA);
      union.addAll(claimedByB);
      assertEquals(Set.copyOf(ids), union);
      assertEquals(0, storage.outbox().countPending(tenant));
    } finally {
      pool.shutdownNow();
    }
  }

  private static List<String> eventIds(List<OutboxEvent> events) {
    List<String> ids = new ArrayList<>();
    events.forEach(e -> ids.add(e.eventId()));
    return ids;
  }

  /** Waits at most 20 seconds for {@code latch}, which another thread of the test counts down. */
  static void await(CountDownLatch latch) {
    try {
      if (!latch.await(20, TimeUnit.SECONDS)) {
        throw new IllegalStateException("timed out waiting for the other thread");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
