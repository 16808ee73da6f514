package dev.partnerkit.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Role of a person inside a partner organisation. */
public enum MembershipRole implements WireNamed {
  /** Runs the partner's account. */
  OWNER,
  /** Manages the partner's people and work. */
  MANAGER,
  /** Takes part in the partner's work. */
  MEMBER;

  private final String wireName = name().toLowerCase(Locale.ROOT);

  @JsonValue
  @Override
  public String wireName() {
    return wireName;
  }
}
