package dev.partnerkit.policy.surface.documents;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.partnerkit.domain.WireNamed;
import java.util.Locale;

/** Status of a document version; the moves are {@link Documents#VERSION_LIFECYCLE}. A version's content never changes. */
public enum VersionStatus implements WireNamed {
  /** The uploaded version, as uploaded. */
  AVAILABLE,
  /** Marked by an operator as not to be used (a wrong file); still kept. */
  WITHDRAWN;

  private final String wireName = name().toLowerCase(Locale.ROOT);

  @JsonValue
  @Override
  public String wireName() {
    return wireName;
  }
}
