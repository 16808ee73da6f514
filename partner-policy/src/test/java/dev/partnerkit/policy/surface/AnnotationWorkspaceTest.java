package dev.partnerkit.policy.surface;

import static dev.partnerkit.policy.surface.ArtifactSurfaceWorld.ACME;
import static dev.partnerkit.policy.surface.ArtifactSurfaceWorld.DANA;
import static dev.partnerkit.policy.surface.ArtifactSurfaceWorld.LAKESIDE;
import static dev.partnerkit.policy.surface.ArtifactSurfaceWorld.VERA;
import static dev.partnerkit.policy.surface.ArtifactSurfaceWorld.require;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.domain.Placement;
import dev.partnerkit.domain.ReasonCode;
import dev.partnerkit.domain.RecordNotFoundException;
import dev.partnerkit.domain.RecordRef;
import dev.partnerkit.domain.ResourceId;
import dev.partnerkit.domain.Visibility;
import dev.partnerkit.policy.surface.annotations.Annotation;
import dev.partnerkit.policy.surface.annotations.AnnotationAnchor;
import dev.partnerkit.policy.surface.annotations.AnnotationBody;
import dev.partnerkit.policy.surface.annotations.AnnotationDraft;
import dev.partnerkit.policy.surface.annotations.AnnotationId;
import dev.partnerkit.policy.surface.annotations.AnnotationRange;
import dev.partnerkit.policy.surface.annotations.AnnotationRegion;
import dev.partnerkit.policy.surface.annotations.AnnotationResolution;
import dev.partnerkit.policy.surface.annotations.AnnotationStatus;
import dev.partnerkit.policy.surface.annotations.Annotations;
import dev.partnerkit.policy.surface.runofshow.RunOfShowId;
import dev.partnerkit.policy.surface.runofshow.RunOfShowVersionId;
import dev.partnerkit.policy.surface.runofshow.RunsOfShow;
import dev.partnerkit.policy.workspace.CommandResult;
import dev.partnerkit.policy.workspace.PartnerSession;
import dev.partnerkit.spi.RecordLink;
import dev.partnerkit.spi.TypedRecord;
import dev.partnerkit.spi.memory.InMemoryStorage;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The annotations surface through {@code ops.annotations()} and {@code session.annotations()}. */
class AnnotationWorkspaceTest {
  static final AnnotationAnchor BAR = AnnotationAnchor.region(1, AnnotationRegion.of(6000, 2000, 2500, 1500));

  final ArtifactSurfaceWorld w = new ArtifactSurfaceWorld(InMemoryStorage.create());
  final String plan = w.document(LAKESIDE, "Reception floor plan");
  final RecordRef v2 = w.documentVersion(LAKESIDE, plan, 2, Visibility.PARTNER_VISIBLE);

  private static AnnotationDraft note(RecordRef target, String text) {
    return AnnotationDraft.builder().pin(ArtifactPin.of(target)).anchor(BAR).text(text).build();
  }

  @Test
  void aPartnerAnnotatesAnExactVersionAndTheTrailRecordsEveryMove() {
    w.artifactGrant(LAKESIDE);
    PartnerSession vera = w.session(VERA);
    CommandResult made = require(vera.annotations().annotate(w.key(), note(v2, "The bar blocks the fire exit")));
    AnnotationId id = AnnotationId.of(made.recordId().orElseThrow());
    Annotation a = vera.annotations().get(id).items().get(0);
    assertEquals(ArtifactTarget.of(v2, TestDocuments.DOCUMENT.ref(plan), 2), a.target().version());
    assertEquals(BAR, a.target().anchor());
    assertEquals(AnnotationStatus.OPEN, a.status());
    assertTrue(a.trail().isEmpty());
    assertEquals(List.of(v2), w.ops.records().links(Annotations.TYPE, id.value(), Optional.of(Annotations.PINS))
        .stream().map(RecordLink::to).toList());

    w.clock.set(w.clock.instant().plusSeconds(60));
    require(w.ops.annotations().resolve(w.key(), id, Optional.of("Moved the bar in version 3")));
    require(vera.annotations().reopen(w.key(), id, Optional.of("Still in the way")));
    Annotation moved = vera.annotations().get(id).items().get(0);
    assertEquals(AnnotationStatus.OPEN, moved.status());
    assertEquals(2, moved.version(), "each move is one version");
    List<AnnotationResolution> trail = moved.trail();
    assertEquals(2, trail.size());
    assertEquals(AnnotationStatus.OPEN, trail.get(0).fromStatus());
    assertEquals(AnnotationStatus.RESOLVED, trail.get(0).toStatus());
    assertEquals("operator:u-maya", trail.get(0).by());
    assertEquals(Optional.of("Moved the bar in version 3"), trail.get(0).note());
    assertEquals(w.clock.instant(), trail.get(0).at());
    assertEquals("partner_member:u-vera", trail.get(1).by());
    assertEquals(moved.target(), a.target(), "version and anchor stay as made");
    TypedRecord<AnnotationBody, AnnotationStatus> stored = w.ops.records().get(Annotations.TYPE, id.value()).items()
        .get(0);
    assertEquals(2, stored.revision(), "a move with a trail writes a body revision in the same version");

    assertEquals(ReasonCode.OPERATOR_ONLY_TRANSITION, vera.records().transition(w.key(), Annotations.TYPE,
        id.value(), AnnotationStatus.DISMISSED, null).decision().reason());
    require(w.ops.annotations().dismiss(w.key(), id, Optional.of("Fire marshal signed off")));
    assertEquals(ReasonCode.RECORD_IMMUTABLE, w.ops.records().revise(w.key(), Annotations.TYPE, id.value(),
        stored.body(), null).decision().reason());
  }

  @Test
  void anAnnotationOnADocumentRatherThanOneOfItsVersionsIsRefused() {
    w.artifactGrant(LAKESIDE);
    long decisions = w.storage.decisions().count(ArtifactSurfaceWorld.TENANT);
    CommandResult refused = w.session(VERA).annotations().annotate(w.key(),
        note(TestDocuments.DOCUMENT.ref(plan), "Which version is this?"));
    assertEquals(ReasonCode.EXACT_ARTIFACT_VERSION_REQUIRED, refused.decision().reason());
    assertTrue(w.ops.annotations().list(ArtifactSurfaceWorld.WEDDING).items().isEmpty());
    assertTrue(w.storage.decisions().count(ArtifactSurfaceWorld.TENANT) > decisions, "the refusal is logged");
  }

  @Test
  void anOperatorsInternalNoteIsNeverShownToThePartner() {
    w.artifactGrant(LAKESIDE);
    require(w.ops.annotations().annotate(w.key(), note(v2, "Ask Lakeside about the terrace"),
        Visibility.INTERNAL_ONLY));
    require(w.ops.annotations().annotate(w.key(), note(v2, "Please confirm the exits"), Visibility.PARTNER_VISIBLE));
    PartnerSession vera = w.session(VERA);
    assertEquals(List.of("Please confirm the exits"), vera.annotations().on(v2).items().stream()
        .map(Annotation::text).toList());
    assertEquals(2, w.ops.annotations().on(ArtifactSurfaceWorld.WEDDING, v2).items().size());
    assertTrue(vera.annotations().annotate(w.key(), note(v2, "Mine")).applied());
    assertEquals(ReasonCode.PARTNER_RECORD_CANNOT_BE_INTERNAL, vera.records().create(w.key(), Annotations.TYPE,
        Placement.builder().occasionId(ArtifactSurfaceWorld.WEDDING).eventId(ArtifactSurfaceWorld.RECEPTION).partnerId(LAKESIDE)
            .parent(v2).resourceId(ResourceId.of(v2.id())).build(), Visibility.INTERNAL_ONLY,
        AnnotationBody.builder().target(ArtifactTarget.of(v2, TestDocuments.DOCUMENT.ref(plan), 2)).anchor(BAR)
            .text("hidden").build(), List.of()).decision().reason());
  }

  @Test
  void aVersionOfAnotherPartnerIsNotFoundLikeAMissingOne() {
    String acmeDoc = w.document(ACME, "Acme load plan");
    RecordRef acmeV1 = w.documentVersion(ACME, acmeDoc, 1, Visibility.PARTNER_VISIBLE);
    w.artifactGrant(LAKESIDE);
    PartnerSession vera = w.session(VERA);
    RecordNotFoundException other = assertThrows(RecordNotFoundException.class,
        () -> vera.annotations().annotate(w.key(), note(acmeV1, "Not mine")));
    RecordNotFoundException missing = assertThrows(RecordNotFoundException.class, () -> vera.annotations()
        .annotate(w.key(), note(TestDocuments.VERSION.ref("missing-v1"), "Not mine")));
    assertEquals(missing.getMessage().replace("missing-v1", acmeV1.id()), other.getMessage());
  }

  @Test
  void anAnnotationStaysOnItsVersionAndSaysWhenANewerOneExists() {
    w.artifactGrant(LAKESIDE);
    PartnerSession vera = w.session(VERA);
    AnnotationId id = AnnotationId.of(require(vera.annotations().annotate(w.key(), note(v2, "Exit"))).recordId()
        .orElseThrow());
    assertTrue(vera.annotations().get(id).items().get(0).newerVersion().isEmpty());
    RecordRef v3 = w.documentVersion(LAKESIDE, plan, 3, Visibility.PARTNER_VISIBLE);
    Annotation later = vera.annotations().get(id).items().get(0);
    assertEquals(v3, later.newerVersion().orElseThrow().version());
    assertEquals(v2, later.target().version().version());
    assertTrue(vera.annotations().on(v3).items().isEmpty());
  }

  @Test
  void aRunOfShowItemIsAnAnchor() {
    RunOfShowId show = w.runOfShow(LAKESIDE);
    RunOfShowVersionId v1 = w.publishedVersion(show, 0, "First");
    w.artifactGrant(LAKESIDE);
    Annotation a = w.session(VERA).annotations().get(AnnotationId.of(require(w.session(VERA).annotations()
        .annotate(w.key(), AnnotationDraft.builder().pin(ArtifactPin.of(RunsOfShow.VERSION.ref(v1.value())))
            .anchor(AnnotationAnchor.item("bar-setup")).text("Bar set-up needs an hour more").build()))
        .recordId().orElseThrow())).items().get(0);
    assertEquals("item bar-setup", a.target().anchor().describe());
    assertEquals(RunsOfShow.TYPE.ref(show.value()), a.target().version().artifact());
  }

  @Test
  void anchorsAreChecked() {
    assertThrows(InvalidValueException.class, () -> AnnotationAnchor.builder().build());
    assertThrows(InvalidValueException.class, () -> AnnotationAnchor.builder().itemId("a").page(1).build());
    assertThrows(InvalidValueException.class, () -> AnnotationRegion.of(9000, 0, 2000, 100));
    assertThrows(InvalidValueException.class, () -> AnnotationRange.of(5, 5));
    assertEquals("page 2, characters 10-20", AnnotationAnchor.builder().page(2).range(AnnotationRange.of(10, 20))
        .build().describe());
  }

  @Test
  void theTrailIsBoundedAndAFullOneRefusesTheMove() {
    AnnotationId id = AnnotationId.of(require(w.ops.annotations().annotate(w.key(), note(v2, "Loop"),
        Visibility.PARTNER_VISIBLE)).recordId().orElseThrow());
    for (int i = 0; i < AnnotationBody.MAX_TRAIL / 2; i++) {
      require(w.ops.annotations().resolve(w.key(), id, Optional.empty()));
      require(w.ops.annotations().reopen(w.key(), id, Optional.empty()));
    }
    InvalidValueException full = assertThrows(InvalidValueException.class,
        () -> w.ops.annotations().resolve(w.key(), id, Optional.empty()));
    assertEquals("trail", full.field());
    assertEquals(AnnotationStatus.OPEN, w.ops.annotations().get(id).items().get(0).status());
  }

  @Test
  void anotherPartnerListsNothing() {
    w.artifactGrant(LAKESIDE);
    require(w.session(VERA).annotations().annotate(w.key(), note(v2, "Exit")));
    w.artifactGrant(ACME);
    assertTrue(w.session(DANA).annotations().list().items().isEmpty());
  }
}
