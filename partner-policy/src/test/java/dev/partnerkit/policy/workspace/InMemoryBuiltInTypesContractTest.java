package dev.partnerkit.policy.workspace;

import dev.partnerkit.domain.RecordType;
import dev.partnerkit.spi.PartnerkitStorage;
import dev.partnerkit.spi.memory.InMemoryStorage;
import dev.partnerkit.tck.PartnerkitStorageContract;
import java.util.List;

/** The contract test kit on the in-memory storage, over every built-in record type (the kit's own run uses samples). */
class InMemoryBuiltInTypesContractTest extends PartnerkitStorageContract {
  @Override
  protected PartnerkitStorage newStorage() {
    return InMemoryStorage.create();
  }

  @Override
  protected List<RecordType<?, ?>> recordTypes() {
    return RecordTypes.builtIn();
  }
}
