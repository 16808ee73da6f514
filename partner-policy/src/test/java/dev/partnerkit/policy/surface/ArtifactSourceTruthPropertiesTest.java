package dev.partnerkit.policy.surface;

import static dev.partnerkit.policy.surface.ArtifactSurfaceWorld.ACME;
import static dev.partnerkit.policy.surface.ArtifactSurfaceWorld.LAKESIDE;
import static dev.partnerkit.policy.surface.ArtifactSurfaceWorld.LAKESIDE_SYNC;
import static dev.partnerkit.policy.surface.ArtifactSurfaceWorld.RECEPTION;
import static dev.partnerkit.policy.surface.ArtifactSurfaceWorld.TENANT;
import static dev.partnerkit.policy.surface.ArtifactSurfaceWorld.VERA;
import static dev.partnerkit.policy.surface.ArtifactSurfaceWorld.WEDDING;
import static dev.partnerkit.policy.surface.ArtifactSurfaceWorld.item;
import static dev.partnerkit.policy.surface.ArtifactSurfaceWorld.proposal;
import static dev.partnerkit.policy.surface.ArtifactSurfaceWorld.require;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import dev.partnerkit.domain.ImmutableIntegrationPrincipal;
import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.domain.RecordNotFoundException;
import dev.partnerkit.domain.RecordRef;
import dev.partnerkit.domain.RecordType;
import dev.partnerkit.domain.SourceTruth;
import dev.partnerkit.domain.Surface;
import dev.partnerkit.domain.Visibility;
import dev.partnerkit.policy.surface.annotations.AnnotationAnchor;
import dev.partnerkit.policy.surface.annotations.AnnotationDraft;
import dev.partnerkit.policy.surface.annotations.AnnotationId;
import dev.partnerkit.policy.surface.annotations.AnnotationRegion;
import dev.partnerkit.policy.surface.annotations.Annotations;
import dev.partnerkit.policy.surface.approvals.ApprovalDraft;
import dev.partnerkit.policy.surface.approvals.ApprovalOutcome;
import dev.partnerkit.policy.surface.approvals.ApprovalRequestBody;
import dev.partnerkit.policy.surface.approvals.ApprovalRequestId;
import dev.partnerkit.policy.surface.approvals.ApprovalRequestStatus;
import dev.partnerkit.policy.surface.approvals.Approvals;
import dev.partnerkit.policy.surface.approvals.DecisionDraft;
import dev.partnerkit.policy.surface.approvals.ImmutableDecisionDraft;
import dev.partnerkit.policy.surface.runofshow.RunOfShowId;
import dev.partnerkit.policy.surface.runofshow.RunOfShowItemKind;
import dev.partnerkit.policy.surface.runofshow.RunOfShowVersionId;
import dev.partnerkit.policy.surface.runofshow.RunOfShowVersionStatus;
import dev.partnerkit.policy.surface.runofshow.RunsOfShow;
import dev.partnerkit.policy.surface.tasks.TaskDraft;
import dev.partnerkit.policy.surface.tasks.Tasks;
import dev.partnerkit.policy.workspace.CommandResult;
import dev.partnerkit.policy.workspace.Contribution;
import dev.partnerkit.policy.workspace.PartnerSession;
import dev.partnerkit.policy.workspace.RecordTypes;
import dev.partnerkit.spi.OutboxEvent;
import dev.partnerkit.spi.RecordQuery;
import dev.partnerkit.spi.StoredRecord;
import dev.partnerkit.spi.VersionConflictException;
import dev.partnerkit.spi.memory.InMemoryStorage;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/**
 * No sequence of partner or integration commands on the run-of-show, approvals and annotations surfaces — through the
 * typed facades or the generic record commands, valid or not — changes a source truth those surfaces must never
 * promote ({@link Surface#neverPromotes()}). The library writes no source truth itself; what it holds that a truth
 * could hang on is operator-owned and is compared before and after, truth by truth:
 *
 * <ul>
 *   <li>schedule assignment: the runs of show and every version's publication (only operators publish or decline);
 *   <li>job readiness clearance: the tasks and the approval requests (operators move them);
 *   <li>proposal acceptance: the approval requests on the host's proposal artifact versions;
 *   <li>payment settlement and provider delivery: the library holds none, so what could tell a host otherwise is an
 *       event: every event the partners' commands emit is about their own evidence records, nothing else.
 * </ul>
 * Partner commands leave only evidence: decisions, annotations (and their trails), proposed or withdrawn run-of-show
 * versions, all with the partner and partner-visible.
 */
class ArtifactSourceTruthPropertiesTest {
  static final long SEED = Long.getLong("partnerkit.seed", 20261110L);
  static final int EXAMPLES = 100;
  static final Set<String> EVIDENCE_EVENTS = Set.of("approval_decision.created", "annotation.created",
      "annotation.moved", "run_of_show_version.created", "run_of_show_version.moved");
  static final Set<SourceTruth> GUARDED = guarded();
  static final AtomicInteger APPLIED = new AtomicInteger();
  static final AtomicInteger BLOCKED = new AtomicInteger();
  static final AtomicInteger THROWN = new AtomicInteger();

  private static Set<SourceTruth> guarded() {
    Set<SourceTruth> all = EnumSet.noneOf(SourceTruth.class);
    for (Surface s : List.of(Surface.RUN_OF_SHOW, Surface.APPROVALS, Surface.ANNOTATIONS)) {
      all.addAll(s.neverPromotes());
    }
    return all;
  }

  /** A world with something of everything to aim at, set up by Maya. */
  static final class Stage {
    final ArtifactSurfaceWorld w = new ArtifactSurfaceWorld(InMemoryStorage.create());
    final List<RecordRef> pins = new ArrayList<>();
    final List<ApprovalRequestId> requests = new ArrayList<>();
    final List<AnnotationId> annotations = new ArrayList<>();
    final List<RunOfShowId> shows = new ArrayList<>();
    final List<RunOfShowVersionId> versions = new ArrayList<>();
    final List<RecordRef> decisions = new ArrayList<>();
    final RecordRef hostArtifact = RecordRef.of("proposal_artifact", "pa-menu");

    Stage(boolean integrationWrites) {
      String plan = w.document(LAKESIDE, "Floor plan");
      RecordRef v1 = w.documentVersion(LAKESIDE, plan, 1, Visibility.PARTNER_VISIBLE);
      RecordRef v2 = w.documentVersion(LAKESIDE, plan, 2, Visibility.PARTNER_VISIBLE);
      String acmes = w.document(ACME, "Acme's plan");
      RecordRef acmeV1 = w.documentVersion(ACME, acmes, 1, Visibility.PARTNER_VISIBLE);
      RunOfShowId show = w.runOfShow(LAKESIDE);
      RunOfShowId acmeShow = w.runOfShow(ACME);
      shows.addAll(List.of(show, acmeShow, RunOfShowId.of("ros-missing")));
      RunOfShowVersionId rv1 = w.publishedVersion(show, 0, "Published");
      versions.addAll(List.of(rv1, w.publishedVersion(acmeShow, 0, "Acme's")));
      RecordRef rosV1 = RunsOfShow.VERSION.ref(rv1.value());
      pins.addAll(List.of(v1, v2, TestDocuments.DOCUMENT.ref(plan), rosV1, RunsOfShow.TYPE.ref(show.value()),
          acmeV1, RecordRef.of(ArtifactPin.PROPOSAL_ARTIFACT_VERSION, "pav-2"), TestDocuments.VERSION.ref("nope")));
      for (RecordRef pin : List.of(v2, rosV1, acmeV1)) {
        requests.add(ApprovalRequestId.of(require(w.ops.approvals().request(w.key(), ApprovalDraft.builder()
            .pin(ArtifactPin.of(pin)).title("Approve " + pin.id()).build())).recordId().orElseThrow()));
      }
      requests.add(ApprovalRequestId.of(require(w.ops.approvals().request(w.key(), ApprovalDraft.builder()
          .pin(ArtifactPin.hostVersion("pav-2", hostArtifact, 2)).occasionId(WEDDING).eventId(RECEPTION)
          .partnerId(LAKESIDE).title("Approve the menu").build())).recordId().orElseThrow()));
      requests.add(ApprovalRequestId.of("ar-missing"));
      annotations.add(AnnotationId.of(require(w.ops.annotations().annotate(w.key(), AnnotationDraft.builder()
          .pin(ArtifactPin.of(v2)).anchor(AnnotationAnchor.item("exit")).text("Maya's note").build(),
          Visibility.PARTNER_VISIBLE)).recordId().orElseThrow()));
      require(w.ops.tasks().create(w.key(), TaskDraft.builder().occasionId(WEDDING).partnerId(LAKESIDE)
          .title("Confirm the floor plan").build()));
      w.artifactGrant(LAKESIDE);
      w.grant(dev.partnerkit.policy.workspace.GrantDraft.builder().partnerId(LAKESIDE)
          .integrationPrincipal(LAKESIDE_SYNC.principalId())
          .scope(dev.partnerkit.domain.GrantScope.builder().occasionId(WEDDING)
              .surfaces(ArtifactSurfaceWorld.ARTIFACT_SURFACES).addSurfaces(Surface.PROPOSAL_OPTIONS).build())
          .capabilities(ArtifactSurfaceWorld.ARTIFACT_CAPABILITIES)
          .addCapabilities(dev.partnerkit.domain.PartnerCapability.RECOMMEND_PROPOSAL_OPTION)
          .validFrom(ArtifactSurfaceWorld.FROM).build());
      this.sessions = List.of(w.session(VERA), w.session(ImmutableIntegrationPrincipal.copyOf(LAKESIDE_SYNC)
          .withWriteEnabled(integrationWrites)));
    }

    final List<PartnerSession> sessions;

    <T> T pick(List<T> values, int n) {
      return values.get(Math.floorMod(n, values.size()));
    }

    /** Runs one partner command decoded from {@code n}; refusals (blocked, not found, invalid, conflict) are fine. */
    void run(int n) {
      PartnerSession s = pick(sessions, n);
      int a = n / 2;
      int b = n / 7;
      String key = w.key();
      try {
        CommandResult r = switch (Math.floorMod(n / 3, 12)) {
          case 0 -> s.approvals().decide(key, pick(requests, a), decision(a, b));
          case 1 -> {
            ArtifactPin pin = b % 5 == 0 ? ArtifactPin.hostVersion("pav-" + (1 + b % 3), hostArtifact, 1 + b % 3)
                : ArtifactPin.of(pick(pins, b));
            yield s.annotations().annotate(key, AnnotationDraft.builder().pin(pin).anchor(b % 2 == 0
                ? AnnotationAnchor.item("bar") : AnnotationAnchor.region(1, AnnotationRegion.of(0, 0, 100, 100)))
                .text("Note " + n).build());
          }
          case 2 -> s.annotations().resolve(key, pick(annotations, a), Optional.of("done " + b));
          case 3 -> s.annotations().reopen(key, pick(annotations, a), Optional.empty());
          case 4 -> s.runOfShow().propose(key, proposal(pick(shows, a), b % 4, "Proposal " + n,
              item("x" + b % 3, RunOfShowItemKind.SETUP, "Set-up", "2026-11-14T1" + b % 10 + ":00")));
          case 5 -> s.runOfShow().withdraw(key, pick(versions, a));
          case 6 -> s.records().transition(key, RunsOfShow.VERSION, pick(versions, a).value(),
              b % 2 == 0 ? RunOfShowVersionStatus.PUBLISHED : RunOfShowVersionStatus.DECLINED, null);
          case 7 -> s.records().transition(key, Approvals.REQUEST, pick(requests, a).value(),
              pick(List.of(ApprovalRequestStatus.values()), b), null);
          case 8 -> revise(s, key, a);
          case 9 -> s.records().create(key, Approvals.REQUEST, w.ops.records().get(Approvals.REQUEST,
              requests.get(0).value()).items().get(0).placement(), Visibility.PARTNER_VISIBLE,
              ApprovalRequestBody.builder().title("Self-approved").build(), List.of());
          case 10 -> s.contribute(key, Contribution.builder().surface(pick(List.of(Surface.APPROVALS,
              Surface.ANNOTATIONS, Surface.RUN_OF_SHOW, Surface.PROPOSAL_OPTIONS), a)).summary("accept it")
              .effects(Set.of(pick(List.copyOf(GUARDED), b))).build());
          default -> s.records().link(key, Annotations.TYPE, pick(annotations, a).value(), Annotations.PINS,
              RecordRef.of("proposal", "accepted"));
        };
        (r.applied() ? APPLIED : BLOCKED).incrementAndGet();
        if (r.applied() && r.recordId().isPresent()) {
          Optional<String> created = r.recordId();
          if (Math.floorMod(n / 3, 12) == 1) {
            annotations.add(AnnotationId.of(created.get()));
          } else if (Math.floorMod(n / 3, 12) == 4) {
            versions.add(RunOfShowVersionId.of(created.get()));
          } else if (Math.floorMod(n / 3, 12) == 0) {
            decisions.add(Approvals.DECISION.ref(created.get()));
          }
        }
      } catch (RecordNotFoundException | InvalidValueException | VersionConflictException refused) {
        THROWN.incrementAndGet(); // a refusal is no change
      }
    }

    private static DecisionDraft decision(int a, int b) {
      ImmutableDecisionDraft.Builder d = DecisionDraft.builder().versionNumber(1 + Math.floorMod(a, 3));
      return switch (Math.floorMod(b, 3)) {
        case 0 -> d.outcome(ApprovalOutcome.APPROVE).build();
        case 1 -> d.outcome(ApprovalOutcome.APPROVE_WITH_CHANGES).addChanges("Move the bar").build();
        default -> d.outcome(ApprovalOutcome.REJECT).note("No").build();
      };
    }

    private CommandResult revise(PartnerSession s, String key, int a) {
      if (!decisions.isEmpty() && a % 2 == 0) {
        RecordRef d = pick(decisions, a);
        return s.records().revise(key, Approvals.DECISION, d.id(), w.ops.records().get(Approvals.DECISION, d.id())
            .items().get(0).body(), null);
      }
      AnnotationId id = pick(annotations, a);
      return s.records().revise(key, Annotations.TYPE, id.value(), w.ops.records().get(Annotations.TYPE,
          id.value()).items().get(0).body(), null);
    }
  }

  /** What each guarded truth could hang on in the library, as comparable text. */
  static Map<SourceTruth, String> proxies(ArtifactSurfaceWorld w) {
    Map<SourceTruth, String> out = new EnumMap<>(SourceTruth.class);
    String schedule = rows(w, RunsOfShow.TYPE, false) + rows(w, RunsOfShow.VERSION, true);
    String readiness = rows(w, Tasks.TYPE, false) + rows(w, Approvals.REQUEST, false);
    StringBuilder proposals = new StringBuilder();
    for (StoredRecord r : w.storage.records().list(TENANT, RecordQuery.of(Approvals.REQUEST.wireName(), WEDDING)
        .limit(RecordQuery.MAX_LIMIT).build())) {
      if (r.body().contains(ArtifactPin.PROPOSAL_ARTIFACT_VERSION)) {
        proposals.append(r.ref()).append('@').append(r.version()).append(r.status()).append(r.body());
      }
    }
    Set<String> hostEvents = new TreeSet<>();
    for (OutboxEvent e : events(w)) {
      if (!EVIDENCE_EVENTS.contains(e.type())) {
        hostEvents.add(e.eventId() + " " + e.type());
      }
    }
    for (SourceTruth t : GUARDED) {
      out.put(t, switch (t) {
        case SCHEDULE_ASSIGNMENT -> schedule;
        case READINESS_CLEARANCE -> readiness;
        case PROPOSAL_ACCEPTANCE -> proposals.toString();
        default -> hostEvents.toString();
      });
    }
    return out;
  }

  /** Every record of {@code type}: ref, version and status, or, for run-of-show versions, publication only. */
  static String rows(ArtifactSurfaceWorld w, RecordType<?, ?> type, boolean publicationOnly) {
    StringBuilder out = new StringBuilder(type.wireName()).append(':');
    for (StoredRecord r : w.storage.records().list(TENANT, RecordQuery.of(type.wireName(), WEDDING)
        .limit(RecordQuery.MAX_LIMIT).build())) {
      if (publicationOnly) {
        if (r.status().equals("published") || r.status().equals("declined")) {
          out.append(r.ref().id()).append('=').append(r.status()).append(' ');
        }
      } else {
        out.append(r.ref().id()).append('@').append(r.version()).append('=').append(r.status()).append(' ');
      }
    }
    return out.toString();
  }

  static List<OutboxEvent> events(ArtifactSurfaceWorld w) {
    return w.storage.unitOfWork().inTransaction(() -> w.storage.outbox().claimPending(TENANT, 500));
  }

  @Test
  void noPartnerOrIntegrationCommandOnTheseSurfacesChangesASourceTruth() {
    qt().withFixedSeed(SEED).withExamples(EXAMPLES)
        .forAll(SourceDSL.booleans().all(), SourceDSL.lists().of(SourceDSL.integers().between(0, 1_000_000))
            .ofSizeBetween(1, 12))
        .checkAssert((integrationWrites, script) -> {
          Stage stage = new Stage(integrationWrites);
          Map<SourceTruth, String> before = proxies(stage.w);
          Set<String> eventsBefore = new HashSet<>();
          events(stage.w).forEach(e -> eventsBefore.add(e.eventId()));
          Map<String, Long> evidenceBefore = evidence(stage.w);
          for (int n : script) {
            stage.run(n);
          }
          Map<SourceTruth, String> after = proxies(stage.w);
          for (SourceTruth t : GUARDED) {
            assertEquals(before.get(t), after.get(t), () -> t.label() + " changed after " + script);
          }
          for (OutboxEvent e : events(stage.w)) {
            if (!eventsBefore.contains(e.eventId())) {
              assertTrue(EVIDENCE_EVENTS.contains(e.type()), () -> e.type() + " after " + script);
            }
          }
          // whatever the partners added is theirs and visible to them
          for (RecordType<?, ?> type : RecordTypes.builtIn()) {
            for (StoredRecord r : stage.w.storage.records().list(TENANT, RecordQuery.of(type.wireName(), WEDDING)
                .limit(RecordQuery.MAX_LIMIT).build())) {
              if (r.createdBy().startsWith("partner_member") || r.createdBy().startsWith("integration")) {
                assertEquals(Optional.of(LAKESIDE), r.placement().partnerId(), r::toString);
                assertEquals(Visibility.PARTNER_VISIBLE, r.visibility(), r::toString);
              }
            }
          }
          Map<String, Long> evidenceAfter = evidence(stage.w);
          for (Map.Entry<String, Long> e : evidenceBefore.entrySet()) {
            assertTrue(evidenceAfter.getOrDefault(e.getKey(), -1L) >= e.getValue(), "no evidence is deleted");
          }
        });
    System.out.printf("source-truth property: %d partner commands applied, %d blocked, %d refused with an error%n",
        APPLIED.get(), BLOCKED.get(), THROWN.get());
    assertTrue(APPLIED.get() > EXAMPLES / 2, "the scripts really change evidence: " + APPLIED.get());
    assertTrue(BLOCKED.get() > EXAMPLES / 2, "and really try what is refused: " + BLOCKED.get());
  }

  /** Every evidence record there is, by ref, with its version. */
  static Map<String, Long> evidence(ArtifactSurfaceWorld w) {
    Map<String, Long> out = new TreeMap<>();
    for (RecordType<?, ?> type : List.of(Approvals.DECISION, Annotations.TYPE, RunsOfShow.VERSION)) {
      for (StoredRecord r : w.storage.records().list(TENANT, RecordQuery.of(type.wireName(), WEDDING)
          .limit(RecordQuery.MAX_LIMIT).build())) {
        out.put(r.ref().toString(), r.version());
      }
    }
    return out;
  }

  @Test
  void everyGuardedTruthHasAProxy() {
    assertEquals(EnumSet.of(SourceTruth.SCHEDULE_ASSIGNMENT, SourceTruth.READINESS_CLEARANCE,
        SourceTruth.PAYMENT_SETTLEMENT, SourceTruth.PROVIDER_DELIVERY, SourceTruth.PROPOSAL_ACCEPTANCE), GUARDED);
  }
}
