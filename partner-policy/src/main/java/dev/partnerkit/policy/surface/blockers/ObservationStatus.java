package dev.partnerkit.policy.surface.blockers;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.partnerkit.domain.WireNamed;
import java.util.Locale;

/** Status of a readiness blocker observation, as the host reports it; the moves are {@link Blockers#OBSERVATION_LIFECYCLE}. */
public enum ObservationStatus implements WireNamed {
  /** The host observes the blocker. */
  OPEN,
  /** The host observes it resolved, by its own readiness services. */
  RESOLVED;

  private final String wireName = name().toLowerCase(Locale.ROOT);

  @JsonValue
  @Override
  public String wireName() {
    return wireName;
  }
}
