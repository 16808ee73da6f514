package dev.partnerkit.spi;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.internal.Checks;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The first outcome of a command, kept under its idempotency key: a retry with the same key and the same payload
 * fingerprint gets this outcome back and writes nothing; the same key with another fingerprint is refused.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableIdempotencyRecord.class)
@JsonDeserialize(as = ImmutableIdempotencyRecord.class)
public abstract class IdempotencyRecord {
  /** @return the tenant */
  public abstract TenantId tenantId();

  /** @return the key of the actor who sent the command, e.g. {@code partner_member:u-dana} */
  public abstract String actorKey();

  /** @return the idempotency key chosen by the caller */
  public abstract String key();

  /** @return a fingerprint (hash) of the command's payload */
  public abstract String fingerprint();

  /** @return the first outcome, as JSON; empty while the claiming unit of work is still open */
  public abstract Optional<String> outcome();

  /** @return when the first outcome was recorded */
  public abstract Instant createdAt();

  @Value.Check
  protected void check() {
    Checks.identifier("key", key());
    Checks.identifier("fingerprint", fingerprint());
    Checks.text("actorKey", actorKey(), 2 * Checks.MAX_IDENTIFIER_LENGTH);
    outcome().ifPresent(o -> Checks.text("outcome", o, OutboxEvent.MAX_PAYLOAD_LENGTH));
  }

  /** @return a new builder */
  public static ImmutableIdempotencyRecord.Builder builder() {
    return ImmutableIdempotencyRecord.builder();
  }
}
