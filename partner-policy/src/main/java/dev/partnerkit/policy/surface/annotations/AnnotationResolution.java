package dev.partnerkit.policy.surface.annotations;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.RecordMove;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One entry of an annotation's resolution trail: a move between statuses, who made it, when, and what they said.
 * Written by the kernel with the move (never by a caller), and kept for good.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableAnnotationResolution.class)
@JsonDeserialize(as = ImmutableAnnotationResolution.class)
public abstract class AnnotationResolution {
  /** @return the status before */
  public abstract AnnotationStatus fromStatus();

  /** @return the status after */
  public abstract AnnotationStatus toStatus();

  /** @return the actor key of the mover */
  public abstract String by();

  /** @return the mover's label */
  public abstract String byLabel();

  /** @return when */
  public abstract Instant at();

  /** @return what the mover said */
  public abstract Optional<String> note();

  /** @return the trail entry of a kernel move */
  public static AnnotationResolution of(RecordMove move) {
    return ImmutableAnnotationResolution.builder()
        .fromStatus(Annotations.LIFECYCLE.parse("from", move.from()))
        .toStatus(Annotations.LIFECYCLE.parse("to", move.to()))
        .by(move.actorKey()).byLabel(move.actorLabel()).at(move.at()).note(move.note()).build();
  }
}
