package dev.partnerkit.spi;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.Placement;
import dev.partnerkit.domain.RecordRef;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.Visibility;
import dev.partnerkit.domain.internal.Checks;
import java.time.Instant;
import org.immutables.value.Value;

/**
 * One kernel record as a store keeps it, whatever its type: key (tenant, type, id), placement, visibility, lifecycle
 * status, body as JSON text, body revision, optimistic-locking version and timestamps. Stores never interpret the
 * body; {@link RecordCodec} validates it against the type's body value on every write and read.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableStoredRecord.class)
@JsonDeserialize(as = ImmutableStoredRecord.class)
public abstract class StoredRecord {
  /** Longest body, in characters of JSON. */
  public static final int MAX_BODY_LENGTH = 64_000;

  /** @return the tenant */
  public abstract TenantId tenantId();

  /** @return type and id */
  public abstract RecordRef ref();

  /** @return where the record sits */
  public abstract Placement placement();

  /** @return who may see it */
  public abstract Visibility visibility();

  /** @return the lifecycle status, as its wire name */
  public abstract String status();

  /** @return the body, as JSON text */
  public abstract String body();

  /** @return the body revision: 0 when created, raised by one at every revise */
  @Value.Default
  public long revision() {
    return 0;
  }

  /** @return optimistic-locking version: 0 when inserted, raised by one at every update */
  @Value.Default
  public long version() {
    return 0;
  }

  /** @return when it was created */
  public abstract Instant createdAt();

  /** @return when it was last changed */
  public abstract Instant updatedAt();

  /** @return the actor key of its creator, e.g. {@code operator:u-maya} */
  public abstract String createdBy();

  @Value.Check
  protected void check() {
    Checks.identifier("status", status());
    Checks.text("body", body(), MAX_BODY_LENGTH);
    Checks.nonNegative("revision", revision());
    Checks.nonNegative("version", version());
    Checks.text("createdBy", createdBy(), 2 * Checks.MAX_IDENTIFIER_LENGTH);
    Checks.check(!updatedAt().isBefore(createdAt()), "updatedAt",
        "updatedAt must not be before createdAt (" + createdAt() + "), but was " + updatedAt());
  }

  /** @return a new builder */
  public static ImmutableStoredRecord.Builder builder() {
    return ImmutableStoredRecord.builder();
  }
}
