package dev.partnerkit.policy.surface.approvals;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.partnerkit.domain.WireNamed;
import java.util.Locale;

/** What an approval decision says about the exact version it was made on. */
public enum ApprovalOutcome implements WireNamed {
  /** The version is approved as it is. */
  APPROVE,
  /** The version is approved once the listed changes are made. */
  APPROVE_WITH_CHANGES,
  /** The version is not approved; the note says why. */
  REJECT;

  private final String wireName = name().toLowerCase(Locale.ROOT);

  @JsonValue
  @Override
  public String wireName() {
    return wireName;
  }

  /** @return the outcome in words, e.g. "approve with changes" */
  public String words() {
    return wireName.replace('_', ' ');
  }
}
