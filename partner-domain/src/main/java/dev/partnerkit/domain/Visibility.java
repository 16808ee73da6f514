package dev.partnerkit.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Who may see a record or an activity entry: partner-visible rows reach the partner they concern, internal-only rows never leave the operators. */
public enum Visibility implements WireNamed {
  /** Operators and the partner the entry concerns. */
  PARTNER_VISIBLE,
  /** Operators only. */
  INTERNAL_ONLY;

  private final String wireName = name().toLowerCase(Locale.ROOT);

  @JsonValue
  @Override
  public String wireName() {
    return wireName;
  }
}
