package dev.partnerkit.policy.surface.blockers;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.partnerkit.domain.WireNamed;
import java.util.Locale;

/** Status of a blocker assignment, as the host reports it; the moves are {@link Blockers#ASSIGNMENT_LIFECYCLE}. */
public enum AssignmentStatus implements WireNamed {
  /** The assignment stands. */
  ACTIVE,
  /** The host ended it. */
  ENDED;

  private final String wireName = name().toLowerCase(Locale.ROOT);

  @JsonValue
  @Override
  public String wireName() {
    return wireName;
  }
}
