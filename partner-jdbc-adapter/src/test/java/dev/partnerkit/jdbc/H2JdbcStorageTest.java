package dev.partnerkit.jdbc;

import javax.sql.DataSource;

/** The adapter on an in-memory H2 database, in a JVM whose default time zone is America/Chicago. */
class H2JdbcStorageTest extends AbstractJdbcStorageTest {
  @Override
  protected DataSource dataSource() {
    return TestDatabases.sharedH2();
  }

  @Override
  protected DataSource freshDataSource() {
    return TestDatabases.freshH2();
  }

  @Override
  protected JdbcDialect expectedDialect() {
    return JdbcDialect.H2;
  }
}
