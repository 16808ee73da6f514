package dev.partnerkit.policy.surface;

import static dev.partnerkit.policy.surface.SurfaceWorld.ACME;
import static dev.partnerkit.policy.surface.SurfaceWorld.ACME_SYNC;
import static dev.partnerkit.policy.surface.SurfaceWorld.CEREMONY;
import static dev.partnerkit.policy.surface.SurfaceWorld.DANA;
import static dev.partnerkit.policy.surface.SurfaceWorld.LAKESIDE;
import static dev.partnerkit.policy.surface.SurfaceWorld.RECEPTION;
import static dev.partnerkit.policy.surface.SurfaceWorld.TENANT;
import static dev.partnerkit.policy.surface.SurfaceWorld.WEDDING;
import static dev.partnerkit.policy.surface.SurfaceWorld.require;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import dev.partnerkit.domain.AccessRequest;
import dev.partnerkit.domain.Actor;
import dev.partnerkit.domain.Decision;
import dev.partnerkit.domain.EventId;
import dev.partnerkit.domain.ImmutableIntegrationPrincipal;
import dev.partnerkit.domain.IntentKind;
import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.domain.JobId;
import dev.partnerkit.domain.Placement;
import dev.partnerkit.domain.ProductCapability;
import dev.partnerkit.domain.ProductScope;
import dev.partnerkit.domain.ReasonCode;
import dev.partnerkit.domain.RecordAction;
import dev.partnerkit.domain.RecordNotFoundException;
import dev.partnerkit.domain.RecordRef;
import dev.partnerkit.domain.RecordType;
import dev.partnerkit.domain.SourceTruth;
import dev.partnerkit.domain.Surface;
import dev.partnerkit.domain.UserId;
import dev.partnerkit.domain.Visibility;
import dev.partnerkit.domain.WireNamed;
import dev.partnerkit.policy.AccessDecider;
import dev.partnerkit.policy.DecisionFacts;
import dev.partnerkit.policy.GrantIndex;
import dev.partnerkit.policy.surface.blockers.BlockerId;
import dev.partnerkit.policy.surface.blockers.BlockerKind;
import dev.partnerkit.policy.surface.blockers.BlockerReport;
import dev.partnerkit.policy.surface.blockers.Blockers;
import dev.partnerkit.policy.surface.blockers.ResponseId;
import dev.partnerkit.policy.surface.blockers.WaiverBody;
import dev.partnerkit.policy.surface.comments.CommentId;
import dev.partnerkit.policy.surface.comments.Comments;
import dev.partnerkit.policy.surface.comments.Mention;
import dev.partnerkit.policy.surface.comments.ReactionKind;
import dev.partnerkit.policy.surface.comments.ThreadDraft;
import dev.partnerkit.policy.surface.comments.ThreadId;
import dev.partnerkit.policy.surface.comments.ThreadSubject;
import dev.partnerkit.policy.surface.documents.DocumentDraft;
import dev.partnerkit.policy.surface.documents.DocumentId;
import dev.partnerkit.policy.surface.documents.DocumentKind;
import dev.partnerkit.policy.surface.documents.DocumentUpload;
import dev.partnerkit.policy.surface.documents.DocumentVersionId;
import dev.partnerkit.policy.surface.documents.Documents;
import dev.partnerkit.policy.workspace.CommandResult;
import dev.partnerkit.policy.workspace.PartnerSession;
import dev.partnerkit.policy.workspace.RecordCommands;
import dev.partnerkit.spi.RecordQuery;
import dev.partnerkit.spi.StoredRecord;
import dev.partnerkit.spi.VersionConflictException;
import dev.partnerkit.spi.memory.InMemoryStorage;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * Properties of the documents, comments and blockers surfaces: no partner or integration command ever changes a
 * source truth (no host-truth record is created or changed by one, and no request that carries a surface's
 * never-promoted truths is allowed), and partner listings equal per-record checks.
 */
class SurfacePropertiesTest {
  static final long SEED = Long.getLong("partnerkit.seed", 20261201L);
  static final List<RecordType<?, ?>> TYPES = new ArrayList<>();

  static {
    TYPES.addAll(Documents.TYPES);
    TYPES.addAll(Comments.TYPES);
    TYPES.addAll(Blockers.TYPES);
  }

  /** A populated world: every type has records, Acme's and Lakeside's, at both events and none. */
  static final class Populated {
    final SurfaceWorld w = new SurfaceWorld(InMemoryStorage.create());
    final List<Actor> actors = List.of(DANA, ImmutableIntegrationPrincipal.copyOf(ACME_SYNC), ACME_SYNC,
        SurfaceWorld.VERA);
    final List<PartnerSession> sessions = new ArrayList<>();

    Populated() {
      w.wideGrant(ACME);
      w.wideGrant(LAKESIDE);
      w.machineGrant();
      populate(w);
      for (Actor a : actors) {
        sessions.add(w.session(a));
      }
    }

    /** Gives every type records, Acme's and Lakeside's, at both events and none, made by Maya. */
    static void populate(SurfaceWorld w) {
      for (var partner : List.of(ACME, LAKESIDE)) {
        for (EventId event : new EventId[] {RECEPTION, CEREMONY, null}) {
          var draft = DocumentDraft.builder().occasionId(WEDDING).partnerId(partner)
              .title("Plan").kind(DocumentKind.FLOOR_PLAN).eventId(java.util.Optional.ofNullable(event));
          DocumentId doc = DocumentId.of(require(w.ops.documents().register(w.key(), draft.build())).recordId()
              .orElseThrow());
          require(w.ops.documents().upload(w.key(), doc, upload()));
          require(w.ops.documents().tag(w.key(), doc, "plan"));
          require(w.ops.documents().grantAccess(w.key(), doc, "shared"));
          BlockerId blocker = BlockerId.of(require(w.ops.blockers().report(w.key(), BlockerReport.builder()
              .occasionId(WEDDING).eventId(java.util.Optional.ofNullable(event)).partnerId(partner)
              .jobId(JobId.of("job-1")).kind(BlockerKind.RENTAL).missingProof("note").build())).recordId()
              .orElseThrow());
          require(w.ops.blockers().recordWaiver(w.key(), blocker, WaiverBody.of("counted", "Maya")));
          require(w.ops.blockers().recordAssignment(w.key(), blocker, Blockers.ASSIGNMENT.example()));
          ThreadId thread = ThreadId.of(require(w.ops.comments().startThread(w.key(), ThreadDraft.builder()
              .subject(ThreadSubject.blocker(blocker.value())).title("About it").build())).recordId()
              .orElseThrow());
          CommentId comment = CommentId.of(require(w.ops.comments().post(w.key(), thread, "hello", Set.of(),
              event == null ? Visibility.INTERNAL_ONLY : Visibility.PARTNER_VISIBLE)).recordId().orElseThrow());
          require(w.ops.comments().react(w.key(), comment, ReactionKind.EYES));
          require(w.ops.records().createUnder(w.key(), Blockers.RESPONSE, Blockers.OBSERVATION.ref(
              blocker.value()), Visibility.PARTNER_VISIBLE, Blockers.RESPONSE.example(), List.of()));
        }
      }
    }

    static DocumentUpload upload() {
      return DocumentUpload.builder().title("p.pdf").mediaType("application/pdf").sizeBytes(5)
          .contentHash("sha256:" + "ee".repeat(32)).storageKey("k").build();
    }

    /** Every stored record of the three surfaces, by reference. */
    Map<RecordRef, StoredRecord> snapshot() {
      Map<RecordRef, StoredRecord> out = new TreeMap<>();
      for (RecordType<?, ?> t : TYPES) {
        for (StoredRecord r : w.storage.records().list(TENANT, RecordQuery.of(t.wireName(), WEDDING)
            .limit(RecordQuery.MAX_LIMIT).build())) {
          out.put(r.ref(), r);
        }
      }
      return out;
    }

    List<RecordRef> refs(Map<RecordRef, StoredRecord> snapshot, RecordType<?, ?> type) {
      return snapshot.keySet().stream().filter(r -> r.type().equals(type.wireName())).toList();
    }
  }

  @Test
  void noPartnerOrIntegrationCommandEverChangesASourceTruth() {
    AtomicInteger allowed = new AtomicInteger();
    AtomicInteger commands = new AtomicInteger();
    AtomicInteger created = new AtomicInteger();
    Gen<List<Integer>> programs = SourceDSL.lists().of(SourceDSL.integers().between(0, Integer.MAX_VALUE))
        .ofSizeBetween(1, 14);
    qt().withFixedSeed(SEED).withExamples(25).forAll(programs).checkAssert(program -> {
      Populated p = new Populated();
      Map<RecordRef, StoredRecord> before = p.snapshot();
      for (int spec : program) {
        commands.incrementAndGet();
        CommandResult result = run(p, spec, before);
        if (result != null && result.applied()) {
          allowed.incrementAndGet();
          assertEquals(ReasonCode.ALLOWED_BY_GRANT, result.decision().reason());
          assertTrue(result.decision().checks().contains(dev.partnerkit.domain.DecisionCheck.SOURCE_TRUTH));
        }
        Map<RecordRef, StoredRecord> after = p.snapshot();
        for (Map.Entry<RecordRef, StoredRecord> e : after.entrySet()) {
          RecordType<?, ?> type = typeOf(e.getKey());
          StoredRecord was = before.get(e.getKey());
          if (!type.hostTruths().isEmpty()) {
            assertEquals(was, e.getValue(), "a host truth changed by a partner command: " + e.getKey());
          }
          if (was == null) {
            created.incrementAndGet();
            assertFalse(e.getValue().createdBy().startsWith("operator:"), e.getKey().toString());
            assertTrue(type.hostTruths().isEmpty(), "a partner created a host-truth record " + e.getKey());
          }
        }
        assertTrue(after.keySet().containsAll(before.keySet()), "nothing disappears");
        before = after;
      }
    });
    assertTrue(allowed.get() > commands.get() / 20, "some commands were allowed: " + allowed + "/" + commands);
    assertTrue(created.get() >= 5, "partner commands created evidence records: " + created);
  }

  /** Decodes one random command of a partner-side actor and runs it; null when it threw a refusal. */
  private static CommandResult run(Populated p, int spec, Map<RecordRef, StoredRecord> records) {
    int actor = spec % p.actors.size();
    int rest = spec / p.actors.size();
    PartnerSession session = p.sessions.get(actor);
    RecordCommands rc = session.records();
    RecordType<?, ?> type = TYPES.get(rest % TYPES.size());
    rest /= TYPES.size();
    int op = rest % 9;
    rest /= 9;
    List<RecordRef> all = new ArrayList<>(records.keySet());
    RecordRef target = all.get(rest % all.size());
    List<RecordRef> ofType = p.refs(records, type);
    String id = ofType.isEmpty() ? "none" : ofType.get(rest % ofType.size()).id();
    String key = "prop-" + spec + "-" + p.w.key();
    try {
      switch (op) {
        case 0:
          return create(rc, type, Placement.builder().occasionId(WEDDING).partnerId(session.actor().actingPartner())
              .eventId(java.util.Optional.ofNullable(rest % 3 == 0 ? null : rest % 3 == 1 ? RECEPTION : CEREMONY))
              .build(), rest % 4 == 0 ? Visibility.INTERNAL_ONLY : Visibility.PARTNER_VISIBLE, key);
        case 1:
          return createUnder(rc, type, target, key);
        case 2:
          return transition(rc, type, id, rest, key);
        case 3:
          return revise(rc, type, id, key);
        case 4:
        case 5:
          if (type.relations().isEmpty()) {
            return null;
          }
          String relation = new ArrayList<>(type.relations()).get(rest % type.relations().size());
          RecordRef to = type.audienceRelation().map(relation::equals).orElse(false)
              ? RecordRef.of(rest % 2 == 0 ? "operator" : "partner_member", "u-" + (rest % 5)) : target;
          return op == 4 ? rc.link(key, type, id, relation, to) : rc.unlink(key, type, id, relation, to);
        default:
          return facade(session, op, rest, target, key);
      }
    } catch (RecordNotFoundException | InvalidValueException | VersionConflictException expected) {
      return null;
    }
  }

  private static CommandResult facade(PartnerSession s, int op, int rest, RecordRef target, String key) {
    String id = target.id();
    switch ((op * 7 + rest) % 9) {
      case 0:
        return s.documents().upload(key, DocumentId.of(id), Populated.upload());
      case 1:
        return s.documents().tag(key, DocumentId.of(id), "t" + rest % 3);
      case 2:
        return s.comments().post(key, ThreadId.of(id), "hi", Set.of(Mention.member(UserId.of("u-" + rest % 4))));
      case 3:
        return s.comments().react(key, CommentId.of(id), ReactionKind.CHECK);
      case 4:
        return s.blockers().confirm(key, BlockerId.of(id), "ok");
      case 5:
        return s.blockers().requestWaiver(key, BlockerId.of(id), "please waive");
      case 6:
        return s.blockers().uploadEvidence(key, BlockerId.of(id), DocumentVersionId.of(id), "here");
      case 7:
        return s.blockers().withdraw(key, ResponseId.of(id));
      default:
        return s.documents().untag(key, id);
    }
  }

  private static <B, S extends Enum<S> & WireNamed> CommandResult create(RecordCommands rc, RecordType<B, S> type,
      Placement placement, Visibility visibility, String key) {
    return rc.create(key, type, placement, visibility, type.example(), List.of());
  }

  private static <B, S extends Enum<S> & WireNamed> CommandResult createUnder(RecordCommands rc,
      RecordType<B, S> type, RecordRef parent, String key) {
    return rc.createUnder(key, type, parent, Visibility.PARTNER_VISIBLE, type.example(), List.of());
  }

  private static <B, S extends Enum<S> & WireNamed> CommandResult transition(RecordCommands rc,
      RecordType<B, S> type, String id, int pick, String key) {
    S[] statuses = type.lifecycle().statusType().getEnumConstants();
    return rc.transition(key, type, id, statuses[pick % statuses.length], null);
  }

  private static <B, S extends Enum<S> & WireNamed> CommandResult revise(RecordCommands rc, RecordType<B, S> type,
      String id, String key) {
    return rc.revise(key, type, id, type.example(), null);
  }

  private static RecordType<?, ?> typeOf(RecordRef ref) {
    return TYPES.stream().filter(t -> t.wireName().equals(ref.type())).findFirst().orElseThrow();
  }

  @Test
  void noRequestCarryingASurfacesNeverPromotedTruthsIsEverAllowedForAPartnerOrIntegration() {
    DecisionFacts base = DecisionFacts.builder().tenant(dev.partnerkit.domain.Tenant.of(TENANT, "Toni Catering",
        java.time.ZoneId.of("America/Chicago"))).productScope(ProductScope.of(WEDDING,
        Set.of(ProductCapability.VENDOR_ACCESS))).partner(dev.partnerkit.domain.Partner.builder().tenantId(TENANT)
        .partnerId(ACME).name("Acme Rentals").kind(dev.partnerkit.domain.PartnerKind.RENTAL_COMPANY).build())
        .grants(GrantIndex.of(List.of(dev.partnerkit.domain.AccessGrant.builder()
            .grantId(dev.partnerkit.domain.GrantId.of("g-1")).tenantId(TENANT).partnerId(ACME)
            .scope(dev.partnerkit.domain.GrantScope.builder().occasionId(WEDDING).addSurfaces(Surface.values())
                .build()).capabilities(EnumSet.allOf(dev.partnerkit.domain.PartnerCapability.class))
            .status(dev.partnerkit.domain.GrantStatus.ACTIVE).validFrom(SurfaceWorld.FROM)
            .issuedBy(UserId.of("u-maya")).build(),
            dev.partnerkit.domain.AccessGrant.builder().grantId(dev.partnerkit.domain.GrantId.of("g-2"))
                .tenantId(TENANT).partnerId(ACME).integrationPrincipal(ACME_SYNC.principalId())
                .scope(dev.partnerkit.domain.GrantScope.builder().occasionId(WEDDING).addSurfaces(Surface.values())
                    .build()).capabilities(EnumSet.allOf(dev.partnerkit.domain.PartnerCapability.class))
                .status(dev.partnerkit.domain.GrantStatus.ACTIVE).validFrom(SurfaceWorld.FROM)
                .issuedBy(UserId.of("u-maya")).build()))).build();
    List<Actor> actors = List.of(DANA, ImmutableIntegrationPrincipal.copyOf(ACME_SYNC).withWriteEnabled(true));
    List<IntentKind> intents = List.of(IntentKind.CREATE, IntentKind.TRANSITION, IntentKind.REVISE, IntentKind.LINK,
        IntentKind.UNLINK);
    AccessDecider decider = AccessDecider.create();
    AtomicInteger withoutEffectsAllowed = new AtomicInteger();
    qt().withFixedSeed(SEED).withExamples(1000).forAll(SourceDSL.integers().between(0, Integer.MAX_VALUE),
        SourceDSL.integers().between(1, (1 << SourceTruth.values().length) - 1)).checkAssert((pick, mask) -> {
          RecordType<?, ?> type = TYPES.get(pick % TYPES.size());
          Actor actor = actors.get((pick / TYPES.size()) % actors.size());
          IntentKind intent = intents.get((pick / TYPES.size() / actors.size()) % intents.size());
          Set<SourceTruth> truths = EnumSet.noneOf(SourceTruth.class);
          truths.addAll(type.hostTruths());
          for (SourceTruth t : type.surface().neverPromotes()) {
            if ((mask & (1 << t.ordinal())) != 0) {
              truths.add(t);
            }
          }
          if (truths.isEmpty()) {
            truths.add(type.surface().neverPromotes().iterator().next());
          }
          AccessRequest request = request(actor, type, intent, pick).effects(truths).build();
          DecisionFacts facts = DecisionFacts.builder().from(base).recordType(type).build();
          Decision d = decider.decide(request, facts, SurfaceWorld.FROM.plusSeconds(3600));
          assertFalse(d.allowed(), d::render);
          if (type.hostTruths().isEmpty()) {
            Decision clean = decider.decide(request(actor, type, intent, pick).build(), facts,
                SurfaceWorld.FROM.plusSeconds(3600));
            if (clean.allowed()) {
              withoutEffectsAllowed.incrementAndGet();
              assertEquals(ReasonCode.SOURCE_TRUTH_PROTECTED, d.reason(), "the guard is what blocks");
            }
          }
        });
    assertTrue(withoutEffectsAllowed.get() > 50, "the same requests without effects are allowed: "
        + withoutEffectsAllowed);
  }

  private static <S extends Enum<S> & WireNamed> dev.partnerkit.domain.ImmutableAccessRequest.Builder request(
      Actor actor, RecordType<?, S> type, IntentKind intent, int pick) {
    S[] statuses = type.lifecycle().statusType().getEnumConstants();
    var action = RecordAction.builder().type(type.wireName()).title("x").partnerId(ACME);
    if (intent != IntentKind.CREATE) {
      action.recordId("r-" + pick % 7);
    }
    if (intent == IntentKind.TRANSITION) {
      dev.partnerkit.domain.Lifecycle.Transition<S> t = type.lifecycle().transitions()
          .get(pick % type.lifecycle().transitions().size());
      action.fromStatus(t.from().wireName()).toStatus(t.to().wireName());
    }
    if (intent == IntentKind.LINK || intent == IntentKind.UNLINK) {
      action.relation(type.relations().isEmpty() ? "relates_to" : type.relations().iterator().next());
    }
    return AccessRequest.onRecord(actor, TENANT, intent, type.surface(), Placement.builder().occasionId(WEDDING)
        .partnerId(ACME).eventId(pick % 2 == 0 ? RECEPTION : CEREMONY).build(), action.build());
  }

  @Test
  void partnerListingsOfEveryTypeEqualPerRecordChecks() {
    AtomicInteger seen = new AtomicInteger();
    Gen<List<Integer>> grantShapes = SourceDSL.lists().of(SourceDSL.integers().between(0, 7)).ofSizeBetween(1, 3);
    qt().withFixedSeed(SEED).withExamples(12).forAll(grantShapes).checkAssert(shapes -> {
      SurfaceWorld w = new SurfaceWorld(InMemoryStorage.create());
      for (int shape : shapes) {
        Set<EventId> events = new HashSet<>();
        if ((shape & 1) != 0) {
          events.add(RECEPTION);
        }
        if ((shape & 2) != 0) {
          events.add(CEREMONY);
        }
        var g = w.grant(ACME, events);
        if ((shape & 4) != 0) {
          w.ops.suspendGrant(w.key(), g);
        }
      }
      w.wideGrant(LAKESIDE);
      Populated.populate(w);
      var opening = w.opening(DANA);
      if (opening.session().isEmpty()) {
        return;
      }
      PartnerSession dana = opening.session().get();
      DecisionFacts facts = DecisionFacts.builder().tenant(w.storage.directory().findTenant(TENANT).orElseThrow())
          .productScope(ProductScope.of(WEDDING, Set.of(ProductCapability.VENDOR_ACCESS)))
          .partner(w.storage.directory().findPartner(TENANT, ACME))
          .grants(GrantIndex.of(w.storage.grants().findByPartner(TENANT, ACME))).build();
      for (RecordType<?, ?> type : TYPES) {
        Set<String> listed = new TreeSet<>();
        dana.records().list(type, RecordQuery.of(type.wireName(), WEDDING).limit(RecordQuery.MAX_LIMIT).build())
            .items().forEach(r -> listed.add(r.id()));
        Set<String> expected = new TreeSet<>();
        for (StoredRecord r : w.storage.records().list(TENANT, RecordQuery.of(type.wireName(), WEDDING)
            .limit(RecordQuery.MAX_LIMIT).build())) {
          if (r.visibility() != Visibility.PARTNER_VISIBLE || !r.placement().partnerId().equals(
              java.util.Optional.of(ACME))) {
            continue;
          }
          AccessRequest view = AccessRequest.onRecord(DANA, TENANT, IntentKind.VIEW, type.surface(), r.placement(),
              RecordAction.builder().type(type.wireName()).recordId(r.ref().id()).partnerId(ACME).build()).build();
          if (AccessDecider.create().decide(view, DecisionFacts.builder().from(facts).recordType(type).build(),
              w.clock.instant()).allowed()) {
            expected.add(r.ref().id());
          }
        }
        assertEquals(expected, listed, type.wireName() + " with grants " + shapes);
        seen.addAndGet(listed.size());
      }
      assertEquals(dana.documents().list().items().size(), new TreeSet<>(dana.records().list(Documents.TYPE,
          RecordQuery.of(Documents.TYPE.wireName(), WEDDING).build()).items().stream().map(r -> r.id()).toList())
          .size());
    });
    assertTrue(seen.get() > 50, "the listings were not empty: " + seen);
  }
}
