package dev.partnerkit.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The databases the adapter speaks. Detected from {@link java.sql.DatabaseMetaData#getDatabaseProductName()}, or set
 * in {@link JdbcStorage.Builder#dialect(JdbcDialect)}.
 */
public enum JdbcDialect {
  /** PostgreSQL 12 or later: upserts with {@code on conflict}, outbox claims with {@code for update skip locked}. */
  POSTGRESQL("postgresql", " for update skip locked", "cast(? as jsonb)"),
  /** H2 2.x: upserts with {@code merge ... key}, outbox claims with {@code for update}. */
  H2("h2", " for update", "?");

  /**
   * The script names of every schema version, in version order; the same in every dialect's folder. Versions
   * ascend but need not be consecutive: a version that exists on another line of work is installed when it arrives
   * ({@link SchemaInstaller} runs every script whose version is not recorded yet).
   */
  private static final List<String> SCRIPTS = List.of("V1__partnerkit_schema.sql", "V2__record_kernel.sql",
      "V3__identity.sql", "V4__directory_economics.sql", "V5__webhooks.sql");

  private final String folder;
  private final String claimLock;
  private final String jsonParameter;

  JdbcDialect(String folder, String claimLock, String jsonParameter) {
    this.folder = folder;
    this.claimLock = claimLock;
    this.jsonParameter = jsonParameter;
  }

  /**
   * @return the classpath folder of the dialect's schema scripts, e.g. {@code db/partnerkit/postgresql}: a Flyway
   *     location {@code classpath:db/partnerkit/postgresql} finds the scripts as they are
   */
  public String schemaLocation() {
    return "db/partnerkit/" + folder;
  }

  /**
   * @return the classpath resources of the dialect's schema scripts, one per schema version and in ascending version
   *     order (Flyway names: {@code V<version>__<description>.sql}), e.g.
   *     {@code db/partnerkit/postgresql/V1__partnerkit_schema.sql}, then
   *     {@code db/partnerkit/postgresql/V2__record_kernel.sql}, then
   *     {@code db/partnerkit/postgresql/V4__directory_economics.sql}
   */
  public List<String> schemaScripts() {
    return SCRIPTS.stream().map(name -> schemaLocation() + "/" + name).collect(Collectors.toList());
  }

  /**
   * @param productName the database product name reported by the driver
   * @return the dialect for it
   * @throws IllegalArgumentException when the database is neither PostgreSQL nor H2
   */
  public static JdbcDialect fromProductName(String productName) {
    String name = productName.trim().toLowerCase(Locale.ROOT);
    if (name.equals("postgresql")) {
      return POSTGRESQL;
    }
    if (name.equals("h2")) {
      return H2;
    }
    throw new IllegalArgumentException("Partnerkit's JDBC adapter supports PostgreSQL and H2, but the database is "
        + productName + "; set the dialect explicitly if it speaks one of them");
  }

  /**
   * Opens one connection and asks the driver which database it is.
   *
   * @param dataSource the host's data source
   * @return the dialect
   * @throws JdbcStorageException when no connection can be had
   * @throws IllegalArgumentException when the database is neither PostgreSQL nor H2
   */
  public static JdbcDialect detect(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      return fromProductName(connection.getMetaData().getDatabaseProductName());
    } catch (SQLException e) {
      throw new JdbcStorageException("could not detect the database dialect", e);
    }
  }

  /** The parameter mark of a JSON column: PostgreSQL's jsonb takes text only through a cast. */
  String jsonParameter() {
    return jsonParameter;
  }

  /** The row lock a claim of outbox events takes. */
  String claimLock() {
    return claimLock;
  }

  /** An insert-or-replace of one row by its key columns. */
  String upsert(String table, List<String> keyColumns, List<String> valueColumns) {
    String all = String.join(", ", keyColumns) + ", " + String.join(", ", valueColumns);
    String marks = "?" + ", ?".repeat(keyColumns.size() + valueColumns.size() - 1);
    if (this == H2) {
      return "merge into " + table + " (" + all + ") key (" + String.join(", ", keyColumns) + ") values (" + marks + ")";
    }
    return "insert into " + table + " (" + all + ") values (" + marks + ") on conflict (" + String.join(", ", keyColumns)
        + ") do update set " + valueColumns.stream().map(c -> c + " = excluded." + c).collect(Collectors.joining(", "));
  }
}
