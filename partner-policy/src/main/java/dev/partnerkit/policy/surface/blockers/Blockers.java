package dev.partnerkit.policy.surface.blockers;

import static dev.partnerkit.domain.ActorKind.INTEGRATION;
import static dev.partnerkit.domain.ActorKind.OPERATOR;
import static dev.partnerkit.domain.ActorKind.PARTNER_MEMBER;

import dev.partnerkit.domain.IntentKind;
import dev.partnerkit.domain.JobId;
import dev.partnerkit.domain.Lifecycle;
import dev.partnerkit.domain.ReasonCode;
import dev.partnerkit.domain.RecordRule;
import dev.partnerkit.domain.RecordType;
import dev.partnerkit.domain.SourceTruth;
import dev.partnerkit.domain.Surface;
import java.util.List;

/**
 * The record types of the blockers surface and their lifecycles, as data.
 *
 * <pre>
 * type                      parent               written by                 mirrors host truth
 * blocker_observation       -                    the host (operator)        job readiness clearance
 * blocker_assignment        blocker_observation  the host (operator)        blocker assignment
 * blocker_waiver            blocker_observation  the host (operator)        blocker waiver
 * partner_blocker_response  blocker_observation  member, machine, operator  - (evidence)
 * </pre>
 *
 * Responses move submitted -&gt; reviewed or declined (operator) or withdrawn (anyone, before review); a reviewed
 * response is evidence taken, never readiness cleared. The three host-truth types carry their truths as source-truth
 * effects on every write, so no partner or integration ever writes one, whatever a grant says.
 */
public final class Blockers {
  /** The relation from a response to the document version it gives as evidence. */
  public static final String EVIDENCE = "evidence";

  /** The observation lifecycle: the host's own readiness services move it. */
  public static final Lifecycle<ObservationStatus> OBSERVATION_LIFECYCLE = Lifecycle
      .builder(ObservationStatus.class, ObservationStatus.OPEN)
      .allow(ObservationStatus.OPEN, ObservationStatus.RESOLVED, OPERATOR)
      .allow(ObservationStatus.RESOLVED, ObservationStatus.OPEN, OPERATOR)
      .build();

  /** The blocker assignment lifecycle. */
  public static final Lifecycle<AssignmentStatus> ASSIGNMENT_LIFECYCLE = Lifecycle
      .builder(AssignmentStatus.class, AssignmentStatus.ACTIVE)
      .allow(AssignmentStatus.ACTIVE, AssignmentStatus.ENDED, OPERATOR)
      .build();

  /** The blocker waiver lifecycle. */
  public static final Lifecycle<WaiverStatus> WAIVER_LIFECYCLE = Lifecycle
      .builder(WaiverStatus.class, WaiverStatus.ACTIVE)
      .allow(WaiverStatus.ACTIVE, WaiverStatus.WITHDRAWN, OPERATOR)
      .build();

  /** The response lifecycle. */
  public static final Lifecycle<ResponseStatus> RESPONSE_LIFECYCLE = Lifecycle
      .builder(ResponseStatus.class, ResponseStatus.SUBMITTED)
      .allow(ResponseStatus.SUBMITTED, ResponseStatus.REVIEWED, OPERATOR)
      .allow(ResponseStatus.SUBMITTED, ResponseStatus.DECLINED, OPERATOR)
      .allow(ResponseStatus.SUBMITTED, ResponseStatus.WITHDRAWN, PARTNER_MEMBER, INTEGRATION, OPERATOR)
      .closed(ResponseStatus.REVIEWED)
      .build();

  /** A response is never edited: a correction is a new response. */
  public static final RecordRule NEVER_EDITED = request -> request.intent() == IntentKind.REVISE
      ? ReasonCode.RECORD_IMMUTABLE : null;

  /** The readiness blocker observation record type, wire name {@code blocker_observation}. */
  public static final RecordType<ObservationBody, ObservationStatus> OBSERVATION = RecordType
      .builder("blocker_observation", Surface.BLOCKERS, ObservationBody.class, OBSERVATION_LIFECYCLE)
      .noun("readiness blocker")
      .hostTruths(SourceTruth.READINESS_CLEARANCE)
      .creators(OPERATOR)
      .revisers(OPERATOR)
      .linkers(OPERATOR)
      .title(ObservationBody::title)
      .example(ObservationBody.builder().jobId(JobId.of("job-42")).kind(BlockerKind.RENTAL)
          .missingProof("Signed rental delivery note").detail("Linen and chairs for the reception").build())
      .build();

  /** The blocker assignment record type, wire name {@code blocker_assignment}. */
  public static final RecordType<AssignmentBody, AssignmentStatus> ASSIGNMENT = RecordType
      .builder("blocker_assignment", Surface.BLOCKERS, AssignmentBody.class, ASSIGNMENT_LIFECYCLE)
      .noun("blocker assignment")
      .hostTruths(SourceTruth.BLOCKER_ASSIGNMENT)
      .creators(OPERATOR)
      .revisers(OPERATOR)
      .linkers(OPERATOR)
      .title(AssignmentBody::assignee)
      .example(AssignmentBody.builder().assignee("Maya").dueAt(java.time.Instant.parse("2026-11-06T16:00:00Z"))
          .build())
      .build();

  /** The blocker waiver record type, wire name {@code blocker_waiver}. */
  public static final RecordType<WaiverBody, WaiverStatus> WAIVER = RecordType
      .builder("blocker_waiver", Surface.BLOCKERS, WaiverBody.class, WAIVER_LIFECYCLE)
      .noun("blocker waiver")
      .hostTruths(SourceTruth.BLOCKER_WAIVER)
      .creators(OPERATOR)
      .revisers(OPERATOR)
      .linkers(OPERATOR)
      .title(WaiverBody::reason)
      .example(WaiverBody.of("Linen counted on site by the venue", "Maya"))
      .build();

  /** The partner blocker response record type, wire name {@code partner_blocker_response}. */
  public static final RecordType<ResponseBody, ResponseStatus> RESPONSE = RecordType
      .builder("partner_blocker_response", Surface.BLOCKERS, ResponseBody.class, RESPONSE_LIFECYCLE)
      .noun("blocker response")
      .relation(EVIDENCE)
      .creators(PARTNER_MEMBER, INTEGRATION, OPERATOR)
      .revisers(OPERATOR)
      .linkers(PARTNER_MEMBER, INTEGRATION, OPERATOR)
      .rule(NEVER_EDITED)
      .title(ResponseBody::title)
      .example(ResponseBody.of(ResponseKind.UPLOAD_EVIDENCE, "Signed note attached."))
      .build();

  /** Every record type of the blockers surface. */
  public static final List<RecordType<?, ?>> TYPES = List.of(OBSERVATION, ASSIGNMENT, WAIVER, RESPONSE);

  private Blockers() {}
}
