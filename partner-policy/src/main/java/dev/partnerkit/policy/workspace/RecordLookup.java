package dev.partnerkit.policy.workspace;

import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.RecordRef;
import dev.partnerkit.domain.RecordType;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.WireNamed;
import dev.partnerkit.domain.internal.Checks;
import dev.partnerkit.spi.RecordQuery;
import dev.partnerkit.spi.StoredRecord;
import dev.partnerkit.spi.TypedRecord;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Facts a surface facade derives its views and commands from, read from the tenant's records whatever the acting
 * actor may see: the exact version an approval pins and the newer versions of its artifact, the run of show a
 * proposal is for. Only {@link OperatorConsole} and {@link PartnerSession} make one, for the facades they hand out;
 * a facade shows its actor only what the actor may see, and lets the kernel decide every command (a record the actor
 * may not see stays not found there). Each call reads in a unit of work of its own, so only facts that never change
 * once written (a version's artifact and number) may go into a command.
 */
public final class RecordLookup {
  /** Most children one call reads. */
  public static final int MAX_CHILDREN = 5_000;

  private final WorkspaceEngine engine;
  private final TenantId tenantId;

  RecordLookup(WorkspaceEngine engine, TenantId tenantId) {
    this.engine = engine;
    this.tenantId = tenantId;
  }

  /** @return the record type the workspace knows by {@code wireName} */
  public Optional<RecordType<?, ?>> type(String wireName) {
    return engine.types.find(Checks.required("wireName", wireName));
  }

  /** @return the record {@code id} of {@code type}, whoever may see it */
  public <B, S extends Enum<S> & WireNamed> Optional<TypedRecord<B, S>> find(RecordType<B, S> type, String id) {
    Checks.required("type", type);
    Checks.identifier("id", id);
    return engine.storage.unitOfWork().inTransaction(() -> engine.storage.records().find(tenantId, type.ref(id))
        .map(row -> engine.codec.decode(type, row)));
  }

  /** @return the record behind {@code ref} when its type is one the workspace knows, whoever may see it */
  public Optional<TypedRecord<?, ?>> find(RecordRef ref) {
    Checks.required("ref", ref);
    Optional<RecordType<?, ?>> type = type(ref.type());
    return type.isEmpty() ? Optional.empty() : find(type.get(), ref.id()).map(r -> r);
  }

  /**
   * @return the records of {@code type} in {@code occasionId} placed under {@code parent}, ordered by id, whoever may
   *     see them (at most {@value #MAX_CHILDREN})
   */
  public <B, S extends Enum<S> & WireNamed> List<TypedRecord<B, S>> children(RecordType<B, S> type,
      OccasionId occasionId, RecordRef parent) {
    Checks.required("type", type);
    Checks.required("occasionId", occasionId);
    Checks.required("parent", parent);
    return engine.storage.unitOfWork().inTransaction(() -> {
      List<TypedRecord<B, S>> out = new ArrayList<>();
      RecordQuery page = RecordQuery.of(type.wireName(), occasionId).parent(parent).limit(RecordQuery.MAX_LIMIT)
          .build();
      while (out.size() < MAX_CHILDREN) {
        List<StoredRecord> rows = engine.storage.records().list(tenantId, page);
        for (StoredRecord row : rows) {
          out.add(engine.codec.decode(type, row));
        }
        if (rows.size() < page.limit()) {
          break;
        }
        page = RecordQuery.builder().from(page).afterId(rows.get(rows.size() - 1).ref().id()).build();
      }
      return out.size() > MAX_CHILDREN ? List.copyOf(out.subList(0, MAX_CHILDREN)) : out;
    });
  }

  /** @return the tenant's time zone, in which schedules are written and shown */
  public ZoneId zone() {
    return engine.storage.unitOfWork().inTransaction(() -> engine.tenant(tenantId).zone());
  }
}
