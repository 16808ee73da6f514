package dev.partnerkit.spi;

import dev.partnerkit.domain.Placement;
import dev.partnerkit.domain.RecordRef;
import dev.partnerkit.domain.RecordType;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.Visibility;
import dev.partnerkit.domain.WireNamed;
import dev.partnerkit.domain.internal.Checks;
import java.time.Instant;
import java.util.Objects;

/**
 * A kernel record with its body and status typed: what {@link RecordCodec} reads from a {@link StoredRecord} after
 * validating it against its {@link RecordType}. Immutable.
 *
 * @param <B> the body value
 * @param <S> the status enum
 */
public final class TypedRecord<B, S extends Enum<S> & WireNamed> {
  private final RecordType<B, S> type;
  private final TenantId tenantId;
  private final String id;
  private final Placement placement;
  private final Visibility visibility;
  private final S status;
  private final B body;
  private final long revision;
  private final long version;
  private final Instant createdAt;
  private final Instant updatedAt;
  private final String createdBy;

  private TypedRecord(RecordType<B, S> type, TenantId tenantId, String id, Placement placement,
      Visibility visibility, S status, B body, long revision, long version, Instant createdAt, Instant updatedAt,
      String createdBy) {
    this.type = Checks.required("type", type);
    this.tenantId = Checks.required("tenantId", tenantId);
    this.id = Checks.identifier("id", id);
    this.placement = Checks.required("placement", placement);
    this.visibility = Checks.required("visibility", visibility);
    this.status = Checks.required("status", status);
    this.body = Checks.required("body", body);
    Checks.check(type.bodyType().isInstance(body), "body", "body must be a " + type.bodyType().getSimpleName());
    this.revision = Checks.nonNegative("revision", revision);
    this.version = Checks.nonNegative("version", version);
    this.createdAt = Checks.required("createdAt", createdAt);
    this.updatedAt = Checks.required("updatedAt", updatedAt);
    this.createdBy = Checks.required("createdBy", createdBy);
  }

  /** @return a new record of {@code type}, at version and revision 0, in the lifecycle's initial status */
  public static <B, S extends Enum<S> & WireNamed> TypedRecord<B, S> create(RecordType<B, S> type,
      TenantId tenantId, String id, Placement placement, Visibility visibility, B body, Instant now,
      String createdBy) {
    return new TypedRecord<>(type, tenantId, id, placement, visibility, type.lifecycle().initial(), body, 0, 0, now,
        now, createdBy);
  }

  static <B, S extends Enum<S> & WireNamed> TypedRecord<B, S> of(RecordType<B, S> type, StoredRecord stored,
      S status, B body) {
    return new TypedRecord<>(type, stored.tenantId(), stored.ref().id(), stored.placement(), stored.visibility(),
        status, body, stored.revision(), stored.version(), stored.createdAt(), stored.updatedAt(),
        stored.createdBy());
  }

  /** @return the next version in {@code to}, changed at {@code now} */
  public TypedRecord<B, S> withStatus(S to, Instant now) {
    return new TypedRecord<>(type, tenantId, id, placement, visibility, to, body, revision, version + 1, createdAt,
        now, createdBy);
  }

  /**
   * @return the next version in {@code to} with a new body revision (a move a record type writes into the body, such
   *     as a trail entry), changed at {@code now}
   */
  public TypedRecord<B, S> withStatus(S to, B next, Instant now) {
    return new TypedRecord<>(type, tenantId, id, placement, visibility, to, next, revision + 1, version + 1,
        createdAt, now, createdBy);
  }

  /** @return the next version with a new body revision */
  public TypedRecord<B, S> withBody(B next, Instant now) {
    return revised(next, placement, now);
  }

  /** @return the next version at another placement (e.g. moved to another partner), same body revision */
  public TypedRecord<B, S> withPlacement(Placement next, Instant now) {
    return new TypedRecord<>(type, tenantId, id, next, visibility, status, body, revision, version + 1, createdAt,
        now, createdBy);
  }

  /** @return the next version with a new body revision, at {@code placement} (the same, or another partner) */
  public TypedRecord<B, S> revised(B next, Placement placement, Instant now) {
    return new TypedRecord<>(type, tenantId, id, placement, visibility, status, next, revision + 1, version + 1,
        createdAt, now, createdBy);
  }

  /** @return the record type */
  public RecordType<B, S> type() {
    return type;
  }

  /** @return the tenant */
  public TenantId tenantId() {
    return tenantId;
  }

  /** @return the id within tenant and type */
  public String id() {
    return id;
  }

  /** @return type and id */
  public RecordRef ref() {
    return type.ref(id);
  }

  /** @return where the record sits */
  public Placement placement() {
    return placement;
  }

  /** @return who may see it */
  public Visibility visibility() {
    return visibility;
  }

  /** @return the lifecycle status */
  public S status() {
    return status;
  }

  /** @return the body */
  public B body() {
    return body;
  }

  /** @return the title, from the body */
  public String title() {
    return type.titleOf(body);
  }

  /** @return the body revision */
  public long revision() {
    return revision;
  }

  /** @return the optimistic-locking version */
  public long version() {
    return version;
  }

  /** @return when it was created */
  public Instant createdAt() {
    return createdAt;
  }

  /** @return when it last changed */
  public Instant updatedAt() {
    return updatedAt;
  }

  /** @return the actor key of its creator */
  public String createdBy() {
    return createdBy;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof TypedRecord)) {
      return false;
    }
    TypedRecord<?, ?> r = (TypedRecord<?, ?>) o;
    return type == r.type && tenantId.equals(r.tenantId) && id.equals(r.id) && placement.equals(r.placement)
        && visibility == r.visibility && status == r.status && body.equals(r.body) && revision == r.revision
        && version == r.version && createdAt.equals(r.createdAt) && updatedAt.equals(r.updatedAt)
        && createdBy.equals(r.createdBy);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type.wireName(), tenantId, id, version);
  }

  @Override
  public String toString() {
    return type.wireName() + ":" + id + "@" + version + "[" + status.wireName() + "]";
  }
}
