package dev.partnerkit.policy;

import dev.partnerkit.domain.Partner;
import dev.partnerkit.domain.ProductScope;
import dev.partnerkit.domain.RecordType;
import dev.partnerkit.domain.Tenant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Everything the decision core needs besides the request and the time, loaded by the caller: the tenant (for its
 * time zone and name), the product scope of the request's occasion, the acting partner's directory record (absent
 * for operators, or when the partner is unknown), the grants, and for a record request its record type.
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

  /**
   * @return for a request about a kernel record, the record type (its lifecycle and rules decide check 7); its wire
   *     name must be the request's record type. Empty for a view of one entry that is no kernel record (an activity
   *     entry), which is decided with exact scope and no type rules
   */
  public abstract Optional<RecordType<?, ?>> recordType();

  /** @return a new builder */
  public static ImmutableDecisionFacts.Builder builder() {
    return ImmutableDecisionFacts.builder();
  }
}
