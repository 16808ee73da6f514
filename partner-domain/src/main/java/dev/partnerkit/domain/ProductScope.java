package dev.partnerkit.domain;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Collection;
import java.util.Set;
import org.immutables.value.Value;

/** The product capabilities resolved for one occasion. */
@Value.Immutable
@JsonSerialize(as = ImmutableProductScope.class)
@JsonDeserialize(as = ImmutableProductScope.class)
public abstract class ProductScope {
  /** @return the occasion */
  public abstract OccasionId occasionId();

  /** @return the capabilities the occasion has */
  public abstract Set<ProductCapability> capabilities();

  /** @return whether {@code vendor_access} is part of the product for this occasion */
  public boolean vendorAccessEnabled() {
    return capabilities().contains(ProductCapability.VENDOR_ACCESS);
  }

  /** @return the scope of an occasion with these capabilities */
  public static ProductScope of(OccasionId occasionId, Collection<ProductCapability> capabilities) {
    return ImmutableProductScope.builder().occasionId(occasionId).capabilities(capabilities).build();
  }
}
