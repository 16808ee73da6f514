package dev.partnerkit.policy.surface.documents;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.partnerkit.domain.WireNamed;
import java.util.Locale;

/** Status of a document tag; the moves are {@link Documents#TAG_LIFECYCLE}. */
public enum TagStatus implements WireNamed {
  /** The tag applies. */
  ACTIVE,
  /** The tag was taken off. */
  REMOVED;

  private final String wireName = name().toLowerCase(Locale.ROOT);

  @JsonValue
  @Override
  public String wireName() {
    return wireName;
  }
}
