package dev.partnerkit.tck;

import dev.partnerkit.domain.RecordType;
import dev.partnerkit.spi.PartnerkitStorage;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;

/**
 * The whole contract test kit of the storage SPI: every {@link PartnerkitStorage} implementation proves itself by
 * extending this class in a test class of its own. It runs, as nested test classes:
 *
 * <ul>
 *   <li>{@link StorageContract}: directory, grants, entitlements, and the unit of work (commit, rollback, nesting,
 *       the undo of every store);
 *   <li>{@link IdentityContract}: the stored, tenant-bound identities of the directory (versioned partners,
 *       memberships, integration principals), their tenant isolation and their undo;
 *   <li>{@link RecordStoreContract}: the record store, as a matrix over every type {@link #recordTypes()} returns;
 *   <li>{@link JournalContract}: activity, decisions, outbox, idempotency;
 *   <li>{@link EconomicsContract}: referrals, commissions, the directory read and its metrics, the backfill reads,
 *       event invites and their tallies, plan quotas.
 *   <li>{@link RetentionContract}: the purges of journal rows past their age.
 *   <li>{@link WebhookContract}: webhook subscriptions, deliveries, the relay's claim and the delivery log.
 * </ul>
 *
 * <p>An adapter depends on {@code dev.partnerkit:partner-tck} in test scope (with a JUnit 5 engine on its test
 * classpath) and returns its storage and the record types it stores, for a host the types of its surface catalogue:
 *
 * <pre>{@code
 * class H2StorageContractTest extends PartnerkitStorageContract {
 *   protected PartnerkitStorage newStorage() {
 *     return JdbcStorage.create(h2DataSource);   // fresh and empty, or shared: every test uses new tenants
 *   }
 *
 *   protected List<RecordType<?, ?>> recordTypes() {
 *     return List.copyOf(catalog.recordTypes());   // every type the host registers, e.g. its surface catalogue's
 *   }
 * }
 * }</pre>
 *
 * <p>{@link #newStorage()} is called before every test (and before every type's run of a matrix check). A storage
 * that is expensive to create may be shared: every test works under tenants with random ids, so rows left by other
 * tests never matter. A host that implements only some stores may extend one of the contracts alone.
 */
public abstract class PartnerkitStorageContract {
  /** @return the storage to test: a fresh empty one, or a shared one (every test uses tenants of its own) */
  protected abstract PartnerkitStorage newStorage();

  /** @return every record type the storage must keep; the record contract runs once per type */
  protected abstract List<RecordType<?, ?>> recordTypes();

  /** The directory, grants, entitlements and unit-of-work contract on this storage. */
  @Nested
  @DisplayName("storage")
  class Storage extends StorageContract {
    @Override
    protected PartnerkitStorage newStorage() {
      return PartnerkitStorageContract.this.newStorage();
    }

    @Override
    protected List<RecordType<?, ?>> recordTypes() {
      return PartnerkitStorageContract.this.recordTypes();
    }
  }

  /** The identity contract on this storage. */
  @Nested
  @DisplayName("identities")
  class Identities extends IdentityContract {
    @Override
    protected PartnerkitStorage newStorage() {
      return PartnerkitStorageContract.this.newStorage();
    }

    @Override
    protected List<RecordType<?, ?>> recordTypes() {
      return PartnerkitStorageContract.this.recordTypes();
    }
  }

  /** The record-store contract on this storage, once per record type. */
  @Nested
  @DisplayName("records")
  class Records extends RecordStoreContract {
    @Override
    protected PartnerkitStorage newStorage() {
      return PartnerkitStorageContract.this.newStorage();
    }

    @Override
    protected List<RecordType<?, ?>> recordTypes() {
      return PartnerkitStorageContract.this.recordTypes();
    }
  }

  /** The journal contract on this storage. */
  @Nested
  @DisplayName("journals")
  class Journals extends JournalContract {
    @Override
    protected PartnerkitStorage newStorage() {
      return PartnerkitStorageContract.this.newStorage();
    }

    @Override
    protected List<RecordType<?, ?>> recordTypes() {
      return PartnerkitStorageContract.this.recordTypes();
    }
  }

  /** The economics contract on this storage. */
  @Nested
  @DisplayName("economics")
  class Economics extends EconomicsContract {
    @Override
    protected PartnerkitStorage newStorage() {
      return PartnerkitStorageContract.this.newStorage();
    }

    @Override
    protected List<RecordType<?, ?>> recordTypes() {
      return PartnerkitStorageContract.this.recordTypes();
    }
  }

  /** The retention contract on this storage. */
  @Nested
  @DisplayName("retention")
  class Retention extends RetentionContract {
    @Override
    protected PartnerkitStorage newStorage() {
      return PartnerkitStorageContract.this.newStorage();
    }

    @Override
    protected List<RecordType<?, ?>> recordTypes() {
      return PartnerkitStorageContract.this.recordTypes();
    }
  }

  /** The webhook contract on this storage. */
  @Nested
  @DisplayName("webhooks")
  class Webhooks extends WebhookContract {
    @Override
    protected PartnerkitStorage newStorage() {
      return PartnerkitStorageContract.this.newStorage();
    }

    @Override
    protected List<RecordType<?, ?>> recordTypes() {
      return PartnerkitStorageContract.this.recordTypes();
    }
  }
}
