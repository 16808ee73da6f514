package dev.partnerkit.tck;

import dev.partnerkit.domain.RecordType;
import dev.partnerkit.spi.PartnerkitStorage;
import dev.partnerkit.spi.memory.InMemoryStorage;
import java.util.List;

/** Runs the contract test kit against a fresh {@link InMemoryStorage} for every test, over the sample types. */
class InMemoryStorageContractTest extends PartnerkitStorageContract {
  @Override
  protected PartnerkitStorage newStorage() {
    return InMemoryStorage.create();
  }

  @Override
  protected List<RecordType<?, ?>> recordTypes() {
    return SampleTypes.all();
  }
}
