package dev.partnerkit.domain;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.internal.Checks;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.immutables.value.Value;

/**
 * How billing entitlements resolve into product capabilities, configured by the host in one place. Packaging can
 * split or bundle partner participation differently by changing this mapping, without touching any route.
 *
 * <pre>{@code
 * EntitlementMapping mapping = EntitlementMapping.defaults(); // feature.multi_user_support -> vendor_access
 * ProductScope scope = mapping.resolve(occasionId, Set.of(Entitlement.MULTI_USER_SUPPORT));
 * }</pre>
 */
@Value.Immutable
@JsonSerialize(as = ImmutableEntitlementMapping.class)
@JsonDeserialize(as = ImmutableEntitlementMapping.class)
public abstract class EntitlementMapping {
  private static final EntitlementMapping DEFAULTS = ImmutableEntitlementMapping.builder()
      .putRules(Entitlement.MULTI_USER_SUPPORT, Set.of(ProductCapability.VENDOR_ACCESS))
      .build();

  /** @return for each entitlement, the product capabilities it gives */
  public abstract Map<Entitlement, Set<ProductCapability>> rules();

  /**
   * Resolves the product capabilities of one occasion from its entitlements. Entitlements with no rule give nothing.
   *
   * @param occasionId the occasion
   * @param entitlements the occasion's entitlements
   * @return the occasion's product scope
   */
  public ProductScope resolve(OccasionId occasionId, Collection<Entitlement> entitlements) {
    Checks.required("occasionId", occasionId);
    Checks.required("entitlements", entitlements);
    Set<ProductCapability> capabilities = new HashSet<>();
    for (Entitlement entitlement : entitlements) {
      capabilities.addAll(rules().getOrDefault(Checks.required("entitlements[]", entitlement), Set.of()));
    }
    return ProductScope.of(occasionId, capabilities);
  }

  /** Copies the inner sets so that no caller-held mutable set survives inside the mapping. */
  @Value.Check
  protected EntitlementMapping normalize() {
    boolean copied = true;
    for (Map.Entry<Entitlement, Set<ProductCapability>> e : rules().entrySet()) {
      Checks.required("rules[" + e.getKey() + "]", e.getValue());
      if (Set.copyOf(e.getValue()) != e.getValue()) {
        copied = false;
      }
    }
    if (copied) {
      return this;
    }
    Map<Entitlement, Set<ProductCapability>> normalized = new LinkedHashMap<>();
    rules().forEach((k, v) -> normalized.put(k, Set.copyOf(v)));
    return ImmutableEntitlementMapping.builder().rules(normalized).build();
  }

  /** @return the default mapping: {@code feature.multi_user_support -> vendor_access} */
  public static EntitlementMapping defaults() {
    return DEFAULTS;
  }

  /** @return a new builder */
  public static ImmutableEntitlementMapping.Builder builder() {
    return ImmutableEntitlementMapping.builder();
  }
}
