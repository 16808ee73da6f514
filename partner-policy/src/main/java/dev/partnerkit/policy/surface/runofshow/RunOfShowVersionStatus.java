package dev.partnerkit.policy.surface.runofshow;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.partnerkit.domain.WireNamed;
import java.util.Locale;

/**
 * Status of one run-of-show version ({@link RunsOfShow#VERSION_LIFECYCLE}). The version's items never change, in any
 * status; a declined or withdrawn proposal supersedes nothing.
 */
public enum RunOfShowVersionStatus implements WireNamed {
  /** Proposed, by a partner or an operator, for the operator to publish or decline. */
  PROPOSED,
  /** Published by an operator: the timeline everyone works from (still evidence, not a schedule assignment). */
  PUBLISHED,
  /** Declined by an operator. */
  DECLINED,
  /** Taken back by its proposer (or an operator) before it was published. */
  WITHDRAWN;

  private final String wireName = name().toLowerCase(Locale.ROOT);

  @JsonValue
  @Override
  public String wireName() {
    return wireName;
  }
}
