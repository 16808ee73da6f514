package dev.partnerkit.jdbc;

import dev.partnerkit.spi.PartnerkitStorage;
import dev.partnerkit.domain.RecordType;
import dev.partnerkit.policy.workspace.RecordTypes;
import dev.partnerkit.tck.PartnerkitStorageContract;
import java.util.List;

/** The contract test kit on H2 (one shared database; every test works in fresh tenants). */
class H2StorageContractTest extends PartnerkitStorageContract {
  @Override
  protected PartnerkitStorage newStorage() {
    return JdbcStorage.builder(TestDatabases.sharedH2()).build();
  }

  @Override
  protected List<RecordType<?, ?>> recordTypes() {
    return RecordTypes.builtIn();
  }
}
