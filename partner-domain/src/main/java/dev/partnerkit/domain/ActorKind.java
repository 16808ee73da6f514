package dev.partnerkit.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Who is acting: internal staff, a person of a partner, or a partner's machine identity. */
public enum ActorKind implements WireNamed {
  /** Internal staff of the tenant. */
  OPERATOR,
  /** A person acting through a partner membership. */
  PARTNER_MEMBER,
  /** A partner's machine identity: a separate access path, read-only by default. */
  INTEGRATION;

  private final String wireName = name().toLowerCase(Locale.ROOT);

  @JsonValue
  @Override
  public String wireName() {
    return wireName;
  }
}
