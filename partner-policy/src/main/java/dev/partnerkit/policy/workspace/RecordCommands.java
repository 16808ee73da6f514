package dev.partnerkit.policy.workspace;

import dev.partnerkit.domain.AccessRequest;
import dev.partnerkit.domain.Actor;
import dev.partnerkit.domain.DataClass;
import dev.partnerkit.domain.Decision;
import dev.partnerkit.domain.ImmutableRecordAction;
import dev.partnerkit.domain.IntentKind;
import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.MembershipStatus;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.PartnerMember;
import dev.partnerkit.domain.Placement;
import dev.partnerkit.domain.RecordAction;
import dev.partnerkit.domain.RecordNotFoundException;
import dev.partnerkit.domain.RecordMove;
import dev.partnerkit.domain.RecordRef;
import dev.partnerkit.domain.RecordType;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.UserId;
import dev.partnerkit.domain.Visibility;
import dev.partnerkit.domain.WireNamed;
import dev.partnerkit.domain.internal.Checks;
import dev.partnerkit.policy.DecisionFacts;
import dev.partnerkit.spi.ActivityKind;
import dev.partnerkit.spi.ImmutableRecordQuery;
import dev.partnerkit.spi.ImmutableStoredRecord;
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
 *
 * <p>A new record's parent and link targets of known record types must exist and be visible to the actor (host
 * entities such as {@code event} are taken as named). Partner sessions read bodies through the type's
 * {@linkplain RecordType#partnerView(Object) partner view}. Write requests about a type that mirrors host truths
 * carry those truths as effects; people named through the type's audience relation must be able to see the record.
 *
 * <p>The status of a placement parent that is a kernel record is a fact the type's rules read
 * ({@link RecordAction#parentStatus()}). A type may derive
 * its ids ({@link RecordType#derivedId}), check its body against its placement ({@link RecordType#checkPlacement})
 * and keep a trail of its moves in its body ({@link RecordType#afterMove}, with the mover's note).
 */
public final class RecordCommands {
  private final WorkspaceEngine engine;
  private final Acting acting;
  private final TenantId tenantId;
  private final @Nullable PartnerId partnerId;
  private final @Nullable OccasionId sessionOccasion;

  RecordCommands(WorkspaceEngine engine, Acting acting, @Nullable OccasionId sessionOccasion) {
    this.engine = engine;
    this.acting = acting;
    this.tenantId = acting.tenantId;
    this.partnerId = acting.partnerId;
    this.sessionOccasion = sessionOccasion;
  }

  /**
   * Runs {@code body} in a unit of work (joining the caller's, when one is open) with the actor loaded once from the
   * store inside it: facts, actor, decision and data all come from that one unit of work.
   */
  private <T> T asLoaded(java.util.function.Function<Actor, T> body) {
    return engine.storage.unitOfWork().inTransaction(() -> body.apply(engine.actor(acting)));
  }

  /** The reference type of an operator named through an audience relation: {@code operator:<user id>}. */
  public static final String OPERATOR_PERSON = "operator";
  /**
   * The reference type of a partner member named through an audience relation: {@code partner_member:<user id>}, a
   * member of the partner the record is with.
   */
  public static final String MEMBER_PERSON = "partner_member";

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
   * @throws RecordNotFoundException when the placement's parent or a link points at a record of a known type that
   *     is not visible
   */
  public <B, S extends Enum<S> & WireNamed> CommandResult create(String idempotencyKey, RecordType<B, S> type,
      Placement placement, Visibility visibility, B body, Collection<NewLink> links) {
    Checks.required("placement", placement);
    Checks.required("visibility", visibility);
    Checks.required("body", body);
    type.checkPlacement(placement, body);
    String derivedId = type.derivedId(placement, body).orElse(null);
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
    return doCreate(idempotencyKey, type, payload, placement.occasionId(), links, actor -> {
      placement.parent().ifPresent(ref -> requireTarget(actor, ref));
      return new NewRecord<>(derivedId != null ? derivedId : engine.ids.get(), placement, visibility, body);
    });
  }

  /**
   * Creates a record under a parent record, at the parent's placement (occasion, event, resource, partner) with the
   * parent as its placement parent: a thread's comment, a blocker's response. The parent is loaded, and must be
   * visible to the actor, inside the command's unit of work.
   *
   * @param parent the parent, a record of a known type
   * @throws RecordNotFoundException when the parent or a link target does not exist or is not visible
   * @throws InvalidValueException when the parent is no kernel record, or an input is invalid
   */
  public <B, S extends Enum<S> & WireNamed> CommandResult createUnder(String idempotencyKey, RecordType<B, S> type,
      RecordRef parent, Visibility visibility, B body, Collection<NewLink> links) {
    RecordType<?, ?> parentType = knownType(parent);
    Checks.required("visibility", visibility);
    Checks.required("body", body);
    Map<String, Object> payload = payload("create", type, null);
    payload.put("parent", parent);
    payload.put("visibility", visibility);
    payload.put("body", body);
    return doCreate(idempotencyKey, type, payload, sessionOccasion, links, actor -> {
      TypedRecord<?, ?> under = loadVisible(actor, parentType, parent.id(), null);
      return new NewRecord<>(engine.ids.get(), placed(under), visibility, body);
    });
  }

  /** The body of the next numbered child of a parent: made inside the unit of work, from the stored parent. */
  @FunctionalInterface
  public interface NumberedBody<P, B> {
    /**
     * @param parent the stored parent's body
     * @param number the child's number: one more than the parent's children of its type
     * @return the child's body
     */
    B body(P parent, int number);
  }

  /**
   * Creates the next numbered child of a parent record — the next version of a document — at the parent's placement
   * and visibility. Inside the unit of work the parent is loaded (it must be visible), its children of
   * {@code type} are counted, and the child gets number count + 1 and the id {@code <parent id>-<number>} (a hash
   * when that would be too long). Two creates racing for one number conflict instead of making two children with the
   * same number; a retry with the same key replays, whatever was created since.
   *
   * @param content what the body is made of, as plain values: the command's fingerprint for idempotency
   * @throws RecordNotFoundException when the parent does not exist or is not visible
   * @throws VersionConflictException when another create took the number first; nothing is written, the key stays
   *     unspent
   */
  public <P, B, S extends Enum<S> & WireNamed> CommandResult createNumbered(String idempotencyKey,
      RecordType<B, S> type, RecordType<P, ?> parentType, String parentId, NumberedBody<P, B> body,
      Map<String, ?> content, Collection<NewLink> links) {
    Checks.required("parentType", parentType);
    Checks.identifier("parentId", parentId);
    Checks.required("body", body);
    Checks.required("content", content);
    RecordRef parent = parentType.ref(parentId);
    knownType(parent);
    Map<String, Object> payload = payload("create_numbered", type, null);
    payload.put("parent", parent);
    payload.put("content", content);
    return doCreate(idempotencyKey, type, payload, sessionOccasion, links, actor -> {
      TypedRecord<P, ?> under = loadVisible(actor, parentType, parentId, null);
      Placement placement = placed(under);
      long siblings = 0;
      for (long n : engine.storage.records().countByStatus(tenantId, RecordQuery.of(type.wireName(),
          placement.occasionId()).parent(parent).build()).values()) {
        siblings += n;
      }
      int number = Math.toIntExact(siblings + 1);
      return new NewRecord<>(numberedId(parentId, number), placement, under.visibility(),
          Checks.required("body(parent, number)", body.body(under.body(), number)));
    });
  }

  /** A record about to be created, resolved inside the unit of work. */
  private record NewRecord<B>(String id, Placement placement, Visibility visibility, B body) {}

  private <B, S extends Enum<S> & WireNamed> CommandResult doCreate(String idempotencyKey, RecordType<B, S> type,
      Map<String, Object> payload, @Nullable OccasionId gateOccasion, Collection<NewLink> links,
      java.util.function.Function<Actor, NewRecord<B>> resolve) {
    Checks.required("type", type);
    List<NewLink> newLinks = List.copyOf(Checks.required("links", links));
    for (NewLink link : newLinks) {
      relationOf(type, link.relation());
      audienceTarget(type, link.relation(), link.to());
    }
    payload.put("links", Set.copyOf(newLinks));
    return engine.run(tenantId, idempotencyKey, acting, payload, now -> {
      Actor actor = engine.actor(acting);
      AccessRequest gate = partnerGate(actor, type, gateOccasion);
      if (gate != null) {
        return blockedAt(actor, gate, type, gateOccasion);
      }
      NewRecord<B> created = resolve.apply(actor);
      Placement placement = created.placement();
      type.checkPlacement(placement, created.body());
      Set<RecordRef> audience = new TreeSet<>();
      Set<String> relations = new TreeSet<>();
      for (NewLink link : newLinks) {
        relations.add(link.relation());
        if (type.audienceRelation().map(link.relation()::equals).orElse(false)) {
          audience.add(link.to());
        } else {
          requireTarget(actor, link.to());
        }
      }
      RecordAction action = RecordAction.builder().type(type.wireName()).title(type.titleOf(created.body()))
          .partnerId(placement.partnerId()).linkRelations(relations)
          .parentStatus(parentStatus(placement))
          .audienceOutOfReach(outOfReach(type, created.id(), placement, created.visibility(), audience)).build();
      AccessRequest request = AccessRequest.onRecord(actor, tenantId, IntentKind.CREATE, type.surface(), placement,
          action).internalOnly(created.visibility() == Visibility.INTERNAL_ONLY).effects(type.hostTruths())
          .build();
      return new WorkspaceEngine.Prepared(request, facts(actor, placement.occasionId(), type), at -> {
        TypedRecord<B, S> record = TypedRecord.create(type, tenantId, created.id(), placement,
            created.visibility(), created.body(), at, actor.actorKey());
        engine.storage.records().insert(engine.codec.encode(record));
        for (NewLink link : newLinks) {
          engine.storage.records().link(RecordLink.builder().tenantId(tenantId).from(record.ref())
              .relation(link.relation()).to(link.to()).createdAt(at).build());
        }
        return applied(actor, record, "created", "created " + type.noun() + " '" + record.title() + "'", at,
            Map.of("status", record.status().wireName()));
      });
    });
  }

  /** The placement of a child of {@code parent}: the parent's, with the parent as placement parent. */
  private static Placement placed(TypedRecord<?, ?> parent) {
    return Placement.builder().from(parent.placement()).parent(parent.ref()).build();
  }

  private RecordType<?, ?> knownType(RecordRef parent) {
    Checks.required("parent", parent);
    return engine.types.find(parent.type()).orElseThrow(() -> new InvalidValueException("parent",
        "parent must be a record of a known record type, but was " + Checks.show(parent.type())));
  }

  /** {@code <parent id>-<number>}, or a hash of both when that would be longer than an identifier may be. */
  static String numberedId(String parentId, int number) {
    String plain = parentId + "-" + number;
    if (plain.length() <= Checks.MAX_IDENTIFIER_LENGTH) {
      return plain;
    }
    try {
      byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
          .digest((parentId + "#" + number).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return "n-" + java.util.HexFormat.of().formatHex(hash).substring(0, 40);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing", e);
    }
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
    return transition(idempotencyKey, type, id, to, Optional.empty(), expectedVersion);
  }

  /**
   * Moves a record along its type's lifecycle, with a note: it goes into the activity entry and, for a type that
   * keeps a trail, into the record's body (a new body revision in the same version).
   *
   * @param note what the mover says about the move, at most {@value RecordMove#MAX_NOTE_LENGTH} characters
   * @param expectedVersion when not null, the version the caller saw; a changed record is a conflict
   * @throws RecordNotFoundException when the record does not exist or the actor may not see it
   * @throws VersionConflictException when the record is visible but at another version than expected
   */
  public <B, S extends Enum<S> & WireNamed> CommandResult transition(String idempotencyKey, RecordType<B, S> type,
      String id, S to, Optional<String> note, @Nullable Long expectedVersion) {
    Checks.required("type", type);
    Checks.identifier("id", id);
    Checks.required("to", to);
    Checks.required("note", note).ifPresent(n -> Checks.text("note", n, RecordMove.MAX_NOTE_LENGTH));
    if (expectedVersion != null) {
      Checks.nonNegative("expectedVersion", expectedVersion);
    }
    Map<String, Object> payload = payload("transition", type, id);
    payload.put("to", to.wireName());
    note.ifPresent(n -> payload.put("note", n));
    payload.put("expectedVersion", expectedVersion == null ? "any" : expectedVersion);
    return engine.run(tenantId, idempotencyKey, acting, payload, now -> {
      Actor actor = engine.actor(acting);
      AccessRequest gate = partnerGate(actor, type, sessionOccasion);
      if (gate != null) {
        return blockedAt(actor, gate, type, sessionOccasion);
      }
      TypedRecord<B, S> record = loadVisible(actor, type, id, expectedVersion);
      B after = type.afterMove(record.body(), new RecordMove(record.status().wireName(), to.wireName(),
          actor.actorKey(), WorkspaceEngine.clip(actor.label(), Checks.MAX_NAME_LENGTH), now, note));
      RecordAction action = action(record).fromStatus(record.status().wireName()).toStatus(to.wireName())
          .openPrerequisites(openPrerequisites(record, to)).parentStatus(parentStatus(record.placement()))
          .build();
      AccessRequest request = AccessRequest.onRecord(actor, tenantId, IntentKind.TRANSITION, type.surface(),
          record.placement(), action).effects(type.hostTruths()).build();
      return new WorkspaceEngine.Prepared(request, facts(actor, record.placement().occasionId(), type), at -> {
        TypedRecord<B, S> moved = type.keepsTrail() ? record.withStatus(to, after, at) : record.withStatus(to, at);
        engine.storage.records().update(engine.codec.encode(moved));
        boolean closing = type.lifecycle().isClosed(to);
        return applied(actor, moved, "moved", "moved " + type.noun() + " '" + record.title() + "' from "
            + words(record.status()) + " to " + words(to) + (closing
            ? " (approval is evidence; job readiness unchanged)" : "") + note.map(n -> ": " + n).orElse(""), at,
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
    return engine.run(tenantId, idempotencyKey, acting, payload, now -> {
      Actor actor = engine.actor(acting);
      AccessRequest gate = partnerGate(actor, type, sessionOccasion);
      if (gate != null) {
        return blockedAt(actor, gate, type, sessionOccasion);
      }
      TypedRecord<B, S> record = loadVisible(actor, type, id, expectedVersion);
      B body = Checks.required("edit(body)", edit.apply(record.body()));
      Placement target = partner.<Placement>map(p -> Placement.builder().from(record.placement()).partnerId(p)
          .build()).orElse(record.placement());
      type.checkPlacement(target, body);
      AccessRequest request = AccessRequest.onRecord(actor, tenantId, IntentKind.REVISE, type.surface(),
          record.placement(), action(record).parentStatus(parentStatus(record.placement())).build())
          .effects(type.hostTruths()).build();
      return new WorkspaceEngine.Prepared(request, facts(actor, record.placement().occasionId(), type), at -> {
        TypedRecord<B, S> revised = record.revised(body, target, at);
        engine.storage.records().update(engine.codec.encode(revised));
        String moved = target.equals(record.placement()) ? ""
            : " and moved it to partner " + target.partnerId().map(Object::toString).orElse("none");
        return applied(actor, revised, "revised", "revised " + type.noun() + " '" + revised.title() + "'" + moved, at,
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
    boolean naming = audienceTarget(type, relation, to);
    Map<String, Object> payload = payload(adding ? "link" : "unlink", type, id);
    payload.put("relation", relation);
    payload.put("to", to);
    return engine.run(tenantId, key, acting, payload, now -> {
      Actor actor = engine.actor(acting);
      AccessRequest gate = partnerGate(actor, type, sessionOccasion);
      if (gate != null) {
        return blockedAt(actor, gate, type, sessionOccasion);
      }
      TypedRecord<B, S> record = loadVisible(actor, type, id, null);
      if (adding && !naming) {
        requireTarget(actor, to);
      }
      Set<RecordRef> unseen = adding && naming
          ? outOfReach(type, record.id(), record.placement(), record.visibility(), Set.of(to)) : Set.of();
      AccessRequest request = AccessRequest.onRecord(actor, tenantId, adding ? IntentKind.LINK : IntentKind.UNLINK,
          type.surface(), record.placement(), action(record).relation(relation).audienceOutOfReach(unseen)
              .parentStatus(parentStatus(record.placement())).build())
          .effects(type.hostTruths()).build();
      return new WorkspaceEngine.Prepared(request, facts(actor, record.placement().occasionId(), type), at -> {
        if (adding) {
          engine.storage.records().link(RecordLink.builder().tenantId(tenantId).from(record.ref()).relation(relation)
              .to(to).createdAt(at).build());
        } else {
          engine.storage.records().unlink(tenantId, record.ref(), relation, to);
        }
        return applied(actor, record, adding ? "linked" : "unlinked", (adding ? "linked " : "unlinked ") + type.noun()
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
    return asLoaded(actor -> {
      OccasionId occasion = occasionForReads(type, id);
      AccessRequest request = AccessRequest.view(actor, tenantId, occasion, type.surface()).build();
      return engine.read(request, () -> facts(actor, occasion, type),
          decision -> WorkspaceEngine.Page.of(List.of(forReader(loadVisible(actor, type, id, null)))));
    });
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
    return asLoaded(actor -> engine.read(AccessRequest.view(actor, tenantId, page.occasionId(), type.surface())
        .build(), () -> facts(actor, page.occasionId(), type), decision -> {
      DecisionFacts facts = facts(actor, page.occasionId(), type);
      List<StoredRecord> rows = engine.storage.records().list(tenantId, page);
      List<TypedRecord<B, S>> visible = new ArrayList<>(rows.size());
      for (StoredRecord row : rows) {
        TypedRecord<B, S> record = engine.codec.decode(type, row);
        if (mayView(actor, record, facts)) {
          visible.add(forReader(record));
        }
      }
      String next = rows.size() == page.limit() ? rows.get(rows.size() - 1).ref().id() : null;
      return new WorkspaceEngine.Page<>(visible, next);
    }));
  }

  /**
   * @return the links from a visible record, with {@code relation} when present
   * @throws RecordNotFoundException when the record does not exist or the actor may not see it
   */
  public List<RecordLink> links(RecordType<?, ?> type, String id, Optional<String> relation) {
    Checks.required("type", type);
    Checks.identifier("id", id);
    Checks.required("relation", relation);
    return asLoaded(actor -> {
      loadVisible(actor, type, id, null);
      return engine.storage.records().links(tenantId, type.ref(id), relation);
    });
  }

  // ---------------------------------------------------------------------------------------------------------------

  /** For a partner: the surface read that must be allowed before any record is looked at; null when it is. */
  private @Nullable AccessRequest partnerGate(Actor actor, RecordType<?, ?> type, @Nullable OccasionId occasion) {
    if (partnerId == null) {
      return null;
    }
    AccessRequest gate = AccessRequest.view(actor, tenantId, occasionOf(occasion), type.surface()).build();
    Decision d = engine.decider.decide(gate, facts(actor, occasionOf(occasion), type), engine.now());
    return d.allowed() ? null : gate;
  }

  private WorkspaceEngine.Prepared blockedAt(Actor actor, AccessRequest gate, RecordType<?, ?> type,
      @Nullable OccasionId occasion) {
    return new WorkspaceEngine.Prepared(gate, facts(actor, occasionOf(occasion), type), at -> {
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

  private DecisionFacts facts(Actor actor, OccasionId occasionId, RecordType<?, ?> type) {
    return engine.facts(actor, tenantId, occasionId, type);
  }

  /** Loads a record the actor may see, or throws not-found; compares the expected version only after that. */
  private <B, S extends Enum<S> & WireNamed> TypedRecord<B, S> loadVisible(Actor actor, RecordType<B, S> type, String id,
      @Nullable Long expectedVersion) {
    StoredRecord row = engine.storage.records().find(tenantId, type.ref(id)).orElseThrow(() -> notFound(type, id));
    TypedRecord<B, S> record = engine.codec.decode(type, row);
    if (partnerId != null && !mayView(actor, record, facts(actor, record.placement().occasionId(), type))) {
      throw notFound(type, id);
    }
    if (expectedVersion != null && record.version() != expectedVersion) {
      throw VersionConflictException.stale(type.wireName(), id, expectedVersion);
    }
    return record;
  }

  /** Whether a per-record view decision allows the actor to see {@code record}. */
  private boolean mayView(Actor actor, TypedRecord<?, ?> record, DecisionFacts facts) {
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

  /** What this actor reads of {@code record}: a partner session reads its body through the type's partner view. */
  private <B, S extends Enum<S> & WireNamed> TypedRecord<B, S> forReader(TypedRecord<B, S> record) {
    if (partnerId == null) {
      return record;
    }
    B view = Checks.required("partnerView(body)", record.type().partnerView(record.body()));
    if (view.equals(record.body())) {
      return record;
    }
    StoredRecord row = ImmutableStoredRecord.copyOf(engine.codec.encode(record)).withBody(engine.json.write(view));
    return engine.codec.decode(record.type(), row);
  }

  /**
   * Whether {@code relation} is the type's audience relation; its targets must then be people.
   *
   * @throws InvalidValueException when an audience link points at anything but an operator or a partner member
   */
  private static boolean audienceTarget(RecordType<?, ?> type, String relation, RecordRef to) {
    if (!type.audienceRelation().map(relation::equals).orElse(false)) {
      return false;
    }
    Checks.check(OPERATOR_PERSON.equals(to.type()) || MEMBER_PERSON.equals(to.type()), "to",
        relation + " links of " + type.wireName() + " must point at an " + OPERATOR_PERSON + " or a "
            + MEMBER_PERSON + ", but pointed at " + Checks.show(to.type()));
    return true;
  }

  /**
   * The people among {@code people} who could not see a record of {@code type} at {@code placement} with
   * {@code visibility}. Operators of the tenant see every record. A partner member is taken to be a member of the
   * partner the record is with, and can see it when the record is partner-visible and a per-record view decision
   * for that member, over that partner's grants, allows. The answer never depends on whether the person exists.
   */
  private Set<RecordRef> outOfReach(RecordType<?, ?> type, @Nullable String recordId, Placement placement,
      Visibility visibility, Set<RecordRef> people) {
    Set<RecordRef> unseen = new TreeSet<>();
    for (RecordRef person : people) {
      if (MEMBER_PERSON.equals(person.type())
          && !memberCanView(type, recordId == null ? "new-record" : recordId, placement, visibility, person.id())) {
        unseen.add(person);
      }
    }
    return unseen;
  }

  private boolean memberCanView(RecordType<?, ?> type, String recordId, Placement placement, Visibility visibility,
      String userId) {
    Optional<PartnerId> partner = placement.partnerId();
    if (visibility != Visibility.PARTNER_VISIBLE || partner.isEmpty()) {
      return false;
    }
    // the stored membership decides: a person with no active membership of the record's partner cannot see it
    Optional<PartnerMember> stored = engine.storage.directory().findMember(tenantId, partner.get(), UserId.of(userId));
    if (stored.isEmpty() || stored.get().status() != MembershipStatus.ACTIVE) {
      return false;
    }
    PartnerMember member = stored.get();
    AccessRequest view = AccessRequest.onRecord(member, tenantId, IntentKind.VIEW, type.surface(), placement,
        RecordAction.builder().type(type.wireName()).recordId(recordId).partnerId(partner).build()).build();
    return engine.decider.decide(view, engine.facts(member, tenantId, placement.occasionId(), type), engine.now())
        .allowed();
  }

  /**
   * The status of a placement parent that is a kernel record, a fact the type's rules read; the parent's visibility
   * to the actor was checked when the record was placed under it. A host entity parent has none.
   */
  private Optional<String> parentStatus(Placement placement) {
    Optional<RecordRef> parent = placement.parent();
    if (parent.isEmpty() || engine.types.find(parent.get().type()).isEmpty()) {
      return Optional.empty();
    }
    return engine.storage.records().find(tenantId, parent.get()).map(StoredRecord::status);
  }

  /** A link target of a known record type must exist and be visible; host entities are taken as named. */
  private void requireTarget(Actor actor, RecordRef to) {
    Optional<RecordType<?, ?>> targetType = engine.types.find(to.type());
    if (targetType.isPresent()) {
      loadVisible(actor, targetType.get(), to.id(), null);
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

  private WorkspaceEngine.Applied applied(Actor actor, TypedRecord<?, ?> record, String verb, String what, Instant at,
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
        record.visibility() == Visibility.INTERNAL_ONLY ? engine.event(tenantId, eventType, record.id(), event, at)
            : engine.event(tenantId, eventType, record.id(), engine.json.write(event), at, record.placement(),
                DataClass.PARTNER_RECORD));
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
