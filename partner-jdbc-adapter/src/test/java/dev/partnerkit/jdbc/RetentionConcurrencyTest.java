package dev.partnerkit.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.partnerkit.domain.TenantId;
import dev.partnerkit.spi.RetentionStore;
import dev.partnerkit.tck.Fixtures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Several host instances purging the same tenant at once: every old row is deleted exactly once, by one of them,
 * none fails, and every young row stays.
 */
class RetentionConcurrencyTest {
  private static final int OLD = 240;
  private static final int YOUNG = 30;
  private static final int INSTANCES = 4;
  private static final int BATCH = 7;

  @ParameterizedTest
  @EnumSource(JdbcDialect.class)
  void instancesPurgingAtOnceDeleteEveryOldRowOnce(JdbcDialect dialect) throws Exception {
    DataSource[] sources = dialect == JdbcDialect.POSTGRESQL ? TestDatabases.twoPostgresDataSourcesOnOneDatabase()
        : new DataSource[] {TestDatabases.sharedH2(), TestDatabases.sharedH2()};
    if (dialect == JdbcDialect.POSTGRESQL) {
      SchemaInstaller.install(sources[0]);
    }
    TenantId tenant = Samples.freshTenant();
    Instant cutoff = Fixtures.at(1_000_000);
    JdbcStorage writer = JdbcStorage.builder(sources[0]).build();
    writer.unitOfWork().inTransaction(() -> {
      for (int i = 0; i < OLD + YOUNG; i++) {
        Instant when = i < OLD ? Fixtures.at(i) : cutoff.plusSeconds(i);
        writer.decisions().append(Fixtures.allowed(tenant, String.format("d-%04d", i), when));
        writer.activity().append(Fixtures.internalEntry(tenant, String.format("e-%04d", i), when));
      }
      return null;
    });

    CyclicBarrier start = new CyclicBarrier(INSTANCES);
    ExecutorService pool = Executors.newFixedThreadPool(INSTANCES);
    List<Future<int[]>> results = new ArrayList<>();
    try {
      for (int n = 0; n < INSTANCES; n++) {
        RetentionStore retention = JdbcStorage.builder(sources[n % 2]).build().retention();
        results.add(pool.submit(() -> {
          start.await(10, TimeUnit.SECONDS);
          int decisions = 0;
          int activity = 0;
          for (int d = retention.purgeDecisions(tenant, cutoff, BATCH); d > 0;
              d = retention.purgeDecisions(tenant, cutoff, BATCH)) {
            decisions += d;
          }
          for (int a = retention.purgeActivity(tenant, cutoff, BATCH); a > 0;
              a = retention.purgeActivity(tenant, cutoff, BATCH)) {
            activity += a;
          }
          return new int[] {decisions, activity};
        }));
      }
      int decisions = 0;
      int activity = 0;
      for (Future<int[]> result : results) {
        int[] counts = result.get(60, TimeUnit.SECONDS);
        decisions += counts[0];
        activity += counts[1];
      }
      assertEquals(OLD, decisions, "every old decision deleted once");
      assertEquals(OLD, activity, "every old activity entry deleted once");
    } finally {
      pool.shutdownNow();
    }
    assertEquals(YOUNG, writer.decisions().count(tenant));
    assertEquals(YOUNG, writer.activity().count(tenant, dev.partnerkit.spi.ActivityQuery.builder().build()));
  }
}
