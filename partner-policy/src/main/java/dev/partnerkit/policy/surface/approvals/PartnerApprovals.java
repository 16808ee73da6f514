package dev.partnerkit.policy.surface.approvals;

import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.Placement;
import dev.partnerkit.domain.RecordNotFoundException;
import dev.partnerkit.domain.RecordRef;
import dev.partnerkit.domain.Visibility;
import dev.partnerkit.domain.internal.Checks;
import dev.partnerkit.policy.surface.ArtifactTarget;
import dev.partnerkit.policy.surface.ArtifactVersions;
import dev.partnerkit.policy.workspace.CommandResult;
import dev.partnerkit.policy.workspace.ReadResult;
import dev.partnerkit.policy.workspace.RecordCommands;
import dev.partnerkit.policy.workspace.RecordLookup;
import dev.partnerkit.spi.RecordQuery;
import dev.partnerkit.spi.TypedRecord;
import java.util.Optional;

/**
 * A partner session's side of the approvals surface ({@code /api/v1/partner-portal/approvals}, capability
 * {@code approve_artifact}): read the approval requests asked of the partner that its grants cover, with their
 * decisions, and decide them — approve, approve with changes, or reject one exact version, with evidence. A decision
 * is evidence for the operator's review: it never records proposal acceptance, settles payment, clears job readiness
 * or proves provider delivery.
 */
public final class PartnerApprovals {
  private final RecordCommands records;
  private final RecordLookup lookup;
  private final ArtifactVersions versions;
  private final OccasionId occasionId;
  private final PartnerId partnerId;

  private PartnerApprovals(RecordCommands records, RecordLookup lookup, OccasionId occasionId, PartnerId partnerId) {
    this.records = records;
    this.lookup = lookup;
    this.versions = ArtifactVersions.over(lookup);
    this.occasionId = occasionId;
    this.partnerId = partnerId;
  }

  /** @return the approvals facade over a partner session's record commands, for its occasion and partner */
  public static PartnerApprovals over(RecordCommands records, RecordLookup lookup, OccasionId occasionId,
      PartnerId partnerId) {
    return new PartnerApprovals(Checks.required("records", records), Checks.required("lookup", lookup),
        Checks.required("occasionId", occasionId), Checks.required("partnerId", partnerId));
  }

  /** @return the first page (up to 500) of the approval requests asked of the partner that its grants cover */
  public ReadResult<ApprovalRequest> list() {
    return list(RecordQuery.of(Approvals.REQUEST.wireName(), occasionId).limit(RecordQuery.MAX_LIMIT).build());
  }

  /** @return one page of the partner's visible approval requests matching {@code query} */
  public ReadResult<ApprovalRequest> list(RecordQuery query) {
    return ApprovalViews.page(records, versions, records.list(Approvals.REQUEST, query));
  }

  /** @return the partner's visible approval requests on one exact version (first page, up to 500) */
  public ReadResult<ApprovalRequest> on(RecordRef version) {
    Checks.required("version", version);
    return list(RecordQuery.of(Approvals.REQUEST.wireName(), occasionId).parent(version)
        .limit(RecordQuery.MAX_LIMIT).build());
  }

  /**
   * @return one of the partner's visible approval requests, with the decisions it may see (the read is logged)
   * @throws RecordNotFoundException when there is no such request, or the partner may not see it
   */
  public ReadResult<ApprovalRequest> get(ApprovalRequestId requestId) {
    Checks.required("requestId", requestId);
    return ApprovalViews.page(records, versions, records.get(Approvals.REQUEST, requestId.value()));
  }

  /**
   * Decides an approval request on the version numbered {@code draft.versionNumber()} of its artifact. A decision on
   * an older version than the newest is recorded and shown stale at once; a number that is no version of the
   * artifact is refused with {@code exact_artifact_version_required}; a closed or withdrawn request with
   * {@code approval_request_not_open}.
   *
   * @throws RecordNotFoundException when there is no such request, or the partner may not see it (or the version,
   *     or a record offered as evidence)
   */
  public CommandResult decide(String idempotencyKey, ApprovalRequestId requestId, DecisionDraft draft) {
    Checks.required("requestId", requestId);
    Checks.required("draft", draft);
    RecordRef ref = Approvals.REQUEST.ref(requestId.value());
    // a request that is not with this partner is left to the kernel, which finds it not found like a missing one
    Optional<TypedRecord<ApprovalRequestBody, ApprovalRequestStatus>> request = lookup
        .find(Approvals.REQUEST, requestId.value())
        .filter(r -> ArtifactVersions.ownedBy(r, occasionId, partnerId));
    Optional<ArtifactTarget> target = request.flatMap(r -> ApprovalViews.numbered(versions, r,
        draft.versionNumber()));
    Placement placement = Placement.builder().occasionId(occasionId)
        .eventId(request.flatMap(r -> r.placement().eventId())).partnerId(partnerId).parent(ref)
        .resourceId(target.map(ArtifactTarget::resource)).build();
    return records.create(idempotencyKey, Approvals.DECISION, placement, Visibility.PARTNER_VISIBLE,
        ApprovalViews.decisionBody(target, draft), ApprovalViews.decisionLinks(target, draft));
  }
}
