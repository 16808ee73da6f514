package dev.partnerkit.jdbc;

import dev.partnerkit.spi.PartnerkitStorage;
import dev.partnerkit.spi.tck.PartnerkitStorageContract;

/**
 * The contract test kit on a real PostgreSQL (embedded, started from Maven artifacts), with a non-UTC session time
 * zone (one shared database; every test works in fresh tenants).
 */
class PostgresStorageContractTest extends PartnerkitStorageContract {
  @Override
  protected PartnerkitStorage newStorage() {
    return JdbcStorage.builder(TestDatabases.sharedPostgres()).build();
  }
}
