package dev.partnerkit.policy.surface;

import static dev.partnerkit.policy.surface.ArtifactSurfaceWorld.ACME;
import static dev.partnerkit.policy.surface.ArtifactSurfaceWorld.LAKESIDE;
import static dev.partnerkit.policy.surface.ArtifactSurfaceWorld.RECEPTION;
import static dev.partnerkit.policy.surface.ArtifactSurfaceWorld.VERA;
import static dev.partnerkit.policy.surface.ArtifactSurfaceWorld.WEDDING;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.domain.Placement;
import dev.partnerkit.domain.RecordNotFoundException;
import dev.partnerkit.domain.RecordRef;
import dev.partnerkit.domain.ResourceId;
import dev.partnerkit.domain.Surface;
import dev.partnerkit.domain.Visibility;
import dev.partnerkit.policy.surface.annotations.AnnotationAnchor;
import dev.partnerkit.policy.surface.annotations.AnnotationBody;
import dev.partnerkit.policy.surface.annotations.Annotations;
import dev.partnerkit.policy.workspace.Contribution;
import dev.partnerkit.policy.workspace.PartnerSession;
import dev.partnerkit.spi.VersionConflictException;
import dev.partnerkit.spi.memory.InMemoryStorage;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The general kernel hooks the artifact surfaces added, through the generic record commands: a new record's parent
 * must exist and be visible, a type's placement check, derived ids, and no free text where typed records exist.
 */
class KernelHooksTest {
  final ArtifactSurfaceWorld w = new ArtifactSurfaceWorld(InMemoryStorage.create());
  final String plan = w.document(LAKESIDE, "Reception floor plan");
  final RecordRef v2 = w.documentVersion(LAKESIDE, plan, 2, Visibility.PARTNER_VISIBLE);
  final ArtifactTarget target = ArtifactTarget.of(v2, TestDocuments.DOCUMENT.ref(plan), 2);

  private static Placement under(RecordRef parent, String resource) {
    return Placement.builder().occasionId(WEDDING).eventId(RECEPTION).partnerId(LAKESIDE).parent(parent)
        .resourceId(ResourceId.of(resource)).build();
  }

  private AnnotationBody body(ArtifactTarget on) {
    return AnnotationBody.builder().target(on).anchor(AnnotationAnchor.item("x")).text("t").build();
  }

  @Test
  void aNewRecordsParentMustExistAndBeVisible() {
    RecordRef missing = TestDocuments.VERSION.ref("nope-v2");
    ArtifactTarget ghost = ArtifactTarget.of(missing, TestDocuments.DOCUMENT.ref(plan), 2);
    assertThrows(RecordNotFoundException.class, () -> w.ops.records().create(w.key(), Annotations.TYPE,
        under(missing, missing.id()), Visibility.PARTNER_VISIBLE, body(ghost), List.of()));

    String acmeDoc = w.document(ACME, "Acme's");
    RecordRef acmeV1 = w.documentVersion(ACME, acmeDoc, 1, Visibility.PARTNER_VISIBLE);
    w.artifactGrant(LAKESIDE);
    PartnerSession vera = w.session(VERA);
    ArtifactTarget acmes = ArtifactTarget.of(acmeV1, TestDocuments.DOCUMENT.ref(acmeDoc), 1);
    RecordNotFoundException foreign = assertThrows(RecordNotFoundException.class, () -> vera.records().create(
        w.key(), Annotations.TYPE, under(acmeV1, acmeV1.id()), Visibility.PARTNER_VISIBLE, body(acmes), List.of()));
    RecordNotFoundException absent = assertThrows(RecordNotFoundException.class, () -> vera.records().create(
        w.key(), Annotations.TYPE, under(missing, missing.id()), Visibility.PARTNER_VISIBLE, body(ghost),
        List.of()));
    assertEquals(absent.getMessage().replace(missing.id(), acmeV1.id()), foreign.getMessage());
    assertTrue(vera.records().create(w.key(), Annotations.TYPE, under(v2, v2.id()), Visibility.PARTNER_VISIBLE,
        body(target), List.of()).applied());
  }

  @Test
  void aBodyThatDisagreesWithItsPlacementIsRefusedBeforeAnythingIsDecided() {
    long[] journal = w.journal();
    InvalidValueException otherResource = assertThrows(InvalidValueException.class, () -> w.ops.records()
        .create(w.key(), Annotations.TYPE, under(v2, "dv-other"), Visibility.PARTNER_VISIBLE, body(target),
            List.of()));
    assertEquals("placement.resourceId", otherResource.field());
    RecordRef v1 = w.documentVersion(LAKESIDE, plan, 1, Visibility.PARTNER_VISIBLE);
    long[] after = w.journal();
    InvalidValueException otherParent = assertThrows(InvalidValueException.class, () -> w.ops.records()
        .create(w.key(), Annotations.TYPE, under(v1, v2.id()), Visibility.PARTNER_VISIBLE, body(target),
            List.of()));
    assertEquals("placement.parent", otherParent.field());
    assertArrayEquals(after, w.journal());
    assertEquals(journal[1] + 1, after[1], "only the version's create was decided in between");
  }

  @Test
  void aDerivedIdIsStoredOnceTheSecondWriteIsAVersionConflict() {
    assertEquals(plan + "-v2", v2.id());
    assertThrows(VersionConflictException.class, () -> w.documentVersion(LAKESIDE, plan, 2,
        Visibility.PARTNER_VISIBLE));
  }

  @Test
  void surfacesWithRecordTypesTakeNoFreeTextContributions() {
    w.grant(LAKESIDE, List.of(Surface.APPROVALS, Surface.PROPOSAL_OPTIONS), ArtifactSurfaceWorld.ARTIFACT_CAPABILITIES,
        List.of(), List.of());
    PartnerSession vera = w.session(VERA);
    InvalidValueException typed = assertThrows(InvalidValueException.class, () -> vera.contribute(w.key(),
        Contribution.builder().surface(Surface.APPROVALS).resourceId(ResourceId.of(v2.id()))
            .summary("Approved, Vera").build()));
    assertEquals("contribution.surface", typed.field());
    assertTrue(typed.getMessage().contains("approval_request"), typed.getMessage());
    assertEquals(dev.partnerkit.domain.ReasonCode.CAPABILITY_MISSING, vera.contribute(w.key(),
        Contribution.builder().surface(Surface.PROPOSAL_OPTIONS).summary("Option B").build()).decision().reason(),
        "a surface without record types still takes contributions (decided as before)");
  }
}
