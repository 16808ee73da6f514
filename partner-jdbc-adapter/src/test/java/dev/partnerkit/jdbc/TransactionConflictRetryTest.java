package dev.partnerkit.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnerkit.domain.AccessGrant;
import dev.partnerkit.domain.GrantStatus;
import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.tck.Fixtures;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Standalone mode: a unit of work the database rolls back for a concurrent transaction (serialization failure 40001,
 * deadlock 40P01) runs again as a whole, a bounded number of times with a pause in between, and then fails typed.
 */
class TransactionConflictRetryTest {
  private static final Duration FAST = Duration.ofMillis(1);

  /** A statement failure as the driver reports a conflict. */
  private static JdbcStorageException conflict(String state) {
    return new JdbcStorageException("statement failed", new SQLException("conflict", state));
  }

  @ParameterizedTest
  @ValueSource(strings = {"40001", "40P01"})
  void aConflictRunsTheWholeWorkAgainOnAFreshTransaction(String state) {
    JdbcStorage storage = JdbcStorage.builder(TestDatabases.sharedH2()).retryTransactionConflicts(3, FAST).build();
    TenantId tenant = Samples.freshTenant();
    AtomicInteger runs = new AtomicInteger();
    String result = storage.unitOfWork().inTransaction(() -> {
      int run = runs.incrementAndGet();
      storage.outbox().append(Fixtures.event(tenant, "ev-" + run, Fixtures.at(run)));
      if (run < 3) {
        throw conflict(state);
      }
      return "run " + run;
    });
    assertEquals("run 3", result);
    assertEquals(1, storage.outbox().countPending(tenant), "the failed attempts were rolled back");
  }

  @Test
  void afterTheLastAttemptTheConflictIsTypedAndNothingIsWritten() {
    JdbcStorage storage = JdbcStorage.builder(TestDatabases.sharedH2()).retryTransactionConflicts(4, FAST).build();
    TenantId tenant = Samples.freshTenant();
    AtomicInteger runs = new AtomicInteger();
    JdbcStorageException last = conflict("40P01");
    TransactionConflictException e = assertThrows(TransactionConflictException.class,
        () -> storage.unitOfWork().inTransaction(() -> {
          storage.outbox().append(Fixtures.event(tenant, "ev-" + runs.incrementAndGet(), Fixtures.at(1)));
          throw last;
        }));
    assertEquals(4, runs.get());
    assertEquals(4, e.attempts());
    assertFalse(e.hostMustRetry());
    assertEquals("40P01", e.sqlState());
    assertSame(last, e.getSuppressed()[0]);
    assertEquals(0, storage.outbox().countPending(tenant));
  }

  @Test
  void otherFailuresAreNeverRetried() {
    JdbcStorage storage = JdbcStorage.builder(TestDatabases.sharedH2()).build();
    AtomicInteger runs = new AtomicInteger();
    JdbcStorageException other = new JdbcStorageException("statement failed", new SQLException("x", "23502"));
    assertSame(other, assertThrows(JdbcStorageException.class, () -> storage.unitOfWork().inTransaction(() -> {
      runs.incrementAndGet();
      throw other;
    })));
    assertEquals(1, runs.get());
  }

  @Test
  void aConflictSwallowedByTheWorkIsStillRetried() {
    JdbcStorage storage = JdbcStorage.builder(TestDatabases.sharedH2()).retryTransactionConflicts(2, FAST).build();
    AtomicInteger runs = new AtomicInteger();
    // on PostgreSQL every statement after the conflict fails with 25P02; the conflict is what counts
    String result = storage.unitOfWork().inTransaction(() -> {
      if (runs.incrementAndGet() == 1) {
        try {
          throw conflict("40001");
        } catch (JdbcStorageException swallowed) {
          IllegalStateException later = new IllegalStateException("current transaction is aborted");
          later.addSuppressed(swallowed);
          throw later;
        }
      }
      return "ok";
    });
    assertEquals("ok", result);
    assertEquals(2, runs.get());
  }

  @Test
  void oneAttemptMeansNoRetryAndTheBuilderRefusesNonsense() {
    JdbcStorage storage = JdbcStorage.builder(TestDatabases.sharedH2()).retryTransactionConflicts(1, Duration.ZERO)
        .build();
    AtomicInteger runs = new AtomicInteger();
    assertEquals(1, assertThrows(TransactionConflictException.class, () -> storage.unitOfWork().inTransaction(() -> {
      runs.incrementAndGet();
      throw conflict("40001");
    })).attempts());
    assertEquals(1, runs.get());
    JdbcStorage.Builder builder = JdbcStorage.builder(TestDatabases.sharedH2());
    assertThrows(InvalidValueException.class, () -> builder.retryTransactionConflicts(0, FAST));
    assertThrows(InvalidValueException.class, () -> builder.retryTransactionConflicts(3, Duration.ofMillis(-1)));
  }

  /**
   * A real serialization failure: at serializable isolation, the first attempt reads a grant, a concurrent
   * transaction changes and commits it, and the attempt's update fails with 40001; the second attempt reads the new
   * version and succeeds.
   */
  @Test
  void aRealPostgresSerializationFailureIsRetriedAndTheSecondAttemptWins() throws SQLException {
    PGSimpleDataSource serializable = (PGSimpleDataSource) TestDatabases.freshPostgres();
    SchemaInstaller.install(serializable);
    serializable.setOptions(serializable.getOptions() + " -c default_transaction_isolation=serializable");
    JdbcStorage storage = JdbcStorage.builder(serializable).retryTransactionConflicts(3, FAST).build();
    TenantId tenant = Samples.freshTenant();
    AccessGrant grant = Fixtures.grant(tenant, "g-1", Fixtures.ACME);
    storage.grants().insert(grant);

    AtomicInteger runs = new AtomicInteger();
    long version = storage.unitOfWork().inTransaction(() -> {
      AccessGrant seen = storage.grants().find(tenant, grant.grantId()).orElseThrow();
      if (runs.incrementAndGet() == 1) {
        bumpVersionElsewhere(serializable, tenant);
      }
      AccessGrant suspended = seen.moveTo(GrantStatus.SUSPENDED);
      storage.grants().update(suspended);
      return suspended.version();
    });
    assertEquals(2, runs.get());
    assertEquals(2, version, "the second attempt read the concurrent change");
    assertEquals(GrantStatus.SUSPENDED, storage.grants().find(tenant, grant.grantId()).orElseThrow().status());
    assertTrue(storage.grants().find(tenant, grant.grantId()).orElseThrow().version() == 2);
  }

  private static void bumpVersionElsewhere(DataSource ds, TenantId tenant) {
    try (Connection c = ds.getConnection();
        var s = c.prepareStatement("update pk_access_grant set version = version + 1 where tenant_id = ?")) {
      s.setString(1, tenant.value());
      assertEquals(1, s.executeUpdate());
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
