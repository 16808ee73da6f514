package dev.partnerkit.policy;

import dev.partnerkit.domain.AccessGrant;
import dev.partnerkit.domain.EventId;
import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.internal.Checks;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Grants indexed by tenant and partner, and within a partner by occasion and event, so that a decision looks only at
 * the grants that can cover its request and never scans the others. Immutable; grants are kept sorted by grant id,
 * so decisions do not depend on the order the grants were given in. The same grant given twice counts once; two
 * different grants with one id are refused.
 */
public final class GrantIndex {
  private static final AccessGrant[] NONE = new AccessGrant[0];
  private static final GrantIndex EMPTY = new GrantIndex(Map.of(), 0);

  private final Map<TenantId, Map<PartnerId, PartnerGrants>> byTenantAndPartner;
  private final int size;

  private GrantIndex(Map<TenantId, Map<PartnerId, PartnerGrants>> byTenantAndPartner, int size) {
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
    Map<TenantId, Map<PartnerId, PartnerGrants>> frozen = new HashMap<>();
    index.forEach((tenant, partners) -> {
      Map<PartnerId, PartnerGrants> frozenPartners = new HashMap<>();
      partners.forEach((partner, list) -> frozenPartners.put(partner, new PartnerGrants(list)));
      frozen.put(tenant, Map.copyOf(frozenPartners));
    });
    return new GrantIndex(Map.copyOf(frozen), byId.size());
  }

  /**
   * @return the grants of {@code partnerId} in {@code tenantId}, sorted by grant id; empty when there are none
   */
  public List<AccessGrant> grantsFor(TenantId tenantId, PartnerId partnerId) {
    return partner(tenantId, partnerId).list;
  }

  /** @return the grants of {@code partnerId} in {@code tenantId}, indexed; empty when there are none */
  PartnerGrants partner(TenantId tenantId, PartnerId partnerId) {
    Map<PartnerId, PartnerGrants> partners = byTenantAndPartner.get(tenantId);
    if (partners == null) {
      return PartnerGrants.EMPTY;
    }
    PartnerGrants grants = partners.get(partnerId);
    return grants == null ? PartnerGrants.EMPTY : grants;
  }

  /** @return how many distinct grants the index holds */
  public int size() {
    return size;
  }

  @Override
  public String toString() {
    return "GrantIndex[" + size + " grants]";
  }

  /**
   * One partner's grants in one tenant: all of them sorted by grant id, and per occasion the ones that can cover a
   * request about one event of it (those naming the event, and those naming no events), also sorted by grant id.
   */
  static final class PartnerGrants {
    static final PartnerGrants EMPTY = new PartnerGrants(List.of());

    /** Every grant, sorted by grant id. */
    final AccessGrant[] all;
    final List<AccessGrant> list;
    private final Map<OccasionId, OccasionGrants> byOccasion;

    private PartnerGrants(List<AccessGrant> grants) {
      all = grants.toArray(NONE);
      java.util.Arrays.sort(all, Comparator.comparing(AccessGrant::grantId));
      list = List.of(all);
      Map<OccasionId, List<AccessGrant>> occasions = new HashMap<>();
      for (AccessGrant grant : all) {
        occasions.computeIfAbsent(grant.scope().occasionId(), o -> new ArrayList<>()).add(grant);
      }
      Map<OccasionId, OccasionGrants> frozen = new HashMap<>();
      occasions.forEach((occasion, sorted) -> frozen.put(occasion, new OccasionGrants(sorted)));
      byOccasion = Map.copyOf(frozen);
    }

    /**
     * The grants that can pass the occasion and event checks for a request about {@code occasion}, sorted by grant
     * id; every other grant of the partner fails them ({@code out_of_scope}) or an earlier check.
     *
     * @param event the request's event, or null
     * @param exact whether scope is checked exactly (a request without an event is then outside every grant that
     *     names events); otherwise a request without an event may be covered by any grant of the occasion
     */
    AccessGrant[] candidates(OccasionId occasion, @Nullable EventId event, boolean exact) {
      OccasionGrants grants = byOccasion.get(occasion);
      if (grants == null) {
        return NONE;
      }
      if (event == null) {
        return exact ? grants.anyEvent : grants.all;
      }
      AccessGrant[] named = grants.byEvent.get(event);
      return named == null ? grants.anyEvent : named;
    }
  }

  /** One partner's grants on one occasion. */
  private static final class OccasionGrants {
    /** Every grant for the occasion, sorted by grant id. */
    final AccessGrant[] all;
    /** The grants naming no events (they cover every event), sorted by grant id. */
    final AccessGrant[] anyEvent;
    /** Per event some grant names: the grants naming it and those naming no events, sorted by grant id. */
    final Map<EventId, AccessGrant[]> byEvent;

    OccasionGrants(List<AccessGrant> sorted) {
      all = sorted.toArray(NONE);
      List<AccessGrant> any = new ArrayList<>();
      Map<EventId, List<AccessGrant>> events = new HashMap<>();
      for (AccessGrant grant : all) {
        if (grant.scope().events().isEmpty()) {
          any.add(grant);
        }
      }
      for (AccessGrant grant : all) {
        for (EventId event : grant.scope().events()) {
          events.computeIfAbsent(event, e -> new ArrayList<>());
        }
      }
      for (AccessGrant grant : all) { // in grant id order, so every list below stays sorted
        if (grant.scope().events().isEmpty()) {
          events.values().forEach(list -> list.add(grant));
        } else {
          for (EventId event : grant.scope().events()) {
            events.get(event).add(grant);
          }
        }
      }
      anyEvent = any.toArray(NONE);
      Map<EventId, AccessGrant[]> frozen = new HashMap<>();
      events.forEach((event, list) -> frozen.put(event, list.toArray(NONE)));
      byEvent = Map.copyOf(frozen);
    }
  }
}
