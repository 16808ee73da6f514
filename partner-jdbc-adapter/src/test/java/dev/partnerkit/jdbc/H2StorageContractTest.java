package dev.partnerkit.jdbc;

import dev.partnerkit.spi.PartnerkitStorage;
import dev.partnerkit.spi.tck.PartnerkitStorageContract;

/** The contract test kit on H2 (one shared database; every test works in fresh tenants). */
class H2StorageContractTest extends PartnerkitStorageContract {
  @Override
  protected PartnerkitStorage newStorage() {
    return JdbcStorage.builder(TestDatabases.sharedH2()).build();
  }
}
