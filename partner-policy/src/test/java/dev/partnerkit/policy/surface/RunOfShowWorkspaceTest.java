package dev.partnerkit.policy.surface;

import static dev.partnerkit.policy.surface.ArtifactSurfaceWorld.ACME;
import static dev.partnerkit.policy.surface.ArtifactSurfaceWorld.DANA;
import static dev.partnerkit.policy.surface.ArtifactSurfaceWorld.LAKESIDE;
import static dev.partnerkit.policy.surface.ArtifactSurfaceWorld.LAKESIDE_SYNC;
import static dev.partnerkit.policy.surface.ArtifactSurfaceWorld.TENANT;
import static dev.partnerkit.policy.surface.ArtifactSurfaceWorld.VERA;
import static dev.partnerkit.policy.surface.ArtifactSurfaceWorld.WEDDING;
import static dev.partnerkit.policy.surface.ArtifactSurfaceWorld.item;
import static dev.partnerkit.policy.surface.ArtifactSurfaceWorld.proposal;
import static dev.partnerkit.policy.surface.ArtifactSurfaceWorld.require;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.domain.PartnerCapability;
import dev.partnerkit.domain.ReasonCode;
import dev.partnerkit.domain.RecordNotFoundException;
import dev.partnerkit.domain.ResourceId;
import dev.partnerkit.domain.Surface;
import dev.partnerkit.policy.surface.approvals.ApprovalOutcome;
import dev.partnerkit.policy.surface.approvals.ApprovalRequest;
import dev.partnerkit.policy.surface.approvals.ApprovalRequirement;
import dev.partnerkit.policy.surface.approvals.ApprovalState;
import dev.partnerkit.policy.surface.approvals.DecisionDraft;
import dev.partnerkit.policy.surface.runofshow.RunOfShow;
import dev.partnerkit.policy.surface.runofshow.RunOfShowItemKind;
import dev.partnerkit.policy.surface.runofshow.RunOfShowId;
import dev.partnerkit.policy.surface.runofshow.RunOfShowVersion;
import dev.partnerkit.policy.surface.runofshow.RunOfShowVersionBody;
import dev.partnerkit.policy.surface.runofshow.RunOfShowVersionId;
import dev.partnerkit.policy.surface.runofshow.RunOfShowVersionStatus;
import dev.partnerkit.policy.surface.runofshow.RunsOfShow;
import dev.partnerkit.policy.workspace.CommandResult;
import dev.partnerkit.policy.workspace.PartnerSession;
import dev.partnerkit.spi.VersionConflictException;
import dev.partnerkit.spi.memory.InMemoryStorage;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The run-of-show surface through {@code ops.runOfShow()} and {@code session.runOfShow()}. */
class RunOfShowWorkspaceTest {
  final ArtifactSurfaceWorld w = new ArtifactSurfaceWorld(InMemoryStorage.create());

  @Test
  void aPartnerProposesAVersionInTheTenantZoneAndOnlyAnOperatorPublishesIt() {
    RunOfShowId show = w.runOfShow(LAKESIDE);
    w.artifactGrant(LAKESIDE);
    PartnerSession vera = w.session(VERA);
    assertEquals(List.of(show), vera.runOfShow().list().items().stream().map(RunOfShow::runOfShowId).toList());

    CommandResult proposed = vera.runOfShow().propose(w.key(), proposal(show, 0, "First timeline",
        item("doors", RunOfShowItemKind.VENUE_MILESTONE, "Doors open", "2026-11-14T16:00"),
        item("bar-setup", RunOfShowItemKind.SETUP, "Bar set-up", "2026-11-14T15:00")));
    assertTrue(proposed.applied(), proposed.decision().render());
    RunOfShowVersionId v1 = RunOfShowVersionId.of(proposed.recordId().orElseThrow());
    assertEquals(RunsOfShow.versionId(show, 1), v1.value(), "a version's id is its run of show's and its number");

    RunOfShowVersion version = vera.runOfShow().version(v1).items().get(0);
    assertEquals(1, version.versionNumber());
    assertEquals(RunOfShowVersionStatus.PROPOSED, version.status());
    assertEquals("America/Chicago", version.zone().getId(), "times are in the tenant's zone");
    assertEquals(ZonedDateTime.parse("2026-11-14T16:00-06:00[America/Chicago]"),
        version.startOf(version.items().get(0)));
    assertEquals("partner_member:u-vera", version.proposedBy());

    CommandResult publish = vera.records().transition(w.key(), RunsOfShow.VERSION, v1.value(),
        RunOfShowVersionStatus.PUBLISHED, null);
    assertEquals(ReasonCode.OPERATOR_ONLY_TRANSITION, publish.decision().reason());
    require(w.ops.runOfShow().publish(w.key(), v1));
    assertEquals(RunOfShowVersionStatus.PUBLISHED, w.ops.runOfShow().version(v1).items().get(0).status());
    assertEquals(List.of(1), vera.runOfShow().versions(show).items().stream()
        .map(RunOfShowVersion::versionNumber).toList());
  }

  @Test
  void twoProposalsOfTheSameNumberCannotBothBeStoredAndARetryReplays() {
    RunOfShowId show = w.runOfShow(LAKESIDE);
    w.artifactGrant(LAKESIDE);
    PartnerSession vera = w.session(VERA);
    CommandResult first = require(vera.runOfShow().propose("k-propose", proposal(show, 0, "Mine",
        item("pickup", RunOfShowItemKind.PICKUP, "Glassware pickup", "2026-11-15T10:00"))));
    long[] journal = w.journal();
    CommandResult retry = vera.runOfShow().propose("k-propose", proposal(show, 0, "Mine",
        item("pickup", RunOfShowItemKind.PICKUP, "Glassware pickup", "2026-11-15T10:00")));
    assertTrue(retry.replayed());
    assertEquals(first.recordId(), retry.recordId());
    assertArrayEquals(journal, w.journal(), "a retry writes nothing");

    VersionConflictException raced = assertThrows(VersionConflictException.class, () -> w.ops.runOfShow()
        .propose(w.key(), proposal(show, 0, "Also version 1",
            item("pickup", RunOfShowItemKind.PICKUP, "Glassware pickup", "2026-11-15T11:00"))));
    assertEquals("run_of_show_version", raced.recordType());
    assertArrayEquals(journal, w.journal(), "the losing proposal wrote nothing");
    assertTrue(w.ops.runOfShow().propose(w.key(), proposal(show, 1, "Later pickup",
        item("pickup", RunOfShowItemKind.PICKUP, "Glassware pickup", "2026-11-15T11:00"))).applied());
    InvalidValueException ahead = assertThrows(InvalidValueException.class, () -> w.ops.runOfShow()
        .propose(w.key(), proposal(show, 7, "Too far", item("x", RunOfShowItemKind.SETUP, "X", "2026-11-15T11:00"))));
    assertEquals("basedOn", ahead.field());
  }

  @Test
  void aVersionNeverChanges() {
    RunOfShowId show = w.runOfShow(LAKESIDE);
    RunOfShowVersionId v1 = w.publishedVersion(show, 0, "First");
    RunOfShowVersionBody body = w.ops.records().get(RunsOfShow.VERSION, v1.value()).items().get(0).body();
    CommandResult revise = w.ops.records().revise(w.key(), RunsOfShow.VERSION, v1.value(),
        dev.partnerkit.policy.surface.runofshow.ImmutableRunOfShowVersionBody.copyOf(body).withSummary("Edited"),
        null);
    assertEquals(ReasonCode.RECORD_IMMUTABLE, revise.decision().reason());
    assertTrue(revise.decision().explanation().contains("never changes once recorded"),
        revise.decision().explanation());
    assertEquals(Optional.of("First"), w.ops.runOfShow().version(v1).items().get(0).summary());
  }

  @Test
  void aRunOfShowOfAnotherPartnerIsNotFoundLikeAMissingOne() {
    RunOfShowId acmes = w.runOfShow(ACME);
    w.artifactGrant(LAKESIDE);
    PartnerSession vera = w.session(VERA);
    assertTrue(vera.runOfShow().list().items().isEmpty());
    RecordNotFoundException other = assertThrows(RecordNotFoundException.class, () -> vera.runOfShow()
        .propose(w.key(), proposal(acmes, 0, "Sneaky", item("x", RunOfShowItemKind.SETUP, "X", "2026-11-14T10:00"))));
    RunOfShowId missing = RunOfShowId.of("ros-missing");
    RecordNotFoundException none = assertThrows(RecordNotFoundException.class, () -> vera.runOfShow()
        .propose(w.key(), proposal(missing, 0, "Sneaky", item("x", RunOfShowItemKind.SETUP, "X",
            "2026-11-14T10:00"))));
    assertEquals(none.getMessage().replace("ros-missing", acmes.value()), other.getMessage());
  }

  @Test
  void integrationsReadButWriteOnlyWhenWritesAreStored() {
    RunOfShowId show = w.runOfShow(LAKESIDE);
    w.integrationGrant();
    PartnerSession sync = w.session(LAKESIDE_SYNC);
    assertEquals(1, sync.runOfShow().list().items().size());
    CommandResult refused = sync.runOfShow().propose(w.key(), proposal(show, 0, "From the venue system",
        item("doors", RunOfShowItemKind.VENUE_MILESTONE, "Doors open", "2026-11-14T16:00")));
    assertEquals(ReasonCode.INTEGRATION_READ_ONLY, refused.decision().reason());
    PartnerSession writer = w.session(dev.partnerkit.domain.ImmutableIntegrationPrincipal.copyOf(LAKESIDE_SYNC)
        .withWriteEnabled(true));
    assertTrue(writer.runOfShow().propose(w.key(), proposal(show, 0, "From the venue system",
        item("doors", RunOfShowItemKind.VENUE_MILESTONE, "Doors open", "2026-11-14T16:00"))).applied());
  }

  @Test
  void theRunOfShowSurfaceNeedsItsCapability() {
    w.runOfShow(LAKESIDE);
    w.grant(LAKESIDE, EnumSet.of(Surface.RUN_OF_SHOW), EnumSet.of(PartnerCapability.APPROVE_ARTIFACT), List.of(),
        List.of());
    assertEquals(ReasonCode.CAPABILITY_MISSING, w.session(VERA).runOfShow().list().decision().reason());
  }

  @Test
  void aTimeTheClocksSkipIsRefused() {
    RunOfShowId show = w.runOfShow(LAKESIDE);
    InvalidValueException gap = assertThrows(InvalidValueException.class, () -> w.ops.runOfShow().propose(w.key(),
        proposal(show, 0, "Spring", item("early", RunOfShowItemKind.DELIVERY, "Delivery", "2027-03-14T02:30"))));
    assertEquals("items.startsAt", gap.field());
    assertTrue(gap.getMessage().contains("does not exist in America/Chicago"), gap.getMessage());
  }

  @Test
  void aPartnerWithdrawsItsProposalAndOperatorsDeclineOthers() {
    RunOfShowId show = w.runOfShow(LAKESIDE);
    w.artifactGrant(LAKESIDE);
    PartnerSession vera = w.session(VERA);
    RunOfShowVersionId v1 = RunOfShowVersionId.of(require(vera.runOfShow().propose(w.key(), proposal(show, 0, "A",
        item("a", RunOfShowItemKind.SETUP, "A", "2026-11-14T10:00")))).recordId().orElseThrow());
    require(vera.runOfShow().withdraw(w.key(), v1));
    RunOfShowVersionId v2 = RunOfShowVersionId.of(require(vera.runOfShow().propose(w.key(), proposal(show, 1, "B",
        item("a", RunOfShowItemKind.SETUP, "A", "2026-11-14T11:00")))).recordId().orElseThrow());
    assertEquals(ReasonCode.OPERATOR_ONLY_TRANSITION, vera.records().transition(w.key(), RunsOfShow.VERSION,
        v2.value(), RunOfShowVersionStatus.DECLINED, null).decision().reason());
    require(w.ops.runOfShow().decline(w.key(), v2, Optional.of("Doors cannot open before noon")));
    assertEquals(List.of(RunOfShowVersionStatus.WITHDRAWN, RunOfShowVersionStatus.DECLINED), w.ops.runOfShow()
        .versions(show).items().stream().map(RunOfShowVersion::status).toList());
  }

  @Test
  void aRunOfShowApprovalGoesThroughApprovalsAndDeclinedProposalsMakeNothingStale() {
    RunOfShowId show = w.runOfShow(LAKESIDE);
    RunOfShowVersionId v1 = w.publishedVersion(show, 0, "Published timeline");
    w.artifactGrant(LAKESIDE);
    require(w.ops.runOfShow().requestApproval(w.key(), v1, "Approve the reception timeline",
        List.of(ApprovalRequirement.of("load-in", "Load-in through the north dock works"))));
    PartnerSession vera = w.session(VERA);
    ApprovalRequest asked = vera.runOfShow().approvals(v1).items().get(0);
    assertEquals(RunsOfShow.VERSION.ref(v1.value()), asked.target().version());
    assertEquals(RunsOfShow.TYPE.ref(show.value()), asked.target().artifact());
    assertEquals(ResourceId.of(v1.value()), asked.target().resource());
    require(vera.approvals().decide(w.key(), asked.requestId(), DecisionDraft.builder().versionNumber(1)
        .outcome(ApprovalOutcome.APPROVE).build()));

    // a proposal of version 2 supersedes version 1 while it stands; declined, it supersedes nothing
    RunOfShowVersionId v2 = RunOfShowVersionId.of(require(vera.runOfShow().propose(w.key(), proposal(show, 1,
        "Later doors", item("doors", RunOfShowItemKind.VENUE_MILESTONE, "Doors", "2026-11-14T17:00"))))
        .recordId().orElseThrow());
    assertEquals(ApprovalState.NEEDS_NEW_DECISION, w.ops.runOfShow().approvals(v1).items().get(0).state());
    require(w.ops.runOfShow().decline(w.key(), v2, Optional.empty()));
    ApprovalRequest after = w.ops.runOfShow().approvals(v1).items().get(0);
    assertEquals(ApprovalState.APPROVED, after.state());
    assertFalse(after.decisions().get(0).stale());
    assertEquals(TENANT, after.tenantId());
    assertEquals(WEDDING, after.occasionId());
  }

  @Test
  void aDecisionOnAProposalThatIsDeclinedLaterStillReplays() {
    RunOfShowId show = w.runOfShow(LAKESIDE);
    RunOfShowVersionId v1 = w.publishedVersion(show, 0, "Published timeline");
    w.artifactGrant(LAKESIDE);
    require(w.ops.runOfShow().requestApproval(w.key(), v1, "Approve the timeline", List.of()));
    PartnerSession vera = w.session(VERA);
    RunOfShowVersionId v2 = RunOfShowVersionId.of(require(vera.runOfShow().propose(w.key(), proposal(show, 1,
        "Later doors", item("doors", RunOfShowItemKind.VENUE_MILESTONE, "Doors", "2026-11-14T17:00"))))
        .recordId().orElseThrow());
    ApprovalRequest asked = vera.runOfShow().approvals(v1).items().get(0);
    DecisionDraft onTwo = DecisionDraft.builder().versionNumber(2).outcome(ApprovalOutcome.APPROVE).build();
    CommandResult first = require(vera.approvals().decide("k-two", asked.requestId(), onTwo));
    require(w.ops.runOfShow().decline(w.key(), v2, Optional.empty()));
    CommandResult retry = vera.approvals().decide("k-two", asked.requestId(), onTwo);
    assertTrue(retry.replayed(), "the same version resolves on the retry, declined or not");
    assertEquals(first.recordId(), retry.recordId());
  }

  @Test
  void anotherPartnerSeesNoneOfIt() {
    RunOfShowId show = w.runOfShow(LAKESIDE);
    w.publishedVersion(show, 0, "Published");
    w.artifactGrant(ACME);
    PartnerSession dana = w.session(DANA);
    assertTrue(dana.runOfShow().list().items().isEmpty());
    assertTrue(dana.runOfShow().versions(show).items().isEmpty());
    assertThrows(RecordNotFoundException.class, () -> dana.runOfShow().get(show));
  }
}
