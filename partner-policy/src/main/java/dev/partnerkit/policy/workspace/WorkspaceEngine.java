package dev.partnerkit.policy.workspace;

import dev.partnerkit.domain.AccessRequest;
import dev.partnerkit.domain.Actor;
import dev.partnerkit.domain.Decision;
import dev.partnerkit.domain.EntitlementMapping;
import dev.partnerkit.domain.IntegrationPrincipal;
import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.domain.OccasionEntitlements;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.OperatorUser;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.PartnerMember;
import dev.partnerkit.domain.ProductScope;
import dev.partnerkit.domain.TaskId;
import dev.partnerkit.domain.Tenant;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.internal.Checks;
import dev.partnerkit.policy.AccessDecider;
import dev.partnerkit.policy.DecisionFacts;
import dev.partnerkit.policy.GrantIndex;
import dev.partnerkit.domain.json.PartnerkitJson;
import dev.partnerkit.spi.ActivityEntry;
import dev.partnerkit.spi.ActivityKind;
import dev.partnerkit.spi.DecisionRecord;
import dev.partnerkit.spi.IdempotencyRecord;
import dev.partnerkit.spi.OutboxEvent;
import dev.partnerkit.spi.PartnerkitStorage;
import dev.partnerkit.spi.VersionConflictException;
import dev.partnerkit.domain.Visibility;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The machinery every workspace command shares: loading facts through the SPI, deciding, and committing the change,
 * activity entry, decision-log row, outbox event and idempotency record in one unit of work.
 */
final class WorkspaceEngine {
  private static final String IDEMPOTENCY_RECORD = "idempotency_record";

  final PartnerkitStorage storage;
  final Clock clock;
  final EntitlementMapping mapping;
  final Supplier<String> ids;
  final AccessDecider decider = AccessDecider.create();
  final PartnerkitJson json = PartnerkitJson.create();

  WorkspaceEngine(PartnerkitStorage storage, Clock clock, EntitlementMapping mapping, Supplier<String> ids) {
    this.storage = storage;
    this.clock = clock;
    this.mapping = mapping;
    this.ids = ids;
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
   * Runs one command with its idempotency key: replays a prior outcome, refuses a reused key, or decides and commits
   * atomically.
   */
  CommandResult run(TenantId tenantId, String key, Actor actor, String payload, Function<Instant, Prepared> prepare) {
    Checks.identifier("idempotencyKey", key);
    String fingerprint = fingerprint(actor, payload);
    try {
      return storage.unitOfWork().inTransaction(() -> {
        Optional<IdempotencyRecord> prior = storage.idempotency().find(tenantId, key);
        if (prior.isPresent()) {
          return replay(prior.get(), fingerprint, key);
        }
        Instant now = clock.instant();
        Prepared prepared = prepare.apply(now);
        Decision decision = decider.decide(prepared.request, prepared.facts, now);
        ImmutableCommandResult.Builder result = ImmutableCommandResult.builder().commandKey(key).decision(decision);
        if (decision.allowed()) {
          Applied applied = prepared.change.apply(now);
          storage.activity().append(applied.activity);
          storage.outbox().append(applied.event);
          result.recordId(applied.recordId).recordVersion(applied.version);
        }
        storage.decisions().append(decisionRecord(prepared.request, decision, key));
        CommandResult outcome = result.build();
        storage.idempotency().insert(IdempotencyRecord.builder().tenantId(tenantId).key(key)
            .fingerprint(fingerprint).outcome(json.write(outcome)).createdAt(now).build());
        return outcome;
      });
    } catch (VersionConflictException e) {
      if (IDEMPOTENCY_RECORD.equals(e.recordType())) {
        // the same key won a race in another unit of work: its outcome is the first outcome
        Optional<IdempotencyRecord> winner = storage.idempotency().find(tenantId, key);
        if (winner.isPresent()) {
          return replay(winner.get(), fingerprint, key);
        }
      }
      throw e;
    }
  }

  /** Decides a read, logs the decision, and returns the visible records when allowed. */
  <T> ReadResult<T> read(AccessRequest request, DecisionFacts facts, Function<Decision, List<T>> load) {
    return storage.unitOfWork().inTransaction(() -> {
      Decision decision = decider.decide(request, facts, clock.instant());
      storage.decisions().append(decisionRecord(request, decision, null));
      return new ReadResult<>(decision, decision.allowed() ? load.apply(decision) : List.of());
    });
  }

  /** Decides without a change (opening a session) and logs the decision. */
  Decision decideAndLog(AccessRequest request, DecisionFacts facts) {
    return storage.unitOfWork().inTransaction(() -> {
      Decision decision = decider.decide(request, facts, clock.instant());
      storage.decisions().append(decisionRecord(request, decision, null));
      return decision;
    });
  }

  private CommandResult replay(IdempotencyRecord prior, String fingerprint, String key) {
    if (!prior.fingerprint().equals(fingerprint)) {
      throw new IdempotencyKeyReusedException(key);
    }
    CommandResult first = json.read(prior.outcome(), CommandResult.class);
    return ImmutableCommandResult.copyOf(first).withReplayed(true);
  }

  Tenant tenant(TenantId tenantId) {
    return storage.directory().findTenant(tenantId).orElseThrow(() -> new InvalidValueException("tenantId",
        "tenantId " + Checks.show(tenantId) + " is not a known tenant; save it with DirectoryStore.saveTenant first"));
  }

  ProductScope productScope(TenantId tenantId, OccasionId occasionId) {
    return storage.entitlements().find(tenantId, occasionId)
        .map(e -> mapping.resolve(occasionId, e.entitlements()))
        .orElseGet(() -> ProductScope.of(occasionId, List.of()));
  }

  Optional<OccasionEntitlements> entitlements(TenantId tenantId, OccasionId occasionId) {
    return storage.entitlements().find(tenantId, occasionId);
  }

  DecisionFacts operatorFacts(TenantId tenantId, OccasionId occasionId) {
    return DecisionFacts.builder().tenant(tenant(tenantId)).productScope(productScope(tenantId, occasionId)).build();
  }

  DecisionFacts partnerFacts(TenantId tenantId, OccasionId occasionId, PartnerId partnerId) {
    return DecisionFacts.builder().tenant(tenant(tenantId)).productScope(productScope(tenantId, occasionId))
        .partner(storage.directory().findPartner(tenantId, partnerId))
        .grants(GrantIndex.of(storage.grants().findByPartner(tenantId, partnerId))).build();
  }

  ActivityEntry activity(TenantId tenantId, OccasionId occasionId, @Nullable PartnerId partnerId,
      @Nullable TaskId taskId, ActivityKind kind, Visibility visibility, Actor actor, String summary, Instant now) {
    return ActivityEntry.builder().entryId(ids.get()).tenantId(tenantId).occasionId(occasionId)
        .partnerId(Optional.ofNullable(partnerId)).taskId(Optional.ofNullable(taskId)).kind(kind)
        .visibility(visibility).actorLabel(actor.label()).summary(summary).occurredAt(now).build();
  }

  OutboxEvent event(TenantId tenantId, String type, String aggregateId, Map<String, ?> payload, Instant now) {
    return OutboxEvent.builder().eventId(ids.get()).tenantId(tenantId).type(type).aggregateId(aggregateId)
        .payload(json.write(payload)).occurredAt(now).build();
  }

  private DecisionRecord decisionRecord(AccessRequest request, Decision decision, @Nullable String key) {
    return DecisionRecord.builder().recordId(ids.get()).actorKind(request.actor().kind())
        .actorId(actorId(request.actor())).occasionId(request.occasionId()).intent(request.intent())
        .commandKey(Optional.ofNullable(key)).decision(decision).build();
  }

  static String actorId(Actor actor) {
    if (actor instanceof OperatorUser) {
      return ((OperatorUser) actor).userId().value();
    }
    if (actor instanceof PartnerMember) {
      return ((PartnerMember) actor).userId().value();
    }
    return ((IntegrationPrincipal) actor).principalId().value();
  }

  private static String fingerprint(Actor actor, String payload) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update((actor.kind().wireName() + '\u0000' + actorId(actor) + '\u0000' + payload)
          .getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }
}
