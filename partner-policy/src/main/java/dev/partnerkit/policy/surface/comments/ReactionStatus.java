package dev.partnerkit.policy.surface.comments;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.partnerkit.domain.WireNamed;
import java.util.Locale;

/** Status of a reaction; the moves are {@link Comments#REACTION_LIFECYCLE}. */
public enum ReactionStatus implements WireNamed {
  /** The reaction stands. */
  ACTIVE,
  /** Withdrawn by an operator. */
  WITHDRAWN;

  private final String wireName = name().toLowerCase(Locale.ROOT);

  @JsonValue
  @Override
  public String wireName() {
    return wireName;
  }
}
