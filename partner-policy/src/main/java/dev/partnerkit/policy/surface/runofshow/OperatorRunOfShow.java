package dev.partnerkit.policy.surface.runofshow;

import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.Placement;
import dev.partnerkit.domain.RecordNotFoundException;
import dev.partnerkit.domain.Visibility;
import dev.partnerkit.domain.internal.Checks;
import dev.partnerkit.policy.surface.ArtifactPin;
import dev.partnerkit.policy.surface.approvals.ApprovalDraft;
import dev.partnerkit.policy.surface.approvals.ApprovalRequest;
import dev.partnerkit.policy.surface.approvals.ApprovalRequirement;
import dev.partnerkit.policy.surface.approvals.OperatorApprovals;
import dev.partnerkit.policy.workspace.CommandResult;
import dev.partnerkit.policy.workspace.ReadResult;
import dev.partnerkit.policy.workspace.RecordCommands;
import dev.partnerkit.policy.workspace.RecordLookup;
import dev.partnerkit.spi.RecordQuery;
import dev.partnerkit.spi.TypedRecord;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The operator's side of the run-of-show surface ({@code /api/v1/partners/run-of-show}): open a partner's run of
 * show, propose versions, publish or decline proposals, ask the partner to approve a version (a
 * {@code RunOfShowApproval}, through the approvals surface), and read runs of show and their versions. Publishing
 * records the operator's review of the timeline; it creates no canonical schedule assignment.
 */
public final class OperatorRunOfShow {
  private final RecordCommands records;
  private final RecordLookup lookup;
  private final OperatorApprovals approvals;

  private OperatorRunOfShow(RecordCommands records, RecordLookup lookup) {
    this.records = records;
    this.lookup = lookup;
    this.approvals = OperatorApprovals.over(records, lookup);
  }

  /** @return the run-of-show facade over an operator's record commands and its workspace's records */
  public static OperatorRunOfShow over(RecordCommands records, RecordLookup lookup) {
    return new OperatorRunOfShow(Checks.required("records", records), Checks.required("lookup", lookup));
  }

  /** Opens a run of show (active, partner-visible) for one partner's timeline. */
  public CommandResult create(String idempotencyKey, RunOfShowDraft draft) {
    Checks.required("draft", draft);
    Placement placement = Placement.builder().occasionId(draft.occasionId()).eventId(draft.eventId())
        .partnerId(draft.partnerId()).build();
    return records.create(idempotencyKey, RunsOfShow.TYPE, placement, Visibility.PARTNER_VISIBLE, draft.body(),
        List.of());
  }

  /**
   * Proposes version {@code basedOn + 1}, in the tenant's zone, for the operator to publish.
   *
   * @throws RecordNotFoundException when there is no such run of show
   * @throws InvalidValueException when {@code basedOn} is newer than the newest version
   * @throws dev.partnerkit.spi.VersionConflictException when that version number exists: reload and propose again
   */
  public CommandResult propose(String idempotencyKey, RunOfShowProposal proposal) {
    Checks.required("proposal", proposal);
    TypedRecord<RunOfShowBody, RunOfShowStatus> show = show(proposal.runOfShowId());
    int newest = lookup.children(RunsOfShow.VERSION, show.placement().occasionId(), show.ref()).stream()
        .mapToInt(v -> v.body().versionNumber()).max().orElse(0);
    Checks.check(proposal.basedOn() <= newest, "basedOn", "basedOn must be a version that exists (the newest is "
        + newest + "), but was " + proposal.basedOn());
    RunOfShowVersionBody body = RunOfShowViews.body(proposal, lookup.zone());
    return records.create(idempotencyKey, RunsOfShow.VERSION, RunOfShowViews.versionPlacement(show.placement(),
        proposal.runOfShowId(), body), show.visibility(), body, List.of());
  }

  /** Publishes a proposed version: the timeline everyone works from; no schedule assignment is created. */
  public CommandResult publish(String idempotencyKey, RunOfShowVersionId versionId) {
    return move(idempotencyKey, versionId, RunOfShowVersionStatus.PUBLISHED, Optional.empty());
  }

  /** Declines a proposed version, saying why. */
  public CommandResult decline(String idempotencyKey, RunOfShowVersionId versionId, Optional<String> note) {
    return move(idempotencyKey, versionId, RunOfShowVersionStatus.DECLINED, note);
  }

  /** Withdraws a proposed version. */
  public CommandResult withdraw(String idempotencyKey, RunOfShowVersionId versionId) {
    return move(idempotencyKey, versionId, RunOfShowVersionStatus.WITHDRAWN, Optional.empty());
  }

  /** Archives an active run of show. */
  public CommandResult archive(String idempotencyKey, RunOfShowId runOfShowId) {
    Checks.required("runOfShowId", runOfShowId);
    return records.transition(idempotencyKey, RunsOfShow.TYPE, runOfShowId.value(), RunOfShowStatus.ARCHIVED,
        null);
  }

  /** Restores an archived run of show. */
  public CommandResult restore(String idempotencyKey, RunOfShowId runOfShowId) {
    Checks.required("runOfShowId", runOfShowId);
    return records.transition(idempotencyKey, RunsOfShow.TYPE, runOfShowId.value(), RunOfShowStatus.ACTIVE, null);
  }

  /**
   * Asks the run of show's partner to approve one exact version (a {@code RunOfShowApproval}): an approval request
   * pinned to the version, read and decided through the approvals surface.
   */
  public CommandResult requestApproval(String idempotencyKey, RunOfShowVersionId versionId, String title,
      Collection<ApprovalRequirement> requirements) {
    Checks.required("versionId", versionId);
    return approvals.request(idempotencyKey, ApprovalDraft.builder()
        .pin(ArtifactPin.of(RunsOfShow.VERSION.ref(versionId.value()))).title(title).requirements(requirements)
        .build());
  }

  /** @return the approval requests on one version, with their decisions */
  public ReadResult<ApprovalRequest> approvals(RunOfShowVersionId versionId) {
    Checks.required("versionId", versionId);
    TypedRecord<RunOfShowVersionBody, RunOfShowVersionStatus> version = lookup.find(RunsOfShow.VERSION,
        versionId.value()).orElseThrow(() -> new RecordNotFoundException("versionId", "run-of-show version",
            versionId.value()));
    return approvals.on(version.placement().occasionId(), version.ref());
  }

  /**
   * @return the run of show (the read's decision is logged)
   * @throws RecordNotFoundException when the tenant has no such run of show
   */
  public ReadResult<RunOfShow> get(RunOfShowId runOfShowId) {
    Checks.required("runOfShowId", runOfShowId);
    return RunOfShowViews.shows(records.get(RunsOfShow.TYPE, runOfShowId.value()));
  }

  /** @return the first page (up to 500) of the occasion's runs of show, ordered by id */
  public ReadResult<RunOfShow> list(OccasionId occasionId) {
    Checks.required("occasionId", occasionId);
    return RunOfShowViews.shows(records.list(RunsOfShow.TYPE, RecordQuery.of(RunsOfShow.TYPE.wireName(),
        occasionId).limit(RecordQuery.MAX_LIMIT).build()));
  }

  /**
   * @return the versions of a run of show, by number
   * @throws RecordNotFoundException when the tenant has no such run of show
   */
  public ReadResult<RunOfShowVersion> versions(RunOfShowId runOfShowId) {
    TypedRecord<RunOfShowBody, RunOfShowStatus> show = show(runOfShowId);
    return RunOfShowViews.versionsOf(records, show.placement().occasionId(), runOfShowId);
  }

  /**
   * @return one version (the read's decision is logged)
   * @throws RecordNotFoundException when the tenant has no such version
   */
  public ReadResult<RunOfShowVersion> version(RunOfShowVersionId versionId) {
    Checks.required("versionId", versionId);
    return RunOfShowViews.versions(records.get(RunsOfShow.VERSION, versionId.value()));
  }

  private TypedRecord<RunOfShowBody, RunOfShowStatus> show(RunOfShowId id) {
    Checks.required("runOfShowId", id);
    return lookup.find(RunsOfShow.TYPE, id.value()).orElseThrow(() -> new RecordNotFoundException("runOfShowId",
        "run of show", id.value()));
  }

  private CommandResult move(String key, RunOfShowVersionId versionId, RunOfShowVersionStatus to,
      Optional<String> note) {
    Checks.required("versionId", versionId);
    return records.transition(key, RunsOfShow.VERSION, versionId.value(), to, note, null);
  }
}
