package dev.partnerkit.policy;

import dev.partnerkit.domain.Partner;
import dev.partnerkit.domain.ProductScope;
import dev.partnerkit.domain.Tenant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Everything the decision core needs besides the request and the time, loaded by the caller: the tenant (for its
 * time zone and name), the product scope of the request's occasion, the acting partner's directory record (absent
 * for operators, or when the partner is unknown) and the grants.
 */
@Value.Immutable
public abstract class DecisionFacts {
  /** @return the tenant the request is made in */
  public abstract Tenant tenant();

  /** @return the product capabilities of the request's occasion */
  public abstract ProductScope productScope();

  /** @return the acting partner's record in the tenant's directory, when there is one */
  public abstract Optional<Partner> partner();

  /** @return the grants; only the acting partner's grants in this tenant are looked at */
  @Value.Default
  public GrantIndex grants() {
    return GrantIndex.empty();
  }

  /** @return a new builder */
  public static ImmutableDecisionFacts.Builder builder() {
    return ImmutableDecisionFacts.builder();
  }
}
