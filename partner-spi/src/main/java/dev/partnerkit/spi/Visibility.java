package dev.partnerkit.spi;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.partnerkit.domain.WireNamed;
import java.util.Locale;

/** Who may see an activity entry. */
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
