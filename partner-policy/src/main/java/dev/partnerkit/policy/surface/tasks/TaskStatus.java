package dev.partnerkit.policy.surface.tasks;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.partnerkit.domain.WireNamed;
import java.util.Locale;

/**
 * Status of a partner task. The legal moves between them, and who may make each, are the lifecycle table
 * {@link Tasks#LIFECYCLE}. {@link #APPROVED} is operator-controlled and never clears job readiness.
 */
public enum TaskStatus implements WireNamed {
  /** Not started. */
  TO_DO,
  /** Being worked on. */
  IN_PROGRESS,
  /** Waiting on something outside the partner's hands. */
  BLOCKED,
  /** Handed in for operator review. */
  SUBMITTED,
  /** Accepted by an operator as evidence; readiness is untouched. */
  APPROVED;

  private final String wireName = name().toLowerCase(Locale.ROOT);

  @JsonValue
  @Override
  public String wireName() {
    return wireName;
  }
}
