package dev.partnerkit.jdbc;

import static dev.partnerkit.jdbc.SurfacesWorld.ACME;
import static dev.partnerkit.jdbc.SurfacesWorld.ACME_SYNC;
import static dev.partnerkit.jdbc.SurfacesWorld.DANA;
import static dev.partnerkit.jdbc.SurfacesWorld.RECEPTION;
import static dev.partnerkit.jdbc.SurfacesWorld.WEDDING;
import static dev.partnerkit.jdbc.SurfacesWorld.require;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnerkit.domain.ImmutableIntegrationPrincipal;
import dev.partnerkit.domain.JobId;
import dev.partnerkit.domain.PartnerCapability;
import dev.partnerkit.domain.ReasonCode;
import dev.partnerkit.domain.SourceTruth;
import dev.partnerkit.domain.Surface;
import dev.partnerkit.domain.Visibility;
import dev.partnerkit.policy.surface.blockers.AssignmentBody;
import dev.partnerkit.policy.surface.blockers.BlockerId;
import dev.partnerkit.policy.surface.blockers.BlockerKind;
import dev.partnerkit.policy.surface.blockers.BlockerReport;
import dev.partnerkit.policy.surface.blockers.BlockerView;
import dev.partnerkit.policy.surface.blockers.Blockers;
import dev.partnerkit.policy.surface.blockers.ObservationStatus;
import dev.partnerkit.policy.surface.blockers.ResponseId;
import dev.partnerkit.policy.surface.blockers.ResponseKind;
import dev.partnerkit.policy.surface.blockers.ResponseStatus;
import dev.partnerkit.policy.surface.blockers.ResponseView;
import dev.partnerkit.policy.surface.blockers.WaiverBody;
import dev.partnerkit.policy.surface.blockers.WaiverStatus;
import dev.partnerkit.policy.surface.documents.DocumentId;
import dev.partnerkit.policy.surface.documents.DocumentKind;
import dev.partnerkit.policy.surface.documents.DocumentUpload;
import dev.partnerkit.policy.surface.documents.DocumentVersionId;
import dev.partnerkit.policy.surface.documents.PartnerDocumentDraft;
import dev.partnerkit.policy.workspace.CommandResult;
import dev.partnerkit.policy.workspace.PartnerSession;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The seed's blockers paragraph, walked on every store: partner responses attach to observed readiness blockers so
 * ops can review missing staffing, delivery, rental or venue evidence; the portal path needs respond_blocker;
 * partners confirm, request more info, upload evidence or request a waiver; existing ops services still control
 * blocker assignments, waivers and job readiness.
 */
class BlockersScenarioTest {
  @ParameterizedTest
  @EnumSource(SurfaceStores.class)
  void acmeRespondsToTheBlockersOfItsJobAndOpsStillControlReadiness(SurfaceStores store) {
    SurfacesWorld w = new SurfacesWorld(store.fresh());
    Map<BlockerKind, BlockerId> blockers = new EnumMap<>(BlockerKind.class);
    for (BlockerKind kind : BlockerKind.values()) {
      blockers.put(kind, BlockerId.of(require(w.ops.blockers().report(w.key(), BlockerReport.builder()
          .occasionId(WEDDING).eventId(RECEPTION).partnerId(ACME).jobId(JobId.of("job-42")).kind(kind)
          .missingProof("Missing " + kind.wireName() + " proof").build())).recordId().orElseThrow()));
    }

    // the portal path requires a partner session grant with respond_blocker
    w.grant(ACME, Set.of(Surface.BLOCKERS), Set.of(PartnerCapability.COMMENT), Set.of());
    assertEquals(ReasonCode.CAPABILITY_MISSING, w.session(DANA).blockers().list().decision().reason());
    w.grant(ACME, Set.of(Surface.BLOCKERS, Surface.DOCUMENTS), Set.of(PartnerCapability.RESPOND_BLOCKER),
        Set.of(RECEPTION));
    PartnerSession dana = w.session(DANA);
    assertEquals(4, dana.blockers().list().items().size());

    // partner responses: confirm, request more info, upload evidence, request a waiver
    DocumentId note = DocumentId.of(require(dana.documents().create(w.key(), PartnerDocumentDraft.builder()
        .title("Rental delivery note").kind(DocumentKind.DELIVERY_PROOF).eventId(RECEPTION).build())).recordId()
        .orElseThrow());
    DocumentVersionId signed = DocumentVersionId.of(require(dana.documents().upload(w.key(), note, DocumentUpload
        .builder().title("note-signed.pdf").mediaType("application/pdf").sizeBytes(88_000)
        .contentHash("sha256:" + "c3".repeat(32)).storageKey("s3://toni-docs/acme/note-signed.pdf").build()))
        .recordId().orElseThrow());
    require(dana.blockers().confirm(w.key(), blockers.get(BlockerKind.STAFFING), "Two drivers confirmed."));
    require(dana.blockers().requestMoreInfo(w.key(), blockers.get(BlockerKind.VENUE), "Which loading door?"));
    CommandResult evidence = require(dana.blockers().uploadEvidence(w.key(), blockers.get(BlockerKind.RENTAL),
        signed, "Signed delivery note."));
    CommandResult waiver = require(dana.blockers().requestWaiver(w.key(), blockers.get(BlockerKind.DELIVERY),
        "The venue counted the linen on site."));

    // the request is a request: no waiver, no readiness change
    BlockerView delivery = w.ops.blockers().get(blockers.get(BlockerKind.DELIVERY)).items().get(0);
    assertEquals(List.of(), delivery.waivers());
    assertEquals(ObservationStatus.OPEN, delivery.status());
    BlockerView rental = dana.blockers().get(blockers.get(BlockerKind.RENTAL)).items().get(0);
    assertEquals(Set.of(signed), rental.responses().get(0).evidence());

    // existing ops services still control blocker assignments, waivers and job readiness
    var waiverRef = Blockers.OBSERVATION.ref(blockers.get(BlockerKind.DELIVERY).value());
    CommandResult partnerWaiver = dana.records().createUnder(w.key(), Blockers.WAIVER, waiverRef,
        Visibility.PARTNER_VISIBLE, Blockers.WAIVER.example(), List.of());
    assertEquals(ReasonCode.OPERATOR_ONLY_ACTION, partnerWaiver.decision().reason());
    assertEquals(ReasonCode.OPERATOR_ONLY_TRANSITION, dana.records().transition(w.key(), Blockers.OBSERVATION,
        blockers.get(BlockerKind.RENTAL).value(), ObservationStatus.RESOLVED, null).decision().reason());
    w.machineGrant(Set.of(Surface.BLOCKERS), Set.of(PartnerCapability.RESPOND_BLOCKER));
    assertEquals(ReasonCode.INTEGRATION_READ_ONLY, w.session(ACME_SYNC).blockers().confirm(w.key(),
        blockers.get(BlockerKind.VENUE), "Venue access synced.").decision().reason());
    require(w.session(ImmutableIntegrationPrincipal.copyOf(ACME_SYNC).withWriteEnabled(true)).blockers()
        .confirm(w.key(), blockers.get(BlockerKind.VENUE), "Venue access synced."));
    require(w.ops.blockers().recordAssignment(w.key(), blockers.get(BlockerKind.DELIVERY), AssignmentBody.builder()
        .assignee("Maya").build()));
    String hostWaiver = require(w.ops.blockers().recordWaiver(w.key(), blockers.get(BlockerKind.DELIVERY),
        WaiverBody.of("Linen counted on site by the venue", "Maya"))).recordId().orElseThrow();
    assertEquals(ReasonCode.OPERATOR_ONLY_TRANSITION, dana.records().transition(w.key(), Blockers.WAIVER,
        hostWaiver, WaiverStatus.WITHDRAWN, null).decision().reason());
    BlockerView waived = dana.blockers().get(blockers.get(BlockerKind.DELIVERY)).items().get(0);
    assertEquals(1, waived.waivers().size());
    assertEquals(1, waived.assignments().size());

    // ops review the responses; readiness is never cleared here
    CommandResult reviewed = require(w.ops.blockers().review(w.key(), ResponseId.of(evidence.recordId()
        .orElseThrow())));
    assertTrue(reviewed.decision().explanation().contains("does not clear job readiness"));
    require(w.ops.blockers().decline(w.key(), ResponseId.of(waiver.recordId().orElseThrow())));
    for (BlockerId id : blockers.values()) {
      assertEquals(ObservationStatus.OPEN, w.ops.blockers().get(id).items().get(0).status());
    }
    assertEquals(List.of(ResponseStatus.REVIEWED), dana.blockers().get(blockers.get(BlockerKind.RENTAL)).items()
        .get(0).responses().stream().map(ResponseView::status).toList());
    assertEquals(List.of(ResponseKind.REQUEST_WAIVER), dana.blockers().get(blockers.get(BlockerKind.DELIVERY))
        .items().get(0).responses().stream().map(ResponseView::kind).toList());
    assertEquals(Set.of(SourceTruth.READINESS_CLEARANCE, SourceTruth.BLOCKER_WAIVER,
        SourceTruth.BLOCKER_ASSIGNMENT), Surface.BLOCKERS.neverPromotes());
  }
}
