package dev.partnerkit.domain;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.internal.Checks;
import java.util.Set;
import org.immutables.value.Value;

/**
 * The billing entitlements in force for one occasion of a tenant, with a version for optimistic locking. Resolved
 * into a {@link ProductScope} by an {@link EntitlementMapping}.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableOccasionEntitlements.class)
@JsonDeserialize(as = ImmutableOccasionEntitlements.class)
public abstract class OccasionEntitlements {
  /** @return the tenant */
  public abstract TenantId tenantId();

  /** @return the occasion */
  public abstract OccasionId occasionId();

  /** @return the entitlements in force */
  public abstract Set<Entitlement> entitlements();

  /** @return optimistic-locking version, raised by one at every change */
  @Value.Default
  public long version() {
    return 0;
  }

  @Value.Check
  protected void check() {
    Checks.maxSize("entitlements", entitlements(), 100);
    Checks.nonNegative("version", version());
  }

  /** @return a new builder */
  public static ImmutableOccasionEntitlements.Builder builder() {
    return ImmutableOccasionEntitlements.builder();
  }
}
