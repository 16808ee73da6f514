package dev.partnerkit.policy.surface.approvals;

import static dev.partnerkit.domain.ActorKind.INTEGRATION;
import static dev.partnerkit.domain.ActorKind.OPERATOR;
import static dev.partnerkit.domain.ActorKind.PARTNER_MEMBER;
import static dev.partnerkit.policy.surface.approvals.ApprovalRequestStatus.CLOSED;
import static dev.partnerkit.policy.surface.approvals.ApprovalRequestStatus.OPEN;
import static dev.partnerkit.policy.surface.approvals.ApprovalRequestStatus.WITHDRAWN;

import dev.partnerkit.domain.IntentKind;
import dev.partnerkit.domain.Lifecycle;
import dev.partnerkit.domain.ReasonCode;
import dev.partnerkit.domain.RecordRef;
import dev.partnerkit.domain.RecordRule;
import dev.partnerkit.domain.RecordType;
import dev.partnerkit.domain.Surface;
import dev.partnerkit.domain.internal.Checks;
import dev.partnerkit.policy.surface.ArtifactTarget;
import dev.partnerkit.policy.surface.VersionRules;

/**
 * The approvals record types, their lifecycles and rules, as data.
 *
 * <p>{@code approval_request} (operators create and move it): placed under the exact version it asks about, at that
 * version's occasion and event, with the partner asked to approve, the version's id as its single resource, and a
 * {@code pins} link to the version.
 *
 * <pre>
 * from       to         partner member  integration  operator
 * open       closed     -               -            yes   (review done)
 * open       withdrawn  -               -            yes
 * closed     open       -               -            yes   (reopen)
 * withdrawn  open       -               -            yes
 * </pre>
 *
 * <p>{@code approval_decision} (partner members, integrations with writes enabled, and operators recording one for a
 * partner create it; nobody moves or revises it): placed under its request, at the exact version decided on as its
 * resource, with a {@code pins} link to that version and an {@code evidence} link to each record offered. Rules, in
 * order: the request must be open ({@code approval_request_not_open}); the decision must name an exact version
 * ({@code exact_artifact_version_required}); it is never revised ({@code record_immutable}).
 */
public final class Approvals {
  /** The relation from a request or decision to the exact version it is on. */
  public static final String PINS = "pins";
  /** The relation from a decision to a record offered as evidence. */
  public static final String EVIDENCE = "evidence";

  /** The approval request lifecycle: operators only. */
  public static final Lifecycle<ApprovalRequestStatus> REQUEST_LIFECYCLE = Lifecycle
      .builder(ApprovalRequestStatus.class, OPEN)
      .allow(OPEN, CLOSED, OPERATOR)
      .allow(OPEN, WITHDRAWN, OPERATOR)
      .allow(CLOSED, OPEN, OPERATOR)
      .allow(WITHDRAWN, OPEN, OPERATOR)
      .build();

  /** The approval decision lifecycle: recorded, with no moves. */
  public static final Lifecycle<ApprovalDecisionStatus> DECISION_LIFECYCLE = Lifecycle
      .builder(ApprovalDecisionStatus.class, ApprovalDecisionStatus.RECORDED).build();

  /** A decision is only made on an open request (the parent's status, loaded by the kernel). */
  public static final RecordRule REQUEST_OPEN = request -> request.intent() == IntentKind.CREATE
      && request.record().flatMap(r -> r.parentStatus()).map(s -> !OPEN.wireName().equals(s)).orElse(false)
      ? ReasonCode.APPROVAL_REQUEST_NOT_OPEN : null;

  private static final ArtifactTarget EXAMPLE_TARGET = ArtifactTarget.of(RecordRef.of("document_version",
      "dv-floor-2"), RecordRef.of("partner_document", "doc-floor"), 2);

  /** The approval request record type, wire name {@code approval_request}, on the approvals surface. */
  public static final RecordType<ApprovalRequestBody, ApprovalRequestStatus> REQUEST = RecordType
      .builder("approval_request", Surface.APPROVALS, ApprovalRequestBody.class, REQUEST_LIFECYCLE)
      .noun("approval request")
      .relation(PINS)
      .creators(OPERATOR)
      .revisers(OPERATOR)
      .linkers(OPERATOR)
      .rule(VersionRules.EXACT_VERSION)
      .placementCheck((placement, body) -> VersionRules.checkOn(placement, body.target(), true))
      .title(ApprovalRequestBody::title)
      .example(ApprovalRequestBody.builder().title("Approve the reception floor plan").target(EXAMPLE_TARGET)
          .addRequirements(ApprovalRequirement.of("floor-size", "Dance floor is 6 by 8 metres")).build())
      .build();

  /** The approval decision record type, wire name {@code approval_decision}, on the approvals surface. */
  public static final RecordType<ApprovalDecisionBody, ApprovalDecisionStatus> DECISION = RecordType
      .builder("approval_decision", Surface.APPROVALS, ApprovalDecisionBody.class, DECISION_LIFECYCLE)
      .noun("approval decision")
      .relation(PINS)
      .relation(EVIDENCE)
      .creators(PARTNER_MEMBER, INTEGRATION, OPERATOR)
      .revisers(OPERATOR)
      .linkers(PARTNER_MEMBER, INTEGRATION, OPERATOR)
      .rule(REQUEST_OPEN)
      .rule(VersionRules.EXACT_VERSION)
      .rule(VersionRules.IMMUTABLE)
      .placementCheck((placement, body) -> {
        VersionRules.checkOn(placement, body.target(), false);
        Checks.check(placement.parent().get().type().equals("approval_request"), "placement.parent",
            "placement.parent must be the approval request decided on, but was " + placement.parent().get());
      })
      .title(ApprovalDecisionBody::title)
      .example(ApprovalDecisionBody.builder().outcome(ApprovalOutcome.APPROVE_WITH_CHANGES).target(EXAMPLE_TARGET)
          .addChanges("Move the bar two metres towards the terrace").build())
      .build();

  private Approvals() {}
}
