package dev.partnerkit.domain;

import org.jspecify.annotations.Nullable;

/**
 * A record type's own rule for check 7 of the decision pipeline (surface rule), contributed by the surface's package
 * instead of a switch in the decision core. Pure: it reads the request (actor, placement, record action) and nothing
 * else.
 */
@FunctionalInterface
public interface RecordRule {
  /**
   * @param request the request, with its {@link AccessRequest#record() record action}
   * @return null when the rule has nothing against the request, otherwise the reason code that blocks it; the code's
   *     {@link ReasonCode#check()} must be {@link DecisionCheck#SURFACE_RULE}
   */
  @Nullable ReasonCode check(AccessRequest request);
}
