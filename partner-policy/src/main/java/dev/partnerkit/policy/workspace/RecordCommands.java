package dev.partnerkit.policy.workspace;

import dev.partnerkit.domain.AccessRequest;
import dev.partnerkit.domain.Actor;
import dev.partnerkit.domain.Decision;
import dev.partnerkit.domain.ImmutableRecordAction;
import dev.partnerkit.domain.IntentKind;
import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.Placement;
import dev.partnerkit.domain.RecordAction;
import dev.partnerkit.domain.RecordNotFoundException;
import dev.partnerkit.domain.RecordRef;
import dev.partnerkit.domain.RecordType;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.Visibility;
import dev.partnerkit.domain.WireNamed;
import dev.partnerkit.domain.internal.Checks;
import dev.partnerkit.policy.DecisionFacts;
import dev.partnerkit.spi.ActivityKind;
import dev.partnerkit.spi.ImmutableRecordQuery;
import dev.partnerkit.spi.RecordLink;
import dev.partnerkit.spi.RecordQuery;
import dev.partnerkit.spi.StoredRecord;
import dev.partnerkit.spi.TypedRecord;
import dev.partnerkit.spi.VersionConflictException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The record kernel's commands and reads for one actor — an operator (every record of the tenant) or a partner
 * session (one occasion, the partner's own partner-visible records that its grants cover): create, transition,
 * revise, link, unlink, get and list, for every record type. Each command is decided by the core and journaled
 * (activity entry with the record and its placement, decision row, outbox event, idempotency record) in one unit of
 * work. Surface facades ({@code ops.tasks()}, {@code session.tasks()}) are thin typed layers over this class.
 *
 * <p>No oracles: to a partner, a record it may not see is indistinguishable from one that does not exist
 * ({@link RecordNotFoundException}, same words). Before a partner's command looks at any record, the surface must be
 * open to the partner (a view of the surface is allowed); until it is, the command is blocked with that view's
 * decision, whether or not the record exists. An expected version is compared only after visibility.
 */
public final class RecordCommands {
  private final WorkspaceEngine engine;
  private final Actor actor;
  private final TenantId tenantId;
  private final @Nullable PartnerId partnerId;
  private final @Nullable OccasionId sessionOccasion;

  RecordCommands(WorkspaceEngine engine, Actor actor, TenantId tenantId, @Nullable OccasionId sessionOccasion) {
    this.engine = engine;
    this.actor = actor;
    this.tenantId = tenantId;
    this.partnerId = actor.actingPartner().orElse(null);
    this.sessionOccasion = sessionOccasion;
  }

  /** A link to make together with a new record. */
  public record NewLink(String relation, RecordRef to) {
    /** Validates the relation. */
    public NewLink {
      Checks.check(relation != null && RecordRef.isTypeName(relation), "relation",
          "relation must be a lower snake case name, but was " + Checks.show(relation));
      Checks.required("to", to);
    }
  }

  /**
   * Creates a record in its lifecycle's initial status, with its first links.
   *
   * @param placement where it sits; a partner's records sit in its session's occasion, with its partner
   * @return the outcome; {@link CommandResult#recordId()} is the new record's id
   * @throws InvalidValueException when the placement, a link or the body is invalid; nothing is written
   * @throws RecordNotFoundException when a link points at a record of a known type that is not visible
   */
  public <B, S extends Enum<S> & WireNamed> CommandResult create(String idempotencyKey, RecordType<B, S> type,
      Placement placement, Visibility visibility, B body, Collection<NewLink> links) {
    Checks.required("type", type);
    Checks.required("placement", placement);
    Checks.required("visibility", visibility);
    Checks.required("body", body);
    List<NewLink> newLinks = List.copyOf(Checks.required("links", links));
    for (NewLink link : newLinks) {
      relationOf(type, link.relation());
    }
    if (partnerId != null) {
      Checks.check(placement.partnerId().map(partnerId::equals).orElse(false), "placement.partnerId",
          "placement.partnerId must be the session's partner " + partnerId + ", but was "
              + placement.partnerId().map(Object::toString).orElse("empty"));
      Checks.check(placement.occasionId().equals(sessionOccasion), "placement.occasionId",
          "placement.occasionId must be the session's occasion " + sessionOccasion + ", but was "
              + placement.occasionId());
    }
    Map<String, Object> payload = payload("create", type, null);
    payload.put("placement", placement);
    payload.put("visibility", visibility);
    payload.put("body", body);
    payload.put("links", Set.copyOf(newLinks));
    return engine.run(tenantId, idempotencyKey, actor, payload, now -> {
      AccessRequest gate = partnerGate(type, placement.occasionId());
      if (gate != null) {
        return blockedAt(gate, type, placement.occasionId());
      }
      for (NewLink link : newLinks) {
        requireTarget(link.to());
      }
      RecordAction action = RecordAction.builder().type(type.wireName()).title(type.titleOf(body))
          .partnerId(placement.partnerId()).build();
      AccessRequest request = AccessRequest.onRecord(actor, tenantId, IntentKind.CREATE, type.surface(), placement,
          action).internalOnly(visibility == Visibility.INTERNAL_ONLY).build();
      return new WorkspaceEngine.Prepared(request, facts(placement.occasionId(), type), at -> {
        TypedRecord<B, S> record = TypedRecord.create(type, tenantId, engine.ids.get(), placement, visibility,
            body, at, actor.actorKey());
        engine.storage.records().insert(engine.codec.encode(record));
        for (NewLink link : newLinks) {
          engine.storage.records().link(RecordLink.builder().tenantId(tenantId).from(record.ref())
              .relation(link.relation()).to(link.to()).createdAt(at).build());
        }
        return applied(record, "created", "created " + type.noun() + " '" + record.title() + "'", at,
            Map.of("status", record.status().wireName()));
      });
    });
  }

  /**
   * Moves a record along its type's lifecycle.
   *
   * @param expectedVersion when not null, the version the caller saw; a changed record is a conflict
   * @throws RecordNotFoundException when the record does not exist or the actor may not see it
   * @throws VersionConflictException when the record is visible but at another version than expected
   */
  public <B, S extends Enum<S> & WireNamed> CommandResult transition(String idempotencyKey, RecordType<B, S> type,
      String id, S to, @Nullable Long expectedVersion) {
    Checks.required("type", type);
    Checks.identifier("id", id);
    Checks.required("to", to);
    if (expectedVersion != null) {
      Checks.nonNegative("expectedVersion", expectedVersion);
    }
    Map<String, Object> payload = payload("transition", type, id);
    payload.put("to", to.wireName());
    payload.put("expectedVersion", expectedVersion == null ? "any" : expectedVersion);
    return engine.run(tenantId, idempotencyKey, actor, payload, now -> {
      AccessRequest gate = partnerGate(type, sessionOccasion);
      if (gate != null) {
        return blockedAt(gate, type, sessionOccasion);
      }
      TypedRecord<B, S> record = loadVisible(type, id, expectedVersion);
      RecordAction action = action(record).fromStatus(record.status().wireName()).toStatus(to.wireName())
          .openPrerequisites(openPrerequisites(record, to)).build();
      AccessRequest request = AccessRequest.onRecord(actor, tenantId, IntentKind.TRANSITION, type.surface(),
          record.placement(), action).build();
      return new WorkspaceEngine.Prepared(request, facts(record.placement().occasionId(), type), at -> {
        TypedRecord<B, S> moved = record.withStatus(to, at);
        engine.storage.records().update(engine.codec.encode(moved));
        boolean closing = type.lifecycle().isClosed(to);
        return applied(moved, "moved", "moved " + type.noun() + " '" + record.title() + "' from "
            + words(record.status()) + " to " + words(to) + (closing
            ? " (approval is evidence; job readiness unchanged)" : ""), at,
            Map.of("from", record.status().wireName(), "to", to.wireName()));
      });
    });
  }

  /**
   * Writes a new revision of a record's body, replacing it with {@code body}.
   *
   * @throws RecordNotFoundException when the record does not exist or the actor may not see it
   * @throws VersionConflictException when the record is visible but at another version than expected
   */
  public <B, S extends Enum<S> & WireNamed> CommandResult revise(String idempotencyKey, RecordType<B, S> type,
      String id, B body, @Nullable Long expectedVersion) {
    Checks.required("body", body);
    return revise(idempotencyKey, type, id, current -> body, Map.of("body", body), Optional.empty(),
        expectedVersion);
  }

  /**
   * Writes a new revision of a record's body made by {@code edit} from the stored one, and optionally moves the
   * record to another partner (operators only) — one new version, atomically.
   *
   * @param change what the edit sets, as plain values: the command's fingerprint for idempotency
   * @param partner the partner to move the record to, when it moves
   * @throws RecordNotFoundException when the record does not exist or the actor may not see it
   * @throws VersionConflictException when the record is visible but at another version than expected
   */
  public <B, S extends Enum<S> & WireNamed> CommandResult revise(String idempotencyKey, RecordType<B, S> type,
      String id, UnaryOperator<B> edit, Map<String, ?> change, Optional<PartnerId> partner,
      @Nullable Long expectedVersion) {
    Checks.required("type", type);
    Checks.identifier("id", id);
    Checks.required("edit", edit);
    Checks.required("change", change);
    Checks.required("partner", partner);
    if (expectedVersion != null) {
      Checks.nonNegative("expectedVersion", expectedVersion);
    }
    Checks.check(partner.isEmpty() || partnerId == null, "partner",
        "only operators move a record to another partner");
    Map<String, Object> payload = payload("revise", type, id);
    payload.put("change", change);
    partner.ifPresent(p -> payload.put("partner", p));
    payload.put("expectedVersion", expectedVersion == null ? "any" : expectedVersion);
    return engine.run(tenantId, idempotencyKey, actor, payload, now -> {
      AccessRequest gate = partnerGate(type, sessionOccasion);
      if (gate != null) {
        return blockedAt(gate, type, sessionOccasion);
      }
      TypedRecord<B, S> record = loadVisible(type, id, expectedVersion);
      B body = Checks.required("edit(body)", edit.apply(record.body()));
      Placement target = partner.<Placement>map(p -> Placement.builder().from(record.placement()).partnerId(p)
          .build()).orElse(record.placement());
      AccessRequest request = AccessRequest.onRecord(actor, tenantId, IntentKind.REVISE, type.surface(),
          record.placement(), action(record).build()).build();
      return new WorkspaceEngine.Prepared(request, facts(record.placement().occasionId(), type), at -> {
        TypedRecord<B, S> revised = record.revised(body, target, at);
        engine.storage.records().update(engine.codec.encode(revised));
        String moved = target.equals(record.placement()) ? ""
            : " and moved it to partner " + target.partnerId().map(Object::toString).orElse("none");
        return applied(revised, "revised", "revised " + type.noun() + " '" + revised.title() + "'" + moved, at,
            Map.of("revision", revised.revision()));
      });
    });
  }

  /**
   * Links a record to another record or host entity.
   *
   * @throws RecordNotFoundException when either record (of a known type) does not exist or is not visible
   * @throws InvalidValueException when the relation is not one of the type's
   */
  public CommandResult link(String idempotencyKey, RecordType<?, ?> type, String id, String relation,
      RecordRef to) {
    return changeLink(idempotencyKey, type, id, relation, to, true);
  }

  /**
   * Removes a link; removing a link that is not there is allowed and changes nothing but the journal.
   *
   * @throws RecordNotFoundException when the record does not exist or is not visible
   */
  public CommandResult unlink(String idempotencyKey, RecordType<?, ?> type, String id, String relation,
      RecordRef to) {
    return changeLink(idempotencyKey, type, id, relation, to, false);
  }

  private <B, S extends Enum<S> & WireNamed> CommandResult changeLink(String key, RecordType<B, S> type, String id,
      String relation, RecordRef to, boolean adding) {
    Checks.required("type", type);
    Checks.identifier("id", id);
    relationOf(type, relation);
    Checks.required("to", to);
    Map<String, Object> payload = payload(adding ? "link" : "unlink", type, id);
    payload.put("relation", relation);
    payload.put("to", to);
    return engine.run(tenantId, key, actor, payload, now -> {
      AccessRequest gate = partnerGate(type, sessionOccasion);
      if (gate != null) {
        return blockedAt(gate, type, sessionOccasion);
      }
      TypedRecord<B, S> record = loadVisible(type, id, null);
      if (adding) {
        requireTarget(to);
      }
      AccessRequest request = AccessRequest.onRecord(actor, tenantId, adding ? IntentKind.LINK : IntentKind.UNLINK,
          type.surface(), record.placement(), action(record).relation(relation).build()).build();
      return new WorkspaceEngine.Prepared(request, facts(record.placement().occasionId(), type), at -> {
        if (adding) {
          engine.storage.records().link(RecordLink.builder().tenantId(tenantId).from(record.ref()).relation(relation)
              .to(to).createdAt(at).build());
        } else {
          engine.storage.records().unlink(tenantId, record.ref(), relation, to);
        }
        return applied(record, adding ? "linked" : "unlinked", (adding ? "linked " : "unlinked ") + type.noun()
            + " '" + record.title() + "' " + (adding ? "to " : "from ") + to.type().replace('_', ' '), at,
            Map.of("relation", relation, "toType", to.type(), "toId", to.id()));
      });
    });
  }

  /**
   * Reads one record.
   *
   * @return the decision for reading the surface, and the record when allowed
   * @throws RecordNotFoundException when the record does not exist or the actor may not see it (only asked when the
   *     surface read is allowed)
   */
  public <B, S extends Enum<S> & WireNamed> ReadResult<TypedRecord<B, S>> get(RecordType<B, S> type, String id) {
    Checks.required("type", type);
    Checks.identifier("id", id);
    OccasionId occasion = occasionForReads(type, id);
    AccessRequest request = AccessRequest.view(actor, tenantId, occasion, type.surface()).build();
    return engine.read(request, () -> facts(occasion, type),
        decision -> WorkspaceEngine.Page.of(List.of(loadVisible(type, id, null))));
  }

  /**
   * Lists records of one type: exactly those a per-record view decision allows (the union over the actor's grants),
   * one page at a time.
   *
   * @param query filter and page; for a partner session, its occasion must be the session's, and the partner and
   *     visibility filters are set to the partner's own partner-visible records
   */
  public <B, S extends Enum<S> & WireNamed> ReadResult<TypedRecord<B, S>> list(RecordType<B, S> type,
      RecordQuery query) {
    Checks.required("type", type);
    Checks.required("query", query);
    Checks.check(query.type().equals(type.wireName()), "query.type", "query.type must be " + type.wireName()
        + ", but was " + query.type());
    RecordQuery own = query;
    if (partnerId != null) {
      Checks.check(query.occasionId().equals(sessionOccasion), "query.occasionId",
          "query.occasionId must be the session's occasion " + sessionOccasion + ", but was " + query.occasionId());
      own = ImmutableRecordQuery.copyOf(query).withPartnerId(partnerId).withVisibility(Visibility.PARTNER_VISIBLE);
    }
    RecordQuery page = own;
    AccessRequest request = AccessRequest.view(actor, tenantId, page.occasionId(), type.surface()).build();
    return engine.read(request, () -> facts(page.occasionId(), type), decision -> {
      DecisionFacts facts = facts(page.occasionId(), type);
      List<StoredRecord> rows = engine.storage.records().list(tenantId, page);
      List<TypedRecord<B, S>> visible = new ArrayList<>(rows.size());
      for (StoredRecord row : rows) {
        TypedRecord<B, S> record = engine.codec.decode(type, row);
        if (mayView(record, facts)) {
          visible.add(record);
        }
      }
      String next = rows.size() == page.limit() ? rows.get(rows.size() - 1).ref().id() : null;
      return new WorkspaceEngine.Page<>(visible, next);
    });
  }

  /**
   * @return the links from a visible record, with {@code relation} when present
   * @throws RecordNotFoundException when the record does not exist or the actor may not see it
   */
  public List<RecordLink> links(RecordType<?, ?> type, String id, Optional<String> relation) {
    Checks.required("type", type);
    Checks.identifier("id", id);
    Checks.required("relation", relation);
    return engine.storage.unitOfWork().inTransaction(() -> {
      loadVisible(type, id, null);
      return engine.storage.records().links(tenantId, type.ref(id), relation);
    });
  }

  // ---------------------------------------------------------------------------------------------------------------

  /** For a partner: the surface read that must be allowed before any record is looked at; null when it is. */
  private @Nullable AccessRequest partnerGate(RecordType<?, ?> type, @Nullable OccasionId occasion) {
    if (partnerId == null) {
      return null;
    }
    AccessRequest gate = AccessRequest.view(actor, tenantId, occasionOf(occasion), type.surface()).build();
    Decision d = engine.decider.decide(gate, facts(occasionOf(occasion), type), engine.now());
    return d.allowed() ? null : gate;
  }

  private WorkspaceEngine.Prepared blockedAt(AccessRequest gate, RecordType<?, ?> type,
      @Nullable OccasionId occasion) {
    return new WorkspaceEngine.Prepared(gate, facts(occasionOf(occasion), type), at -> {
      throw new IllegalStateException("a blocked gate never applies a change");
    });
  }

  private OccasionId occasionOf(@Nullable OccasionId occasion) {
    return Checks.required("occasionId", occasion);
  }

  private OccasionId occasionForReads(RecordType<?, ?> type, String id) {
    if (sessionOccasion != null) {
      return sessionOccasion;
    }
    // operators: the record's own occasion decides; a missing record is not found
    return engine.storage.unitOfWork().inTransaction(() -> engine.storage.records().find(tenantId, type.ref(id))
        .map(r -> r.placement().occasionId()).orElseThrow(() -> notFound(type, id)));
  }

  private DecisionFacts facts(OccasionId occasionId, RecordType<?, ?> type) {
    return engine.facts(actor, tenantId, occasionId, type);
  }

  /** Loads a record the actor may see, or throws not-found; compares the expected version only after that. */
  private <B, S extends Enum<S> & WireNamed> TypedRecord<B, S> loadVisible(RecordType<B, S> type, String id,
      @Nullable Long expectedVersion) {
    StoredRecord row = engine.storage.records().find(tenantId, type.ref(id)).orElseThrow(() -> notFound(type, id));
    TypedRecord<B, S> record = engine.codec.decode(type, row);
    if (partnerId != null && !mayView(record, facts(record.placement().occasionId(), type))) {
      throw notFound(type, id);
    }
    if (expectedVersion != null && record.version() != expectedVersion) {
      throw VersionConflictException.stale(type.wireName(), id, expectedVersion);
    }
    return record;
  }

  /** Whether a per-record view decision allows the actor to see {@code record}. */
  private boolean mayView(TypedRecord<?, ?> record, DecisionFacts facts) {
    if (partnerId != null && (!record.placement().occasionId().equals(sessionOccasion)
        || record.visibility() != Visibility.PARTNER_VISIBLE
        || !record.placement().partnerId().map(partnerId::equals).orElse(false))) {
      return false;
    }
    AccessRequest view = AccessRequest.onRecord(actor, tenantId, IntentKind.VIEW, record.type().surface(),
        record.placement(), RecordAction.builder().type(record.type().wireName()).recordId(record.id())
            .partnerId(record.placement().partnerId()).build()).build();
    return engine.decider.decide(view, facts, engine.now()).allowed();
  }

  /** A link target of a known record type must exist and be visible; host entities are taken as named. */
  private void requireTarget(RecordRef to) {
    Optional<RecordType<?, ?>> targetType = engine.types.find(to.type());
    if (targetType.isPresent()) {
      loadVisible(targetType.get(), to.id(), null);
    }
  }

  /** The record's open prerequisites, looked up only when moving {@code to} needs them closed. */
  private <S extends Enum<S> & WireNamed> Set<RecordRef> openPrerequisites(TypedRecord<?, S> record, S to) {
    Optional<String> relation = record.type().prerequisiteRelation();
    Set<RecordRef> open = new TreeSet<>();
    if (relation.isEmpty() || !record.type().lifecycle().needsPrerequisitesClosed(to)) {
      return open;
    }
    for (RecordLink link : engine.storage.records().links(tenantId, record.ref(), relation)) {
      if (!closed(link.to())) {
        open.add(link.to());
      }
    }
    return open;
  }

  /** Whether the record behind {@code ref} is closed in its lifecycle; missing or unknown counts as open. */
  private boolean closed(RecordRef ref) {
    Optional<RecordType<?, ?>> type = engine.types.find(ref.type());
    Optional<StoredRecord> row = engine.storage.records().find(tenantId, ref);
    return type.isPresent() && row.isPresent() && isClosed(type.get(), row.get().status());
  }

  private static <S extends Enum<S> & WireNamed> boolean isClosed(RecordType<?, S> type, String status) {
    return type.lifecycle().isClosed(type.lifecycle().parse("status", status));
  }

  private static ImmutableRecordAction.Builder action(TypedRecord<?, ?> record) {
    return RecordAction.builder().type(record.type().wireName()).recordId(record.id()).title(record.title())
        .partnerId(record.placement().partnerId());
  }

  private static void relationOf(RecordType<?, ?> type, String relation) {
    Checks.check(type.relations().contains(relation), "relation", "relation must be one of " + type.relations()
        + " for " + type.wireName() + ", but was " + Checks.show(relation));
  }

  private WorkspaceEngine.Applied applied(TypedRecord<?, ?> record, String verb, String what, Instant at,
      Map<String, ?> details) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("recordType", record.type().wireName());
    event.put("recordId", record.id());
    event.put("version", record.version());
    event.put("actorKind", actor.kind().wireName());
    event.putAll(details);
    String eventType = record.type().wireName() + "." + verb;
    return new WorkspaceEngine.Applied(record.id(), record.version(),
        engine.activity(tenantId, record.placement(), record.ref(), ActivityKind.DOMAIN_EVENT, record.visibility(),
            actor, actor.label() + " " + what + ".", eventType, at),
        engine.event(tenantId, eventType, record.id(), event, at));
  }

  private Map<String, Object> payload(String command, RecordType<?, ?> type, @Nullable String id) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("command", command);
    payload.put("type", type.wireName());
    if (id != null) {
      payload.put("id", id);
    }
    return payload;
  }

  private static RecordNotFoundException notFound(RecordType<?, ?> type, String id) {
    return new RecordNotFoundException("id", type.noun(), id);
  }

  private static String words(WireNamed status) {
    return status.wireName().replace('_', ' ');
  }
}
