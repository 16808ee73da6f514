package dev.partnerkit.policy.surface.documents;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.partnerkit.domain.WireNamed;
import java.util.Locale;

/** Status of a document access grant; the moves are {@link Documents#ACCESS_LIFECYCLE}. */
public enum AccessStatus implements WireNamed {
  /** The share stands. */
  ACTIVE,
  /** Withdrawn by an operator. */
  REVOKED;

  private final String wireName = name().toLowerCase(Locale.ROOT);

  @JsonValue
  @Override
  public String wireName() {
    return wireName;
  }
}
