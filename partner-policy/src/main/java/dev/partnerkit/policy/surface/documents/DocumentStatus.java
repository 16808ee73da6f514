package dev.partnerkit.policy.surface.documents;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.partnerkit.domain.WireNamed;
import java.util.Locale;

/** Status of a partner document; the moves are {@link Documents#DOCUMENT_LIFECYCLE}. */
public enum DocumentStatus implements WireNamed {
  /** In use. */
  ACTIVE,
  /** Put away by an operator; kept with its history. */
  ARCHIVED;

  private final String wireName = name().toLowerCase(Locale.ROOT);

  @JsonValue
  @Override
  public String wireName() {
    return wireName;
  }
}
