package dev.partnerkit.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.partnerkit.domain.internal.Keys;

/**
 * A billing entitlement of a tenant's plan, e.g. {@code feature.multi_user_support}. Entitlements are mapped to
 * {@link ProductCapability product capabilities} centrally, by an {@link EntitlementMapping}.
 *
 * @param key the lower-case dotted key
 */
public record Entitlement(@JsonValue String key) {
  /** The collaboration entitlement that {@code vendor_access} resolves from by default. */
  public static final Entitlement MULTI_USER_SUPPORT = new Entitlement("feature.multi_user_support");

  /** Validates the key. */
  public Entitlement {
    Keys.key("entitlement", key);
  }

  /** @return the entitlement with this key */
  @JsonCreator
  public static Entitlement of(String key) {
    return new Entitlement(key);
  }

  @Override
  public String toString() {
    return key;
  }
}
