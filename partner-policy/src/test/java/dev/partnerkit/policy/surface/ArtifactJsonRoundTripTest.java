package dev.partnerkit.policy.surface;

import static dev.partnerkit.policy.surface.ArtifactSurfaceWorld.LAKESIDE;
import static dev.partnerkit.policy.surface.ArtifactSurfaceWorld.VERA;
import static dev.partnerkit.policy.surface.ArtifactSurfaceWorld.require;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.domain.RecordRef;
import dev.partnerkit.domain.Visibility;
import dev.partnerkit.domain.json.PartnerkitJson;
import dev.partnerkit.policy.surface.annotations.Annotation;
import dev.partnerkit.policy.surface.annotations.AnnotationAnchor;
import dev.partnerkit.policy.surface.annotations.AnnotationDraft;
import dev.partnerkit.policy.surface.annotations.AnnotationId;
import dev.partnerkit.policy.surface.annotations.AnnotationRange;
import dev.partnerkit.policy.surface.annotations.AnnotationRegion;
import dev.partnerkit.policy.surface.approvals.ApprovalDecisionBody;
import dev.partnerkit.policy.surface.approvals.ApprovalDraft;
import dev.partnerkit.policy.surface.approvals.ApprovalEvidence;
import dev.partnerkit.policy.surface.approvals.ApprovalOutcome;
import dev.partnerkit.policy.surface.approvals.ApprovalRequest;
import dev.partnerkit.policy.surface.approvals.ApprovalRequestId;
import dev.partnerkit.policy.surface.approvals.DecisionDraft;
import dev.partnerkit.policy.surface.approvals.ImmutableApprovalDecisionBody;
import dev.partnerkit.policy.surface.runofshow.ImmutableRunOfShowItem;
import dev.partnerkit.policy.surface.runofshow.RunOfShow;
import dev.partnerkit.policy.surface.runofshow.RunOfShowId;
import dev.partnerkit.policy.surface.runofshow.RunOfShowItem;
import dev.partnerkit.policy.surface.runofshow.RunOfShowItemKind;
import dev.partnerkit.policy.surface.runofshow.RunOfShowProposal;
import dev.partnerkit.policy.surface.runofshow.RunOfShowVersion;
import dev.partnerkit.policy.surface.runofshow.RunOfShowVersionBody;
import dev.partnerkit.policy.workspace.RecordTypes;
import dev.partnerkit.policy.workspace.PartnerSession;
import dev.partnerkit.spi.memory.InMemoryStorage;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/** Every value of the artifact surfaces survives a JSON round trip through the strict mapper. */
class ArtifactJsonRoundTripTest {
  static final long SEED = Long.getLong("partnerkit.seed", 20261110L);
  private static final PartnerkitJson JSON = PartnerkitJson.create();

  private static <T> void roundTrips(T value, Class<T> type) {
    T back = JSON.read(JSON.write(value), type);
    assertEquals(value, back, () -> JSON.write(value));
  }

  static final Gen<AnnotationAnchor> ANCHORS = SourceDSL.integers().between(0, 9999).zip(
      SourceDSL.integers().between(0, 3), (n, kind) -> switch (kind) {
        case 0 -> AnnotationAnchor.item("item-" + n);
        case 1 -> AnnotationAnchor.region(1 + n % 40, AnnotationRegion.of(n % 5000, n % 7000, 1 + n % 5000,
            1 + n % 3000));
        case 2 -> AnnotationAnchor.builder().range(AnnotationRange.of(n, n + 1 + n % 100)).build();
        default -> AnnotationAnchor.builder().page(1 + n % 9).build();
      });

  static final Gen<RunOfShowItem> ITEMS = SourceDSL.integers().between(0, 500_000).zip(
      SourceDSL.integers().between(0, RunOfShowItemKind.values().length - 1), (n, kind) -> {
        LocalDateTime start = LocalDateTime.parse("2026-01-01T00:00").plusMinutes(n * 7L);
        ImmutableRunOfShowItem.Builder b = RunOfShowItem.builder().itemId("i-" + n)
            .kind(RunOfShowItemKind.values()[kind]).title("Item \u00e9 " + n).startsAt(start);
        if (n % 2 == 0) {
          b.endsAt(start.plusMinutes(1 + n % 600));
        }
        if (n % 3 == 0) {
          b.location("Dock " + n % 4).notes("Bring \"the\" trolleys\n");
        }
        return b.build();
      });

  @Test
  void anchorsAndItemsRoundTrip() {
    qt().withFixedSeed(SEED).withExamples(500).forAll(ANCHORS, ITEMS).checkAssert((anchor, item) -> {
      roundTrips(anchor, AnnotationAnchor.class);
      roundTrips(item, RunOfShowItem.class);
      ZoneId zone = ZoneId.of(item.startsAt().getMonthValue() % 2 == 0 ? "America/Chicago" : "Europe/Berlin");
      try {
        roundTrips(RunOfShowVersionBody.builder().versionNumber(1 + item.startsAt().getDayOfYear()).zone(zone)
            .addItems(item).build(), RunOfShowVersionBody.class);
      } catch (InvalidValueException gap) {
        assertTrue(gap.getMessage().contains("does not exist in"), gap.getMessage()); // a skipped local time
      }
    });
  }

  @Test
  void decisionsRoundTrip() {
    ArtifactTarget target = ArtifactTarget.of(RecordRef.of("document_version", "dv-1"),
        RecordRef.of("partner_document", "doc"), 4);
    qt().withFixedSeed(SEED).withExamples(300).forAll(SourceDSL.integers().between(0, 2),
        SourceDSL.strings().basicLatinAlphabet().ofLengthBetween(1, 40)).checkAssert((outcome, text) -> {
          if (text.isBlank()) {
            return;
          }
          ImmutableApprovalDecisionBody.Builder b = ApprovalDecisionBody.builder()
              .outcome(ApprovalOutcome.values()[outcome]).target(target).note(text)
              .addEvidence(ApprovalEvidence.builder().note(text).record(RecordRef.of("annotation", "a-1")).build());
          if (outcome == 1) {
            b.addChanges(text);
          }
          roundTrips(b.build(), ApprovalDecisionBody.class);
        });
  }

  @Test
  void everyBuiltInExampleBodyRoundTrips() {
    for (var type : RecordTypes.builtIn()) {
      Object example = type.example();
      assertEquals(example, JSON.read(JSON.write(example), type.bodyType()), type.wireName());
    }
  }

  @Test
  void viewsAndDraftsRoundTrip() {
    ArtifactSurfaceWorld w = new ArtifactSurfaceWorld(InMemoryStorage.create());
    String plan = w.document(LAKESIDE, "Floor plan");
    RecordRef v1 = w.documentVersion(LAKESIDE, plan, 1, Visibility.PARTNER_VISIBLE);
    ApprovalDraft draft = ApprovalDraft.builder().pin(ArtifactPin.of(v1)).title("Approve")
        .message("Please").dueAt(w.clock.instant()).build();
    roundTrips(draft, ApprovalDraft.class);
    ApprovalRequestId id = ApprovalRequestId.of(require(w.ops.approvals().request(w.key(), draft)).recordId()
        .orElseThrow());
    w.artifactGrant(LAKESIDE);
    PartnerSession vera = w.session(VERA);
    DecisionDraft decision = DecisionDraft.builder().versionNumber(1).outcome(ApprovalOutcome.APPROVE).build();
    roundTrips(decision, DecisionDraft.class);
    require(vera.approvals().decide(w.key(), id, decision));
    w.documentVersion(LAKESIDE, plan, 2, Visibility.PARTNER_VISIBLE);
    roundTrips(vera.approvals().get(id).items().get(0), ApprovalRequest.class);

    AnnotationDraft note = AnnotationDraft.builder().pin(ArtifactPin.hostVersion("pav-1",
        RecordRef.of("proposal_artifact", "pa"), 1)).anchor(AnnotationAnchor.item("line-3")).text("Why?").build();
    roundTrips(note, AnnotationDraft.class);
    AnnotationId a = AnnotationId.of(require(vera.annotations().annotate(w.key(), note)).recordId().orElseThrow());
    require(vera.annotations().resolve(w.key(), a, Optional.of("answered")));
    roundTrips(vera.annotations().get(a).items().get(0), Annotation.class);

    RunOfShowId show = w.runOfShow(LAKESIDE);
    RunOfShowProposal proposal = ArtifactSurfaceWorld.proposal(show, 0, "First", ArtifactSurfaceWorld.item("bar",
        RunOfShowItemKind.SETUP, "Bar", "2026-11-14T15:00"));
    roundTrips(proposal, RunOfShowProposal.class);
    require(vera.runOfShow().propose(w.key(), proposal));
    roundTrips(vera.runOfShow().get(show).items().get(0), RunOfShow.class);
    roundTrips(vera.runOfShow().versions(show).items().get(0), RunOfShowVersion.class);
    assertTrue(JSON.write(vera.runOfShow().versions(show).items().get(0)).contains("\"zone\":\"America/Chicago\""));
    assertTrue(JSON.write(List.of(ArtifactPin.of(v1))).contains("\"ref\""));
  }
}
