package dev.partnerkit.tck;

import static dev.partnerkit.tck.Fixtures.CODEC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.partnerkit.domain.RecordRef;
import dev.partnerkit.domain.RecordType;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.spi.PartnerkitStorage;
import dev.partnerkit.spi.StoredRecord;
import dev.partnerkit.spi.TypedRecord;
import dev.partnerkit.spi.VersionConflictException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.function.Executable;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

/**
 * What every contract of the kit shares: the storage under test, two fresh tenants per test, and the assertions.
 *
 * <p>Every test works under two tenants of its own with random ids, so the storage may be shared by all tests (one
 * database); leftovers of other tests never matter. Instants carry microseconds, never nanoseconds, and identifiers
 * that are compared for order share one shape, so ordering does not depend on a database collation.
 */
public abstract class ContractSupport {
  /** The storage under test, from {@link #newStorage()} before each test. */
  protected PartnerkitStorage storage;
  /** The tenant a test works in. */
  protected TenantId tenantA;
  /** A second tenant that uses the very same record ids as {@link #tenantA}. */
  protected TenantId tenantB;

  /** @return the storage to test: a fresh empty one, or a shared one (every test uses tenants of its own) */
  protected abstract PartnerkitStorage newStorage();

  /**
   * @return every record type the host stores (for a host, its surface catalogue's types); the record contract runs
   *     once per type, and the unit-of-work contract writes a record of each
   */
  protected abstract List<RecordType<?, ?>> recordTypes();

  /** Creates the storage and two fresh tenant ids. */
  @BeforeEach
  protected void setUpStorage() {
    storage = newStorage();
    String run = UUID.randomUUID().toString().substring(0, 8);
    tenantA = TenantId.of("tck-a-" + run);
    tenantB = TenantId.of("tck-b-" + run);
  }

  /** Asserts a version conflict naming the record type and id. */
  protected static VersionConflictException assertConflict(String recordType, String recordId, Executable write) {
    VersionConflictException e = assertThrows(VersionConflictException.class, write);
    assertEquals(recordType, e.recordType(), "record type of " + e.getMessage());
    assertEquals(recordId, e.recordId(), "record id of " + e.getMessage());
    return e;
  }

  /**
   * @return the stored record decoded against its type (one of {@link #recordTypes()}): rows are compared as decoded
   *     values, never as JSON text, since a database may keep the body in another key order or spacing
   */
  protected TypedRecord<?, ?> decode(StoredRecord row) {
    for (RecordType<?, ?> type : recordTypes()) {
      if (type.wireName().equals(row.ref().type())) {
        return CODEC.decode(type, row);
      }
    }
    throw new AssertionError("the row " + row.ref() + " is of no type listed by recordTypes()");
  }

  /** @return the rows decoded, in order */
  protected List<TypedRecord<?, ?>> decode(List<StoredRecord> rows) {
    return rows.stream().<TypedRecord<?, ?>>map(this::decode).toList();
  }

  /** @return the tenant's record under {@code ref}, decoded, or empty */
  protected Optional<TypedRecord<?, ?>> found(TenantId tenant, RecordRef ref) {
    return storage.records().find(tenant, ref).map(this::decode);
  }

  /** @return a random int from {@code lo} to {@code hi}, both included: for the generators of the properties */
  protected static int between(RandomnessSource in, int lo, int hi) {
    return Generate.range(lo, hi).generate(in);
  }

  /** @return the result of {@code work}, run in one unit of work of the storage */
  protected <T> T tx(Supplier<T> work) {
    return storage.unitOfWork().inTransaction(work);
  }
}
