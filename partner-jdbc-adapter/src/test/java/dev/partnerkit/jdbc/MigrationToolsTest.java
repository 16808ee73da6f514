package dev.partnerkit.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnerkit.tck.Fixtures;
import dev.partnerkit.domain.TenantId;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import java.util.Map;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.ui.LoggerUIService;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Flyway and Liquibase run the shipped scripts as they are (Liquibase through the shipped changelog, which includes the
 * same files), on H2 and PostgreSQL, and build exactly the schema {@link SchemaInstaller} builds; Partnerkit's Flyway
 * history lives in a table of its own beside a host's own {@code V1}, as the README shows.
 */
class MigrationToolsTest {
  /** Partnerkit's own Flyway history table, as the README names it. */
  private static final String HISTORY = "partnerkit_schema_history";
  private static final Set<String> NOT_PARTNERKIT = Set.of(HISTORY, "flyway_schema_history", "host_order",
      "databasechangelog", "databasechangeloglock");

  /** @return the Flyway the README configures for Partnerkit's scripts */
  private static Flyway partnerkitFlyway(DataSource ds, JdbcDialect dialect) {
    return Flyway.configure()
        .dataSource(ds)
        .locations("classpath:" + dialect.schemaLocation())
        .table(HISTORY)
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load();
  }

  @ParameterizedTest
  @EnumSource(JdbcDialect.class)
  void flywayBuildsTheInstallersSchemaInItsOwnHistoryTable(JdbcDialect dialect) throws SQLException {
    DataSource ds = TestDatabases.fresh(dialect);
    MigrateResult result = partnerkitFlyway(ds, dialect).migrate();
    assertEquals(dialect.schemaScripts().size(), result.migrationsExecuted);
    assertEquals(String.valueOf(SchemaInstaller.CURRENT_VERSION), result.targetSchemaVersion);
    assertEquals(SchemaInstaller.CURRENT_VERSION, SchemaInstaller.installedVersion(ds));
    assertFalse(SchemaInstaller.install(ds), "the installer finds the schema current");
    assertEquals(installersSchema(dialect), schema(ds));
    assertEquals(0, partnerkitFlyway(ds, dialect).migrate().migrationsExecuted, "a second run does nothing");
    works(ds);
  }

  @ParameterizedTest
  @EnumSource(JdbcDialect.class)
  void partnerkitsMigrationsKeepTheirOwnHistoryBesideTheHostsOwnV1(JdbcDialect dialect) throws SQLException {
    DataSource ds = TestDatabases.fresh(dialect);
    Flyway host = Flyway.configure().dataSource(ds).load(); // the host's own db/migration/V1__host_orders.sql
    assertEquals(1, host.migrate().migrationsExecuted);
    assertEquals(dialect.schemaScripts().size(), partnerkitFlyway(ds, dialect).migrate().migrationsExecuted);
    assertEquals("1", host.info().current().getVersion().getVersion(), "the host's V1 is the host's");
    assertEquals(String.valueOf(SchemaInstaller.CURRENT_VERSION),
        partnerkitFlyway(ds, dialect).info().current().getVersion().getVersion());
    assertEquals(0, host.migrate().migrationsExecuted);
    assertTrue(schema(ds).containsAll(installersSchema(dialect)));
    works(ds);
  }

  @ParameterizedTest
  @EnumSource(JdbcDialect.class)
  void flywayTakesOverASchemaTheInstallerStartedAtVersionOne(JdbcDialect dialect) throws SQLException {
    DataSource ds = TestDatabases.fresh(dialect);
    SchemaInstaller.installUpTo(ds, dialect, 1);
    Flyway flyway = Flyway.configure().dataSource(ds).locations("classpath:" + dialect.schemaLocation())
        .table(HISTORY).baselineOnMigrate(true).baselineVersion("1").load();
    assertEquals(dialect.schemaScripts().size() - 1, flyway.migrate().migrationsExecuted, "all but V1 run");
    assertEquals(installersSchema(dialect), schema(ds));
  }

  @ParameterizedTest
  @EnumSource(JdbcDialect.class)
  void liquibaseRunsTheShippedChangelogOverTheSameScripts(JdbcDialect dialect) throws Exception {
    DataSource ds = TestDatabases.fresh(dialect);
    String hostChangelog = "db/host/changelog-" + dialect.schemaLocation().substring("db/partnerkit/".length())
        + ".xml";
    liquibaseUpdate(ds, hostChangelog); // the host's changelog includes Partnerkit's
    assertEquals(SchemaInstaller.CURRENT_VERSION, SchemaInstaller.installedVersion(ds));
    Set<String> all = schema(ds);
    assertEquals(installersSchema(dialect), all);
    liquibaseUpdate(ds, hostChangelog); // nothing left to run
    assertEquals(dialect.schemaScripts().size() + 1, count(ds, "select count(*) from databasechangelog"));
    assertEquals(dialect.schemaScripts().size(),
        count(ds, "select count(*) from databasechangelog where filename = 'db/partnerkit/changelog.xml'"));
    assertEquals(0, count(ds, "select count(*) from host_order"), "the host's own change set ran");
    works(ds);

    // a schema the installer started at version 1: Liquibase marks V1 as ran and runs V2 only
    DataSource started = TestDatabases.fresh(dialect);
    SchemaInstaller.installUpTo(started, dialect, 1);
    liquibaseUpdate(started, dialect.schemaLocation() + "/changelog.xml");
    assertEquals(installersSchema(dialect), schema(started));
    assertEquals(1, count(started, "select count(*) from databasechangelog where exectype = 'MARK_RAN'"));
  }

  /** Liquibase logs through java.util.logging and prints to standard out: keep the build output to warnings. */
  private static final java.util.logging.Logger LIQUIBASE_LOG = java.util.logging.Logger.getLogger("liquibase");

  static {
    LIQUIBASE_LOG.setLevel(java.util.logging.Level.WARNING);
  }

  private static void liquibaseUpdate(DataSource ds, String changelog) throws Exception {
    try (Connection c = ds.getConnection()) {
      Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
      @SuppressWarnings("deprecation")
      Liquibase liquibase = new Liquibase(changelog, new ClassLoaderResourceAccessor(), database);
      Scope.child(Map.of(Scope.Attr.ui.name(), new LoggerUIService(), "liquibase.command.showSummaryOutput", "log"),
          () -> liquibase.update(""));
    }
  }

  /** A migrated schema takes a write and reads it back. */
  private static void works(DataSource ds) {
    JdbcStorage storage = JdbcStorage.builder(ds).build();
    TenantId tenant = Samples.freshTenant();
    storage.grants().insert(Fixtures.grant(tenant, "g-1", Fixtures.ACME));
    assertEquals(1, storage.grants().count(tenant));
  }

  private static final java.util.Map<JdbcDialect, Set<String>> INSTALLED = new java.util.EnumMap<>(JdbcDialect.class);

  private static synchronized Set<String> installersSchema(JdbcDialect dialect) throws SQLException {
    Set<String> known = INSTALLED.get(dialect);
    if (known == null) {
      DataSource ds = TestDatabases.fresh(dialect);
      SchemaInstaller.install(ds, dialect);
      known = schema(ds);
      INSTALLED.put(dialect, known);
    }
    return known;
  }

  /** @return every Partnerkit column of the current schema as "table.column type nullable" */
  private static Set<String> schema(DataSource ds) throws SQLException {
    Set<String> columns = new TreeSet<>();
    try (Connection c = ds.getConnection();
        var s = c.prepareStatement("select table_name, column_name, data_type, is_nullable"
            + " from information_schema.columns where table_schema = current_schema");
        var r = s.executeQuery()) {
      while (r.next()) {
        String table = r.getString(1).toLowerCase(Locale.ROOT);
        if (!NOT_PARTNERKIT.contains(table)) {
          columns.add(table + "." + r.getString(2).toLowerCase(Locale.ROOT) + " " + r.getString(3) + " "
              + r.getString(4));
        }
      }
    }
    assertTrue(columns.size() > 50, columns::toString);
    return columns;
  }

  private static long count(DataSource ds, String sql) throws SQLException {
    try (Connection c = ds.getConnection(); var s = c.prepareStatement(sql); var r = s.executeQuery()) {
      r.next();
      return r.getLong(1);
    }
  }
}
