package dev.partnerkit.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Creates Partnerkit's tables for hosts without a migration tool (hosts with Flyway or Liquibase run
 * {@link JdbcDialect#schemaScript()} themselves). Runs the dialect's version-1 script from the classpath in one
 * transaction and records it in {@code partnerkit_schema_version}; when that table already lists version 1, it does
 * nothing, so calling it at every start is safe. On H2, DDL commits as it runs, so a failure half-way leaves some
 * tables behind.
 */
public final class SchemaInstaller {
  /** The schema version the scripts of this release create. */
  public static final int CURRENT_VERSION = 1;

  private static final String VERSION_TABLE = "partnerkit_schema_version";

  private SchemaInstaller() {}

  /**
   * Installs the schema, detecting the dialect.
   *
   * @param dataSource the host's data source; the schema goes into the connection's current schema
   * @return {@code true} when the tables were created, {@code false} when they were already there
   * @throws JdbcStorageException when a statement fails
   */
  public static boolean install(DataSource dataSource) {
    return install(dataSource, JdbcDialect.detect(dataSource));
  }

  /**
   * Installs the schema with the given dialect.
   *
   * @param dataSource the host's data source
   * @param dialect the dialect whose script to run
   * @return {@code true} when the tables were created, {@code false} when they were already there
   * @throws JdbcStorageException when a statement fails
   */
  public static boolean install(DataSource dataSource, JdbcDialect dialect) {
    List<String> statements = statements(dialect.schemaScript());
    try (Connection connection = dataSource.getConnection()) {
      if (installedVersion(connection) >= CURRENT_VERSION) {
        return false;
      }
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        for (String sql : statements) {
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.execute();
          }
        }
        connection.commit();
        return true;
      } catch (SQLException e) {
        connection.rollback();
        connection.setAutoCommit(true);
        if (installedVersion(connection) >= CURRENT_VERSION) {
          return false; // another process installed it at the same time
        }
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new JdbcStorageException("could not install the Partnerkit schema", e);
    }
  }

  /**
   * @param dataSource the host's data source
   * @return the highest installed schema version, or 0 when the schema is not installed
   * @throws JdbcStorageException when the database cannot be read
   */
  public static int installedVersion(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      return installedVersion(connection);
    } catch (SQLException e) {
      throw new JdbcStorageException("could not read the Partnerkit schema version", e);
    }
  }

  private static int installedVersion(Connection connection) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    String table = meta.storesUpperCaseIdentifiers() ? VERSION_TABLE.toUpperCase(Locale.ROOT) : VERSION_TABLE;
    boolean exists;
    try (ResultSet tables = meta.getTables(connection.getCatalog(), connection.getSchema(), table, null)) {
      exists = tables.next();
    }
    if (!exists) {
      return 0;
    }
    try (PreparedStatement statement = connection.prepareStatement("select max(version) from " + VERSION_TABLE);
        ResultSet row = statement.executeQuery()) {
      return row.next() ? row.getInt(1) : 0;
    }
  }

  /** Reads a script and splits it into statements at lines ending in {@code ;}, dropping {@code --} comment lines. */
  static List<String> statements(String resource) {
    String script;
    try (InputStream in = SchemaInstaller.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the schema script " + resource + " is not on the classpath");
      }
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + resource, e);
    }
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.split("\\R")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("--")) {
        continue;
      }
      if (current.length() > 0) {
        current.append('\n');
      }
      if (trimmed.endsWith(";")) {
        current.append(line, 0, line.lastIndexOf(';'));
        statements.add(current.toString().strip());
        current.setLength(0);
      } else {
        current.append(line);
      }
    }
    if (!current.toString().isBlank()) {
      statements.add(current.toString().strip());
    }
    return statements;
  }
}
