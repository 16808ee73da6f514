package dev.partnerkit.policy.surface.blockers;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.partnerkit.domain.WireNamed;
import java.util.Locale;

/** What a job readiness blocker is missing evidence for. */
public enum BlockerKind implements WireNamed {
  /** Staffing. */
  STAFFING,
  /** A delivery. */
  DELIVERY,
  /** Rental items. */
  RENTAL,
  /** The venue. */
  VENUE;

  private final String wireName = name().toLowerCase(Locale.ROOT);

  @JsonValue
  @Override
  public String wireName() {
    return wireName;
  }
}
