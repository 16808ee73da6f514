package dev.partnerkit.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.partnerkit.domain.internal.Keys;

/**
 * A product-level capability of an occasion, resolved from billing entitlements by an {@link EntitlementMapping}.
 * Partnerkit itself consults {@link #VENDOR_ACCESS}: whether partner participation is part of the product for the
 * occasion at all. It does not replace permissions (grants); it decides whether they matter.
 *
 * @param key the lower-case dotted key, e.g. {@code vendor_access}
 */
public record ProductCapability(@JsonValue String key) {
  /** Partner (vendor) participation: portal routes, partner workflow, operator vendor management. */
  public static final ProductCapability VENDOR_ACCESS = new ProductCapability("vendor_access");

  /** Validates the key. */
  public ProductCapability {
    Keys.key("productCapability", key);
  }

  /** @return the capability with this key */
  @JsonCreator
  public static ProductCapability of(String key) {
    return new ProductCapability(key);
  }

  @Override
  public String toString() {
    return key;
  }
}
