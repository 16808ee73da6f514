package dev.partnerkit.policy.surface.annotations;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.policy.surface.ArtifactTarget;
import org.immutables.value.Value;

/** What an annotation is on: one exact version, and the anchor on it. Both stay as the annotation was made. */
@Value.Immutable
@JsonSerialize(as = ImmutableAnnotationTarget.class)
@JsonDeserialize(as = ImmutableAnnotationTarget.class)
public abstract class AnnotationTarget {
  /** @return the exact version */
  public abstract ArtifactTarget version();

  /** @return where on it */
  public abstract AnnotationAnchor anchor();

  /** @return a target */
  public static AnnotationTarget of(ArtifactTarget version, AnnotationAnchor anchor) {
    return ImmutableAnnotationTarget.builder().version(version).anchor(anchor).build();
  }
}
