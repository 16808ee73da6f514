package dev.partnerkit.policy.surface.runofshow;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.partnerkit.domain.WireNamed;
import java.util.Locale;

/** Status of a run of show ({@link RunsOfShow#LIFECYCLE}): operators archive and restore it. */
public enum RunOfShowStatus implements WireNamed {
  /** In use: versions are proposed and published. */
  ACTIVE,
  /** Kept for the record. */
  ARCHIVED;

  private final String wireName = name().toLowerCase(Locale.ROOT);

  @JsonValue
  @Override
  public String wireName() {
    return wireName;
  }
}
