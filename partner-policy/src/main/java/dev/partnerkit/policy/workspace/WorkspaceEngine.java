package dev.partnerkit.policy.workspace;

import dev.partnerkit.domain.AccessRequest;
import dev.partnerkit.domain.Actor;
import dev.partnerkit.domain.DataClass;
import dev.partnerkit.domain.Decision;
import dev.partnerkit.domain.EntitlementMapping;
import dev.partnerkit.domain.OccasionEntitlements;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.Placement;
import dev.partnerkit.domain.ProductScope;
import dev.partnerkit.domain.RecordNotFoundException;
import dev.partnerkit.domain.RecordRef;
import dev.partnerkit.domain.RecordType;
import dev.partnerkit.domain.Tenant;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.Visibility;
import dev.partnerkit.domain.internal.Checks;
import dev.partnerkit.domain.json.PartnerkitJson;
import dev.partnerkit.policy.AccessDecider;
import dev.partnerkit.policy.DecisionFacts;
import dev.partnerkit.policy.GrantIndex;
import dev.partnerkit.policy.ImmutableDecisionFacts;
import dev.partnerkit.spi.AccessFacts;
import dev.partnerkit.spi.ActivityEntry;
import dev.partnerkit.spi.ActivityKind;
import dev.partnerkit.spi.DecisionRecord;
import dev.partnerkit.spi.IdempotencyRecord;
import dev.partnerkit.spi.OutboxEvent;
import dev.partnerkit.spi.PartnerkitStorage;
import dev.partnerkit.spi.RecordCodec;
import dev.partnerkit.spi.VersionConflictException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The machinery every workspace command and read shares: loading facts through the SPI inside the unit of work that
 * decides, deciding, and committing the change, activity entry, decision-log row, outbox event and idempotency
 * record together.
 */
final class WorkspaceEngine {
  private static final Logger LOG = LoggerFactory.getLogger(WorkspaceEngine.class);
  private static final String IDEMPOTENCY_RECORD = "idempotency_record";

  final PartnerkitStorage storage;
  final Clock clock;
  final EntitlementMapping mapping;
  final Supplier<String> ids;
  final AccessDecider decider = AccessDecider.create();
  final PartnerkitJson json = PartnerkitJson.create();
  final RecordCodec codec = RecordCodec.create();
  final RecordTypes types;
  final PartnerkitMetrics metrics;
  private final CanonicalJson canonical = new CanonicalJson();

  WorkspaceEngine(PartnerkitStorage storage, Clock clock, EntitlementMapping mapping, Supplier<String> ids,
      RecordTypes types, PartnerkitMetrics metrics) {
    this.storage = storage;
    this.clock = clock;
    this.mapping = mapping;
    this.ids = ids;
    this.types = types;
    this.metrics = metrics;
  }

  /** Tells the metrics listener; whatever it throws is logged, never thrown. */
  void report(Consumer<PartnerkitMetrics> call) {
    try {
      call.accept(metrics);
    } catch (RuntimeException e) {
      LOG.warn("The metrics listener {} failed; the command is not affected", metrics, e);
    }
  }

  /** Reports a decision whose unit of work has ended. */
  private void decided(Decision decision) {
    report(m -> m.decided(decision));
  }

  /** @return the clock's time, at the microsecond precision every store keeps */
  Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  /** What a command does once it is allowed. */
  interface Change {
    Applied apply(Instant now);
  }

  /** What an allowed command wrote. */
  static final class Applied {
    final String recordId;
    final long version;
    final ActivityEntry activity;
    final OutboxEvent event;

    Applied(String recordId, long version, ActivityEntry activity, OutboxEvent event) {
      this.recordId = recordId;
      this.version = version;
      this.activity = activity;
      this.event = event;
    }
  }

  /** A command ready to decide: the request, its facts, and the change to apply when allowed. */
  static final class Prepared {
    final AccessRequest request;
    final DecisionFacts facts;
    final Change change;

    Prepared(AccessRequest request, DecisionFacts facts, Change change) {
      this.request = request;
      this.facts = facts;
      this.change = change;
    }
  }

  /**
   * Runs one command with its idempotency key. Inside one unit of work: replays a prior outcome of the same actor and
   * key (or refuses a reused key), otherwise claims the key first — so a racing retry waits for this attempt and then
   * replays its outcome — loads the facts, decides, applies the change when allowed and journals it.
   *
   * @param payload the command's content; its canonical JSON is the fingerprint
   */
  CommandResult run(TenantId tenantId, String key, Acting acting, Object payload,
      Function<Instant, Prepared> prepare) {
    long started = System.nanoTime();
    PartnerkitMetrics.CommandOutcome outcome = PartnerkitMetrics.CommandOutcome.FAILED;
    try {
      CommandResult result = execute(tenantId, key, acting, payload, prepare);
      if (result.replayed()) {
        outcome = PartnerkitMetrics.CommandOutcome.REPLAYED;
      } else {
        outcome = result.decision().allowed() ? PartnerkitMetrics.CommandOutcome.ALLOWED
            : PartnerkitMetrics.CommandOutcome.BLOCKED;
        decided(result.decision());
      }
      return result;
    } finally {
      Duration latency = Duration.ofNanos(System.nanoTime() - started);
      PartnerkitMetrics.CommandOutcome ended = outcome;
      report(m -> m.commandCompleted(commandName(payload), ended, latency));
    }
  }

  /** @return the {@code command} entry of a command's payload, e.g. {@code issue_grant} */
  private static String commandName(Object payload) {
    Object name = payload instanceof Map ? ((Map<?, ?>) payload).get("command") : null;
    return name instanceof String ? (String) name : "command";
  }

  private CommandResult execute(TenantId tenantId, String key, Acting acting, Object payload,
      Function<Instant, Prepared> prepare) {
    Checks.identifier("idempotencyKey", key);
    String actorKey = acting.actorKey();
    String fingerprint = canonical.fingerprint(actorKey, payload);
    AccessRequest[] asked = new AccessRequest[1];
    RuntimeException[] decisionFailed = new RuntimeException[1];
    try {
      return storage.unitOfWork().inTransaction(() -> onceInUnitOfWork(() -> {
        Optional<IdempotencyRecord> prior = storage.idempotency().find(tenantId, actorKey, key);
        if (prior.isPresent()) {
          return replay(prior.get(), fingerprint, key);
        }
        Instant now = now();
        storage.idempotency().claim(IdempotencyRecord.builder().tenantId(tenantId).actorKey(actorKey).key(key)
            .fingerprint(fingerprint).createdAt(now).build());
        Prepared prepared = prepare.apply(now);
        asked[0] = prepared.request;
        Decision decision;
        try {
          decision = decider.decide(prepared.request, prepared.facts, now);
        } catch (RuntimeException e) {
          decisionFailed[0] = e;
          throw e;
        }
        ImmutableCommandResult.Builder result = ImmutableCommandResult.builder().commandKey(key).decision(decision);
        Applied applied = null;
        if (decision.allowed()) {
          applied = prepared.change.apply(now);
          result.recordId(applied.recordId).recordVersion(applied.version);
        }
        // the journal rows have new ids: written together, unguarded (the claim above guards the command)
        storage.appendJournal(decisionRecord(prepared.request, decision, key),
            applied == null ? null : applied.activity, applied == null ? null : applied.event);
        CommandResult outcome = result.build();
        storage.idempotency().complete(tenantId, actorKey, key, json.write(outcome));
        return outcome;
      }));
    } catch (VersionConflictException e) {
      if (IDEMPOTENCY_RECORD.equals(e.recordType())) {
        // the same actor and key won a race in another unit of work: its outcome is the first outcome
        Optional<IdempotencyRecord> winner = storage.idempotency().find(tenantId, actorKey, key);
        if (winner.isPresent() && winner.get().outcome().isPresent()) {
          return replay(winner.get(), fingerprint, key);
        }
      }
      throw e;
    } catch (RuntimeException e) {
      if (e == decisionFailed[0] && asked[0] != null) {
        auditFailure(asked[0], key, e);
      }
      throw e;
    }
  }

  /**
   * Decides a read and logs the decision; when allowed, loads the page. Facts, decision and data are read in one
   * unit of work, so a revocation committed in between cannot serve data.
   */
  <T> ReadResult<T> read(AccessRequest request, Supplier<DecisionFacts> facts,
      Function<Decision, Page<T>> load) {
    ReadResult<T> result = storage.unitOfWork().inTransaction(() -> onceInUnitOfWork(() -> {
      Decision decision = decider.decide(request, facts.get(), now());
      storage.appendJournal(decisionRecord(request, decision, null), null, null);
      if (!decision.allowed()) {
        return new ReadResult<>(decision, List.of(), null);
      }
      Page<T> page = load.apply(decision);
      return new ReadResult<>(decision, page.items, page.nextCursor);
    }));
    decided(result.decision());
    return result;
  }

  /** Like {@link #read(AccessRequest, Supplier, Function)}, with the request (and its actor) built inside the unit of work. */
  <T> ReadResult<T> read(Supplier<AccessRequest> request, Supplier<DecisionFacts> facts,
      Function<Decision, Page<T>> load) {
    return storage.unitOfWork().inTransaction(() -> read(request.get(), facts, load));
  }

  /** One page of a read. */
  static final class Page<T> {
    final List<T> items;
    final @Nullable String nextCursor;

    Page(List<T> items, @Nullable String nextCursor) {
      this.items = items;
      this.nextCursor = nextCursor;
    }

    static <T> Page<T> of(List<T> items) {
      return new Page<>(items, null);
    }
  }

  /** Decides without a change (opening a session) and logs the decision, facts loaded in the same unit of work. */
  Decision decideAndLog(AccessRequest request, Supplier<DecisionFacts> facts) {
    Decision logged = storage.unitOfWork().inTransaction(() -> onceInUnitOfWork(() -> {
      Decision decision = decider.decide(request, facts.get(), now());
      storage.appendJournal(decisionRecord(request, decision, null), null, null);
      return decision;
    }));
    decided(logged);
    return logged;
  }

  /**
   * A decision that threw inside a command (a broken rule, inconsistent facts) left nothing behind, because its unit
   * of work rolled back: record the failure in the activity log (internal-only), in a unit of work of its own, where
   * the store is still usable. Storage failures are the host's to see (they propagate and are logged by the adapter),
   * not audited here.
   */
  private void auditFailure(AccessRequest request, String key, RuntimeException failure) {
    try {
      storage.unitOfWork().inTransaction(() -> {
        Instant now = now();
        storage.activity().append(activity(request.tenantId(), Placement.builder().occasionId(request.occasionId())
                .eventId(request.eventId()).resourceId(request.resourceId()).partnerId(request.actor()
                    .actingPartner()).build(), null, ActivityKind.AUDIT_EVENT, Visibility.INTERNAL_ONLY,
            request.actor(), "The command " + key + " (" + request.intent().wireName() + ") by "
                + request.actor().label() + " failed and changed nothing: " + failure.getClass().getSimpleName()
                + ": " + failure.getMessage(), "partnerkit.command_failed", now));
        return null;
      });
    } catch (RuntimeException auditFailure) {
      failure.addSuppressed(auditFailure);
      LOG.warn("could not audit the failed command {}", key, auditFailure);
    }
  }

  private CommandResult replay(IdempotencyRecord prior, String fingerprint, String key) {
    if (!prior.fingerprint().equals(fingerprint)) {
      throw new IdempotencyKeyReusedException(key);
    }
    String outcome = prior.outcome().orElseThrow(() -> new IllegalStateException(
        "the idempotency record of " + key + " has no outcome outside its own unit of work"));
    CommandResult first = json.read(outcome, CommandResult.class);
    return ImmutableCommandResult.copyOf(first).withReplayed(true);
  }

  private static RecordNotFoundException unknownTenant(TenantId tenantId) {
    return new RecordNotFoundException("tenantId", "tenant", Checks.show(tenantId),
        "save it with DirectoryStore.saveTenant first");
  }

  Tenant tenant(TenantId tenantId) {
    return storage.directory().findTenant(tenantId).orElseThrow(() -> unknownTenant(tenantId));
  }

  Optional<OccasionEntitlements> entitlements(TenantId tenantId, OccasionId occasionId) {
    return storage.entitlements().find(tenantId, occasionId);
  }

  DecisionFacts operatorFacts(TenantId tenantId, OccasionId occasionId, @Nullable RecordType<?, ?> type) {
    return decisionFacts(tenantId, occasionId, Optional.empty(), type);
  }

  DecisionFacts partnerFacts(TenantId tenantId, OccasionId occasionId, PartnerId partnerId,
      @Nullable RecordType<?, ?> type) {
    return decisionFacts(tenantId, occasionId, Optional.of(partnerId), type);
  }

  /**
   * The facts of the decisions made inside one of the engine's units of work (a command's gate, visibility and
   * decision, or a read's decision and per-record views), loaded once: every decision in the unit of work decides
   * on the same facts, and the store is asked once instead of once per decision.
   */
  private static final class LoadedFacts {
    @Nullable TenantId tenantId;
    @Nullable OccasionId occasionId;
    @Nullable Optional<PartnerId> partnerId;
    @Nullable DecisionFacts facts;
  }

  private final ThreadLocal<@Nullable LoadedFacts> loaded = new ThreadLocal<>();

  /** Runs {@code work}, which runs inside a unit of work, loading each decision's facts at most once. */
  private <T> T onceInUnitOfWork(Supplier<T> work) {
    if (loaded.get() != null) {
      return work.get();
    }
    loaded.set(new LoadedFacts());
    try {
      return work.get();
    } finally {
      loaded.remove();
    }
  }

  /**
   * The facts of one decision, loaded at once through {@link PartnerkitStorage#accessFacts} — inside the engine's
   * units of work, once per tenant, occasion and partner.
   */
  private DecisionFacts decisionFacts(TenantId tenantId, OccasionId occasionId, Optional<PartnerId> partnerId,
      @Nullable RecordType<?, ?> type) {
    LoadedFacts once = loaded.get();
    DecisionFacts facts;
    if (once != null && once.facts != null && tenantId.equals(once.tenantId) && occasionId.equals(once.occasionId)
        && partnerId.equals(once.partnerId)) {
      facts = once.facts;
    } else {
      facts = load(tenantId, occasionId, partnerId);
      if (once != null) {
        once.tenantId = tenantId;
        once.occasionId = occasionId;
        once.partnerId = partnerId;
        once.facts = facts;
      }
    }
    return type == null ? facts : ImmutableDecisionFacts.copyOf(facts).withRecordType(type);
  }

  private DecisionFacts load(TenantId tenantId, OccasionId occasionId, Optional<PartnerId> partnerId) {
    AccessFacts stored = storage.accessFacts(tenantId, occasionId, partnerId);
    Tenant tenant = stored.tenant().orElseThrow(() -> unknownTenant(tenantId));
    ProductScope scope = stored.entitlements().map(e -> mapping.resolve(occasionId, e.entitlements()))
        .orElseGet(() -> ProductScope.of(occasionId, List.of()));
    ImmutableDecisionFacts.Builder facts = DecisionFacts.builder().tenant(tenant).productScope(scope);
    if (partnerId.isPresent()) {
      facts.partner(stored.partner()).grants(GrantIndex.of(stored.grants()));
    }
    return facts.build();
  }

  /** @return the actor as stored now; call inside the unit of work that decides */
  Actor actor(Acting acting) {
    return acting.resolve(storage);
  }

  /** The facts for {@code actor}: a partner's (directory record, grants) or an operator's. */
  DecisionFacts facts(Actor actor, TenantId tenantId, OccasionId occasionId, @Nullable RecordType<?, ?> type) {
    Optional<PartnerId> partner = actor.actingPartner();
    return partner.isPresent() ? partnerFacts(tenantId, occasionId, partner.get(), type)
        : operatorFacts(tenantId, occasionId, type);
  }

  /** An activity entry; composed text is clipped to what the entry holds, so a long name never fails a command. */
  ActivityEntry activity(TenantId tenantId, Placement placement, @Nullable RecordRef record, ActivityKind kind,
      Visibility visibility, Actor actor, String summary, String eventType, Instant now) {
    return ActivityEntry.builder().entryId(ids.get()).tenantId(tenantId).occasionId(placement.occasionId())
        .eventId(placement.eventId()).resourceId(placement.resourceId()).partnerId(placement.partnerId())
        .record(Optional.ofNullable(record)).kind(kind).visibility(visibility)
        .actorLabel(clip(actor.label(), Checks.MAX_NAME_LENGTH)).summary(clip(summary, Checks.MAX_TEXT_LENGTH))
        .eventType(eventType).occurredAt(now).build();
  }

  OutboxEvent event(TenantId tenantId, String type, String aggregateId, Map<String, ?> payload, Instant now) {
    return OutboxEvent.builder().eventId(ids.get()).tenantId(tenantId).type(type).aggregateId(aggregateId)
        .payload(json.write(payload)).occurredAt(now).build();
  }

  /** An outbox event webhooks may deliver: it names where its resource sits and the class of data it carries. */
  OutboxEvent event(TenantId tenantId, String type, String aggregateId, String payload, Instant now,
      Placement placement, DataClass dataClass) {
    return OutboxEvent.builder().eventId(ids.get()).tenantId(tenantId).type(type).aggregateId(aggregateId)
        .payload(payload).occurredAt(now).placement(Placement.builder().from(placement).parent(Optional.empty())
            .build()).dataClass(dataClass).build();
  }

  /** Logs a decision made outside a command or read (the webhook relay's), in the open unit of work. */
  void logDecision(AccessRequest request, Decision decision) {
    storage.decisions().append(decisionRecord(request, decision, null));
  }

  /** @return {@code text}, cut to at most {@code max} characters with an ellipsis, never inside a surrogate pair */
  static String clip(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = max - 1;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "\u2026";
  }

  private DecisionRecord decisionRecord(AccessRequest request, Decision decision, @Nullable String key) {
    return DecisionRecord.builder().recordId(ids.get()).actorKind(request.actor().kind())
        .actorId(request.actor().actorId()).occasionId(request.occasionId()).intent(request.intent())
        .commandKey(Optional.ofNullable(key)).decision(decision).build();
  }
}
