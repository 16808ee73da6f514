package dev.partnerkit.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Who owns the next step after a decision. */
public enum NextStepOwner implements WireNamed {
  /** The tenant's internal staff. */
  OPERATOR,
  /** The partner organisation (its people or its integration). */
  PARTNER,
  /** The tenant's billing administrator (plans, entitlements). */
  BILLING_ADMIN;

  private final String wireName = name().toLowerCase(Locale.ROOT);

  @JsonValue
  @Override
  public String wireName() {
    return wireName;
  }
}
