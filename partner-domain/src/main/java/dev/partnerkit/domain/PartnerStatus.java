package dev.partnerkit.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whether a partner organisation is currently worked with. */
public enum PartnerStatus implements WireNamed {
  /** Worked with: its people and machines may resolve into partner context. */
  ACTIVE,
  /** Kept for reference only: resolves to no partner context. */
  INACTIVE;

  private final String wireName = name().toLowerCase(Locale.ROOT);

  @JsonValue
  @Override
  public String wireName() {
    return wireName;
  }
}
