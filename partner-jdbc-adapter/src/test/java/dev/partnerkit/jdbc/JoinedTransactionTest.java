package dev.partnerkit.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnerkit.domain.AccessGrant;
import dev.partnerkit.domain.GrantStatus;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.spi.VersionConflictException;
import dev.partnerkit.tck.Fixtures;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Joined mode: Partnerkit's units of work run on the host's open transaction, under a savepoint, and never commit,
 * roll back, close or switch the auto-commit mode of the host's connection; a failed unit of work leaves the host's
 * transaction as it was before it began, and usable (on PostgreSQL a failed statement would otherwise abort it).
 */
class JoinedTransactionTest {
  /** One database per dialect: the schema plus a host table and a check that refuses one outbox event type. */
  private static final Map<JdbcDialect, DataSource> DATABASES = new EnumMap<>(JdbcDialect.class);
  private static final String REFUSED_TYPE = "test.refused";

  private final List<Connection> opened = new ArrayList<>();

  private static synchronized DataSource database(JdbcDialect dialect) {
    return DATABASES.computeIfAbsent(dialect, d -> {
      DataSource ds = TestDatabases.fresh(d);
      SchemaInstaller.install(ds, d);
      try (Connection c = ds.getConnection(); var s = c.createStatement()) {
        s.execute("create table host_order (tenant_id varchar(64) not null, order_id varchar(64) not null)");
        s.execute("alter table pk_outbox_event add constraint ck_test_refused check (event_type <> '"
            + REFUSED_TYPE + "')");
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
      return ds;
    });
  }

  /** What the host's connection saw of Partnerkit: every call that would end or change the host's transaction. */
  private static final class HostCalls {
    final List<String> forbidden = new ArrayList<>();
    final AtomicInteger savepointRollbacks = new AtomicInteger();
  }

  /** @return the host's connection, with a transaction open; the host itself uses it as it is */
  private Connection hostConnection(JdbcDialect dialect) throws SQLException {
    Connection real = database(dialect).getConnection();
    opened.add(real);
    real.setAutoCommit(false);
    return real;
  }

  /** @return the host's connection as Partnerkit gets it: wrapped to record what Partnerkit calls on it */
  private static Connection watched(Connection real, HostCalls calls) {
    return (Connection) Proxy.newProxyInstance(JoinedTransactionTest.class.getClassLoader(),
        new Class<?>[] {Connection.class},
        (proxy, method, args) -> {
          String name = method.getName();
          boolean withSavepoint = args != null && args.length == 1 && args[0] instanceof java.sql.Savepoint;
          if (name.equals("rollback") && withSavepoint) {
            calls.savepointRollbacks.incrementAndGet();
          } else if (name.equals("commit") || name.equals("rollback") || name.equals("close")
              || name.equals("setAutoCommit") || name.equals("abort")) {
            calls.forbidden.add(name);
          }
          try {
            return method.invoke(real, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  private static JdbcStorage joined(JdbcDialect dialect, Connection host, HostCalls calls) {
    Connection seen = watched(host, calls);
    return JdbcStorage.builder(database(dialect)).dialect(dialect)
        .connections(ConnectionProvider.joined(() -> seen)).build();
  }

  private static JdbcStorage standalone(JdbcDialect dialect) {
    return JdbcStorage.builder(database(dialect)).dialect(dialect).build();
  }

  private static void hostInsert(Connection host, TenantId tenant, String orderId) throws SQLException {
    try (var s = host.prepareStatement("insert into host_order (tenant_id, order_id) values (?, ?)")) {
      s.setString(1, tenant.value());
      s.setString(2, orderId);
      s.executeUpdate();
    }
  }

  /** @return the tenant's host orders, counted on a connection of its own (committed rows only) */
  private static long committedOrders(JdbcDialect dialect, TenantId tenant) throws SQLException {
    try (Connection c = database(dialect).getConnection();
        var s = c.prepareStatement("select count(*) from host_order where tenant_id = ?")) {
      s.setString(1, tenant.value());
      try (var r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  @AfterEach
  void closeHostConnections() throws SQLException {
    for (Connection c : opened) {
      if (!c.isClosed()) {
        if (!c.getAutoCommit()) {
          c.rollback();
        }
        c.close();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(JdbcDialect.class)
  void theHostsCommitCommitsPartnerkitsRowsAndNothingBefore(JdbcDialect dialect) throws SQLException {
    HostCalls calls = new HostCalls();
    Connection host = hostConnection(dialect);
    JdbcStorage storage = joined(dialect, host, calls);
    JdbcStorage outside = standalone(dialect);
    TenantId tenant = Samples.freshTenant();

    hostInsert(host, tenant, "o-1");
    storage.unitOfWork().inTransaction(() -> {
      storage.grants().insert(Fixtures.grant(tenant, "g-1", Fixtures.ACME));
      storage.outbox().append(Fixtures.event(tenant, "ev-1", Fixtures.at(1)));
      return null;
    });
    storage.outbox().append(Fixtures.event(tenant, "ev-2", Fixtures.at(2))); // a store call outside a unit of work

    assertEquals(1, storage.grants().count(tenant), "the host's transaction sees Partnerkit's rows");
    assertEquals(0, outside.grants().count(tenant), "nothing is committed before the host commits");
    assertEquals(0, outside.outbox().countPending(tenant));
    host.commit();
    assertEquals(1, outside.grants().count(tenant));
    assertEquals(2, outside.outbox().countPending(tenant));
    assertEquals(1, committedOrders(dialect, tenant));
    assertEquals(List.of(), calls.forbidden, "Partnerkit never commits, rolls back, closes or switches auto-commit");
    assertFalse(host.isClosed());
  }

  @ParameterizedTest
  @EnumSource(JdbcDialect.class)
  void theHostsRollbackRemovesPartnerkitsRows(JdbcDialect dialect) throws SQLException {
    HostCalls calls = new HostCalls();
    Connection host = hostConnection(dialect);
    JdbcStorage storage = joined(dialect, host, calls);
    TenantId tenant = Samples.freshTenant();

    hostInsert(host, tenant, "o-1");
    storage.unitOfWork().inTransaction(() -> {
      storage.grants().insert(Fixtures.grant(tenant, "g-1", Fixtures.ACME));
      storage.decisions().append(Fixtures.allowed(tenant, "d-1", Fixtures.at(1)));
      return null;
    });
    host.rollback();
    JdbcStorage outside = standalone(dialect);
    assertEquals(0, outside.grants().count(tenant));
    assertEquals(0, outside.decisions().count(tenant));
    assertEquals(0, committedOrders(dialect, tenant));
    assertEquals(List.of(), calls.forbidden);
  }

  @ParameterizedTest
  @EnumSource(JdbcDialect.class)
  void aFailedStatementUndoesOnlyPartnerkitsPartAndTheHostGoesOn(JdbcDialect dialect) throws SQLException {
    HostCalls calls = new HostCalls();
    Connection host = hostConnection(dialect);
    JdbcStorage storage = joined(dialect, host, calls);
    TenantId tenant = Samples.freshTenant();

    hostInsert(host, tenant, "o-1");
    JdbcStorageException failure = assertThrows(JdbcStorageException.class,
        () -> storage.unitOfWork().inTransaction(() -> {
          storage.grants().insert(Fixtures.grant(tenant, "g-1", Fixtures.ACME));
          storage.outbox().append(refused(tenant, "ev-1"));
          return null;
        }));
    assertTrue(String.valueOf(failure.sqlState()).startsWith("2351"), failure.getMessage()); // check violation
    assertTrue(calls.savepointRollbacks.get() >= 1, "rolled back to a savepoint");

    // the host's transaction is usable (PostgreSQL would refuse every statement of an aborted one) and holds only
    // the host's own rows
    hostInsert(host, tenant, "o-2");
    assertEquals(0, storage.grants().count(tenant));
    host.commit();
    assertEquals(2, committedOrders(dialect, tenant));
    assertEquals(0, standalone(dialect).grants().count(tenant));
    assertEquals(List.of(), calls.forbidden);
  }

  @ParameterizedTest
  @EnumSource(JdbcDialect.class)
  void aFailureOfTheWorkIsRethrownUnchangedAfterTheSavepointIsRestored(JdbcDialect dialect) throws SQLException {
    HostCalls calls = new HostCalls();
    Connection host = hostConnection(dialect);
    JdbcStorage storage = joined(dialect, host, calls);
    TenantId tenant = Samples.freshTenant();
    storage.grants().insert(Fixtures.grant(tenant, "g-1", Fixtures.ACME));

    IllegalStateException thrown = new IllegalStateException("the host's rule said no");
    assertSame(thrown, assertThrows(IllegalStateException.class, () -> storage.unitOfWork().inTransaction(() -> {
      storage.outbox().append(Fixtures.event(tenant, "ev-1", Fixtures.at(1)));
      throw thrown;
    })));
    // a conflict inside the unit of work is the SPI's typed conflict, unchanged, and also undoes the unit's part
    assertThrows(VersionConflictException.class, () -> storage.unitOfWork().inTransaction(() -> {
      storage.outbox().append(Fixtures.event(tenant, "ev-2", Fixtures.at(2)));
      storage.grants().insert(Fixtures.grant(tenant, "g-1", Fixtures.ACME));
      return null;
    }));
    host.commit();
    JdbcStorage outside = standalone(dialect);
    assertEquals(1, outside.grants().count(tenant), "the unit of work before the failures stays");
    assertEquals(0, outside.outbox().countPending(tenant), "both failed units of work left nothing");
    assertEquals(List.of(), calls.forbidden);
  }

  @ParameterizedTest
  @EnumSource(JdbcDialect.class)
  void workThatSwallowsAFailedStatementIsStillUndone(JdbcDialect dialect) throws SQLException {
    Connection host = hostConnection(dialect);
    JdbcStorage storage = joined(dialect, host, new HostCalls());
    TenantId tenant = Samples.freshTenant();
    JdbcStorageException failure = assertThrows(JdbcStorageException.class,
        () -> storage.unitOfWork().inTransaction(() -> {
          storage.grants().insert(Fixtures.grant(tenant, "g-1", Fixtures.ACME));
          try {
            storage.outbox().append(refused(tenant, "ev-1"));
          } catch (JdbcStorageException swallowed) {
            // the work goes on as if nothing happened
          }
          return "done";
        }));
    assertTrue(failure.getMessage().contains("the work went on"), failure.getMessage());
    hostInsert(host, tenant, "o-1");
    host.commit();
    assertEquals(0, standalone(dialect).grants().count(tenant));
    assertEquals(1, committedOrders(dialect, tenant));
  }

  @ParameterizedTest
  @EnumSource(JdbcDialect.class)
  void withoutAnOpenHostTransactionNothingIsWrittenAndTheConnectionIsHandedBack(JdbcDialect dialect)
      throws SQLException {
    Connection autoCommitting = database(dialect).getConnection();
    opened.add(autoCommitting);
    AtomicInteger released = new AtomicInteger();
    JdbcStorage storage = JdbcStorage.builder(database(dialect)).dialect(dialect)
        .connections(ConnectionProvider.joined(() -> autoCommitting, c -> released.incrementAndGet())).build();
    TenantId tenant = Samples.freshTenant();
    assertThrows(HostTransactionRequiredException.class,
        () -> storage.grants().insert(Fixtures.grant(tenant, "g-1", Fixtures.ACME)));
    assertEquals(1, released.get());
    assertTrue(autoCommitting.getAutoCommit(), "the host's auto-commit mode is left alone");
    assertEquals(0, standalone(dialect).grants().count(tenant));
  }

  @ParameterizedTest
  @EnumSource(JdbcDialect.class)
  void everyUnitOfWorkHandsTheHostsConnectionBackOnce(JdbcDialect dialect) throws SQLException {
    Connection host = hostConnection(dialect);
    AtomicInteger acquired = new AtomicInteger();
    AtomicInteger released = new AtomicInteger();
    JdbcStorage storage = JdbcStorage.builder(database(dialect)).dialect(dialect)
        .connections(ConnectionProvider.joined(() -> {
          acquired.incrementAndGet();
          return host;
        }, c -> released.incrementAndGet())).build();
    TenantId tenant = Samples.freshTenant();
    storage.unitOfWork().inTransaction(() -> {
      storage.grants().insert(Fixtures.grant(tenant, "g-1", Fixtures.ACME));
      return storage.unitOfWork().inTransaction(() -> storage.grants().count(tenant)); // nested: joins
    });
    assertThrows(IllegalStateException.class, () -> storage.unitOfWork().inTransaction(() -> {
      throw new IllegalStateException("no");
    }));
    assertEquals(2, acquired.get());
    assertEquals(2, released.get());
    assertTrue(storage.joinsHostTransaction());
  }

  /** PostgreSQL at repeatable read: a row changed since the host's snapshot cannot be updated (SQLState 40001). */
  @Test
  void aConflictIsNotRetriedButTypedForTheHostToRetry() throws Exception {
    JdbcDialect dialect = JdbcDialect.POSTGRESQL;
    HostCalls calls = new HostCalls();
    Connection host = hostConnection(dialect);
    host.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
    JdbcStorage storage = joined(dialect, host, calls);
    JdbcStorage outside = standalone(dialect);
    TenantId tenant = Samples.freshTenant();
    AccessGrant grant = Fixtures.grant(tenant, "g-1", Fixtures.ACME);
    outside.grants().insert(grant);

    hostInsert(host, tenant, "o-1"); // the host's transaction takes its snapshot
    outside.grants().update(grant.moveTo(GrantStatus.SUSPENDED)); // a concurrent transaction commits a change
    AtomicInteger runs = new AtomicInteger();
    TransactionConflictException conflict = assertThrows(TransactionConflictException.class,
        () -> storage.unitOfWork().inTransaction(() -> {
          runs.incrementAndGet();
          storage.outbox().append(Fixtures.event(tenant, "ev-1", Fixtures.at(1)));
          storage.grants().update(grant.moveTo(GrantStatus.REVOKED)); // as of the host's snapshot
          return null;
        }));
    assertEquals(1, runs.get(), "joined units of work are never run again by Partnerkit");
    assertTrue(conflict.hostMustRetry());
    assertEquals(1, conflict.attempts());
    assertEquals("40001", conflict.sqlState());
    assertTrue(calls.savepointRollbacks.get() >= 1);
    hostInsert(host, tenant, "o-2"); // still usable: the host decides to roll back and retry
    host.rollback();
    assertEquals(GrantStatus.SUSPENDED, outside.grants().find(tenant, grant.grantId()).orElseThrow().status());
    assertEquals(0, outside.outbox().countPending(tenant));
    assertEquals(List.of(), calls.forbidden);
  }

  private static dev.partnerkit.spi.OutboxEvent refused(TenantId tenant, String id) {
    return dev.partnerkit.spi.OutboxEvent.builder().from(Fixtures.event(tenant, id, Fixtures.at(5)))
        .type(REFUSED_TYPE).build();
  }
}
