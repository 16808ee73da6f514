package dev.partnerkit.spi;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.internal.Checks;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One row of the delivery log: one attempt of one delivery, numbered from 1, with the answer's status code, the
 * latency, the error and, after a failure, when the next attempt is due. The key (tenant, delivery, attempt) is
 * unique, so no attempt is ever logged twice.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableDeliveryAttempt.class)
@JsonDeserialize(as = ImmutableDeliveryAttempt.class)
public abstract class DeliveryAttempt {
  /** Longest error text kept. */
  public static final int MAX_ERROR_LENGTH = 1000;

  /** How an attempt ended. */
  public enum Outcome implements dev.partnerkit.domain.WireNamed {
    /** A 2xx answer. */
    SUCCEEDED,
    /** No answer, or a non-2xx one. */
    FAILED;

    @com.fasterxml.jackson.annotation.JsonValue
    @Override
    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** @return the tenant */
  public abstract TenantId tenantId();

  /** @return the delivery */
  public abstract String deliveryId();

  /** @return the attempt's number, from 1 */
  public abstract int attempt();

  /** @return the subscription */
  public abstract String subscriptionId();

  /** @return the partner whose endpoint it is */
  public abstract PartnerId partnerId();

  /** @return the relay that sent it */
  public abstract String relayId();

  /** @return when it was sent */
  public abstract Instant attemptedAt();

  /** @return how it ended */
  public abstract Outcome outcome();

  /** @return the answer's status code, when there was an answer */
  public abstract Optional<Integer> statusCode();

  /** @return milliseconds from sending to the answer (or the failure) */
  public abstract long latencyMillis();

  /** @return what went wrong, when something did */
  public abstract Optional<String> error();

  /** @return when the next attempt is due, after a failure that is retried */
  public abstract Optional<Instant> nextAttemptAt();

  @Value.Check
  protected void check() {
    Checks.identifier("deliveryId", deliveryId());
    Checks.identifier("subscriptionId", subscriptionId());
    Checks.identifier("relayId", relayId());
    Checks.check(attempt() >= 1, "attempt", "attempt must be at least 1, but was " + attempt());
    Checks.nonNegative("latencyMillis", latencyMillis());
    error().ifPresent(e -> Checks.text("error", e, MAX_ERROR_LENGTH));
  }

  /** @return a new builder */
  public static ImmutableDeliveryAttempt.Builder builder() {
    return ImmutableDeliveryAttempt.builder();
  }
}
