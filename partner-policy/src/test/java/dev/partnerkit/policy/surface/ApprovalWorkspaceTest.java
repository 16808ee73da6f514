package dev.partnerkit.policy.surface;

import static dev.partnerkit.policy.surface.ArtifactSurfaceWorld.ACME;
import static dev.partnerkit.policy.surface.ArtifactSurfaceWorld.DANA;
import static dev.partnerkit.policy.surface.ArtifactSurfaceWorld.LAKESIDE;
import static dev.partnerkit.policy.surface.ArtifactSurfaceWorld.RECEPTION;
import static dev.partnerkit.policy.surface.ArtifactSurfaceWorld.TENANT;
import static dev.partnerkit.policy.surface.ArtifactSurfaceWorld.VERA;
import static dev.partnerkit.policy.surface.ArtifactSurfaceWorld.WEDDING;
import static dev.partnerkit.policy.surface.ArtifactSurfaceWorld.require;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.domain.Placement;
import dev.partnerkit.domain.ReasonCode;
import dev.partnerkit.domain.RecordNotFoundException;
import dev.partnerkit.domain.RecordRef;
import dev.partnerkit.domain.ResourceId;
import dev.partnerkit.domain.Visibility;
import dev.partnerkit.policy.surface.approvals.ApprovalDecision;
import dev.partnerkit.policy.surface.approvals.ApprovalDraft;
import dev.partnerkit.policy.surface.approvals.ApprovalEvidence;
import dev.partnerkit.policy.surface.approvals.ApprovalOutcome;
import dev.partnerkit.policy.surface.approvals.ApprovalRequest;
import dev.partnerkit.policy.surface.approvals.ApprovalRequestBody;
import dev.partnerkit.policy.surface.approvals.ApprovalRequestId;
import dev.partnerkit.policy.surface.approvals.ApprovalRequirement;
import dev.partnerkit.policy.surface.approvals.ApprovalState;
import dev.partnerkit.policy.surface.approvals.Approvals;
import dev.partnerkit.policy.surface.approvals.DecisionDraft;
import dev.partnerkit.policy.workspace.CommandResult;
import dev.partnerkit.policy.workspace.PartnerSession;
import dev.partnerkit.spi.RecordLink;
import dev.partnerkit.spi.memory.InMemoryStorage;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The approvals surface through {@code ops.approvals()} and {@code session.approvals()}. */
class ApprovalWorkspaceTest {
  final ArtifactSurfaceWorld w = new ArtifactSurfaceWorld(InMemoryStorage.create());
  final String plan = w.document(LAKESIDE, "Reception floor plan");

  private ApprovalRequestId ask(RecordRef version) {
    return ApprovalRequestId.of(require(w.ops.approvals().request(w.key(), ApprovalDraft.builder()
        .pin(ArtifactPin.of(version)).title("Approve the floor plan")
        .addRequirements(ApprovalRequirement.of("exits", "Fire exits stay clear")).build())).recordId()
        .orElseThrow());
  }

  private static DecisionDraft approve(int version) {
    return DecisionDraft.builder().versionNumber(version).outcome(ApprovalOutcome.APPROVE).build();
  }

  @Test
  void anApprovalIsAskedOnAnExactVersionAndPinnedToIt() {
    RecordRef v2 = w.documentVersion(LAKESIDE, plan, 2, Visibility.PARTNER_VISIBLE);
    ApprovalRequestId id = ask(v2);
    ApprovalRequest request = w.ops.approvals().get(id).items().get(0);
    assertEquals(ArtifactTarget.of(v2, TestDocuments.DOCUMENT.ref(plan), 2), request.target());
    assertEquals(LAKESIDE, request.partnerId(), "asked of the partner the version is with");
    assertEquals(Optional.of(RECEPTION), request.eventId(), "placed where the version is");
    assertEquals(ApprovalState.AWAITING_DECISION, request.state());
    assertEquals(Optional.of(request.target()), request.needsDecisionOn());
    assertEquals(List.of(v2), w.ops.records().links(Approvals.REQUEST, id.value(), Optional.of(Approvals.PINS))
        .stream().map(RecordLink::to).toList(), "a kernel link pins the version");
    Placement at = w.ops.records().get(Approvals.REQUEST, id.value()).items().get(0).placement();
    assertEquals(Optional.of(ResourceId.of(v2.id())), at.resourceId());
    assertEquals(Optional.of(v2), at.parent());
  }

  @Test
  void aTargetWithoutAnExactVersionIsRefusedAndNothingIsWritten() {
    long[] journal = w.journal();
    CommandResult onDocument = w.ops.approvals().request(w.key(), ApprovalDraft.builder()
        .pin(ArtifactPin.of(TestDocuments.DOCUMENT.ref(plan))).title("Approve the plan").build());
    assertEquals(ReasonCode.EXACT_ARTIFACT_VERSION_REQUIRED, onDocument.decision().reason());
    assertTrue(onDocument.decision().explanation().contains("approval request 'Approve the plan' must attach to an"
        + " exact artifact version"), onDocument.decision().explanation());
    CommandResult noNumber = w.ops.approvals().request(w.key(), ApprovalDraft.builder()
        .pin(ArtifactPin.of(RecordRef.of(ArtifactPin.PROPOSAL_ARTIFACT_VERSION, "pav-7"))).occasionId(WEDDING)
        .partnerId(LAKESIDE).title("Approve the menu").build());
    assertEquals(ReasonCode.EXACT_ARTIFACT_VERSION_REQUIRED, noNumber.decision().reason());
    assertEquals(journal[0], w.activityCount(), "no activity");
    assertEquals(journal[2], w.storage.outbox().countPending(TENANT), "no event");
    assertEquals(journal[1] + 2, w.storage.decisions().count(TENANT), "the refusals are logged");
    assertTrue(w.ops.approvals().list(WEDDING).items().isEmpty());
    assertThrows(RecordNotFoundException.class, () -> w.ops.approvals().request(w.key(), ApprovalDraft.builder()
        .pin(ArtifactPin.of(TestDocuments.VERSION.ref("dv-missing"))).title("Approve").build()));
  }

  @Test
  void aNewerVersionMakesEarlierDecisionsStaleAndAsksForADecisionOnIt() {
    RecordRef v2 = w.documentVersion(LAKESIDE, plan, 2, Visibility.PARTNER_VISIBLE);
    ApprovalRequestId id = ask(v2);
    w.artifactGrant(LAKESIDE);
    PartnerSession vera = w.session(VERA);
    require(vera.approvals().decide(w.key(), id, approve(2)));
    assertEquals(ApprovalState.APPROVED, vera.approvals().get(id).items().get(0).state());

    w.documentVersion(LAKESIDE, plan, 4, Visibility.INTERNAL_ONLY);
    assertEquals(ApprovalState.APPROVED, w.ops.approvals().get(id).items().get(0).state(),
        "an internal-only draft supersedes nothing");

    RecordRef v3 = w.documentVersion(LAKESIDE, plan, 3, Visibility.PARTNER_VISIBLE);
    ApprovalRequest stale = vera.approvals().get(id).items().get(0);
    assertEquals(ApprovalState.NEEDS_NEW_DECISION, stale.state());
    assertEquals(3, stale.newestVersion().versionNumber());
    assertEquals(Optional.of(stale.newestVersion()), stale.needsDecisionOn());
    assertEquals(v3, stale.needsDecisionOn().orElseThrow().version());
    ApprovalDecision old = stale.decisions().get(0);
    assertTrue(old.stale(), "the decision on version 2 is marked stale");
    assertEquals(2, old.target().versionNumber(), "and stays on version 2");
    assertEquals(Optional.of(stale.newestVersion()), old.supersededBy());
    assertTrue(stale.currentDecision().isEmpty());

    require(vera.approvals().decide(w.key(), id, DecisionDraft.builder().versionNumber(3)
        .outcome(ApprovalOutcome.APPROVE_WITH_CHANGES).addChanges("Widen the north exit").build()));
    ApprovalRequest decided = w.ops.approvals().get(id).items().get(0);
    assertEquals(ApprovalState.APPROVED_WITH_CHANGES, decided.state());
    assertEquals(List.of(true, false), decided.decisions().stream().map(ApprovalDecision::stale).toList(),
        "both decisions are kept, the first stale");
    assertTrue(decided.needsDecisionOn().isEmpty());
  }

  @Test
  void aDecisionOnAnOlderVersionIsKeptAndStaleAtOnce() {
    RecordRef v2 = w.documentVersion(LAKESIDE, plan, 2, Visibility.PARTNER_VISIBLE);
    ApprovalRequestId id = ask(v2);
    w.documentVersion(LAKESIDE, plan, 3, Visibility.PARTNER_VISIBLE);
    w.artifactGrant(LAKESIDE);
    require(w.session(VERA).approvals().decide(w.key(), id, approve(2)));
    ApprovalRequest request = w.ops.approvals().get(id).items().get(0);
    assertTrue(request.decisions().get(0).stale());
    assertEquals(ApprovalState.NEEDS_NEW_DECISION, request.state());
    CommandResult none = w.session(VERA).approvals().decide(w.key(), id, approve(9));
    assertEquals(ReasonCode.EXACT_ARTIFACT_VERSION_REQUIRED, none.decision().reason(), "no version 9 exists");
  }

  @Test
  void aClosedRequestTakesNoDecisionsUntilReopened() {
    ApprovalRequestId id = ask(w.documentVersion(LAKESIDE, plan, 2, Visibility.PARTNER_VISIBLE));
    w.artifactGrant(LAKESIDE);
    PartnerSession vera = w.session(VERA);
    require(w.ops.approvals().close(w.key(), id, Optional.of("Reviewed on site")));
    CommandResult late = vera.approvals().decide(w.key(), id, approve(2));
    assertEquals(ReasonCode.APPROVAL_REQUEST_NOT_OPEN, late.decision().reason());
    assertTrue(late.decision().explanation().contains("is closed"), late.decision().explanation());
    assertEquals(ApprovalState.CLOSED, vera.approvals().get(id).items().get(0).state());
    require(w.ops.approvals().reopen(w.key(), id, Optional.empty()));
    assertTrue(vera.approvals().decide(w.key(), id, approve(2)).applied());
  }

  @Test
  void partnersDecideButNeverAskReviseOrMoveRequests() {
    RecordRef v2 = w.documentVersion(LAKESIDE, plan, 2, Visibility.PARTNER_VISIBLE);
    ApprovalRequestId id = ask(v2);
    w.artifactGrant(LAKESIDE);
    PartnerSession vera = w.session(VERA);
    Placement at = w.ops.records().get(Approvals.REQUEST, id.value()).items().get(0).placement();
    CommandResult create = vera.records().create(w.key(), Approvals.REQUEST, at, Visibility.PARTNER_VISIBLE,
        ApprovalRequestBody.builder().title("I approve myself").target(ArtifactTarget.of(v2,
            TestDocuments.DOCUMENT.ref(plan), 2)).build(), List.of());
    assertEquals(ReasonCode.OPERATOR_ONLY_ACTION, create.decision().reason());
    assertEquals(ReasonCode.OPERATOR_ONLY_TRANSITION, vera.records().transition(w.key(), Approvals.REQUEST,
        id.value(), dev.partnerkit.policy.surface.approvals.ApprovalRequestStatus.CLOSED, null).decision().reason());
    String decision = require(vera.approvals().decide(w.key(), id, approve(2))).recordId().orElseThrow();
    var stored = w.ops.records().get(Approvals.DECISION, decision).items().get(0);
    assertEquals(ReasonCode.RECORD_IMMUTABLE, w.ops.records().revise(w.key(), Approvals.DECISION, decision,
        stored.body(), null).decision().reason(), "not even an operator rewrites a decision");
  }

  @Test
  void approvingWithChangesListsThemAndARejectionSaysWhy() {
    assertThrows(InvalidValueException.class, () -> DecisionDraft.builder().versionNumber(0)
        .outcome(ApprovalOutcome.APPROVE).build());
    ApprovalRequestId id = ask(w.documentVersion(LAKESIDE, plan, 2, Visibility.PARTNER_VISIBLE));
    w.artifactGrant(LAKESIDE);
    PartnerSession vera = w.session(VERA);
    InvalidValueException noChanges = assertThrows(InvalidValueException.class, () -> vera.approvals()
        .decide(w.key(), id, DecisionDraft.builder().versionNumber(2).outcome(ApprovalOutcome.APPROVE_WITH_CHANGES)
            .build()));
    assertEquals("changes", noChanges.field());
    InvalidValueException noReason = assertThrows(InvalidValueException.class, () -> vera.approvals()
        .decide(w.key(), id, DecisionDraft.builder().versionNumber(2).outcome(ApprovalOutcome.REJECT).build()));
    assertEquals("note", noReason.field());
    require(vera.approvals().decide(w.key(), id, DecisionDraft.builder().versionNumber(2)
        .outcome(ApprovalOutcome.REJECT).note("The stage blocks the north exit").build()));
    assertEquals(ApprovalState.REJECTED, vera.approvals().get(id).items().get(0).state());
  }

  @Test
  void evidenceIsLinkedAndMustBeVisibleToTheApprover() {
    RecordRef v2 = w.documentVersion(LAKESIDE, plan, 2, Visibility.PARTNER_VISIBLE);
    ApprovalRequestId id = ask(v2);
    String acmeDoc = w.document(ACME, "Acme's delivery note");
    w.artifactGrant(LAKESIDE);
    PartnerSession vera = w.session(VERA);
    assertThrows(RecordNotFoundException.class, () -> vera.approvals().decide(w.key(), id, DecisionDraft.builder()
        .versionNumber(2).outcome(ApprovalOutcome.APPROVE).addEvidence(ApprovalEvidence.builder()
            .record(TestDocuments.DOCUMENT.ref(acmeDoc)).build()).build()));
    String decision = require(vera.approvals().decide(w.key(), id, DecisionDraft.builder().versionNumber(2)
        .outcome(ApprovalOutcome.APPROVE).addEvidence(ApprovalEvidence.builder().requirement("exits")
            .note("Walked the exits").record(RecordRef.of("site_photo", "ph-1")).build()).build()))
        .recordId().orElseThrow();
    assertEquals(List.of(RecordRef.of("site_photo", "ph-1")), w.ops.records().links(Approvals.DECISION, decision,
        Optional.of(Approvals.EVIDENCE)).stream().map(RecordLink::to).toList());
    assertEquals(List.of(v2), w.ops.records().links(Approvals.DECISION, decision, Optional.of(Approvals.PINS))
        .stream().map(RecordLink::to).toList());
    InvalidValueException unknown = assertThrows(InvalidValueException.class, () -> w.ops.approvals().decide(
        w.key(), id, DecisionDraft.builder().versionNumber(2).outcome(ApprovalOutcome.APPROVE)
            .addEvidence(ApprovalEvidence.builder().requirement("parking").note("n").build()).build()));
    assertEquals("evidence.requirement", unknown.field());
  }

  @Test
  void anotherPartnersRequestIsNotFoundLikeAMissingOne() {
    ApprovalRequestId id = ask(w.documentVersion(LAKESIDE, plan, 2, Visibility.PARTNER_VISIBLE));
    w.artifactGrant(ACME);
    PartnerSession dana = w.session(DANA);
    assertTrue(dana.approvals().list().items().isEmpty());
    RecordNotFoundException other = assertThrows(RecordNotFoundException.class,
        () -> dana.approvals().decide(w.key(), id, approve(2)));
    RecordNotFoundException missing = assertThrows(RecordNotFoundException.class,
        () -> dana.approvals().decide(w.key(), ApprovalRequestId.of("ar-missing"), approve(2)));
    assertEquals(missing.getMessage().replace("ar-missing", id.value()), other.getMessage());
  }

  @Test
  void aPartnerWithoutTheApprovalsSurfaceGetsTheGatesDecisionWhateverTheRequest() {
    ApprovalRequestId id = ask(w.documentVersion(LAKESIDE, plan, 2, Visibility.PARTNER_VISIBLE));
    w.grant(LAKESIDE, List.of(dev.partnerkit.domain.Surface.DOCUMENTS), List.of(), List.of(), List.of());
    PartnerSession vera = w.session(VERA);
    assertEquals(ReasonCode.SURFACE_NOT_GRANTED, vera.approvals().decide(w.key(), id, approve(2)).decision()
        .reason());
    assertEquals(ReasonCode.SURFACE_NOT_GRANTED, vera.approvals().decide(w.key(), ApprovalRequestId.of("ar-x"),
        approve(2)).decision().reason());
  }

  @Test
  void aGrantNarrowedToOneVersionCoversDecisionsOnItOnly() {
    RecordRef v2 = w.documentVersion(LAKESIDE, plan, 2, Visibility.PARTNER_VISIBLE);
    ApprovalRequestId id = ask(v2);
    w.grant(LAKESIDE, ArtifactSurfaceWorld.ARTIFACT_SURFACES, ArtifactSurfaceWorld.ARTIFACT_CAPABILITIES, List.of(),
        List.of(ResourceId.of(v2.id())));
    PartnerSession vera = w.session(VERA);
    assertEquals(1, vera.approvals().list().items().size());
    require(vera.approvals().decide(w.key(), id, approve(2)));
    w.documentVersion(LAKESIDE, plan, 3, Visibility.PARTNER_VISIBLE);
    ApprovalRequest seen = vera.approvals().get(id).items().get(0);
    assertEquals(3, seen.needsDecisionOn().orElseThrow().versionNumber());
    // version 3 is outside the grant, so to the partner it is a record it may not see (the kernel checks the pinned
    // version before it decides): the operator widens the grant first
    assertThrows(RecordNotFoundException.class, () -> vera.approvals().decide(w.key(), id, approve(3)));
  }

  @Test
  void aHostsProposalArtifactVersionIsPinnedWithItsNumberAndNewerOnesAreReported() {
    RecordRef artifact = RecordRef.of("proposal_artifact", "pa-menu");
    ApprovalRequestId id = ApprovalRequestId.of(require(w.ops.approvals().request(w.key(), ApprovalDraft.builder()
        .pin(ArtifactPin.hostVersion("pav-2", artifact, 2)).occasionId(WEDDING).eventId(RECEPTION)
        .partnerId(LAKESIDE).title("Approve the menu, version 2").build())).recordId().orElseThrow());
    w.artifactGrant(LAKESIDE);
    PartnerSession vera = w.session(VERA);
    require(vera.approvals().decide(w.key(), id, approve(2)));
    assertEquals(ApprovalState.APPROVED, vera.approvals().get(id).items().get(0).state());
    require(w.ops.approvals().reportNewerVersion(w.key(), id, ArtifactPin.hostVersion("pav-3", artifact, 3)));
    ApprovalRequest stale = vera.approvals().get(id).items().get(0);
    assertEquals(ApprovalState.NEEDS_NEW_DECISION, stale.state());
    assertEquals(RecordRef.of(ArtifactPin.PROPOSAL_ARTIFACT_VERSION, "pav-3"),
        stale.needsDecisionOn().orElseThrow().version());
    assertThrows(InvalidValueException.class, () -> w.ops.approvals().reportNewerVersion(w.key(), id,
        ArtifactPin.hostVersion("pav-1", artifact, 1)));
    require(vera.approvals().decide(w.key(), id, approve(3)));
    assertEquals(ApprovalState.APPROVED, vera.approvals().get(id).items().get(0).state());
    assertFalse(vera.approvals().get(id).items().get(0).decisions().get(1).stale());
  }

  @Test
  void aDecisionRetryReplaysAndWritesNothing() {
    ApprovalRequestId id = ask(w.documentVersion(LAKESIDE, plan, 2, Visibility.PARTNER_VISIBLE));
    w.artifactGrant(LAKESIDE);
    PartnerSession vera = w.session(VERA);
    CommandResult first = require(vera.approvals().decide("k-decide", id, approve(2)));
    long[] journal = w.journal();
    CommandResult again = vera.approvals().decide("k-decide", id, approve(2));
    assertTrue(again.replayed());
    assertEquals(first.recordId(), again.recordId());
    assertArrayEquals(journal, w.journal());
    assertEquals(1, w.ops.approvals().get(id).items().get(0).decisions().size());
  }
}
