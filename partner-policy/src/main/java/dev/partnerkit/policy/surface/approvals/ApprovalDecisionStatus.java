package dev.partnerkit.policy.surface.approvals;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.partnerkit.domain.WireNamed;
import java.util.Locale;

/**
 * Status of an approval decision: recorded, and then never changed. Whether it is stale (a newer version of its
 * target exists) is derived when it is read, so a decision is never deleted or rewritten.
 */
public enum ApprovalDecisionStatus implements WireNamed {
  /** Recorded on its exact version. */
  RECORDED;

  private final String wireName = name().toLowerCase(Locale.ROOT);

  @JsonValue
  @Override
  public String wireName() {
    return wireName;
  }
}
