package dev.partnerkit.policy.surface.blockers;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.partnerkit.domain.WireNamed;
import java.util.Locale;

/** The four kinds of partner response to a readiness blocker. */
public enum ResponseKind implements WireNamed {
  /** The partner confirms what the blocker asks about. */
  CONFIRM,
  /** The partner asks the operator for more information. */
  REQUEST_MORE_INFO,
  /** The partner gives evidence: a document version it uploaded. */
  UPLOAD_EVIDENCE,
  /** The partner asks for a waiver: a request only, never a waiver. */
  REQUEST_WAIVER;

  private final String wireName = name().toLowerCase(Locale.ROOT);

  @JsonValue
  @Override
  public String wireName() {
    return wireName;
  }
}
