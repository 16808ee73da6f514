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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates and upgrades Partnerkit's tables for hosts without a migration tool (hosts with Flyway or Liquibase run
 * {@link JdbcDialect#schemaScripts()} themselves, from {@link JdbcDialect#schemaLocation()}). Runs every script of
 * the dialect whose version {@code partnerkit_schema_version} does not list yet, in ascending version order, each in
 * a transaction of its own; each script records its version there. Versions need not be consecutive, and a version
 * that arrives after a higher one was installed is still installed (scripts of different versions touch different
 * tables). When every version is listed, it does nothing, so calling it at every start is safe. When another process runs the same
 * script at the same time and wins, the loser's failure is ignored. On H2, DDL commits as it runs, so a failure
 * half-way through a script leaves part of it behind.
 */
public final class SchemaInstaller {
  private static final Logger LOG = LoggerFactory.getLogger(SchemaInstaller.class);
  /** The schema version the scripts of this release create. */
  public static final int CURRENT_VERSION = 5;

  private static final String VERSION_TABLE = "partnerkit_schema_version";
  private static final Pattern SCRIPT_VERSION = Pattern.compile("/V(\\d+)__[^/]*\\.sql$");

  private SchemaInstaller() {}

  /**
   * Installs or upgrades the schema, detecting the dialect.
   *
   * @param dataSource the host's data source; the schema goes into the connection's current schema
   * @return {@code true} when a script ran, {@code false} when the schema was already current
   * @throws JdbcStorageException when a statement fails
   */
  public static boolean install(DataSource dataSource) {
    return install(dataSource, JdbcDialect.detect(dataSource));
  }

  /**
   * Installs or upgrades the schema with the given dialect.
   *
   * @param dataSource the host's data source
   * @param dialect the dialect whose scripts to run
   * @return {@code true} when a script ran, {@code false} when the schema was already current
   * @throws JdbcStorageException when a statement fails
   */
  public static boolean install(DataSource dataSource, JdbcDialect dialect) {
    return installUpTo(dataSource, dialect, CURRENT_VERSION);
  }

  /**
   * Installs the schema up to {@code targetVersion} only: for tests of the upgrade from an older version.
   *
   * @return {@code true} when a script ran
   */
  static boolean installUpTo(DataSource dataSource, JdbcDialect dialect, int targetVersion) {
    List<String> scripts = dialect.schemaScripts();
    boolean ran = false;
    try (Connection connection = dataSource.getConnection()) {
      int previous = 0;
      for (String script : scripts) {
        int version = versionOf(script);
        if (version <= previous) {
          throw new IllegalStateException("schema script " + script + " does not come after version " + previous);
        }
        previous = version;
        if (version <= targetVersion && !isInstalled(connection, version)) {
          LOG.info("Installing Partnerkit schema version {} from {}", version, script);
          ran |= run(connection, version, statements(script));
        }
      }
    } catch (SQLException e) {
      throw new JdbcStorageException("could not install the Partnerkit schema", e);
    }
    return ran;
  }

  /** Runs one script in a transaction; returns {@code false} when another process installed it meanwhile. */
  private static boolean run(Connection connection, int version, List<String> statements) throws SQLException {
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
      if (isInstalled(connection, version)) {
        // another process installed it at the same time
        LOG.info("Partnerkit schema version {} was installed by another process meanwhile ({})", version,
            e.getMessage());
        return false;
      }
      throw new SQLException("schema version " + version + " failed: " + e.getMessage(), e.getSQLState(), e);
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  static int versionOf(String script) {
    Matcher m = SCRIPT_VERSION.matcher(script);
    if (!m.find()) {
      throw new IllegalStateException("not a versioned schema script: " + script);
    }
    return Integer.parseInt(m.group(1));
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

  private static boolean isInstalled(Connection connection, int version) throws SQLException {
    if (!versionTableExists(connection)) {
      return false;
    }
    try (PreparedStatement statement = connection.prepareStatement("select count(*) from " + VERSION_TABLE
        + " where version = ?")) {
      statement.setInt(1, version);
      try (ResultSet row = statement.executeQuery()) {
        return row.next() && row.getInt(1) > 0;
      }
    }
  }

  private static boolean versionTableExists(Connection connection) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    String table = meta.storesUpperCaseIdentifiers() ? VERSION_TABLE.toUpperCase(Locale.ROOT) : VERSION_TABLE;
    try (ResultSet tables = meta.getTables(connection.getCatalog(), connection.getSchema(), table, null)) {
      return tables.next();
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
