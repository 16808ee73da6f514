package dev.partnerkit.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Roles of operator users (internal staff). */
public enum OperatorRole implements WireNamed {
  /** Owner / ops lead: everything, including grants and entitlements. */
  OWNER_OPS_LEAD,
  /** Coordinator: tasks and partner collaboration, not grants or entitlements. */
  COORDINATOR,
  /** Administrator: grants, partners and entitlements. */
  ADMIN,
  /** Billing administrator: entitlements and the product capabilities they resolve to. */
  BILLING_ADMIN;

  private final String wireName = name().toLowerCase(Locale.ROOT);

  @JsonValue
  @Override
  public String wireName() {
    return wireName;
  }
}
