package dev.partnerkit.policy.surface.runofshow;

import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.Placement;
import dev.partnerkit.domain.RecordNotFoundException;
import dev.partnerkit.domain.Visibility;
import dev.partnerkit.domain.internal.Checks;
import dev.partnerkit.policy.surface.ArtifactVersions;
import dev.partnerkit.policy.surface.approvals.ApprovalRequest;
import dev.partnerkit.policy.surface.approvals.PartnerApprovals;
import dev.partnerkit.policy.workspace.CommandResult;
import dev.partnerkit.policy.workspace.ReadResult;
import dev.partnerkit.policy.workspace.RecordCommands;
import dev.partnerkit.policy.workspace.RecordLookup;
import dev.partnerkit.spi.RecordQuery;
import dev.partnerkit.spi.TypedRecord;
import java.util.List;
import java.util.Optional;

/**
 * A partner session's side of the run-of-show surface ({@code /api/v1/partner-portal/run-of-show}, capability
 * {@code edit_run_of_show}): read the partner's runs of show and their versions that its grants cover, propose new
 * versions, and withdraw its proposals. A proposal is evidence for the operator to publish or decline; it creates no
 * canonical schedule assignment, clears no readiness, settles no payment and proves no delivery.
 */
public final class PartnerRunOfShow {
  private final RecordCommands records;
  private final RecordLookup lookup;
  private final PartnerApprovals approvals;
  private final OccasionId occasionId;
  private final PartnerId partnerId;

  private PartnerRunOfShow(RecordCommands records, RecordLookup lookup, OccasionId occasionId,
      PartnerId partnerId) {
    this.records = records;
    this.lookup = lookup;
    this.approvals = PartnerApprovals.over(records, lookup, occasionId, partnerId);
    this.occasionId = occasionId;
    this.partnerId = partnerId;
  }

  /** @return the run-of-show facade over a partner session's record commands, for its occasion and partner */
  public static PartnerRunOfShow over(RecordCommands records, RecordLookup lookup, OccasionId occasionId,
      PartnerId partnerId) {
    return new PartnerRunOfShow(Checks.required("records", records), Checks.required("lookup", lookup),
        Checks.required("occasionId", occasionId), Checks.required("partnerId", partnerId));
  }

  /** @return the first page (up to 500) of the partner's runs of show on the occasion that its grants cover */
  public ReadResult<RunOfShow> list() {
    return RunOfShowViews.shows(records.list(RunsOfShow.TYPE, RecordQuery.of(RunsOfShow.TYPE.wireName(),
        occasionId).limit(RecordQuery.MAX_LIMIT).build()));
  }

  /**
   * @return one of the partner's visible runs of show (the read is logged)
   * @throws RecordNotFoundException when there is no such run of show, or the partner may not see it
   */
  public ReadResult<RunOfShow> get(RunOfShowId runOfShowId) {
    Checks.required("runOfShowId", runOfShowId);
    return RunOfShowViews.shows(records.get(RunsOfShow.TYPE, runOfShowId.value()));
  }

  /** @return the versions of a run of show the partner may see, by number */
  public ReadResult<RunOfShowVersion> versions(RunOfShowId runOfShowId) {
    Checks.required("runOfShowId", runOfShowId);
    return RunOfShowViews.versionsOf(records, occasionId, runOfShowId);
  }

  /**
   * @return one version the partner may see (the read is logged)
   * @throws RecordNotFoundException when there is no such version, or the partner may not see it
   */
  public ReadResult<RunOfShowVersion> version(RunOfShowVersionId versionId) {
    Checks.required("versionId", versionId);
    return RunOfShowViews.versions(records.get(RunsOfShow.VERSION, versionId.value()));
  }

  /**
   * Proposes version {@code basedOn + 1} of one of the partner's runs of show, in the tenant's zone, for the operator
   * to publish or decline.
   *
   * @throws RecordNotFoundException when there is no such run of show, or the partner may not see it
   * @throws dev.partnerkit.spi.VersionConflictException when that version number exists: reload and propose again
   */
  public CommandResult propose(String idempotencyKey, RunOfShowProposal proposal) {
    Checks.required("proposal", proposal);
    // a run of show that is not with this partner is left to the kernel, which finds it not found
    Optional<TypedRecord<RunOfShowBody, RunOfShowStatus>> show = lookup.find(RunsOfShow.TYPE,
        proposal.runOfShowId().value()).filter(r -> ArtifactVersions.ownedBy(r, occasionId, partnerId));
    Placement at = Placement.builder().occasionId(occasionId).eventId(show.flatMap(s -> s.placement().eventId()))
        .partnerId(partnerId).build();
    RunOfShowVersionBody body = RunOfShowViews.body(proposal, lookup.zone());
    return records.create(idempotencyKey, RunsOfShow.VERSION, RunOfShowViews.versionPlacement(at,
        proposal.runOfShowId(), body), Visibility.PARTNER_VISIBLE, body, List.of());
  }

  /** Withdraws one of the partner's proposed versions. */
  public CommandResult withdraw(String idempotencyKey, RunOfShowVersionId versionId) {
    Checks.required("versionId", versionId);
    return records.transition(idempotencyKey, RunsOfShow.VERSION, versionId.value(),
        RunOfShowVersionStatus.WITHDRAWN, null);
  }

  /** @return the approval requests asked of the partner on one version, with their decisions */
  public ReadResult<ApprovalRequest> approvals(RunOfShowVersionId versionId) {
    Checks.required("versionId", versionId);
    return approvals.on(RunsOfShow.VERSION.ref(versionId.value()));
  }
}
