package dev.partnerkit.policy.surface.approvals;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.partnerkit.domain.WireNamed;
import java.util.Locale;

/**
 * Status of an approval request, moved by operators only ({@link Approvals#REQUEST_LIFECYCLE}). Where the decisions
 * stand is derived from them, not stored: see {@link ApprovalState}.
 */
public enum ApprovalRequestStatus implements WireNamed {
  /** Takes decisions. */
  OPEN,
  /** Reviewed by the operator; takes no more decisions until reopened. */
  CLOSED,
  /** Taken back by the operator (the artifact is gone, or was asked in error). */
  WITHDRAWN;

  private final String wireName = name().toLowerCase(Locale.ROOT);

  @JsonValue
  @Override
  public String wireName() {
    return wireName;
  }
}
