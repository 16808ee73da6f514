package dev.partnerkit.policy.surface.runofshow;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.partnerkit.domain.WireNamed;
import java.util.Locale;

/** What a run-of-show item is. */
public enum RunOfShowItemKind implements WireNamed {
  /** Goods arrive. */
  DELIVERY,
  /** Set-up on site. */
  SETUP,
  /** The service itself (dinner, bar, music). */
  SERVICE,
  /** Breakdown after service. */
  BREAKDOWN,
  /** Goods are collected. */
  PICKUP,
  /** A venue milestone (doors open, curfew, load-out deadline). */
  VENUE_MILESTONE;

  private final String wireName = name().toLowerCase(Locale.ROOT);

  @JsonValue
  @Override
  public String wireName() {
    return wireName;
  }
}
