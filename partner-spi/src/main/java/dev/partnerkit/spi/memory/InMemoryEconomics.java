package dev.partnerkit.spi.memory;

import dev.partnerkit.domain.Partner;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.PartnerStatus;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.economics.Commission;
import dev.partnerkit.domain.economics.CommissionId;
import dev.partnerkit.domain.economics.CommissionStatus;
import dev.partnerkit.domain.economics.EventInvite;
import dev.partnerkit.domain.economics.InviteId;
import dev.partnerkit.domain.economics.Money;
import dev.partnerkit.domain.economics.PlanQuota;
import dev.partnerkit.domain.economics.Referral;
import dev.partnerkit.domain.economics.ReferralId;
import dev.partnerkit.domain.internal.Checks;
import dev.partnerkit.spi.CommissionQuery;
import dev.partnerkit.spi.DirectoryMetrics;
import dev.partnerkit.spi.EconomicsStore;
import dev.partnerkit.spi.InviteGrouping;
import dev.partnerkit.spi.InviteQuery;
import dev.partnerkit.spi.InviteTally;
import dev.partnerkit.spi.PartnerQuery;
import dev.partnerkit.spi.ReferralQuery;
import dev.partnerkit.spi.VersionConflictException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

/**
 * The in-memory {@link EconomicsStore}: its rows are kept here, per tenant, and every change goes through the
 * {@link Ledger} of the {@link InMemoryStorage} it belongs to, so it joins that storage's units of work and undo log.
 */
final class InMemoryEconomics implements EconomicsStore {
  static final String REFERRAL = "referral";
  static final String COMMISSION = "commission";
  static final String EVENT_INVITE = "event_invite";

  private final Ledger ledger;
  /** Guarded by the storage's lock. */
  private final Map<TenantId, Books> books = new HashMap<>();

  InMemoryEconomics(Ledger ledger) {
    this.ledger = ledger;
  }

  /** One tenant's rows, ordered by id. */
  private static final class Books {
    final TreeMap<ReferralId, Referral> referrals = new TreeMap<>();
    final TreeMap<CommissionId, Commission> commissions = new TreeMap<>();
    final TreeMap<InviteId, EventInvite> invites = new TreeMap<>();
    final TreeMap<String, PlanQuota> quotas = new TreeMap<>();
  }

  /** @return the tenant's books, created empty when missing (an empty container needs no undo) */
  private Books booksFor(TenantId tenantId) {
    return books.computeIfAbsent(tenantId, t -> new Books());
  }

  private <T> T readTenant(TenantId tenantId, T none, Function<Books, T> query) {
    Checks.required("tenantId", tenantId);
    return ledger.read(() -> {
      Books b = books.get(tenantId);
      return b == null ? none : query.apply(b);
    });
  }

  private <K, V> void insert(TreeMap<K, V> rows, K key, V row, long version, String type, String id) {
    if (version != 0 || rows.containsKey(key)) {
      throw VersionConflictException.duplicate(type, id);
    }
    ledger.put(rows, key, row);
  }

  private <K, V> void update(TreeMap<K, V> rows, K key, V row, ToLongFunction<V> version, String type, String id) {
    long expected = version.applyAsLong(row) - 1;
    V stored = rows.get(key);
    if (stored == null || version.applyAsLong(stored) != expected) {
      throw VersionConflictException.stale(type, id, expected);
    }
    ledger.put(rows, key, row);
  }

  private static <K extends Comparable<K>, V> List<V> page(TreeMap<K, V> rows, Optional<K> after, int limit,
      Predicate<V> filter) {
    Map<K, V> from = after.isPresent() ? rows.tailMap(after.get(), false) : rows;
    return from.values().stream().filter(filter).limit(limit).toList();
  }

  private static int checkLimit(int limit) {
    Checks.check(limit >= 1 && limit <= 500, "limit", "limit must be between 1 and 500, but was " + limit);
    return limit;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // referrals and commissions

  @Override
  public void insertReferral(Referral referral) {
    Checks.required("referral", referral);
    ledger.write(() -> insert(booksFor(referral.tenantId()).referrals, referral.referralId(), referral,
        referral.version(), REFERRAL, referral.referralId().value()));
  }

  @Override
  public void updateReferral(Referral referral) {
    Checks.required("referral", referral);
    ledger.write(() -> update(booksFor(referral.tenantId()).referrals, referral.referralId(), referral,
        Referral::version, REFERRAL, referral.referralId().value()));
  }

  @Override
  public Optional<Referral> findReferral(TenantId tenantId, ReferralId referralId) {
    Checks.required("referralId", referralId);
    return readTenant(tenantId, Optional.empty(), b -> Optional.ofNullable(b.referrals.get(referralId)));
  }

  @Override
  public List<Referral> listReferrals(TenantId tenantId, ReferralQuery query) {
    Checks.required("query", query);
    return readTenant(tenantId, List.of(), b -> page(b.referrals, query.afterReferralId(), query.limit(),
        r -> (query.partnerId().isEmpty() || query.partnerId().get().equals(r.partnerId()))
            && (query.status().isEmpty() || query.status().get() == r.status())));
  }

  @Override
  public void insertCommission(Commission commission) {
    Checks.required("commission", commission);
    ledger.write(() -> insert(booksFor(commission.tenantId()).commissions, commission.commissionId(), commission,
        commission.version(), COMMISSION, commission.commissionId().value()));
  }

  @Override
  public void updateCommission(Commission commission) {
    Checks.required("commission", commission);
    ledger.write(() -> update(booksFor(commission.tenantId()).commissions, commission.commissionId(), commission,
        Commission::version, COMMISSION, commission.commissionId().value()));
  }

  @Override
  public Optional<Commission> findCommission(TenantId tenantId, CommissionId commissionId) {
    Checks.required("commissionId", commissionId);
    return readTenant(tenantId, Optional.empty(), b -> Optional.ofNullable(b.commissions.get(commissionId)));
  }

  @Override
  public List<Commission> listCommissions(TenantId tenantId, CommissionQuery query) {
    Checks.required("query", query);
    return readTenant(tenantId, List.of(), b -> page(b.commissions, query.afterCommissionId(), query.limit(),
        c -> (query.partnerId().isEmpty() || query.partnerId().get().equals(c.partnerId()))
            && (query.referralId().isEmpty() || query.referralId().get().equals(c.referralId()))
            && (query.status().isEmpty() || query.status().get() == c.status())));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // the directory

  @Override
  public List<Partner> listPartners(TenantId tenantId, PartnerQuery query) {
    Checks.required("tenantId", tenantId);
    Checks.required("query", query);
    return ledger.read(() -> ledger.partners(tenantId).stream()
        .filter(p -> query.afterPartnerId().isEmpty() || p.partnerId().compareTo(query.afterPartnerId().get()) > 0)
        .filter(query::matches).sorted(Comparator.comparing(Partner::partnerId)).limit(query.limit()).toList());
  }

  @Override
  public DirectoryMetrics metrics(TenantId tenantId, PartnerQuery filter) {
    Checks.required("tenantId", tenantId);
    Checks.required("filter", filter);
    return ledger.read(() -> {
      List<Partner> selected = ledger.partners(tenantId).stream().filter(filter::matches).toList();
      Set<PartnerId> ids = new HashSet<>();
      selected.forEach(p -> ids.add(p.partnerId()));
      Books b = books.get(tenantId);
      Stream<Referral> referrals = b == null ? Stream.empty() : b.referrals.values().stream();
      Stream<Commission> commissions = b == null ? Stream.empty() : b.commissions.values().stream();
      return DirectoryMetrics.builder()
          .activePartners(selected.stream().filter(p -> p.status() == PartnerStatus.ACTIVE).count())
          .pipelineValue(sums(referrals.filter(r -> r.status().inPipeline() && ids.contains(r.partnerId()))
              .map(Referral::estimatedValue)))
          .owedCommission(sums(commissions.filter(c -> c.status() == CommissionStatus.OWED
              && ids.contains(c.partnerId())).map(Commission::amount)))
          .build();
    });
  }

  private static Map<String, Long> sums(Stream<Money> amounts) {
    Map<String, Long> out = new TreeMap<>();
    amounts.forEach(m -> out.merge(m.currency(), m.amountMinor(), Math::addExact));
    return out;
  }

  @Override
  public List<Referral> referralsWithoutActivity(TenantId tenantId, Optional<ReferralId> after, int limit) {
    Checks.required("after", after);
    checkLimit(limit);
    return readTenant(tenantId, List.of(), b -> page(b.referrals, after, limit,
        r -> !ledger.hasActivity(tenantId, EconomicsStore.activityEntryId(r.referralId()))));
  }

  @Override
  public List<Commission> commissionsWithoutActivity(TenantId tenantId, Optional<CommissionId> after, int limit) {
    Checks.required("after", after);
    checkLimit(limit);
    return readTenant(tenantId, List.of(), b -> page(b.commissions, after, limit,
        c -> !ledger.hasActivity(tenantId, EconomicsStore.activityEntryId(c.commissionId()))));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // invites and plan

  @Override
  public void insertInvite(EventInvite invite) {
    Checks.required("invite", invite);
    ledger.write(() -> insert(booksFor(invite.tenantId()).invites, invite.inviteId(), invite, invite.version(),
        EVENT_INVITE, invite.inviteId().value()));
  }

  @Override
  public void updateInvite(EventInvite invite) {
    Checks.required("invite", invite);
    ledger.write(() -> update(booksFor(invite.tenantId()).invites, invite.inviteId(), invite, EventInvite::version,
        EVENT_INVITE, invite.inviteId().value()));
  }

  @Override
  public Optional<EventInvite> findInvite(TenantId tenantId, InviteId inviteId) {
    Checks.required("inviteId", inviteId);
    return readTenant(tenantId, Optional.empty(), b -> Optional.ofNullable(b.invites.get(inviteId)));
  }

  @Override
  public List<EventInvite> listInvites(TenantId tenantId, InviteQuery query) {
    Checks.required("query", query);
    return readTenant(tenantId, List.of(), b -> page(b.invites, query.afterInviteId(), query.limit(),
        i -> selects(query, i)));
  }

  @Override
  public List<InviteTally> inviteTallies(TenantId tenantId, InviteQuery filter, InviteGrouping grouping) {
    Checks.required("filter", filter);
    Checks.required("grouping", grouping);
    return readTenant(tenantId, List.of(), b -> {
      Map<String, long[]> counts = new TreeMap<>();
      for (EventInvite invite : b.invites.values()) {
        if (selects(filter, invite)) {
          String key = grouping == InviteGrouping.INVITER_PRINCIPAL ? invite.inviterPrincipal()
              : invite.issuedByUserId().value();
          long[] c = counts.computeIfAbsent(key, k -> new long[2]);
          c[0]++;
          if (invite.accepted() && invite.creditedAcceptance()) {
            c[1]++;
          }
        }
      }
      return counts.entrySet().stream().map(e -> InviteTally.of(e.getKey(), e.getValue()[0], e.getValue()[1]))
          .toList();
    });
  }

  private static boolean selects(InviteQuery q, EventInvite i) {
    return q.eventId().equals(i.eventId())
        && (q.occasionId().isEmpty() || q.occasionId().get().equals(i.occasionId()))
        && (q.partnerId().isEmpty() || q.partnerId().get().equals(i.partnerId()))
        && (q.inviterPrincipal().isEmpty() || q.inviterPrincipal().get().equals(i.inviterPrincipal()))
        && (q.issuedByUserId().isEmpty() || q.issuedByUserId().get().equals(i.issuedByUserId()));
  }

  @Override
  public void savePlanQuotas(TenantId tenantId, List<PlanQuota> quotas) {
    Checks.required("tenantId", tenantId);
    List<PlanQuota> copy = List.copyOf(Checks.required("quotas", quotas));
    Set<String> keys = new HashSet<>();
    for (PlanQuota q : copy) {
      Checks.check(keys.add(q.key()), "quotas", "quotas must have unique keys, but " + q.key() + " came twice");
    }
    ledger.write(() -> {
      TreeMap<String, PlanQuota> rows = booksFor(tenantId).quotas;
      for (String key : List.copyOf(rows.keySet())) {
        ledger.remove(rows, key);
      }
      copy.forEach(q -> ledger.put(rows, q.key(), q));
    });
  }

  @Override
  public List<PlanQuota> planQuotas(TenantId tenantId) {
    return readTenant(tenantId, List.of(), b -> List.copyOf(b.quotas.values()));
  }
}
