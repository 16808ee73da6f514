package dev.partnerkit.spi;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.partnerkit.domain.WireNamed;
import java.util.Locale;

/** Where one webhook delivery stands. */
public enum DeliveryStatus implements WireNamed {
  /** Waiting for its next attempt (a first one, or a retry after a failure). */
  PENDING,
  /** An attempt got a 2xx answer. */
  DELIVERED,
  /** Every attempt of the schedule failed: the dead letter, kept for a manual replay. */
  DEAD,
  /** Never sent: at delivery time the principal's grants no longer covered the event (revoked, expired ...). */
  SUPPRESSED;

  private final String wireName = name().toLowerCase(Locale.ROOT);

  @JsonValue
  @Override
  public String wireName() {
    return wireName;
  }
}
