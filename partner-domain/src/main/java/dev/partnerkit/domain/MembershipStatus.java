package dev.partnerkit.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Lifecycle of a partner membership: invited, then active; removed at any time. */
public enum MembershipStatus implements WireNamed {
  /** Invited, not yet accepted: resolves to no partner context. */
  INVITED,
  /** Accepted: the person acts for the partner. */
  ACTIVE,
  /** Removed: resolves to no partner context. */
  REMOVED;

  private final String wireName = name().toLowerCase(Locale.ROOT);

  @JsonValue
  @Override
  public String wireName() {
    return wireName;
  }
}
