package dev.partnerkit.policy.surface.blockers;

import static dev.partnerkit.policy.surface.SurfaceWorld.ACME;
import static dev.partnerkit.policy.surface.SurfaceWorld.ACME_SYNC;
import static dev.partnerkit.policy.surface.SurfaceWorld.DANA;
import static dev.partnerkit.policy.surface.SurfaceWorld.LAKESIDE;
import static dev.partnerkit.policy.surface.SurfaceWorld.RECEPTION;
import static dev.partnerkit.policy.surface.SurfaceWorld.VERA;
import static dev.partnerkit.policy.surface.SurfaceWorld.WEDDING;
import static dev.partnerkit.policy.surface.SurfaceWorld.require;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnerkit.domain.ImmutableIntegrationPrincipal;
import dev.partnerkit.domain.JobId;
import dev.partnerkit.domain.ReasonCode;
import dev.partnerkit.domain.RecordNotFoundException;
import dev.partnerkit.domain.Visibility;
import dev.partnerkit.policy.surface.SurfaceWorld;
import dev.partnerkit.policy.surface.documents.DocumentDraft;
import dev.partnerkit.policy.surface.documents.DocumentId;
import dev.partnerkit.policy.surface.documents.DocumentKind;
import dev.partnerkit.policy.surface.documents.DocumentUpload;
import dev.partnerkit.policy.surface.documents.DocumentVersionId;
import dev.partnerkit.policy.surface.documents.PartnerDocumentDraft;
import dev.partnerkit.policy.workspace.CommandResult;
import dev.partnerkit.policy.workspace.PartnerSession;
import dev.partnerkit.spi.ActivityQuery;
import dev.partnerkit.spi.memory.InMemoryStorage;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The blockers surface through {@code ops.blockers()} and {@code session.blockers()}. */
class BlockersSurfaceTest {
  final SurfaceWorld w = new SurfaceWorld(InMemoryStorage.create());

  BlockerId report(BlockerKind kind) {
    return BlockerId.of(require(w.ops.blockers().report(w.key(), BlockerReport.builder().occasionId(WEDDING)
        .eventId(RECEPTION).partnerId(ACME).jobId(JobId.of("job-42")).kind(kind)
        .missingProof("Signed rental delivery note").build())).recordId().orElseThrow());
  }

  DocumentVersionId danasVersion(PartnerSession dana) {
    DocumentId doc = DocumentId.of(require(dana.documents().create(w.key(), PartnerDocumentDraft.builder()
        .title("Delivery note").kind(DocumentKind.DELIVERY_PROOF).eventId(RECEPTION).build())).recordId()
        .orElseThrow());
    return DocumentVersionId.of(require(dana.documents().upload(w.key(), doc, DocumentUpload.builder()
        .title("note.pdf").mediaType("application/pdf").sizeBytes(1200).contentHash("sha256:" + "0f".repeat(32))
        .storageKey("tenant-toni/acme/note.pdf").build())).recordId().orElseThrow());
  }

  @Test
  void aPartnerRespondsFourWaysAndNoneOfThemClearsOrWaivesAnything() {
    w.wideGrant(ACME);
    BlockerId blocker = report(BlockerKind.RENTAL);
    PartnerSession dana = w.session(DANA);
    BlockerView seen = dana.blockers().list().items().get(0);
    assertEquals(BlockerKind.RENTAL, seen.kind());
    assertEquals("Signed rental delivery note", seen.missingProof());

    DocumentVersionId note = danasVersion(dana);
    require(dana.blockers().confirm(w.key(), blocker, "Delivered at 7am."));
    require(dana.blockers().requestMoreInfo(w.key(), blocker, "Which door?"));
    CommandResult evidence = require(dana.blockers().uploadEvidence(w.key(), blocker, note, "Signed note."));
    CommandResult waiver = require(dana.blockers().requestWaiver(w.key(), blocker, "Venue counted on site."));
    assertTrue(waiver.decision().explanation().contains("respond_blocker"), waiver.decision().explanation());

    BlockerView after = w.ops.blockers().get(blocker).items().get(0);
    assertEquals(ObservationStatus.OPEN, after.status(), "responses never resolve the blocker");
    assertEquals(List.of(), after.waivers(), "a waiver request is no waiver");
    assertEquals(List.of(ResponseKind.CONFIRM, ResponseKind.REQUEST_MORE_INFO, ResponseKind.UPLOAD_EVIDENCE,
        ResponseKind.REQUEST_WAIVER), after.responses().stream().map(ResponseView::kind).toList());
    assertEquals(Set.of(note), after.responses().get(2).evidence());
    assertTrue(after.responses().stream().allMatch(r -> r.status() == ResponseStatus.SUBMITTED));

    CommandResult reviewed = require(w.ops.blockers().review(w.key(), ResponseId.of(evidence.recordId()
        .orElseThrow())));
    assertTrue(reviewed.decision().explanation().contains("does not clear job readiness"),
        reviewed.decision().explanation());
    assertTrue(w.ops.activity(WEDDING, ActivityQuery.builder().build()).items().stream()
        .anyMatch(e -> e.summary().contains("job readiness unchanged")));
    assertEquals(ObservationStatus.OPEN, w.ops.blockers().get(blocker).items().get(0).status());
    require(w.ops.blockers().decline(w.key(), ResponseId.of(waiver.recordId().orElseThrow())));
  }

  @Test
  void assignmentsAndWaiversAreHostTruthsPartnersReadButNeverWrite() {
    w.wideGrant(ACME);
    BlockerId blocker = report(BlockerKind.DELIVERY);
    String assignment = require(w.ops.blockers().recordAssignment(w.key(), blocker, AssignmentBody.builder()
        .assignee("Maya").build())).recordId().orElseThrow();
    String waiver = require(w.ops.blockers().recordWaiver(w.key(), blocker, WaiverBody.of("Counted on site",
        "Maya"))).recordId().orElseThrow();
    PartnerSession dana = w.session(DANA);
    BlockerView seen = dana.blockers().get(blocker).items().get(0);
    assertEquals(List.of("Maya"), seen.assignments().stream().map(BlockerView.Assignment::assignee).toList());
    assertEquals(List.of("Counted on site"), seen.waivers().stream().map(BlockerView.Waiver::reason).toList());

    var ref = Blockers.OBSERVATION.ref(blocker.value());
    assertEquals(ReasonCode.OPERATOR_ONLY_ACTION, dana.records().createUnder(w.key(), Blockers.WAIVER, ref,
        Visibility.PARTNER_VISIBLE, Blockers.WAIVER.example(), List.of()).decision().reason());
    assertEquals(ReasonCode.OPERATOR_ONLY_ACTION, dana.records().createUnder(w.key(), Blockers.ASSIGNMENT, ref,
        Visibility.PARTNER_VISIBLE, Blockers.ASSIGNMENT.example(), List.of()).decision().reason());
    assertEquals(ReasonCode.OPERATOR_ONLY_TRANSITION, dana.records().transition(w.key(), Blockers.WAIVER, waiver,
        WaiverStatus.WITHDRAWN, null).decision().reason());
    assertEquals(ReasonCode.OPERATOR_ONLY_TRANSITION, dana.records().transition(w.key(), Blockers.ASSIGNMENT,
        assignment, AssignmentStatus.ENDED, null).decision().reason());
    assertEquals(ReasonCode.OPERATOR_ONLY_TRANSITION, dana.records().transition(w.key(), Blockers.OBSERVATION,
        blocker.value(), ObservationStatus.RESOLVED, null).decision().reason());
    assertEquals(ReasonCode.OPERATOR_ONLY_ACTION, dana.records().revise(w.key(), Blockers.OBSERVATION,
        blocker.value(), Blockers.OBSERVATION.example(), null).decision().reason());
    assertEquals(ReasonCode.OPERATOR_ONLY_ACTION, dana.records().create(w.key(), Blockers.OBSERVATION,
        dev.partnerkit.domain.Placement.builder().occasionId(WEDDING).partnerId(ACME).build(),
        Visibility.PARTNER_VISIBLE, Blockers.OBSERVATION.example(), List.of()).decision().reason());
    assertEquals(List.of(assignment), w.ops.blockers().get(blocker).items().get(0).assignments().stream()
        .map(BlockerView.Assignment::assignmentId).toList());

    require(w.ops.blockers().endAssignment(w.key(), assignment));
    require(w.ops.blockers().withdrawWaiver(w.key(), waiver));
    require(w.ops.blockers().observeResolved(w.key(), blocker));
    assertEquals(ObservationStatus.RESOLVED, dana.blockers().get(blocker).items().get(0).status());
    require(w.ops.blockers().observeReopened(w.key(), blocker));
  }

  @Test
  void evidenceMustBeADocumentVersionThePartnerCanSee() {
    w.wideGrant(ACME);
    w.wideGrant(LAKESIDE);
    BlockerId blocker = report(BlockerKind.RENTAL);
    DocumentId lakesides = DocumentId.of(require(w.ops.documents().register(w.key(), DocumentDraft.builder()
        .occasionId(WEDDING).partnerId(LAKESIDE).title("Venue plan").kind(DocumentKind.FLOOR_PLAN).build()))
        .recordId().orElseThrow());
    DocumentVersionId theirs = DocumentVersionId.of(require(w.session(VERA).documents().upload(w.key(), lakesides,
        DocumentUpload.builder().title("plan.pdf").mediaType("application/pdf").sizeBytes(10)
            .contentHash("sha256:" + "1a".repeat(32)).storageKey("k").build())).recordId().orElseThrow());
    PartnerSession dana = w.session(DANA);
    assertThrows(RecordNotFoundException.class, () -> dana.blockers().uploadEvidence(w.key(), blocker, theirs,
        "theirs"));
    assertThrows(RecordNotFoundException.class, () -> dana.blockers().uploadEvidence(w.key(), blocker,
        DocumentVersionId.of("dv-missing"), "missing"));
    assertThrows(RecordNotFoundException.class, () -> w.session(VERA).blockers().confirm(w.key(), blocker,
        "not mine"));
    assertTrue(w.session(VERA).blockers().list().items().isEmpty());
    assertEquals(List.of(), w.ops.blockers().get(blocker).items().get(0).responses());
  }

  @Test
  void responsesAreWithdrawnBeforeReviewAndNeverEdited() {
    w.wideGrant(ACME);
    BlockerId blocker = report(BlockerKind.STAFFING);
    PartnerSession dana = w.session(DANA);
    ResponseId first = ResponseId.of(require(dana.blockers().confirm(w.key(), blocker, "Two servers confirmed."))
        .recordId().orElseThrow());
    ResponseId second = ResponseId.of(require(dana.blockers().confirm(w.key(), blocker, "Three servers."))
        .recordId().orElseThrow());
    require(dana.blockers().withdraw(w.key(), first));
    require(w.ops.blockers().review(w.key(), second));
    assertEquals(ReasonCode.TRANSITION_NOT_ALLOWED, dana.blockers().withdraw(w.key(), second).decision().reason());
    String third = require(dana.blockers().confirm(w.key(), blocker, "Four servers.")).recordId().orElseThrow();
    assertEquals(ReasonCode.OPERATOR_ONLY_TRANSITION, dana.records().transition(w.key(), Blockers.RESPONSE,
        third, ResponseStatus.REVIEWED, null).decision().reason());
    assertEquals(ReasonCode.TRANSITION_NOT_ALLOWED, dana.records().transition(w.key(), Blockers.RESPONSE,
        first.value(), ResponseStatus.SUBMITTED, null).decision().reason());
    assertEquals(ReasonCode.RECORD_IMMUTABLE, w.ops.records().revise(w.key(), Blockers.RESPONSE, second.value(),
        Blockers.RESPONSE.example(), null).decision().reason());
    assertEquals(List.of(ResponseStatus.WITHDRAWN, ResponseStatus.REVIEWED, ResponseStatus.SUBMITTED), w.ops.blockers().get(blocker).items()
        .get(0).responses().stream().map(ResponseView::status).toList());
  }

  @Test
  void integrationsRespondOnlyWhenWritesAreStoredForThem() {
    w.machineGrant();
    BlockerId blocker = report(BlockerKind.VENUE);
    PartnerSession readOnly = w.session(ImmutableIntegrationPrincipal.copyOf(ACME_SYNC).withWriteEnabled(false));
    assertEquals(1, readOnly.blockers().list().items().size());
    assertEquals(ReasonCode.INTEGRATION_READ_ONLY, readOnly.blockers().confirm(w.key(), blocker, "ok").decision()
        .reason());
    require(w.session(ACME_SYNC).blockers().confirm(w.key(), blocker, "Venue access confirmed by sync."));
    assertEquals(1, w.ops.blockers().get(blocker).items().get(0).responses().size());
  }

  @Test
  void everyHostTruthTypeIsOnASurfaceThatNeverPromotesIt() {
    for (var type : Blockers.TYPES) {
      assertTrue(type.surface().neverPromotes().containsAll(type.hostTruths()), type.toString());
    }
    assertEquals(Set.of(dev.partnerkit.domain.SourceTruth.BLOCKER_WAIVER), Blockers.WAIVER.hostTruths());
    assertEquals(Set.of(), Blockers.RESPONSE.hostTruths(), "responses are evidence");
    assertEquals(SurfaceWorld.TENANT, w.ops.blockers().list(WEDDING).decision().tenantId());
  }
}
