package dev.partnerkit.policy.surface.blockers;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.partnerkit.domain.WireNamed;
import java.util.Locale;

/** Status of a blocker waiver, as the host reports it; the moves are {@link Blockers#WAIVER_LIFECYCLE}. */
public enum WaiverStatus implements WireNamed {
  /** The host's waiver stands. */
  ACTIVE,
  /** The host withdrew it. */
  WITHDRAWN;

  private final String wireName = name().toLowerCase(Locale.ROOT);

  @JsonValue
  @Override
  public String wireName() {
    return wireName;
  }
}
