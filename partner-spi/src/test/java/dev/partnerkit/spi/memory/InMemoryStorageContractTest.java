package dev.partnerkit.spi.memory;

import dev.partnerkit.spi.PartnerkitStorage;
import dev.partnerkit.spi.tck.PartnerkitStorageContract;

/** Runs the contract test kit against a fresh {@link InMemoryStorage} for every test. */
class InMemoryStorageContractTest extends PartnerkitStorageContract {
  @Override
  protected PartnerkitStorage newStorage() {
    return InMemoryStorage.create();
  }
}
