package dev.partnerkit.policy.surface.blockers;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.partnerkit.domain.WireNamed;
import java.util.Locale;

/** Status of a partner blocker response; the moves are {@link Blockers#RESPONSE_LIFECYCLE}. Reviewing a response never clears readiness. */
public enum ResponseStatus implements WireNamed {
  /** Handed in for operator review. */
  SUBMITTED,
  /** Reviewed by an operator and taken as evidence; readiness unchanged. */
  REVIEWED,
  /** Reviewed by an operator and not taken. */
  DECLINED,
  /** Withdrawn before review. */
  WITHDRAWN;

  private final String wireName = name().toLowerCase(Locale.ROOT);

  @JsonValue
  @Override
  public String wireName() {
    return wireName;
  }
}
