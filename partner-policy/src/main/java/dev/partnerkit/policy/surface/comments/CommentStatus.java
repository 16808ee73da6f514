package dev.partnerkit.policy.surface.comments;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.partnerkit.domain.WireNamed;
import java.util.Locale;

/** Status of a comment; the moves are {@link Comments#COMMENT_LIFECYCLE}. A comment's text never changes. */
public enum CommentStatus implements WireNamed {
  /** As posted. */
  POSTED,
  /** Retracted by an operator (posted in error); kept in the trail. */
  RETRACTED;

  private final String wireName = name().toLowerCase(Locale.ROOT);

  @JsonValue
  @Override
  public String wireName() {
    return wireName;
  }
}
