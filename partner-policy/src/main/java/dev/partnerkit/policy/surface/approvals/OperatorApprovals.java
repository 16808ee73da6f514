package dev.partnerkit.policy.surface.approvals;

import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.Placement;
import dev.partnerkit.domain.RecordNotFoundException;
import dev.partnerkit.domain.RecordRef;
import dev.partnerkit.domain.Visibility;
import dev.partnerkit.domain.internal.Checks;
import dev.partnerkit.policy.surface.ArtifactPin;
import dev.partnerkit.policy.surface.ArtifactTarget;
import dev.partnerkit.policy.surface.ArtifactVersions;
import dev.partnerkit.policy.workspace.CommandResult;
import dev.partnerkit.policy.workspace.ReadResult;
import dev.partnerkit.policy.workspace.RecordCommands;
import dev.partnerkit.policy.workspace.RecordLookup;
import dev.partnerkit.spi.RecordQuery;
import dev.partnerkit.spi.TypedRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operator's side of the approvals surface ({@code /api/v1/partners/approvals}): ask a partner for approval of an
 * exact version, record a decision a partner gave another way, close, withdraw and reopen requests, report newer
 * versions of a host's proposal artifact, and read requests with their decisions. A thin typed layer over
 * {@link RecordCommands}: every command is decided, journaled and idempotent. Closing a request records the
 * operator's review; it accepts no proposal, settles no payment and clears no readiness.
 */
public final class OperatorApprovals {
  private final RecordCommands records;
  private final RecordLookup lookup;
  private final ArtifactVersions versions;

  private OperatorApprovals(RecordCommands records, RecordLookup lookup) {
    this.records = records;
    this.lookup = lookup;
    this.versions = ArtifactVersions.over(lookup);
  }

  /** @return the approvals facade over an operator's record commands and its workspace's records */
  public static OperatorApprovals over(RecordCommands records, RecordLookup lookup) {
    return new OperatorApprovals(Checks.required("records", records), Checks.required("lookup", lookup));
  }

  /**
   * Asks the partner the version is with (or, for a host version, the partner named) to approve one exact version.
   * A target that is no exact version is refused with {@code exact_artifact_version_required}.
   *
   * @throws InvalidValueException when the draft contradicts the version's placement, or names no partner
   * @throws RecordNotFoundException when the named record does not exist
   */
  public CommandResult request(String idempotencyKey, ApprovalDraft draft) {
    Checks.required("draft", draft);
    ArtifactVersions.Pinned pinned = versions.placeForOperator(draft.pin(), draft.occasionId(), draft.eventId(),
        draft.partnerId());
    Checks.check(pinned.placement().partnerId().isPresent(), "partnerId", "an approval is asked of a partner, but "
        + draft.pin().ref() + " is with no partner and the draft names none");
    ApprovalRequestBody body = ApprovalRequestBody.builder().title(draft.title()).target(pinned.target())
        .message(draft.message()).requirements(draft.requirements()).dueAt(draft.dueAt()).build();
    return records.create(idempotencyKey, Approvals.REQUEST, pinned.placement(), Visibility.PARTNER_VISIBLE, body,
        pins(pinned.target()));
  }

  /**
   * Records a decision the partner gave another way (on the phone, by mail), on the version numbered
   * {@code draft.versionNumber()} of the request's artifact; it is placed with the request's partner.
   *
   * @throws RecordNotFoundException when there is no such request
   * @throws InvalidValueException when evidence names a requirement the request does not have
   */
  public CommandResult decide(String idempotencyKey, ApprovalRequestId requestId, DecisionDraft draft) {
    Checks.required("requestId", requestId);
    Checks.required("draft", draft);
    TypedRecord<ApprovalRequestBody, ApprovalRequestStatus> request = lookup.find(Approvals.REQUEST,
        requestId.value()).orElseThrow(() -> new RecordNotFoundException("requestId", "approval request",
            requestId.value()));
    for (ApprovalEvidence e : draft.evidence()) {
      e.requirement().ifPresent(key -> Checks.check(request.body().requirements().stream()
          .anyMatch(r -> r.key().equals(key)), "evidence.requirement", "evidence.requirement must be one of the"
              + " request's requirements, but was " + Checks.show(key)));
    }
    Optional<ArtifactTarget> target = ApprovalViews.numbered(versions, request, draft.versionNumber());
    Placement at = request.placement();
    Placement placement = Placement.builder().occasionId(at.occasionId()).eventId(at.eventId())
        .partnerId(at.partnerId()).parent(request.ref()).resourceId(target.map(ArtifactTarget::resource)).build();
    return records.create(idempotencyKey, Approvals.DECISION, placement, Visibility.PARTNER_VISIBLE,
        ApprovalViews.decisionBody(target, draft), ApprovalViews.decisionLinks(target, draft));
  }

  /** Closes an open request: the operator's review is done. */
  public CommandResult close(String idempotencyKey, ApprovalRequestId requestId, Optional<String> note) {
    return move(idempotencyKey, requestId, ApprovalRequestStatus.CLOSED, note);
  }

  /** Withdraws an open request. */
  public CommandResult withdraw(String idempotencyKey, ApprovalRequestId requestId, Optional<String> note) {
    return move(idempotencyKey, requestId, ApprovalRequestStatus.WITHDRAWN, note);
  }

  /** Reopens a closed or withdrawn request, so it takes decisions again. */
  public CommandResult reopen(String idempotencyKey, ApprovalRequestId requestId, Optional<String> note) {
    return move(idempotencyKey, requestId, ApprovalRequestStatus.OPEN, note);
  }

  /**
   * Reports that a host's proposal artifact, whose version a request is on, has a newer version: decisions on older
   * versions become stale and the request asks for a decision on it. (Newer kernel versions, such as document or
   * run-of-show versions, are found without a report.)
   *
   * @param newer the newer host version, with its artifact and number
   * @throws InvalidValueException when the request is not on a host version, or {@code newer} is not a newer version
   *     of the same artifact
   */
  public CommandResult reportNewerVersion(String idempotencyKey, ApprovalRequestId requestId, ArtifactPin newer) {
    Checks.required("requestId", requestId);
    Checks.required("newer", newer);
    Checks.check(newer.artifact().isPresent() && newer.versionNumber().isPresent()
        && ArtifactPin.PROPOSAL_ARTIFACT_VERSION.equals(newer.ref().type()), "newer",
        "newer must be a " + ArtifactPin.PROPOSAL_ARTIFACT_VERSION + " with its artifact and number, but was "
            + newer.ref());
    ArtifactTarget reported = ArtifactTarget.of(newer.ref(), newer.artifact().get(), newer.versionNumber().get());
    return records.revise(idempotencyKey, Approvals.REQUEST, requestId.value(), body -> {
      List<ArtifactTarget> all = new ArrayList<>(body.reportedVersions());
      all.add(reported);
      return ImmutableApprovalRequestBody.copyOf(body).withReportedVersions(all);
    }, Map.of("reportedVersion", reported), Optional.empty(), null);
  }

  /**
   * @return the request with its decisions (the read's decision is logged)
   * @throws RecordNotFoundException when the tenant has no such request
   */
  public ReadResult<ApprovalRequest> get(ApprovalRequestId requestId) {
    Checks.required("requestId", requestId);
    return ApprovalViews.page(records, versions, records.get(Approvals.REQUEST, requestId.value()));
  }

  /** @return the first page (up to 500) of the occasion's approval requests, every partner's, ordered by id */
  public ReadResult<ApprovalRequest> list(OccasionId occasionId) {
    Checks.required("occasionId", occasionId);
    return list(RecordQuery.of(Approvals.REQUEST.wireName(), occasionId).limit(RecordQuery.MAX_LIMIT).build());
  }

  /** @return one page of approval requests matching {@code query} (its type must be {@code approval_request}) */
  public ReadResult<ApprovalRequest> list(RecordQuery query) {
    return ApprovalViews.page(records, versions, records.list(Approvals.REQUEST, query));
  }

  /** @return the approval requests asked on one exact version (first page, up to 500) */
  public ReadResult<ApprovalRequest> on(OccasionId occasionId, RecordRef version) {
    Checks.required("occasionId", occasionId);
    Checks.required("version", version);
    return list(RecordQuery.of(Approvals.REQUEST.wireName(), occasionId).parent(version)
        .limit(RecordQuery.MAX_LIMIT).build());
  }

  private CommandResult move(String key, ApprovalRequestId requestId, ApprovalRequestStatus to,
      Optional<String> note) {
    Checks.required("requestId", requestId);
    return records.transition(key, Approvals.REQUEST, requestId.value(), to, note, null);
  }

  static List<RecordCommands.NewLink> pins(Optional<ArtifactTarget> target) {
    return target.map(t -> List.of(new RecordCommands.NewLink(Approvals.PINS, t.version()))).orElse(List.of());
  }
}
