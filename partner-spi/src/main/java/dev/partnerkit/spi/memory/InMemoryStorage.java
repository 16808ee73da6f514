package dev.partnerkit.spi.memory;

import dev.partnerkit.domain.AccessGrant;
import dev.partnerkit.domain.GrantId;
import dev.partnerkit.domain.IntegrationPrincipal;
import dev.partnerkit.domain.IntegrationPrincipalId;
import dev.partnerkit.domain.OccasionEntitlements;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.Partner;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.PartnerMember;
import dev.partnerkit.domain.RecordRef;
import dev.partnerkit.domain.Tenant;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.UserId;
import dev.partnerkit.domain.Visibility;
import dev.partnerkit.domain.internal.Checks;
import dev.partnerkit.spi.ActivityEntry;
import dev.partnerkit.spi.ActivityLog;
import dev.partnerkit.spi.ActivityQuery;
import dev.partnerkit.spi.DecisionLog;
import dev.partnerkit.spi.DecisionRecord;
import dev.partnerkit.spi.DirectoryStore;
import dev.partnerkit.spi.EconomicsStore;
import dev.partnerkit.spi.EntitlementStore;
import dev.partnerkit.spi.GrantStore;
import dev.partnerkit.spi.IdempotencyRecord;
import dev.partnerkit.spi.IdempotencyStore;
import dev.partnerkit.spi.ImmutableIdempotencyRecord;
import dev.partnerkit.spi.ImmutableOutboxEvent;
import dev.partnerkit.spi.ImmutableStoredRecord;
import dev.partnerkit.spi.Outbox;
import dev.partnerkit.spi.OutboxEvent;
import dev.partnerkit.spi.PartnerkitStorage;
import dev.partnerkit.spi.RecordLink;
import dev.partnerkit.spi.RecordQuery;
import dev.partnerkit.spi.RecordStore;
import dev.partnerkit.spi.RetentionStore;
import dev.partnerkit.spi.StoredRecord;
import dev.partnerkit.spi.UnitOfWork;
import dev.partnerkit.spi.VersionConflictException;
import dev.partnerkit.spi.WebhookStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A thread-safe, in-memory implementation of every store of the SPI, for tests and for hosts trying the library.
 *
 * <p>Concurrency is deliberately simple: one lock is held for the whole of a unit of work, and around every single
 * store call made outside one, so units of work run one after the other. Each unit of work keeps an undo log of the
 * changes it made and replays it backwards when the work throws; a store call made outside a unit of work runs as a
 * unit of work of its own. Data is kept per tenant, so no method can ever see another tenant's rows. Grants,
 * entitlements and kernel records share one versioned table ({@code insert} at version 0, {@code update} at the
 * stored version plus one); grants are indexed by partner, records by type and occasion, ordered by id.
 *
 * <pre>{@code
 * PartnerkitStorage storage = InMemoryStorage.create();
 * storage.unitOfWork().inTransaction(() -> {
 *   storage.grants().insert(grant);
 *   storage.outbox().append(event);
 *   return null;
 * });
 * }</pre>
 */
public final class InMemoryStorage implements PartnerkitStorage {
  /** Largest {@code limit} accepted by {@link DecisionLog#recent} and {@link Outbox#claimPending}. */
  public static final int MAX_LIMIT = ActivityQuery.MAX_LIMIT;

  static final String ACCESS_GRANT = "access_grant";
  static final String OCCASION_ENTITLEMENTS = "occasion_entitlements";
  static final String RECORD_LINK = "record_link";
  static final String ACTIVITY_ENTRY = "activity_entry";
  static final String DECISION_RECORD = "decision_record";
  static final String OUTBOX_EVENT = "outbox_event";
  static final String IDEMPOTENCY_RECORD = "idempotency_record";
  static final String INTEGRATION_PRINCIPAL = "integration_principal";

  private static final Comparator<DecisionRecord> NEWEST_FIRST = Comparator
      .comparing((DecisionRecord r) -> r.decision().decidedAt())
      .thenComparing(DecisionRecord::recordId)
      .reversed();

  private static final Shape<GrantId, PartnerId, AccessGrant> GRANTS = new Shape<>(AccessGrant::grantId,
      AccessGrant::partnerId, AccessGrant::version, g -> ACCESS_GRANT, g -> g.grantId().value());
  private static final Shape<OccasionId, OccasionId, OccasionEntitlements> ENTITLEMENTS = new Shape<>(
      OccasionEntitlements::occasionId, null, OccasionEntitlements::version, e -> OCCASION_ENTITLEMENTS,
      e -> e.occasionId().value());
  private static final Shape<PartnerId, PartnerId, Partner> PARTNERS = new Shape<>(Partner::partnerId, null,
      Partner::version, p -> "partner", p -> p.partnerId().value());
  private static final Shape<MemberKey, PartnerId, PartnerMember> MEMBERS = new Shape<>(MemberKey::of,
      PartnerMember::partnerId, PartnerMember::version, m -> "partner_member",
      m -> m.partnerId() + "/" + m.userId());
  private static final Shape<IntegrationPrincipalId, PartnerId, IntegrationPrincipal> PRINCIPALS = new Shape<>(
      IntegrationPrincipal::principalId, IntegrationPrincipal::partnerId, IntegrationPrincipal::version,
      p -> INTEGRATION_PRINCIPAL, p -> p.principalId().value());
  private static final Shape<RecordRef, Shelf, StoredRecord> RECORDS = new Shape<>(StoredRecord::ref, Shelf::of,
      StoredRecord::version, r -> r.ref().type(), r -> r.ref().id());

  private final ReentrantLock lock = new ReentrantLock();
  /** Guarded by {@link #lock}. */
  private final Map<TenantId, Tenant> tenants = new HashMap<>();
  /** Guarded by {@link #lock}. */
  private final Map<TenantId, TenantData> data = new HashMap<>();
  /** The undo log of the open unit of work, or null outside one; guarded by {@link #lock}. */
  private @Nullable List<Runnable> undoLog;

  private final DirectoryStore directory = new Directory();
  private final GrantStore grants = new Grants();
  private final EntitlementStore entitlements = new Entitlements();
  private final RecordStore records = new Records();
  private final ActivityLog activity = new Activity();
  private final DecisionLog decisions = new Decisions();
  private final Outbox outbox = new OutboxImpl();
  private final IdempotencyStore idempotency = new Idempotency();
  private final RetentionStore retention = new Retention();
  private final UnitOfWork unitOfWork = new Transactions();
  private final EconomicsStore economics = new InMemoryEconomics(new LedgerOfThisStorage());
  private final WebhookStore webhooks = new InMemoryWebhooks(new LedgerOfThisStorage());

  private InMemoryStorage() {}

  /** @return a new, empty storage */
  public static InMemoryStorage create() {
    return new InMemoryStorage();
  }

  /** @return tenants and partner directories */
  @Override
  public DirectoryStore directory() {
    return directory;
  }

  /** @return access grants, indexed by partner */
  @Override
  public GrantStore grants() {
    return grants;
  }

  /** @return occasion entitlements */
  @Override
  public EntitlementStore entitlements() {
    return entitlements;
  }

  /** @return kernel records, indexed by type and occasion, and their links */
  @Override
  public RecordStore records() {
    return records;
  }

  /** @return referrals, commissions, event invites and plan quotas, kept by {@link InMemoryEconomics} */
  @Override
  public EconomicsStore economics() {
    return economics;
  }

  /** @return the activity timeline */
  @Override
  public ActivityLog activity() {
    return activity;
  }

  /** @return the decision log */
  @Override
  public DecisionLog decisions() {
    return decisions;
  }

  /** @return webhook subscriptions, deliveries and the delivery log */
  @Override
  public WebhookStore webhooks() {
    return webhooks;
  }

  /** @return the outbox */
  @Override
  public Outbox outbox() {
    return outbox;
  }

  /** @return idempotency records */
  @Override
  public IdempotencyStore idempotency() {
    return idempotency;
  }

  /** @return the purges of journal rows past their age; each call is one unit of work (or joins the open one) */
  @Override
  public RetentionStore retention() {
    return retention;
  }

  /** @return the unit of work every store of this storage joins */
  @Override
  public UnitOfWork unitOfWork() {
    return unitOfWork;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // locking and undo: every change goes through put or remove, which log its undo

  private <T> T read(Supplier<T> query) {
    lock.lock();
    try {
      return query.get();
    } finally {
      lock.unlock();
    }
  }

  private void write(Runnable change) {
    unitOfWork.inTransaction(() -> {
      change.run();
      return Boolean.TRUE;
    });
  }

  private <K, V> void put(Map<K, V> map, K key, V value) {
    @Nullable V old = map.put(key, value);
    List<Runnable> log = undoLog;
    if (log != null) {
      log.add(() -> restore(map, key, old));
    }
  }

  /** Puts {@code value} under a key that must be free: inserts never overwrite. */
  private <K, V> void putNew(Map<K, V> map, K key, V value, String recordType, String recordId) {
    if (map.containsKey(key)) {
      throw VersionConflictException.duplicate(recordType, recordId);
    }
    put(map, key, value);
  }

  /** @return whether there was a value to remove */
  private <K, V> boolean remove(Map<K, V> map, K key) {
    @Nullable V old = map.remove(key);
    List<Runnable> log = undoLog;
    if (log != null && old != null) {
      log.add(() -> map.put(key, old));
    }
    return old != null;
  }

  private static <K, V> void restore(Map<K, V> map, K key, @Nullable V old) {
    if (old == null) {
      map.remove(key);
    } else {
      map.put(key, old);
    }
  }

  /** @return the tenant's data, created empty when missing (an empty container needs no undo) */
  private TenantData dataFor(TenantId tenantId) {
    return data.computeIfAbsent(tenantId, t -> new TenantData());
  }

  /** @return what {@code query} finds in the tenant's data, or {@code none} when the tenant never had any */
  private <T> T readTenant(TenantId tenantId, T none, Function<TenantData, T> query) {
    Checks.required("tenantId", tenantId);
    return read(() -> {
      TenantData d = data.get(tenantId);
      return d == null ? none : query.apply(d);
    });
  }

  private static int checkLimit(String field, int limit) {
    Checks.check(limit >= 1 && limit <= MAX_LIMIT, field,
        field + " must be between 1 and " + MAX_LIMIT + ", but was " + limit);
    return limit;
  }

  /** @return whether an optional filter lets {@code value} through: absent filters let everything through */
  private static <T> boolean wanted(Optional<T> filter, Optional<T> value) {
    return filter.isEmpty() || filter.equals(value);
  }

  /** The lock, unit of work, undo log and rows lent to the stores kept in classes of their own. */
  private final class LedgerOfThisStorage implements Ledger {
    @Override
    public <T> T read(Supplier<T> query) {
      return InMemoryStorage.this.read(query);
    }

    @Override
    public void write(Runnable change) {
      InMemoryStorage.this.write(change);
    }

    @Override
    public <K, V> void put(Map<K, V> map, K key, V value) {
      InMemoryStorage.this.put(map, key, value);
    }

    @Override
    public <K, V> void remove(Map<K, V> map, K key) {
      InMemoryStorage.this.remove(map, key);
    }

    @Override
    public List<Partner> partners(TenantId tenantId) {
      TenantData d = data.get(tenantId);
      return d == null ? List.of() : List.copyOf(d.partners.all());
    }

    @Override
    public List<TenantId> tenantsWithPendingEvents(int limit) {
      return data.entrySet().stream().filter(e -> !e.getValue().pending.isEmpty()).map(Map.Entry::getKey)
          .sorted(Comparator.comparing(TenantId::value)).limit(limit).toList();
    }

    @Override
    public boolean hasActivity(TenantId tenantId, String entryId) {
      TenantData d = data.get(tenantId);
      return d != null && d.activityById.containsKey(entryId);
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // data

  /** Ordering key of the activity timeline and the outbox: occurrence time, then id. */
  private record TimelineKey(Instant occurredAt, String id) implements Comparable<TimelineKey> {
    @Override
    public int compareTo(TimelineKey other) {
      int byTime = occurredAt.compareTo(other.occurredAt);
      return byTime != 0 ? byTime : id.compareTo(other.id);
    }
  }

  /** Where a record is listed: its type in its occasion. */
  private record Shelf(String type, OccasionId occasionId) {
    static Shelf of(StoredRecord r) {
      return new Shelf(r.ref().type(), r.placement().occasionId());
    }
  }

  /** One end of a link seen from the other: the relation, then the record at the far end. */
  private record Edge(String relation, RecordRef far) implements Comparable<Edge> {
    @Override
    public int compareTo(Edge other) {
      int byRelation = relation.compareTo(other.relation);
      return byRelation != 0 ? byRelation : far.compareTo(other.far);
    }
  }

  /** The key of a membership: partner, then person. */
  private record MemberKey(PartnerId partnerId, UserId userId) implements Comparable<MemberKey> {
    static MemberKey of(PartnerMember m) {
      return new MemberKey(m.partnerId(), m.userId());
    }

    @Override
    public int compareTo(MemberKey other) {
      int byPartner = partnerId.compareTo(other.partnerId);
      return byPartner != 0 ? byPartner : userId.value().compareTo(other.userId.value());
    }
  }

  /** The key of an idempotency record: one actor's keys never collide with another's. */
  private record ClaimKey(String actorKey, String key) {}

  /**
   * How a kind of versioned row is keyed, grouped for ordered listing (no grouping when {@code group} is null),
   * versioned, and named in conflicts.
   */
  private record Shape<K, G, V>(Function<V, K> key, @Nullable Function<V, G> group, ToLongFunction<V> version,
      Function<V, String> recordType, Function<V, String> recordId) {}

  /**
   * Rows with an optimistic version: insert at version 0 under a free key, update at the stored version plus one,
   * kept in their group's map ordered by key (a row whose group changes moves). Guarded by the storage's lock.
   */
  private final class Versioned<K extends Comparable<K>, G, V> {
    private final Shape<K, G, V> shape;
    private final Map<K, V> byKey = new HashMap<>();
    private final Map<G, TreeMap<K, V>> byGroup = new HashMap<>();

    Versioned(Shape<K, G, V> shape) {
      this.shape = shape;
    }

    void insert(V row) {
      if (shape.version().applyAsLong(row) != 0) {
        throw VersionConflictException.duplicate(shape.recordType().apply(row), shape.recordId().apply(row));
      }
      K key = shape.key().apply(row);
      putNew(byKey, key, row, shape.recordType().apply(row), shape.recordId().apply(row));
      index(row, key);
    }

    void update(V row) {
      K key = shape.key().apply(row);
      long expected = shape.version().applyAsLong(row) - 1;
      V stored = byKey.get(key);
      if (stored == null || shape.version().applyAsLong(stored) != expected) {
        throw VersionConflictException.stale(shape.recordType().apply(row), shape.recordId().apply(row), expected);
      }
      Function<V, G> group = shape.group();
      if (group != null && !group.apply(stored).equals(group.apply(row))) {
        remove(groupOf(group.apply(stored)), key);
      }
      put(byKey, key, row);
      index(row, key);
    }

    private void index(V row, K key) {
      Function<V, G> group = shape.group();
      if (group != null) {
        put(groupOf(group.apply(row)), key, row);
      }
    }

    private TreeMap<K, V> groupOf(G group) {
      return byGroup.computeIfAbsent(group, g -> new TreeMap<>());
    }

    /** Stores {@code row} whatever version is stored (imports). */
    void replace(V row) {
      K key = shape.key().apply(row);
      V stored = byKey.get(key);
      Function<V, G> group = shape.group();
      if (stored != null && group != null && !group.apply(stored).equals(group.apply(row))) {
        remove(groupOf(group.apply(stored)), key);
      }
      put(byKey, key, row);
      index(row, key);
    }

    Optional<V> find(K key) {
      return Optional.ofNullable(byKey.get(key));
    }

    /** @return every row, in no particular order */
    java.util.Collection<V> all() {
      return Collections.unmodifiableCollection(byKey.values());
    }

    /** @return the rows of {@code group}, ordered by key; a read-only view */
    NavigableMap<K, V> group(G group) {
      TreeMap<K, V> rows = byGroup.get(group);
      return rows == null ? Collections.emptyNavigableMap() : Collections.unmodifiableNavigableMap(rows);
    }

    long count() {
      return byKey.size();
    }
  }

  /** Everything one tenant holds. Guarded by the storage's lock. */
  private final class TenantData {
    final Versioned<PartnerId, PartnerId, Partner> partners = new Versioned<>(PARTNERS);
    final Versioned<MemberKey, PartnerId, PartnerMember> members = new Versioned<>(MEMBERS);
    final Versioned<IntegrationPrincipalId, PartnerId, IntegrationPrincipal> principals = new Versioned<>(PRINCIPALS);
    final Versioned<GrantId, PartnerId, AccessGrant> grants = new Versioned<>(GRANTS);
    final Versioned<OccasionId, OccasionId, OccasionEntitlements> entitlements = new Versioned<>(ENTITLEMENTS);
    final Versioned<RecordRef, Shelf, StoredRecord> records = new Versioned<>(RECORDS);
    final Map<RecordRef, TreeMap<Edge, RecordLink>> linksFrom = new HashMap<>();
    final Map<RecordRef, TreeMap<Edge, RecordLink>> linksTo = new HashMap<>();
    final Map<String, ActivityEntry> activityById = new HashMap<>();
    final TreeMap<TimelineKey, ActivityEntry> timeline = new TreeMap<>();
    final Map<String, DecisionRecord> decisionsById = new HashMap<>();
    final TreeMap<DecisionRecord, DecisionRecord> decisionsNewestFirst = new TreeMap<>(NEWEST_FIRST);
    final Map<String, OutboxEvent> outboxById = new HashMap<>();
    final TreeMap<TimelineKey, OutboxEvent> pending = new TreeMap<>();
    final Map<ClaimKey, IdempotencyRecord> idempotency = new HashMap<>();

    /** @return the edges at {@code end} in {@code side}, created empty when missing */
    TreeMap<Edge, RecordLink> edges(Map<RecordRef, TreeMap<Edge, RecordLink>> side, RecordRef end) {
      return side.computeIfAbsent(end, e -> new TreeMap<>());
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // stores

  private final class Directory implements DirectoryStore {
    @Override
    public void saveTenant(Tenant tenant) {
      Checks.required("tenant", tenant);
      write(() -> put(tenants, tenant.tenantId(), tenant));
    }

    @Override
    public Optional<Tenant> findTenant(TenantId tenantId) {
      Checks.required("tenantId", tenantId);
      return read(() -> Optional.ofNullable(tenants.get(tenantId)));
    }

    @Override
    public void savePartner(Partner partner) {
      Checks.required("partner", partner);
      write(() -> dataFor(partner.tenantId()).partners.replace(partner));
    }

    @Override
    public void insertPartner(Partner partner) {
      Checks.required("partner", partner);
      write(() -> dataFor(partner.tenantId()).partners.insert(partner));
    }

    @Override
    public void updatePartner(Partner partner) {
      Checks.required("partner", partner);
      write(() -> dataFor(partner.tenantId()).partners.update(partner));
    }

    @Override
    public Optional<Partner> findPartner(TenantId tenantId, PartnerId partnerId) {
      Checks.required("partnerId", partnerId);
      return readTenant(tenantId, Optional.empty(), d -> d.partners.find(partnerId));
    }

    @Override
    public List<Partner> listPartners(TenantId tenantId) {
      return readTenant(tenantId, List.of(),
          d -> d.partners.all().stream().sorted(Comparator.comparing(Partner::partnerId)).toList());
    }

    @Override
    public void insertMember(PartnerMember member) {
      Checks.required("member", member);
      write(() -> dataFor(member.tenantId()).members.insert(member));
    }

    @Override
    public void updateMember(PartnerMember member) {
      Checks.required("member", member);
      write(() -> dataFor(member.tenantId()).members.update(member));
    }

    @Override
    public Optional<PartnerMember> findMember(TenantId tenantId, PartnerId partnerId, UserId userId) {
      Checks.required("partnerId", partnerId);
      Checks.required("userId", userId);
      return readTenant(tenantId, Optional.empty(), d -> d.members.find(new MemberKey(partnerId, userId)));
    }

    @Override
    public List<PartnerMember> listMembers(TenantId tenantId, PartnerId partnerId) {
      Checks.required("partnerId", partnerId);
      return readTenant(tenantId, List.of(), d -> List.copyOf(d.members.group(partnerId).values()));
    }

    @Override
    public List<PartnerMember> membershipsOf(TenantId tenantId, UserId userId) {
      Checks.required("userId", userId);
      return readTenant(tenantId, List.of(), d -> d.members.all().stream().filter(m -> m.userId().equals(userId))
          .sorted(Comparator.comparing(PartnerMember::partnerId)).toList());
    }

    @Override
    public void insertPrincipal(IntegrationPrincipal principal) {
      Checks.required("principal", principal);
      write(() -> dataFor(principal.tenantId()).principals.insert(principal));
    }

    @Override
    public void updatePrincipal(IntegrationPrincipal principal) {
      Checks.required("principal", principal);
      write(() -> {
        Versioned<IntegrationPrincipalId, PartnerId, IntegrationPrincipal> rows = dataFor(principal.tenantId())
            .principals;
        // a principal never changes partner: an update naming another one finds no row to replace
        if (rows.find(principal.principalId()).filter(p -> !p.partnerId().equals(principal.partnerId())).isPresent()) {
          throw VersionConflictException.stale(INTEGRATION_PRINCIPAL, principal.principalId().value(),
              principal.version() - 1);
        }
        rows.update(principal);
      });
    }

    @Override
    public Optional<IntegrationPrincipal> findPrincipal(TenantId tenantId, IntegrationPrincipalId principalId) {
      Checks.required("principalId", principalId);
      return readTenant(tenantId, Optional.empty(), d -> d.principals.find(principalId));
    }

    @Override
    public List<IntegrationPrincipal> listPrincipals(TenantId tenantId, PartnerId partnerId) {
      Checks.required("partnerId", partnerId);
      return readTenant(tenantId, List.of(), d -> List.copyOf(d.principals.group(partnerId).values()));
    }
  }

  private final class Grants implements GrantStore {
    @Override
    public void insert(AccessGrant grant) {
      Checks.required("grant", grant);
      write(() -> dataFor(grant.tenantId()).grants.insert(grant));
    }

    @Override
    public void update(AccessGrant grant) {
      Checks.required("grant", grant);
      write(() -> dataFor(grant.tenantId()).grants.update(grant));
    }

    @Override
    public Optional<AccessGrant> find(TenantId tenantId, GrantId grantId) {
      Checks.required("tenantId", tenantId);
      Checks.required("grantId", grantId);
      return readTenant(tenantId, Optional.empty(), d -> d.grants.find(grantId));
    }

    @Override
    public List<AccessGrant> findByPartner(TenantId tenantId, PartnerId partnerId) {
      Checks.required("tenantId", tenantId);
      Checks.required("partnerId", partnerId);
      return readTenant(tenantId, List.of(), d -> List.copyOf(d.grants.group(partnerId).values()));
    }

    @Override
    public long count(TenantId tenantId) {
      return readTenant(tenantId, 0L, d -> d.grants.count());
    }
  }

  private final class Entitlements implements EntitlementStore {
    @Override
    public Optional<OccasionEntitlements> find(TenantId tenantId, OccasionId occasionId) {
      Checks.required("tenantId", tenantId);
      Checks.required("occasionId", occasionId);
      return readTenant(tenantId, Optional.empty(), d -> d.entitlements.find(occasionId));
    }

    @Override
    public void save(OccasionEntitlements entitlements) {
      Checks.required("entitlements", entitlements);
      write(() -> {
        Versioned<OccasionId, OccasionId, OccasionEntitlements> rows = dataFor(entitlements.tenantId()).entitlements;
        if (entitlements.version() == 0) {
          rows.insert(entitlements);
        } else {
          rows.update(entitlements);
        }
      });
    }
  }

  private final class Records implements RecordStore {
    @Override
    public void insert(StoredRecord record) {
      Checks.required("record", record);
      write(() -> dataFor(record.tenantId()).records.insert(record));
    }

    @Override
    public void update(StoredRecord record) {
      Checks.required("record", record);
      write(() -> {
        Versioned<RecordRef, Shelf, StoredRecord> rows = dataFor(record.tenantId()).records;
        // the creation fields never change: an update keeps the stored ones
        StoredRecord next = rows.find(record.ref()).map(stored -> (StoredRecord) ImmutableStoredRecord
            .copyOf(record).withCreatedAt(stored.createdAt()).withCreatedBy(stored.createdBy())).orElse(record);
        rows.update(next);
      });
    }

    @Override
    public Optional<StoredRecord> find(TenantId tenantId, RecordRef ref) {
      Checks.required("tenantId", tenantId);
      Checks.required("ref", ref);
      return readTenant(tenantId, Optional.empty(), d -> d.records.find(ref));
    }

    @Override
    public List<StoredRecord> list(TenantId tenantId, RecordQuery query) {
      Checks.required("tenantId", tenantId);
      Checks.required("query", query);
      return readTenant(tenantId, List.of(), d -> {
        NavigableMap<RecordRef, StoredRecord> shelf = d.records.group(new Shelf(query.type(), query.occasionId()));
        if (query.afterId().isPresent()) {
          shelf = shelf.tailMap(RecordRef.of(query.type(), query.afterId().get()), false);
        }
        return matching(shelf.values().stream(), query)
            .filter(r -> wanted(query.status(), Optional.of(r.status())))
            .limit(query.limit()).toList();
      });
    }

    @Override
    public Map<String, Long> countByStatus(TenantId tenantId, RecordQuery query) {
      Checks.required("tenantId", tenantId);
      Checks.required("query", query);
      return readTenant(tenantId, Map.of(), d -> Collections.unmodifiableMap(
          matching(d.records.group(new Shelf(query.type(), query.occasionId())).values().stream(), query)
              .collect(Collectors.groupingBy(StoredRecord::status, TreeMap::new, Collectors.counting()))));
    }

    /** @return the records that pass the query's placement and visibility filters (not its status) */
    private Stream<StoredRecord> matching(Stream<StoredRecord> records, RecordQuery q) {
      return records.filter(r -> wanted(q.eventId(), r.placement().eventId())
          && wanted(q.partnerId(), r.placement().partnerId()) && wanted(q.parent(), r.placement().parent())
          && wanted(q.visibility(), Optional.of(r.visibility())));
    }

    @Override
    public void link(RecordLink link) {
      Checks.required("link", link);
      write(() -> {
        TenantData d = dataFor(link.tenantId());
        putNew(d.edges(d.linksFrom, link.from()), new Edge(link.relation(), link.to()), link, RECORD_LINK,
            link.from() + " " + link.relation() + " " + link.to());
        put(d.edges(d.linksTo, link.to()), new Edge(link.relation(), link.from()), link);
      });
    }

    @Override
    public boolean unlink(TenantId tenantId, RecordRef from, String relation, RecordRef to) {
      Checks.required("tenantId", tenantId);
      Checks.required("from", from);
      Checks.required("relation", relation);
      Checks.required("to", to);
      return unitOfWork.inTransaction(() -> {
        TenantData d = data.get(tenantId);
        TreeMap<Edge, RecordLink> out = d == null ? null : d.linksFrom.get(from);
        if (d == null || out == null || !remove(out, new Edge(relation, to))) {
          return false;
        }
        remove(d.linksTo.get(to), new Edge(relation, from)); // present: links and backlinks change together
        return true;
      });
    }

    @Override
    public List<RecordLink> links(TenantId tenantId, RecordRef from, Optional<String> relation) {
      return edges(tenantId, from, relation, true);
    }

    @Override
    public List<RecordLink> backlinks(TenantId tenantId, RecordRef to, Optional<String> relation) {
      return edges(tenantId, to, relation, false);
    }

    private List<RecordLink> edges(TenantId tenantId, RecordRef end, Optional<String> relation, boolean outgoing) {
      Checks.required("tenantId", tenantId);
      Checks.required(outgoing ? "from" : "to", end);
      Checks.required("relation", relation);
      return readTenant(tenantId, List.of(), d -> {
        TreeMap<Edge, RecordLink> edges = (outgoing ? d.linksFrom : d.linksTo).get(end);
        return edges == null ? List.of() : edges.values().stream()
            .filter(l -> wanted(relation, Optional.of(l.relation()))).toList();
      });
    }
  }

  private final class Activity implements ActivityLog {
    @Override
    public void append(ActivityEntry entry) {
      Checks.required("entry", entry);
      write(() -> {
        TenantData d = dataFor(entry.tenantId());
        putNew(d.activityById, entry.entryId(), entry, ACTIVITY_ENTRY, entry.entryId());
        put(d.timeline, new TimelineKey(entry.occurredAt(), entry.entryId()), entry);
      });
    }

    @Override
    public List<ActivityEntry> read(TenantId tenantId, ActivityQuery query) {
      Checks.required("tenantId", tenantId);
      Checks.required("query", query);
      return readTenant(tenantId, List.of(), d -> {
        NavigableMap<TimelineKey, ActivityEntry> from = d.timeline;
        if (query.afterOccurredAt().isPresent() && query.afterEntryId().isPresent()) {
          from = d.timeline.tailMap(new TimelineKey(query.afterOccurredAt().get(), query.afterEntryId().get()), false);
        }
        return from.values().stream().filter(e -> matches(e, query)).limit(query.limit()).toList();
      });
    }

    @Override
    public long count(TenantId tenantId, ActivityQuery query) {
      Checks.required("tenantId", tenantId);
      Checks.required("query", query);
      return readTenant(tenantId, 0L, d -> d.timeline.values().stream().filter(e -> matches(e, query)).count());
    }

    /** The partner view shows partner-visible entries of that partner only, whatever record or event they concern. */
    private boolean matches(ActivityEntry e, ActivityQuery query) {
      if (!wanted(query.occasionId(), Optional.of(e.occasionId()))) {
        return false;
      }
      return query.partnerView().isEmpty()
          || e.visibility() == Visibility.PARTNER_VISIBLE && e.partnerId().equals(query.partnerView());
    }
  }

  private final class Decisions implements DecisionLog {
    @Override
    public void append(DecisionRecord record) {
      Checks.required("record", record);
      write(() -> {
        TenantData d = dataFor(record.decision().tenantId());
        putNew(d.decisionsById, record.recordId(), record, DECISION_RECORD, record.recordId());
        put(d.decisionsNewestFirst, record, record);
      });
    }

    @Override
    public List<DecisionRecord> recent(TenantId tenantId, int limit) {
      Checks.required("tenantId", tenantId);
      checkLimit("limit", limit);
      return readTenant(tenantId, List.of(), d -> d.decisionsNewestFirst.keySet().stream().limit(limit).toList());
    }

    @Override
    public long count(TenantId tenantId) {
      return readTenant(tenantId, 0L, d -> (long) d.decisionsById.size());
    }

    @Override
    public long count(TenantId tenantId, boolean allowed) {
      return readTenant(tenantId, 0L,
          d -> d.decisionsById.values().stream().filter(r -> r.decision().allowed() == allowed).count());
    }
  }

  private final class OutboxImpl implements Outbox {
    @Override
    public void append(OutboxEvent event) {
      Checks.required("event", event);
      write(() -> {
        TenantData d = dataFor(event.tenantId());
        putNew(d.outboxById, event.eventId(), event, OUTBOX_EVENT, event.eventId());
        if (event.publishedAt().isEmpty()) {
          put(d.pending, new TimelineKey(event.occurredAt(), event.eventId()), event);
        }
      });
    }

    @Override
    public List<OutboxEvent> claimPending(TenantId tenantId, int limit) {
      Checks.required("tenantId", tenantId);
      checkLimit("limit", limit);
      // Units of work run one at a time, so no other open unit of work can hold a claim: nothing to skip.
      return readTenant(tenantId, List.of(), d -> d.pending.values().stream().limit(limit).toList());
    }

    @Override
    public void markPublished(TenantId tenantId, String eventId, Instant publishedAt) {
      Checks.required("tenantId", tenantId);
      Checks.required("eventId", eventId);
      Checks.required("publishedAt", publishedAt);
      write(() -> {
        TenantData d = data.get(tenantId);
        OutboxEvent stored = d == null ? null : d.outboxById.get(eventId);
        if (d == null || stored == null || stored.publishedAt().isPresent()) {
          throw new VersionConflictException(OUTBOX_EVENT, eventId, 0, OUTBOX_EVENT + " " + eventId
              + (stored == null ? " does not exist" : " was already published at " + stored.publishedAt().get())
              + "; only a pending event can be marked published");
        }
        put(d.outboxById, eventId, ImmutableOutboxEvent.copyOf(stored).withPublishedAt(publishedAt));
        remove(d.pending, new TimelineKey(stored.occurredAt(), eventId));
      });
    }

    @Override
    public long countPending(TenantId tenantId) {
      return readTenant(tenantId, 0L, d -> (long) d.pending.size());
    }
  }

  private final class Idempotency implements IdempotencyStore {
    @Override
    public Optional<IdempotencyRecord> find(TenantId tenantId, String actorKey, String key) {
      Checks.required("tenantId", tenantId);
      Checks.required("actorKey", actorKey);
      Checks.required("key", key);
      return readTenant(tenantId, Optional.empty(),
          d -> Optional.ofNullable(d.idempotency.get(new ClaimKey(actorKey, key))));
    }

    @Override
    public void claim(IdempotencyRecord record) {
      Checks.required("record", record);
      Checks.check(record.outcome().isEmpty(), "outcome",
          "a claim has no outcome yet (complete stores it), but the outcome was present");
      write(() -> putNew(dataFor(record.tenantId()).idempotency, new ClaimKey(record.actorKey(), record.key()),
          record, IDEMPOTENCY_RECORD, record.key()));
    }

    @Override
    public void complete(TenantId tenantId, String actorKey, String key, String outcome) {
      Checks.required("tenantId", tenantId);
      Checks.required("actorKey", actorKey);
      Checks.required("key", key);
      Checks.required("outcome", outcome);
      write(() -> {
        TenantData d = data.get(tenantId);
        ClaimKey claim = new ClaimKey(actorKey, key);
        IdempotencyRecord stored = d == null ? null : d.idempotency.get(claim);
        if (d == null || stored == null || stored.outcome().isPresent()) {
          throw VersionConflictException.stale(IDEMPOTENCY_RECORD, key, 0);
        }
        put(d.idempotency, claim, ImmutableIdempotencyRecord.copyOf(stored).withOutcome(outcome));
      });
    }
  }

  private final class Retention implements RetentionStore {
    @Override
    public int purgeDecisions(TenantId tenantId, Instant before, int limit) {
      return purge(tenantId, before, limit, d -> d.decisionsNewestFirst.descendingKeySet().stream()
          .takeWhile(r -> r.decision().decidedAt().isBefore(before)), (d, r) -> {
            remove(d.decisionsById, r.recordId());
            remove(d.decisionsNewestFirst, r);
          });
    }

    @Override
    public int purgeActivity(TenantId tenantId, Instant before, int limit) {
      return purge(tenantId, before, limit, d -> d.timeline.values().stream()
          .takeWhile(e -> e.occurredAt().isBefore(before)), (d, e) -> {
            remove(d.activityById, e.entryId());
            remove(d.timeline, new TimelineKey(e.occurredAt(), e.entryId()));
          });
    }

    @Override
    public int purgeIdempotencyRecords(TenantId tenantId, Instant before, int limit) {
      return purge(tenantId, before, limit, d -> d.idempotency.entrySet().stream()
          .filter(e -> e.getValue().outcome().isPresent() && e.getValue().createdAt().isBefore(before)),
          (d, e) -> remove(d.idempotency, e.getKey()));
    }

    @Override
    public int purgePublishedOutboxEvents(TenantId tenantId, Instant before, int limit) {
      return purge(tenantId, before, limit, d -> d.outboxById.values().stream()
          .filter(e -> e.publishedAt().isPresent() && e.publishedAt().get().isBefore(before)),
          (d, e) -> remove(d.outboxById, e.eventId()));
    }

    /** Deletes up to {@code limit} of the rows {@code doomed} finds, in one unit of work. */
    private <R> int purge(TenantId tenantId, Instant before, int limit, Function<TenantData, Stream<R>> doomed,
        BiConsumer<TenantData, R> delete) {
      Checks.required("tenantId", tenantId);
      Checks.required("before", before);
      Checks.check(limit >= 1 && limit <= RetentionStore.MAX_LIMIT, "limit",
          "limit must be between 1 and " + RetentionStore.MAX_LIMIT + ", but was " + limit);
      return unitOfWork.inTransaction(() -> {
        TenantData d = data.get(tenantId);
        if (d == null) {
          return 0;
        }
        List<R> rows = doomed.apply(d).limit(limit).toList();
        rows.forEach(row -> delete.accept(d, row));
        return rows.size();
      });
    }
  }

  private final class Transactions implements UnitOfWork {
    @Override
    public <T> T inTransaction(Supplier<T> work) {
      Checks.required("work", work);
      lock.lock();
      try {
        if (undoLog != null) {
          return work.get(); // nested: join the open unit of work
        }
        List<Runnable> log = new ArrayList<>();
        undoLog = log;
        boolean committed = false;
        try {
          T result = work.get();
          committed = true;
          return result;
        } finally {
          undoLog = null;
          if (!committed) {
            for (int i = log.size() - 1; i >= 0; i--) {
              log.get(i).run();
            }
          }
        }
      } finally {
        lock.unlock();
      }
    }
  }
}
