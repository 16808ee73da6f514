package dev.partnerkit.policy.surface.approvals;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.partnerkit.domain.WireNamed;
import java.util.Locale;

/** Where an approval request stands, derived from its status, its decisions and the versions of its target. */
public enum ApprovalState implements WireNamed {
  /** Open, and no decision was made yet. */
  AWAITING_DECISION,
  /** The newest version is approved. */
  APPROVED,
  /** The newest version is approved with changes. */
  APPROVED_WITH_CHANGES,
  /** The newest version is rejected. */
  REJECTED,
  /** Every decision is stale: a newer version exists and needs a decision. */
  NEEDS_NEW_DECISION,
  /** Closed by the operator. */
  CLOSED,
  /** Withdrawn by the operator. */
  WITHDRAWN;

  private final String wireName = name().toLowerCase(Locale.ROOT);

  @JsonValue
  @Override
  public String wireName() {
    return wireName;
  }
}
