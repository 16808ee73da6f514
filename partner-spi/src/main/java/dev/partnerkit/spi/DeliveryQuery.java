package dev.partnerkit.spi;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.internal.Checks;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Which deliveries, or which rows of the delivery log, to read from one tenant: optionally one partner's, one
 * subscription's or one delivery's, in a half-open time window ({@code since} inclusive, {@code before} exclusive) of
 * creation (deliveries) or of sending (attempts), oldest first, at most {@link #limit()}.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableDeliveryQuery.class)
@JsonDeserialize(as = ImmutableDeliveryQuery.class)
public abstract class DeliveryQuery {
  /** Largest limit. */
  public static final int MAX_LIMIT = 1000;

  /** @return only this partner's endpoints */
  public abstract Optional<PartnerId> partnerId();

  /** @return only this subscription */
  public abstract Optional<String> subscriptionId();

  /** @return only this delivery */
  public abstract Optional<String> deliveryId();

  /** @return the window's start, inclusive */
  public abstract Optional<Instant> since();

  /** @return the window's end, exclusive */
  public abstract Optional<Instant> before();

  /** @return most rows returned */
  @Value.Default
  public int limit() {
    return 100;
  }

  @Value.Check
  protected void check() {
    Checks.check(limit() >= 1 && limit() <= MAX_LIMIT, "limit",
        "limit must be between 1 and " + MAX_LIMIT + ", but was " + limit());
    subscriptionId().ifPresent(s -> Checks.identifier("subscriptionId", s));
    deliveryId().ifPresent(s -> Checks.identifier("deliveryId", s));
  }

  /** @return a new builder */
  public static ImmutableDeliveryQuery.Builder builder() {
    return ImmutableDeliveryQuery.builder();
  }

  /** @return whether {@code at} is inside the window */
  public final boolean inWindow(Instant at) {
    return since().map(f -> !at.isBefore(f)).orElse(true) && before().map(at::isBefore).orElse(true);
  }
}
