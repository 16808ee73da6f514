package dev.partnerkit.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The installer installs every version that is not recorded yet, whatever higher version already is: a version
 * written on another line of work (version 3 while version 4 exists) still installs after a higher one.
 */
class SchemaVersionGapTest {
  @ParameterizedTest
  @EnumSource(JdbcDialect.class)
  void aLowerVersionInstallsAfterAHigherOne(JdbcDialect dialect) throws SQLException {
    DataSource ds = TestDatabases.fresh(dialect);
    assertTrue(SchemaInstaller.installUpTo(ds, dialect, 1));
    // version 4 is installed before version 2, as version 4 could be before a version 3 that arrives with a merge
    for (String statement : SchemaInstaller.statements(dialect.schemaScripts().get(3))) {
      try (var c = ds.getConnection(); var s = c.prepareStatement(statement)) {
        s.execute();
      }
    }
    assertEquals(4, SchemaInstaller.installedVersion(ds));
    assertTrue(SchemaInstaller.install(ds), "versions 2, 3 and 5 are not recorded, so they run");
    assertEquals(5, AbstractJdbcStorageTest.count(ds, "select count(*) from partnerkit_schema_version"));
    assertEquals(0, AbstractJdbcStorageTest.count(ds, "select count(*) from pk_record"), "version 2's table exists");
    assertFalse(SchemaInstaller.install(ds));
  }
}
