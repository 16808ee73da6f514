package dev.partnerkit.policy.surface.annotations;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.partnerkit.domain.WireNamed;
import java.util.Locale;

/**
 * Status of an annotation. The legal moves between them, and who may make each, are the lifecycle table
 * {@link Annotations#LIFECYCLE}; every move is written into the annotation's resolution trail.
 */
public enum AnnotationStatus implements WireNamed {
  /** Raised, waiting to be addressed. */
  OPEN,
  /** Addressed (the change was made, or the question answered). */
  RESOLVED,
  /** Closed by an operator without a change. */
  DISMISSED;

  private final String wireName = name().toLowerCase(Locale.ROOT);

  @JsonValue
  @Override
  public String wireName() {
    return wireName;
  }
}
