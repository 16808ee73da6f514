package dev.partnerkit.spi.memory;

import dev.partnerkit.domain.AccessGrant;
import dev.partnerkit.domain.GrantId;
import dev.partnerkit.domain.OccasionEntitlements;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.Partner;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.PartnerTask;
import dev.partnerkit.domain.TaskId;
import dev.partnerkit.domain.Tenant;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.internal.Checks;
import dev.partnerkit.spi.ActivityEntry;
import dev.partnerkit.spi.ActivityLog;
import dev.partnerkit.spi.ActivityQuery;
import dev.partnerkit.spi.DecisionLog;
import dev.partnerkit.spi.DecisionRecord;
import dev.partnerkit.spi.DirectoryStore;
import dev.partnerkit.spi.EntitlementStore;
import dev.partnerkit.spi.GrantStore;
import dev.partnerkit.spi.IdempotencyRecord;
import dev.partnerkit.spi.IdempotencyStore;
import dev.partnerkit.spi.ImmutableOutboxEvent;
import dev.partnerkit.spi.Outbox;
import dev.partnerkit.spi.OutboxEvent;
import dev.partnerkit.spi.PartnerkitStorage;
import dev.partnerkit.spi.TaskStore;
import dev.partnerkit.spi.UnitOfWork;
import dev.partnerkit.domain.Visibility;
import dev.partnerkit.spi.VersionConflictException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A thread-safe, in-memory implementation of every store of the SPI, for tests and for hosts trying the library.
 *
 * <p>Concurrency is deliberately simple: one lock is held for the whole of a unit of work, and around every single
 * store call made outside one, so units of work run one after the other. Each unit of work keeps an undo log of the
 * changes it made and replays it backwards when the work throws; a store call made outside a unit of work runs as a
 * unit of work of its own. Data is kept per tenant, so no method can ever see another tenant's rows; grants are
 * indexed by partner and tasks by occasion.
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
  static final String PARTNER_TASK = "partner_task";
  static final String OCCASION_ENTITLEMENTS = "occasion_entitlements";
  static final String ACTIVITY_ENTRY = "activity_entry";
  static final String DECISION_RECORD = "decision_record";
  static final String OUTBOX_EVENT = "outbox_event";
  static final String IDEMPOTENCY_RECORD = "idempotency_record";

  private static final Comparator<DecisionRecord> NEWEST_FIRST = Comparator
      .comparing((DecisionRecord r) -> r.decision().decidedAt())
      .thenComparing(DecisionRecord::recordId)
      .reversed();

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
  private final TaskStore tasks = new Tasks();
  private final ActivityLog activity = new Activity();
  private final DecisionLog decisions = new Decisions();
  private final Outbox outbox = new OutboxImpl();
  private final IdempotencyStore idempotency = new Idempotency();
  private final UnitOfWork unitOfWork = new Transactions();

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

  /** @return partner tasks, indexed by occasion */
  @Override
  public TaskStore tasks() {
    return tasks;
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

  /** @return the unit of work every store of this storage joins */
  @Override
  public UnitOfWork unitOfWork() {
    return unitOfWork;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // locking and undo

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

  private <K, V> void remove(Map<K, V> map, K key) {
    @Nullable V old = map.remove(key);
    List<Runnable> log = undoLog;
    if (log != null && old != null) {
      log.add(() -> map.put(key, old));
    }
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

  /** @return the tenant's data, or null when it never had any; never creates */
  private @Nullable TenantData existing(TenantId tenantId) {
    return data.get(tenantId);
  }

  private static int checkLimit(String field, int limit) {
    Checks.check(limit >= 1 && limit <= MAX_LIMIT, field,
        field + " must be between 1 and " + MAX_LIMIT + ", but was " + limit);
    return limit;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // data

  /** Ordering key of the activity timeline: occurrence time, then entry id. */
  private record TimelineKey(Instant occurredAt, String id) implements Comparable<TimelineKey> {
    @Override
    public int compareTo(TimelineKey other) {
      int byTime = occurredAt.compareTo(other.occurredAt);
      return byTime != 0 ? byTime : id.compareTo(other.id);
    }
  }

  /** Everything one tenant holds. Guarded by the storage's lock. */
  private static final class TenantData {
    final Map<PartnerId, Partner> partners = new HashMap<>();
    final Map<GrantId, AccessGrant> grants = new HashMap<>();
    final Map<PartnerId, TreeMap<GrantId, AccessGrant>> grantsByPartner = new HashMap<>();
    final Map<OccasionId, OccasionEntitlements> entitlements = new HashMap<>();
    final Map<TaskId, PartnerTask> tasks = new HashMap<>();
    final Map<OccasionId, TreeMap<TaskId, PartnerTask>> tasksByOccasion = new HashMap<>();
    final Map<String, ActivityEntry> activityById = new HashMap<>();
    final TreeMap<TimelineKey, ActivityEntry> timeline = new TreeMap<>();
    final Map<String, DecisionRecord> decisionsById = new HashMap<>();
    final TreeMap<DecisionRecord, DecisionRecord> decisionsNewestFirst = new TreeMap<>(NEWEST_FIRST);
    final Map<String, OutboxEvent> outboxById = new HashMap<>();
    final TreeMap<TimelineKey, OutboxEvent> pending = new TreeMap<>();
    final Map<String, IdempotencyRecord> idempotency = new HashMap<>();

    TreeMap<GrantId, AccessGrant> grantsOf(PartnerId partnerId) {
      return grantsByPartner.computeIfAbsent(partnerId, p -> new TreeMap<>());
    }

    TreeMap<TaskId, PartnerTask> tasksOf(OccasionId occasionId) {
      return tasksByOccasion.computeIfAbsent(occasionId, o -> new TreeMap<>());
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
      write(() -> put(dataFor(partner.tenantId()).partners, partner.partnerId(), partner));
    }

    @Override
    public Optional<Partner> findPartner(TenantId tenantId, PartnerId partnerId) {
      Checks.required("tenantId", tenantId);
      Checks.required("partnerId", partnerId);
      return read(() -> {
        TenantData d = existing(tenantId);
        return d == null ? Optional.empty() : Optional.ofNullable(d.partners.get(partnerId));
      });
    }

    @Override
    public List<Partner> listPartners(TenantId tenantId) {
      Checks.required("tenantId", tenantId);
      return read(() -> {
        TenantData d = existing(tenantId);
        if (d == null) {
          return List.of();
        }
        List<Partner> out = new ArrayList<>(d.partners.values());
        out.sort(Comparator.comparing(Partner::partnerId));
        return List.copyOf(out);
      });
    }
  }

  private final class Grants implements GrantStore {
    @Override
    public void insert(AccessGrant grant) {
      Checks.required("grant", grant);
      write(() -> {
        TenantData d = dataFor(grant.tenantId());
        if (grant.version() != 0 || d.grants.containsKey(grant.grantId())) {
          throw VersionConflictException.duplicate(ACCESS_GRANT, grant.grantId().value());
        }
        put(d.grants, grant.grantId(), grant);
        put(d.grantsOf(grant.partnerId()), grant.grantId(), grant);
      });
    }

    @Override
    public void update(AccessGrant grant) {
      Checks.required("grant", grant);
      write(() -> {
        TenantData d = dataFor(grant.tenantId());
        AccessGrant stored = d.grants.get(grant.grantId());
        if (stored == null || stored.version() != grant.version() - 1) {
          throw VersionConflictException.stale(ACCESS_GRANT, grant.grantId().value(), grant.version() - 1);
        }
        if (!stored.partnerId().equals(grant.partnerId())) {
          remove(d.grantsOf(stored.partnerId()), stored.grantId());
        }
        put(d.grants, grant.grantId(), grant);
        put(d.grantsOf(grant.partnerId()), grant.grantId(), grant);
      });
    }

    @Override
    public Optional<AccessGrant> find(TenantId tenantId, GrantId grantId) {
      Checks.required("tenantId", tenantId);
      Checks.required("grantId", grantId);
      return read(() -> {
        TenantData d = existing(tenantId);
        return d == null ? Optional.empty() : Optional.ofNullable(d.grants.get(grantId));
      });
    }

    @Override
    public List<AccessGrant> findByPartner(TenantId tenantId, PartnerId partnerId) {
      Checks.required("tenantId", tenantId);
      Checks.required("partnerId", partnerId);
      return read(() -> {
        TenantData d = existing(tenantId);
        TreeMap<GrantId, AccessGrant> byId = d == null ? null : d.grantsByPartner.get(partnerId);
        return byId == null ? List.of() : List.copyOf(byId.values());
      });
    }

    @Override
    public long count(TenantId tenantId) {
      Checks.required("tenantId", tenantId);
      return read(() -> {
        TenantData d = existing(tenantId);
        return d == null ? 0L : (long) d.grants.size();
      });
    }
  }

  private final class Entitlements implements EntitlementStore {
    @Override
    public Optional<OccasionEntitlements> find(TenantId tenantId, OccasionId occasionId) {
      Checks.required("tenantId", tenantId);
      Checks.required("occasionId", occasionId);
      return read(() -> {
        TenantData d = existing(tenantId);
        return d == null ? Optional.empty() : Optional.ofNullable(d.entitlements.get(occasionId));
      });
    }

    @Override
    public void save(OccasionEntitlements entitlements) {
      Checks.required("entitlements", entitlements);
      write(() -> {
        TenantData d = dataFor(entitlements.tenantId());
        OccasionEntitlements stored = d.entitlements.get(entitlements.occasionId());
        String id = entitlements.occasionId().value();
        if (entitlements.version() == 0) {
          if (stored != null) {
            throw VersionConflictException.duplicate(OCCASION_ENTITLEMENTS, id);
          }
        } else if (stored == null || stored.version() != entitlements.version() - 1) {
          throw VersionConflictException.stale(OCCASION_ENTITLEMENTS, id, entitlements.version() - 1);
        }
        put(d.entitlements, entitlements.occasionId(), entitlements);
      });
    }
  }

  private final class Tasks implements TaskStore {
    @Override
    public void insert(PartnerTask task) {
      Checks.required("task", task);
      write(() -> {
        TenantData d = dataFor(task.tenantId());
        if (task.version() != 0 || d.tasks.containsKey(task.taskId())) {
          throw VersionConflictException.duplicate(PARTNER_TASK, task.taskId().value());
        }
        put(d.tasks, task.taskId(), task);
        put(d.tasksOf(task.occasionId()), task.taskId(), task);
      });
    }

    @Override
    public void update(PartnerTask task) {
      Checks.required("task", task);
      write(() -> {
        TenantData d = dataFor(task.tenantId());
        PartnerTask stored = d.tasks.get(task.taskId());
        if (stored == null || stored.version() != task.version() - 1) {
          throw VersionConflictException.stale(PARTNER_TASK, task.taskId().value(), task.version() - 1);
        }
        if (!stored.occasionId().equals(task.occasionId())) {
          remove(d.tasksOf(stored.occasionId()), stored.taskId());
        }
        put(d.tasks, task.taskId(), task);
        put(d.tasksOf(task.occasionId()), task.taskId(), task);
      });
    }

    @Override
    public Optional<PartnerTask> find(TenantId tenantId, TaskId taskId) {
      Checks.required("tenantId", tenantId);
      Checks.required("taskId", taskId);
      return read(() -> {
        TenantData d = existing(tenantId);
        return d == null ? Optional.empty() : Optional.ofNullable(d.tasks.get(taskId));
      });
    }

    @Override
    public List<PartnerTask> findByPartner(TenantId tenantId, PartnerId partnerId, OccasionId occasionId) {
      Checks.required("tenantId", tenantId);
      Checks.required("partnerId", partnerId);
      Checks.required("occasionId", occasionId);
      return read(() -> {
        TenantData d = existing(tenantId);
        TreeMap<TaskId, PartnerTask> byId = d == null ? null : d.tasksByOccasion.get(occasionId);
        if (byId == null) {
          return List.of();
        }
        List<PartnerTask> out = new ArrayList<>();
        for (PartnerTask t : byId.values()) {
          if (t.partnerId().equals(partnerId)) {
            out.add(t);
          }
        }
        return List.copyOf(out);
      });
    }

    @Override
    public List<PartnerTask> findByOccasion(TenantId tenantId, OccasionId occasionId) {
      Checks.required("tenantId", tenantId);
      Checks.required("occasionId", occasionId);
      return read(() -> {
        TenantData d = existing(tenantId);
        TreeMap<TaskId, PartnerTask> byId = d == null ? null : d.tasksByOccasion.get(occasionId);
        return byId == null ? List.of() : List.copyOf(byId.values());
      });
    }

    @Override
    public long count(TenantId tenantId) {
      Checks.required("tenantId", tenantId);
      return read(() -> {
        TenantData d = existing(tenantId);
        return d == null ? 0L : (long) d.tasks.size();
      });
    }
  }

  private final class Activity implements ActivityLog {
    @Override
    public void append(ActivityEntry entry) {
      Checks.required("entry", entry);
      write(() -> {
        TenantData d = dataFor(entry.tenantId());
        if (d.activityById.containsKey(entry.entryId())) {
          throw VersionConflictException.duplicate(ACTIVITY_ENTRY, entry.entryId());
        }
        put(d.activityById, entry.entryId(), entry);
        put(d.timeline, new TimelineKey(entry.occurredAt(), entry.entryId()), entry);
      });
    }

    @Override
    public List<ActivityEntry> read(TenantId tenantId, ActivityQuery query) {
      Checks.required("tenantId", tenantId);
      Checks.required("query", query);
      return InMemoryStorage.this.read(() -> {
        TenantData d = existing(tenantId);
        if (d == null) {
          return List.of();
        }
        Map<TimelineKey, ActivityEntry> from = d.timeline;
        if (query.afterOccurredAt().isPresent() && query.afterEntryId().isPresent()) {
          from = d.timeline.tailMap(new TimelineKey(query.afterOccurredAt().get(), query.afterEntryId().get()), false);
        }
        List<ActivityEntry> page = new ArrayList<>();
        for (ActivityEntry e : from.values()) {
          if (matches(e, query)) {
            page.add(e);
            if (page.size() == query.limit()) {
              break;
            }
          }
        }
        return List.copyOf(page);
      });
    }

    @Override
    public long count(TenantId tenantId, ActivityQuery query) {
      Checks.required("tenantId", tenantId);
      Checks.required("query", query);
      return InMemoryStorage.this.read(() -> {
        TenantData d = existing(tenantId);
        return d == null ? 0L : d.timeline.values().stream().filter(e -> matches(e, query)).count();
      });
    }

    private boolean matches(ActivityEntry e, ActivityQuery query) {
      if (query.occasionId().isPresent() && !query.occasionId().get().equals(e.occasionId())) {
        return false;
      }
      if (query.partnerView().isPresent()) {
        return e.visibility() == Visibility.PARTNER_VISIBLE && e.partnerId().equals(query.partnerView());
      }
      return true;
    }
  }

  private final class Decisions implements DecisionLog {
    @Override
    public void append(DecisionRecord record) {
      Checks.required("record", record);
      write(() -> {
        TenantData d = dataFor(record.decision().tenantId());
        if (d.decisionsById.containsKey(record.recordId())) {
          throw VersionConflictException.duplicate(DECISION_RECORD, record.recordId());
        }
        put(d.decisionsById, record.recordId(), record);
        put(d.decisionsNewestFirst, record, record);
      });
    }

    @Override
    public List<DecisionRecord> recent(TenantId tenantId, int limit) {
      Checks.required("tenantId", tenantId);
      checkLimit("limit", limit);
      return read(() -> {
        TenantData d = existing(tenantId);
        return d == null ? List.of()
            : d.decisionsNewestFirst.keySet().stream().limit(limit).toList();
      });
    }

    @Override
    public long count(TenantId tenantId) {
      Checks.required("tenantId", tenantId);
      return read(() -> {
        TenantData d = existing(tenantId);
        return d == null ? 0L : (long) d.decisionsById.size();
      });
    }

    @Override
    public long count(TenantId tenantId, boolean allowed) {
      Checks.required("tenantId", tenantId);
      return read(() -> {
        TenantData d = existing(tenantId);
        return d == null ? 0L
            : d.decisionsById.values().stream().filter(r -> r.decision().allowed() == allowed).count();
      });
    }
  }

  private final class OutboxImpl implements Outbox {
    @Override
    public void append(OutboxEvent event) {
      Checks.required("event", event);
      write(() -> {
        TenantData d = dataFor(event.tenantId());
        if (d.outboxById.containsKey(event.eventId())) {
          throw VersionConflictException.duplicate(OUTBOX_EVENT, event.eventId());
        }
        put(d.outboxById, event.eventId(), event);
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
      return read(() -> {
        TenantData d = existing(tenantId);
        return d == null ? List.of() : d.pending.values().stream().limit(limit).toList();
      });
    }

    @Override
    public void markPublished(TenantId tenantId, String eventId, Instant publishedAt) {
      Checks.required("tenantId", tenantId);
      Checks.required("eventId", eventId);
      Checks.required("publishedAt", publishedAt);
      write(() -> {
        TenantData d = existing(tenantId);
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
      Checks.required("tenantId", tenantId);
      return read(() -> {
        TenantData d = existing(tenantId);
        return d == null ? 0L : (long) d.pending.size();
      });
    }
  }

  private final class Idempotency implements IdempotencyStore {
    @Override
    public Optional<IdempotencyRecord> find(TenantId tenantId, String key) {
      Checks.required("tenantId", tenantId);
      Checks.required("key", key);
      return read(() -> {
        TenantData d = existing(tenantId);
        return d == null ? Optional.empty() : Optional.ofNullable(d.idempotency.get(key));
      });
    }

    @Override
    public void insert(IdempotencyRecord record) {
      Checks.required("record", record);
      write(() -> {
        TenantData d = dataFor(record.tenantId());
        if (d.idempotency.containsKey(record.key())) {
          throw VersionConflictException.duplicate(IDEMPOTENCY_RECORD, record.key());
        }
        put(d.idempotency, record.key(), record);
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
