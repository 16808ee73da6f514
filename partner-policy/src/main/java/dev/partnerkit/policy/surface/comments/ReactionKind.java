package dev.partnerkit.policy.surface.comments;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.partnerkit.domain.WireNamed;
import java.util.Locale;

/** The reactions a comment can get: a closed set, so a reaction never carries free text. */
public enum ReactionKind implements WireNamed {
  /** Agreed. */
  THUMBS_UP,
  /** Done. */
  CHECK,
  /** Looking at it. */
  EYES,
  /** Needs an answer. */
  QUESTION,
  /** Thank you. */
  THANKS;

  private final String wireName = name().toLowerCase(Locale.ROOT);

  @JsonValue
  @Override
  public String wireName() {
    return wireName;
  }
}
