package dev.partnerkit.spi;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.partnerkit.domain.WireNamed;
import java.util.Locale;

/** What an activity entry comes from. */
public enum ActivityKind implements WireNamed {
  /** A domain event of the host or of Partnerkit. */
  DOMAIN_EVENT,
  /** An audit event (grants, entitlements). */
  AUDIT_EVENT,
  /** A comment. */
  COMMENT,
  /** A document. */
  DOCUMENT,
  /** A partner task. */
  TASK;

  private final String wireName = name().toLowerCase(Locale.ROOT);

  @JsonValue
  @Override
  public String wireName() {
    return wireName;
  }
}
