package dev.partnerkit.policy;

import dev.partnerkit.domain.AccessGrant;
import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.internal.Checks;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Grants indexed by tenant and partner, so that a decision looks at one partner's grants only and never scans the
 * others. Immutable; grants of a partner are kept sorted by grant id, so decisions do not depend on the order the
 * grants were given in. The same grant given twice counts once; two different grants with one id are refused.
 */
public final class GrantIndex {
  private static final GrantIndex EMPTY = new GrantIndex(Map.of(), 0);

  private final Map<TenantId, Map<PartnerId, List<AccessGrant>>> byTenantAndPartner;
  private final int size;

  private GrantIndex(Map<TenantId, Map<PartnerId, List<AccessGrant>>> byTenantAndPartner, int size) {
    this.byTenantAndPartner = byTenantAndPartner;
    this.size = size;
  }

  /** @return an index with no grants */
  public static GrantIndex empty() {
    return EMPTY;
  }

  /**
   * @param grants the grants, of any tenants and partners, in any order
   * @return the index
   * @throws InvalidValueException when two different grants share one grant id, or a grant is null
   */
  public static GrantIndex of(Collection<AccessGrant> grants) {
    Checks.required("grants", grants);
    Map<String, AccessGrant> byId = new HashMap<>();
    Map<TenantId, Map<PartnerId, List<AccessGrant>>> index = new HashMap<>();
    for (AccessGrant grant : grants) {
      Checks.required("grants[]", grant);
      String key = grant.tenantId().value() + '\u0000' + grant.grantId().value();
      AccessGrant seen = byId.putIfAbsent(key, grant);
      if (seen != null) {
        if (!seen.equals(grant)) {
          throw new InvalidValueException("grants", "grants must not hold two different grants with grant id "
              + Checks.show(grant.grantId()) + " in tenant " + Checks.show(grant.tenantId()));
        }
        continue;
      }
      index.computeIfAbsent(grant.tenantId(), t -> new HashMap<>())
          .computeIfAbsent(grant.partnerId(), p -> new ArrayList<>()).add(grant);
    }
    Comparator<AccessGrant> byGrantId = Comparator.comparing(AccessGrant::grantId);
    Map<TenantId, Map<PartnerId, List<AccessGrant>>> frozen = new HashMap<>();
    index.forEach((tenant, partners) -> {
      Map<PartnerId, List<AccessGrant>> frozenPartners = new HashMap<>();
      partners.forEach((partner, list) -> {
        list.sort(byGrantId);
        frozenPartners.put(partner, List.copyOf(list));
      });
      frozen.put(tenant, Map.copyOf(frozenPartners));
    });
    return new GrantIndex(Map.copyOf(frozen), byId.size());
  }

  /**
   * @return the grants of {@code partnerId} in {@code tenantId}, sorted by grant id; empty when there are none
   */
  public List<AccessGrant> grantsFor(TenantId tenantId, PartnerId partnerId) {
    Map<PartnerId, List<AccessGrant>> partners = byTenantAndPartner.get(tenantId);
    if (partners == null) {
      return List.of();
    }
    List<AccessGrant> grants = partners.get(partnerId);
    return grants == null ? List.of() : grants;
  }

  /** @return how many distinct grants the index holds */
  public int size() {
    return size;
  }

  @Override
  public String toString() {
    return "GrantIndex[" + size + " grants]";
  }
}
