package dev.partnerkit.jdbc;

import static dev.partnerkit.jdbc.ArtifactWorld.LAKESIDE;
import static dev.partnerkit.jdbc.ArtifactWorld.LAKESIDE_SYNC;
import static dev.partnerkit.jdbc.ArtifactWorld.RECEPTION;
import static dev.partnerkit.jdbc.ArtifactWorld.TENANT;
import static dev.partnerkit.jdbc.ArtifactWorld.VERA;
import static dev.partnerkit.jdbc.ArtifactWorld.WEDDING;
import static dev.partnerkit.jdbc.ArtifactWorld.require;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnerkit.domain.PartnerCapability;
import dev.partnerkit.domain.ReasonCode;
import dev.partnerkit.domain.RecordRef;
import dev.partnerkit.domain.SourceTruth;
import dev.partnerkit.domain.Surface;
import dev.partnerkit.domain.Visibility;
import dev.partnerkit.policy.surface.ArtifactPin;
import dev.partnerkit.policy.surface.annotations.Annotation;
import dev.partnerkit.policy.surface.documents.DocumentContext;
import dev.partnerkit.policy.surface.documents.DocumentId;
import dev.partnerkit.policy.surface.documents.DocumentKind;
import dev.partnerkit.policy.surface.documents.DocumentLinkTarget;
import dev.partnerkit.policy.surface.documents.DocumentUpload;
import dev.partnerkit.policy.surface.documents.Documents;
import dev.partnerkit.policy.surface.documents.PartnerDocumentDraft;
import dev.partnerkit.policy.surface.annotations.AnnotationAnchor;
import dev.partnerkit.policy.surface.annotations.AnnotationDraft;
import dev.partnerkit.policy.surface.annotations.AnnotationId;
import dev.partnerkit.policy.surface.annotations.AnnotationRange;
import dev.partnerkit.policy.surface.annotations.AnnotationRegion;
import dev.partnerkit.policy.surface.annotations.AnnotationStatus;
import dev.partnerkit.policy.surface.approvals.ApprovalDraft;
import dev.partnerkit.policy.surface.approvals.ApprovalEvidence;
import dev.partnerkit.policy.surface.approvals.ApprovalOutcome;
import dev.partnerkit.policy.surface.approvals.ApprovalRequest;
import dev.partnerkit.policy.surface.approvals.ApprovalRequestId;
import dev.partnerkit.policy.surface.approvals.ApprovalRequirement;
import dev.partnerkit.policy.surface.approvals.ApprovalState;
import dev.partnerkit.policy.surface.approvals.DecisionDraft;
import dev.partnerkit.policy.surface.runofshow.RunOfShowDraft;
import dev.partnerkit.policy.surface.runofshow.RunOfShowId;
import dev.partnerkit.policy.surface.runofshow.RunOfShowItem;
import dev.partnerkit.policy.surface.runofshow.RunOfShowItemKind;
import dev.partnerkit.policy.surface.runofshow.RunOfShowProposal;
import dev.partnerkit.policy.surface.runofshow.RunOfShowVersion;
import dev.partnerkit.policy.surface.runofshow.RunOfShowVersionId;
import dev.partnerkit.policy.surface.runofshow.RunOfShowVersionStatus;
import dev.partnerkit.policy.surface.runofshow.RunsOfShow;
import dev.partnerkit.policy.workspace.CommandResult;
import dev.partnerkit.policy.workspace.PartnerSession;
import dev.partnerkit.spi.OutboxEvent;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One scenario per artifact surface, walking its paragraph of the product document, and the demo scene of issue 8,
 * each on the in-memory store, H2 and PostgreSQL.
 */
class ArtifactSurfaceScenarioTest {
  private static RunOfShowItem item(String id, RunOfShowItemKind kind, String title, String startsAt,
      String endsAt) {
    return RunOfShowItem.builder().itemId(id).kind(kind).title(title).startsAt(LocalDateTime.parse(startsAt))
        .endsAt(LocalDateTime.parse(endsAt)).build();
  }

  /** Every outbox event is about an evidence record of these types: none names a source truth. */
  private static void onlyEvidenceEvents(ArtifactWorld w, Set<String> types) {
    List<OutboxEvent> pending = w.storage.unitOfWork().inTransaction(() -> w.storage.outbox()
        .claimPending(TENANT, 500));
    assertEquals(w.storage.outbox().countPending(TENANT), pending.size());
    for (OutboxEvent e : pending) {
      String type = e.type();
      if (type.startsWith("access_grant.") || type.startsWith("occasion.")) {
        continue; // Maya's own grant and entitlement changes
      }
      assertTrue(types.contains(type.substring(0, type.indexOf('.'))), type);
      for (SourceTruth truth : SourceTruth.values()) {
        assertFalse(type.contains(truth.wireName()) || e.payload().contains(truth.wireName()), e.toString());
      }
    }
  }

  /**
   * "Versioned partner timelines for delivery, setup, service, breakdown, pickup, and venue milestones ... Partner
   * run-of-show versions and approvals do not create canonical schedule assignments, clear readiness, settle
   * payment, or prove provider delivery."
   */
  @ParameterizedTest
  @EnumSource(ArtifactWorld.Store.class)
  void runOfShow(ArtifactWorld.Store store) {
    assertEquals("/api/v1/partners/run-of-show", Surface.RUN_OF_SHOW.internalPath());
    assertEquals("/api/v1/partner-portal/run-of-show", Surface.RUN_OF_SHOW.portalPath());
    assertEquals(Optional.of(PartnerCapability.EDIT_RUN_OF_SHOW), Surface.RUN_OF_SHOW.requiredCapability());
    assertEquals(List.of("RunOfShow", "RunOfShowVersion", "RunOfShowItem", "RunOfShowApproval"),
        Surface.RUN_OF_SHOW.entities());
    ArtifactWorld w = new ArtifactWorld(store);
    RunOfShowId show = RunOfShowId.of(require(w.ops.runOfShow().create(w.key(), RunOfShowDraft.builder()
        .occasionId(WEDDING).eventId(RECEPTION).partnerId(LAKESIDE).title("Reception: venue timeline").build()))
        .recordId().orElseThrow());

    w.grant(EnumSet.of(Surface.RUN_OF_SHOW), EnumSet.of(PartnerCapability.APPROVE_ARTIFACT), null);
    assertEquals(ReasonCode.CAPABILITY_MISSING, w.session(VERA).runOfShow().list().decision().reason());
    w.grant();
    PartnerSession vera = w.session(VERA);
    List<RunOfShowItem> day = List.of(
        item("linen", RunOfShowItemKind.DELIVERY, "Linen delivery", "2026-11-14T09:00", "2026-11-14T09:30"),
        item("bar", RunOfShowItemKind.SETUP, "Bar set-up", "2026-11-14T14:00", "2026-11-14T16:00"),
        item("doors", RunOfShowItemKind.VENUE_MILESTONE, "Doors open", "2026-11-14T17:00", "2026-11-14T17:15"),
        item("dinner", RunOfShowItemKind.SERVICE, "Dinner service", "2026-11-14T18:00", "2026-11-14T20:30"),
        item("strike", RunOfShowItemKind.BREAKDOWN, "Breakdown", "2026-11-14T23:00", "2026-11-15T00:30"),
        item("pickup", RunOfShowItemKind.PICKUP, "Glassware pickup", "2026-11-15T10:00", "2026-11-15T11:00"));
    RunOfShowVersionId v1 = RunOfShowVersionId.of(require(vera.runOfShow().propose(w.key(), RunOfShowProposal
        .builder().runOfShowId(show).basedOn(0).items(day).summary("The venue's first timeline").build()))
        .recordId().orElseThrow());
    RunOfShowVersion proposed = vera.runOfShow().version(v1).items().get(0);
    assertEquals(day, proposed.items(), "items come back as proposed");
    assertEquals(ZonedDateTime.parse("2026-11-15T00:30-06:00[America/Chicago]"),
        proposed.endOf(proposed.items().get(4)).orElseThrow());
    assertEquals(ReasonCode.OPERATOR_ONLY_TRANSITION, vera.records().transition(w.key(), RunsOfShow.VERSION,
        v1.value(), RunOfShowVersionStatus.PUBLISHED, null).decision().reason(), "a partner never publishes");
    require(w.ops.runOfShow().publish(w.key(), v1));

    require(w.ops.runOfShow().requestApproval(w.key(), v1, "Approve the reception timeline",
        List.of(ApprovalRequirement.of("dock", "Deliveries use the north dock"))));
    ApprovalRequest asked = vera.runOfShow().approvals(v1).items().get(0);
    require(vera.approvals().decide(w.key(), asked.requestId(), DecisionDraft.builder().versionNumber(1)
        .outcome(ApprovalOutcome.APPROVE).build()));
    assertEquals(ApprovalState.APPROVED, w.ops.runOfShow().approvals(v1).items().get(0).state());

    require(vera.runOfShow().propose(w.key(), RunOfShowProposal.builder().runOfShowId(show).basedOn(1)
        .items(day.subList(0, 5)).addItems(item("pickup", RunOfShowItemKind.PICKUP, "Glassware pickup",
            "2026-11-15T13:00", "2026-11-15T14:00")).summary("Later pickup").build()));
    ApprovalRequest after = vera.runOfShow().approvals(v1).items().get(0);
    assertEquals(ApprovalState.NEEDS_NEW_DECISION, after.state(), "the approval of version 1 is stale");
    assertEquals(2, after.needsDecisionOn().orElseThrow().versionNumber());
    assertEquals(List.of(1, 2), w.ops.runOfShow().versions(show).items().stream()
        .map(RunOfShowVersion::versionNumber).toList());

    w.grant(ArtifactWorld.SURFACES, ArtifactWorld.CAPABILITIES, LAKESIDE_SYNC);
    PartnerSession sync = w.session(LAKESIDE_SYNC);
    assertEquals(2, sync.runOfShow().versions(show).items().size(), "an integration reads");
    assertEquals(ReasonCode.INTEGRATION_READ_ONLY, sync.runOfShow().propose(w.key(), RunOfShowProposal.builder()
        .runOfShowId(show).basedOn(2).items(day).build()).decision().reason(), "and writes only when allowed to");
    onlyEvidenceEvents(w, Set.of("run_of_show", "run_of_show_version", "approval_request", "approval_decision"));
  }

  /**
   * "Approval requests, requirements, decisions, and evidence attached to exact documents, proposal artifacts, or
   * run-of-show versions ... Approval decisions stay attached to the exact artifact/version target and do not record
   * proposal acceptance, settle payment, clear job readiness, or prove provider delivery."
   */
  @ParameterizedTest
  @EnumSource(ArtifactWorld.Store.class)
  void approvals(ArtifactWorld.Store store) {
    assertEquals("/api/v1/partner-portal/approvals", Surface.APPROVALS.portalPath());
    assertEquals(Optional.of(PartnerCapability.APPROVE_ARTIFACT), Surface.APPROVALS.requiredCapability());
    ArtifactWorld w = new ArtifactWorld(store);
    String plan = require(w.ops.records().create(w.key(), ArtifactWorld.DOCUMENT, ArtifactWorld.atReception(),
        Visibility.PARTNER_VISIBLE, new ArtifactWorld.DocumentBody("Floor plan"), List.of())).recordId()
        .orElseThrow();
    RecordRef planV1 = ArtifactWorld.DOCUMENT_VERSION.ref(require(w.ops.records().create(w.key(),
        ArtifactWorld.DOCUMENT_VERSION, ArtifactWorld.versionOf(plan, 1), Visibility.PARTNER_VISIBLE,
        new ArtifactWorld.VersionBody(1, "plan.pdf"), List.of())).recordId().orElseThrow());
    RecordRef menu = RecordRef.of("proposal_artifact", "pa-menu");

    // exact documents, proposal artifacts (with their number) and run-of-show versions; nothing vaguer
    ApprovalRequestId onPlan = ApprovalRequestId.of(require(w.ops.approvals().request(w.key(), ApprovalDraft
        .builder().pin(ArtifactPin.of(planV1)).title("Approve the floor plan")
        .addRequirements(ApprovalRequirement.of("exits", "Fire exits stay clear")).build())).recordId()
        .orElseThrow());
    ApprovalRequestId onMenu = ApprovalRequestId.of(require(w.ops.approvals().request(w.key(), ApprovalDraft
        .builder().pin(ArtifactPin.hostVersion("pav-menu-3", menu, 3)).occasionId(WEDDING).eventId(RECEPTION)
        .partnerId(LAKESIDE).title("Approve the menu").build())).recordId().orElseThrow());
    assertEquals(ReasonCode.EXACT_ARTIFACT_VERSION_REQUIRED, w.ops.approvals().request(w.key(), ApprovalDraft
        .builder().pin(ArtifactPin.of(ArtifactWorld.DOCUMENT.ref(plan))).title("Approve the plan").build())
        .decision().reason());
    assertEquals(ReasonCode.EXACT_ARTIFACT_VERSION_REQUIRED, w.ops.approvals().request(w.key(), ApprovalDraft
        .builder().pin(ArtifactPin.of(RecordRef.of(ArtifactPin.PROPOSAL_ARTIFACT_VERSION, "pav-menu-3")))
        .occasionId(WEDDING).partnerId(LAKESIDE).title("Approve the menu").build()).decision().reason());

    w.grant();
    PartnerSession vera = w.session(VERA);
    assertEquals(2, vera.approvals().list().items().size());
    require(vera.approvals().decide(w.key(), onPlan, DecisionDraft.builder().versionNumber(1)
        .outcome(ApprovalOutcome.APPROVE).addEvidence(ApprovalEvidence.builder().requirement("exits")
            .note("Walked both exits").build()).build()));
    require(vera.approvals().decide(w.key(), onMenu, DecisionDraft.builder().versionNumber(3)
        .outcome(ApprovalOutcome.APPROVE_WITH_CHANGES).addChanges("No shellfish at table 4").build()));
    ApprovalRequest plans = vera.approvals().get(onPlan).items().get(0);
    assertEquals(ApprovalState.APPROVED, plans.state());
    assertEquals(planV1, plans.currentDecision().orElseThrow().target().version(), "attached to the exact version");
    assertEquals(List.of(ApprovalEvidence.builder().requirement("exits").note("Walked both exits").build()),
        plans.currentDecision().orElseThrow().evidence());

    require(w.ops.approvals().reportNewerVersion(w.key(), onMenu, ArtifactPin.hostVersion("pav-menu-4", menu, 4)));
    ApprovalRequest menus = w.ops.approvals().get(onMenu).items().get(0);
    assertEquals(ApprovalState.NEEDS_NEW_DECISION, menus.state());
    assertTrue(menus.decisions().get(0).stale());
    assertEquals(3, menus.decisions().get(0).target().versionNumber(), "the stale decision stays on version 3");
    require(w.ops.approvals().close(w.key(), onPlan, Optional.of("Reviewed")));
    assertEquals(ReasonCode.APPROVAL_REQUEST_NOT_OPEN, vera.approvals().decide(w.key(), onPlan, DecisionDraft
        .builder().versionNumber(1).outcome(ApprovalOutcome.APPROVE).build()).decision().reason());
    onlyEvidenceEvents(w, Set.of(ArtifactWorld.DOCUMENT.wireName(), ArtifactWorld.DOCUMENT_VERSION.wireName(),
        "approval_request", "approval_decision"));
  }

  /**
   * "Version-specific annotations on document versions, proposal artifacts, and run-of-show versions ...
   * Annotation targets keep the version, anchor, status, and resolution trail stable."
   */
  @ParameterizedTest
  @EnumSource(ArtifactWorld.Store.class)
  void annotations(ArtifactWorld.Store store) {
    assertEquals(Optional.of(PartnerCapability.ANNOTATE_ARTIFACT), Surface.ANNOTATIONS.requiredCapability());
    ArtifactWorld w = new ArtifactWorld(store);
    String plan = require(w.ops.records().create(w.key(), ArtifactWorld.DOCUMENT, ArtifactWorld.atReception(),
        Visibility.PARTNER_VISIBLE, new ArtifactWorld.DocumentBody("Floor plan"), List.of())).recordId()
        .orElseThrow();
    RecordRef v1 = ArtifactWorld.DOCUMENT_VERSION.ref(require(w.ops.records().create(w.key(),
        ArtifactWorld.DOCUMENT_VERSION, ArtifactWorld.versionOf(plan, 1), Visibility.PARTNER_VISIBLE,
        new ArtifactWorld.VersionBody(1, "plan.pdf"), List.of())).recordId().orElseThrow());
    RunOfShowId show = RunOfShowId.of(require(w.ops.runOfShow().create(w.key(), RunOfShowDraft.builder()
        .occasionId(WEDDING).eventId(RECEPTION).partnerId(LAKESIDE).title("Timeline").build())).recordId()
        .orElseThrow());
    RunOfShowVersionId rv1 = RunOfShowVersionId.of(require(w.ops.runOfShow().propose(w.key(), RunOfShowProposal
        .builder().runOfShowId(show).basedOn(0).addItems(item("bar", RunOfShowItemKind.SETUP, "Bar set-up",
            "2026-11-14T14:00", "2026-11-14T16:00")).build())).recordId().orElseThrow());
    w.grant();
    PartnerSession vera = w.session(VERA);

    AnnotationAnchor region = AnnotationAnchor.region(2, AnnotationRegion.of(6000, 2000, 2500, 1500));
    AnnotationId onPlan = AnnotationId.of(require(vera.annotations().annotate(w.key(), AnnotationDraft.builder()
        .pin(ArtifactPin.of(v1)).anchor(region).text("The bar blocks the fire exit \u2014 move it \u00e0 gauche")
        .build())).recordId().orElseThrow());
    AnnotationId onMenu = AnnotationId.of(require(vera.annotations().annotate(w.key(), AnnotationDraft.builder()
        .pin(ArtifactPin.hostVersion("pav-menu-3", RecordRef.of("proposal_artifact", "pa-menu"), 3))
        .eventId(RECEPTION).anchor(AnnotationAnchor.builder().page(1).range(AnnotationRange.of(120, 164)).build())
        .text("Shellfish at table 4?").build())).recordId().orElseThrow());
    AnnotationId onItem = AnnotationId.of(require(vera.annotations().annotate(w.key(), AnnotationDraft.builder()
        .pin(ArtifactPin.of(RunsOfShow.VERSION.ref(rv1.value()))).anchor(AnnotationAnchor.item("bar"))
        .text("Bar set-up needs an extra hour").build())).recordId().orElseThrow());
    assertEquals(ReasonCode.EXACT_ARTIFACT_VERSION_REQUIRED, vera.annotations().annotate(w.key(), AnnotationDraft
        .builder().pin(ArtifactPin.of(RunsOfShow.TYPE.ref(show.value()))).anchor(AnnotationAnchor.item("bar"))
        .text("Which version?").build()).decision().reason());

    Annotation made = vera.annotations().get(onPlan).items().get(0);
    require(w.ops.annotations().resolve(w.key(), onPlan, Optional.of("Moved in version 2")));
    require(vera.annotations().reopen(w.key(), onPlan, Optional.of("Still blocks the exit")));
    require(w.ops.annotations().resolve(w.key(), onPlan, Optional.empty()));
    require(w.ops.records().create(w.key(), ArtifactWorld.DOCUMENT_VERSION, ArtifactWorld.versionOf(plan, 2),
        Visibility.PARTNER_VISIBLE, new ArtifactWorld.VersionBody(2, "plan-2.pdf"), List.of()));

    Annotation later = vera.annotations().get(onPlan).items().get(0);
    assertEquals(made.target(), later.target(), "version and anchor stay as made");
    assertEquals(made.text(), later.text());
    assertEquals(AnnotationStatus.RESOLVED, later.status());
    assertEquals(List.of(AnnotationStatus.RESOLVED, AnnotationStatus.OPEN, AnnotationStatus.RESOLVED),
        later.trail().stream().map(t -> t.toStatus()).toList());
    assertEquals(Optional.of("Still blocks the exit"), later.trail().get(1).note());
    assertEquals(2, later.newerVersion().orElseThrow().versionNumber());
    assertEquals(Set.of(onPlan, onMenu, onItem), new TreeSet<>(vera.annotations().list().items().stream()
        .map(Annotation::annotationId).toList()));
    assertEquals("page 1, characters 120-164", vera.annotations().get(onMenu).items().get(0).target().anchor()
        .describe());
    onlyEvidenceEvents(w, Set.of(ArtifactWorld.DOCUMENT.wireName(), ArtifactWorld.DOCUMENT_VERSION.wireName(),
        "run_of_show", "run_of_show_version", "annotation"));
  }

  /**
   * The demo scene of issue 8: Lakeside uploads a floor plan and links it to the reception, Maya asks for approval of
   * version 2, Lakeside annotates it and approves, and version 3 makes that approval stale.
   */
  @ParameterizedTest
  @EnumSource(ArtifactWorld.Store.class)
  void floorPlanScene(ArtifactWorld.Store store) {
    ArtifactWorld w = new ArtifactWorld(store);
    w.grant();
    PartnerSession vera = w.session(VERA);
    DocumentId plan = DocumentId.of(require(vera.documents().create(w.key(), PartnerDocumentDraft.builder()
        .title("Reception floor plan").kind(DocumentKind.FLOOR_PLAN).build())).recordId().orElseThrow());
    for (int n = 1; n <= 2; n++) {
      require(vera.documents().upload(w.key(), plan, floorPlan(n)));
    }
    assertEquals(DocumentContext.EventIdentity.PENDING,
        w.ops.documents().context(plan).items().get(0).eventIdentity());
    require(w.ops.documents().link(w.key(), plan, DocumentLinkTarget.event(RECEPTION)));
    assertEquals(Optional.of(RECEPTION), w.ops.documents().context(plan).items().get(0).eventId());
    RecordRef v2 = Documents.VERSION.ref(plan.value() + "-2");

    ApprovalRequestId asked = ApprovalRequestId.of(require(w.ops.approvals().request(w.key(), ApprovalDraft
        .builder().pin(ArtifactPin.of(v2)).title("Approve the reception floor plan, version 2")
        .addRequirements(ApprovalRequirement.of("exits", "Fire exits stay clear")).build())).recordId()
        .orElseThrow());

    AnnotationId redline = AnnotationId.of(require(vera.annotations().annotate(w.key(), AnnotationDraft.builder()
        .pin(ArtifactPin.of(v2)).anchor(AnnotationAnchor.region(1, AnnotationRegion.of(6000, 2000, 2500, 1500)))
        .text("We will move the bar two metres towards the terrace").build())).recordId().orElseThrow());
    CommandResult approved = require(vera.approvals().decide(w.key(), asked, DecisionDraft.builder()
        .versionNumber(2).outcome(ApprovalOutcome.APPROVE_WITH_CHANGES).addChanges("Bar two metres to the terrace")
        .addEvidence(ApprovalEvidence.builder().requirement("exits").note("See the redline")
            .record(dev.partnerkit.policy.surface.annotations.Annotations.TYPE.ref(redline.value())).build())
        .build()));
    assertTrue(approved.decision().explanation().contains("approve_artifact"), approved.decision().explanation());
    assertEquals(ApprovalState.APPROVED_WITH_CHANGES, w.ops.approvals().get(asked).items().get(0).state());

    require(vera.documents().upload(w.key(), plan, floorPlan(3)));
    ApprovalRequest stale = w.ops.approvals().get(asked).items().get(0);
    assertEquals(ApprovalState.NEEDS_NEW_DECISION, stale.state());
    assertTrue(stale.decisions().get(0).stale(), "the approval of version 2 is stale, not deleted");
    assertEquals(Documents.VERSION.ref(plan.value() + "-3"), stale.needsDecisionOn().orElseThrow().version());
    Annotation kept = vera.annotations().get(redline).items().get(0);
    assertEquals(v2, kept.target().version().version(), "the redline stays on version 2");
    assertEquals(3, kept.newerVersion().orElseThrow().versionNumber());
  }

  private static DocumentUpload floorPlan(int n) {
    return DocumentUpload.builder().title("floor-plan-v" + n + ".pdf").mediaType("application/pdf")
        .sizeBytes(120_000 + n).contentHash("sha256:" + Integer.toHexString(n).repeat(64).substring(0, 64))
        .storageKey("lakeside/floor-plan/v" + n).build();
  }
}
