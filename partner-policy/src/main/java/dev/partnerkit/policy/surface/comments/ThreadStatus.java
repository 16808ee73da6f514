package dev.partnerkit.policy.surface.comments;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.partnerkit.domain.WireNamed;
import java.util.Locale;

/** Status of a comment thread; the moves are {@link Comments#THREAD_LIFECYCLE}. */
public enum ThreadStatus implements WireNamed {
  /** The conversation goes on. */
  OPEN,
  /** Closed by an operator; it approves nothing and clears no blocker. */
  RESOLVED;

  private final String wireName = name().toLowerCase(Locale.ROOT);

  @JsonValue
  @Override
  public String wireName() {
    return wireName;
  }
}
