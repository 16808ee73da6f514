package dev.partnerkit.jdbc;

import dev.partnerkit.spi.PartnerkitStorage;
import dev.partnerkit.domain.RecordType;
import dev.partnerkit.policy.workspace.RecordTypes;
import dev.partnerkit.tck.PartnerkitStorageContract;
import java.util.List;

/**
 * The contract test kit on a real PostgreSQL (embedded, started from Maven artifacts), with a non-UTC session time
 * zone (one shared database; every test works in fresh tenants).
 */
class PostgresStorageContractTest extends PartnerkitStorageContract {
  @Override
  protected PartnerkitStorage newStorage() {
    return JdbcStorage.builder(TestDatabases.sharedPostgres()).build();
  }

  @Override
  protected List<RecordType<?, ?>> recordTypes() {
    return RecordTypes.builtIn();
  }
}
