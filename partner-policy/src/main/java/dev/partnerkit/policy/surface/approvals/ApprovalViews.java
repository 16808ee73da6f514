package dev.partnerkit.policy.surface.approvals;

import dev.partnerkit.domain.Placement;
import dev.partnerkit.domain.RecordRef;
import dev.partnerkit.policy.surface.ArtifactTarget;
import dev.partnerkit.policy.surface.ArtifactVersions;
import dev.partnerkit.policy.workspace.ReadResult;
import dev.partnerkit.policy.workspace.RecordCommands;
import dev.partnerkit.spi.RecordQuery;
import dev.partnerkit.spi.TypedRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Turns approval records into {@link ApprovalRequest} views: the decisions come from the reader's own listing (so a
 * partner sees exactly the decisions a per-record check allows), the newest version from the workspace's versions.
 */
final class ApprovalViews {
  private ApprovalViews() {}

  static ReadResult<ApprovalRequest> page(RecordCommands records, ArtifactVersions versions,
      ReadResult<TypedRecord<ApprovalRequestBody, ApprovalRequestStatus>> read) {
    List<ApprovalRequest> out = new ArrayList<>(read.items().size());
    for (TypedRecord<ApprovalRequestBody, ApprovalRequestStatus> request : read.items()) {
      out.add(view(records, versions, request));
    }
    return read.map(out);
  }

  static ApprovalRequest view(RecordCommands records, ArtifactVersions versions,
      TypedRecord<ApprovalRequestBody, ApprovalRequestStatus> request) {
    ApprovalRequestBody body = request.body();
    Placement at = request.placement();
    ArtifactTarget target = body.target().orElseThrow(() -> new IllegalStateException(
        "approval request " + request.id() + " has no target"));
    ArtifactTarget newest = newest(versions, request);
    List<TypedRecord<ApprovalDecisionBody, ApprovalDecisionStatus>> stored = new ArrayList<>(records.list(
        Approvals.DECISION, RecordQuery.of(Approvals.DECISION.wireName(), at.occasionId()).parent(request.ref())
            .limit(RecordQuery.MAX_LIMIT).build()).items());
    stored.sort(Comparator.comparing((TypedRecord<ApprovalDecisionBody, ApprovalDecisionStatus> d) -> d.createdAt())
        .thenComparingInt(d -> d.body().target().map(ArtifactTarget::versionNumber).orElse(0))
        .thenComparing(TypedRecord::id));
    List<ApprovalDecision> decisions = new ArrayList<>(stored.size());
    for (TypedRecord<ApprovalDecisionBody, ApprovalDecisionStatus> d : stored) {
      if (d.body().target().isPresent()) {
        decisions.add(decision(d, request, newest));
      }
    }
    ImmutableApprovalRequest.Builder b = ImmutableApprovalRequest.builder()
        .requestId(ApprovalRequestId.of(request.id())).tenantId(request.tenantId()).occasionId(at.occasionId())
        .eventId(at.eventId()).partnerId(at.partnerId().orElseThrow(() -> new IllegalStateException(
            "approval request " + request.id() + " has no partner")))
        .title(body.title()).message(body.message()).target(target).requirements(body.requirements())
        .dueAt(body.dueAt()).status(request.status()).decisions(decisions).newestVersion(newest)
        .createdBy(request.createdBy()).createdAt(request.createdAt()).version(request.version());
    Optional<ApprovalDecision> current = Optional.empty();
    for (ApprovalDecision d : decisions) {
      if (!d.stale()) {
        current = Optional.of(d);
      }
    }
    ApprovalState state = switch (request.status()) {
      case CLOSED -> ApprovalState.CLOSED;
      case WITHDRAWN -> ApprovalState.WITHDRAWN;
      case OPEN -> current.map(d -> switch (d.outcome()) {
        case APPROVE -> ApprovalState.APPROVED;
        case APPROVE_WITH_CHANGES -> ApprovalState.APPROVED_WITH_CHANGES;
        case REJECT -> ApprovalState.REJECTED;
      }).orElse(decisions.isEmpty() ? ApprovalState.AWAITING_DECISION : ApprovalState.NEEDS_NEW_DECISION);
    };
    b.state(state);
    if (request.status() == ApprovalRequestStatus.OPEN && current.isEmpty()) {
      b.needsDecisionOn(newest);
    }
    return b.build();
  }

  /** The newest version of the request's artifact: the target, a newer kernel version, or a host-reported one. */
  static ArtifactTarget newest(ArtifactVersions versions, TypedRecord<ApprovalRequestBody, ?> request) {
    ArtifactTarget target = request.body().target().orElseThrow();
    ArtifactTarget newest = target;
    List<ArtifactTarget> known = new ArrayList<>(versions.versionsOf(request.placement().occasionId(), target));
    known.addAll(request.body().reportedVersions());
    for (ArtifactTarget t : known) {
      if (t.versionNumber() > newest.versionNumber()) {
        newest = t;
      }
    }
    return newest;
  }

  /** The version numbered {@code number} of the request's artifact, as the approver names it; empty: none. */
  static Optional<ArtifactTarget> numbered(ArtifactVersions versions,
      TypedRecord<ApprovalRequestBody, ?> request, int number) {
    Optional<ArtifactTarget> target = request.body().target();
    if (target.isEmpty()) {
      return Optional.empty();
    }
    if (target.get().versionNumber() == number) {
      return target;
    }
    Optional<ArtifactTarget> kernel = versions.numbered(request.placement().occasionId(), target.get(), number);
    return kernel.isPresent() ? kernel
        : request.body().reportedVersions().stream().filter(t -> t.versionNumber() == number).findFirst();
  }

  private static ApprovalDecision decision(TypedRecord<ApprovalDecisionBody, ApprovalDecisionStatus> d,
      TypedRecord<ApprovalRequestBody, ApprovalRequestStatus> request, ArtifactTarget newest) {
    ArtifactTarget on = d.body().target().orElseThrow();
    boolean stale = on.versionNumber() < newest.versionNumber();
    Placement at = d.placement();
    return ImmutableApprovalDecision.builder().decisionId(ApprovalDecisionId.of(d.id()))
        .requestId(ApprovalRequestId.of(request.id())).tenantId(d.tenantId()).occasionId(at.occasionId())
        .eventId(at.eventId()).partnerId(at.partnerId().orElseThrow(() -> new IllegalStateException(
            "approval decision " + d.id() + " has no partner")))
        .outcome(d.body().outcome()).target(on).note(d.body().note()).changes(d.body().changes())
        .evidence(d.body().evidence()).decidedBy(d.createdBy()).decidedAt(d.createdAt()).stale(stale)
        .supersededBy(stale ? Optional.of(newest) : Optional.empty()).version(d.version()).build();
  }

  /** @return the {@code pins} link to {@code target} and an {@code evidence} link to each record offered */
  static List<RecordCommands.NewLink> decisionLinks(Optional<ArtifactTarget> target, DecisionDraft draft) {
    List<RecordCommands.NewLink> links = new ArrayList<>();
    target.ifPresent(t -> links.add(new RecordCommands.NewLink(Approvals.PINS, t.version())));
    List<RecordRef> seen = new ArrayList<>();
    for (ApprovalEvidence e : draft.evidence()) {
      if (e.record().isPresent() && !seen.contains(e.record().get())) {
        seen.add(e.record().get());
        links.add(new RecordCommands.NewLink(Approvals.EVIDENCE, e.record().get()));
      }
    }
    return links;
  }

  static ApprovalDecisionBody decisionBody(Optional<ArtifactTarget> target, DecisionDraft draft) {
    return ApprovalDecisionBody.builder().outcome(draft.outcome()).target(target).note(draft.note())
        .changes(draft.changes()).evidence(draft.evidence()).build();
  }
}
