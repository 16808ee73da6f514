package dev.partnerkit.policy.surface.blockers;

import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.Placement;
import dev.partnerkit.domain.RecordNotFoundException;
import dev.partnerkit.domain.Visibility;
import dev.partnerkit.domain.internal.Checks;
import dev.partnerkit.policy.workspace.CommandResult;
import dev.partnerkit.policy.workspace.ReadResult;
import dev.partnerkit.policy.workspace.RecordCommands;
import dev.partnerkit.spi.RecordQuery;
import java.util.List;

/**
 * The operator's side of the blockers surface ({@code /api/v1/partners/blockers}): the host reports the readiness
 * blockers it observes, and mirrors its own assignments and waivers of them (host truths, read by partners, never
 * written by them); operators review the partners' responses and read everything. A thin typed layer over
 * {@link RecordCommands}: every command is decided, journaled and idempotent. Readiness is never cleared here:
 * reviewing a response takes it as evidence, and an observation is resolved only when the host's own readiness
 * services say so.
 */
public final class OperatorBlockers {
  private final RecordCommands records;

  private OperatorBlockers(RecordCommands records) {
    this.records = records;
  }

  /** @return the blockers facade over an operator's record commands */
  public static OperatorBlockers over(RecordCommands records) {
    return new OperatorBlockers(Checks.required("records", records));
  }

  /** Reports a blocker the host observed; {@link CommandResult#recordId()} is the blocker. */
  public CommandResult report(String idempotencyKey, BlockerReport report) {
    Checks.required("report", report);
    Placement placement = Placement.builder().occasionId(report.occasionId()).eventId(report.eventId())
        .partnerId(report.partnerId()).build();
    return records.create(idempotencyKey, Blockers.OBSERVATION, placement, Visibility.PARTNER_VISIBLE,
        report.body(), List.of());
  }

  /** Mirrors the host's observation that its blocker is resolved (its readiness services decided, not this call). */
  public CommandResult observeResolved(String idempotencyKey, BlockerId blockerId) {
    return records.transition(idempotencyKey, Blockers.OBSERVATION, Checks.required("blockerId", blockerId)
        .value(), ObservationStatus.RESOLVED, null);
  }

  /** Mirrors the host's observation that its blocker is back. */
  public CommandResult observeReopened(String idempotencyKey, BlockerId blockerId) {
    return records.transition(idempotencyKey, Blockers.OBSERVATION, Checks.required("blockerId", blockerId)
        .value(), ObservationStatus.OPEN, null);
  }

  /** Mirrors the host's assignment of a blocker; {@link CommandResult#recordId()} is the assignment. */
  public CommandResult recordAssignment(String idempotencyKey, BlockerId blockerId, AssignmentBody assignment) {
    return records.createUnder(idempotencyKey, Blockers.ASSIGNMENT, Blockers.OBSERVATION.ref(
        Checks.required("blockerId", blockerId).value()), Visibility.PARTNER_VISIBLE,
        Checks.required("assignment", assignment), List.of());
  }

  /** Mirrors the end of the host's assignment. */
  public CommandResult endAssignment(String idempotencyKey, String assignmentId) {
    return records.transition(idempotencyKey, Blockers.ASSIGNMENT, assignmentId, AssignmentStatus.ENDED, null);
  }

  /** Mirrors the host's waiver of a blocker; {@link CommandResult#recordId()} is the waiver. */
  public CommandResult recordWaiver(String idempotencyKey, BlockerId blockerId, WaiverBody waiver) {
    return records.createUnder(idempotencyKey, Blockers.WAIVER, Blockers.OBSERVATION.ref(
        Checks.required("blockerId", blockerId).value()), Visibility.PARTNER_VISIBLE,
        Checks.required("waiver", waiver), List.of());
  }

  /** Mirrors the host's withdrawal of its waiver. */
  public CommandResult withdrawWaiver(String idempotencyKey, String waiverId) {
    return records.transition(idempotencyKey, Blockers.WAIVER, waiverId, WaiverStatus.WITHDRAWN, null);
  }

  /** Reviews a partner's response and takes it as evidence; readiness is unchanged. */
  public CommandResult review(String idempotencyKey, ResponseId responseId) {
    return records.transition(idempotencyKey, Blockers.RESPONSE, Checks.required("responseId", responseId).value(),
        ResponseStatus.REVIEWED, null);
  }

  /** Reviews a partner's response and does not take it. */
  public CommandResult decline(String idempotencyKey, ResponseId responseId) {
    return records.transition(idempotencyKey, Blockers.RESPONSE, Checks.required("responseId", responseId).value(),
        ResponseStatus.DECLINED, null);
  }

  /**
   * @return the blocker with its assignments, waivers and every response
   * @throws RecordNotFoundException when the tenant has no such blocker
   */
  public ReadResult<BlockerView> get(BlockerId blockerId) {
    return BlockerViews.one(records, Checks.required("blockerId", blockerId));
  }

  /** @return the first page (up to 500) of the occasion's blockers */
  public ReadResult<BlockerView> list(OccasionId occasionId) {
    Checks.required("occasionId", occasionId);
    return list(RecordQuery.of(Blockers.OBSERVATION.wireName(), occasionId).limit(RecordQuery.MAX_LIMIT).build());
  }

  /** @return one page of blockers matching {@code query} (its type must be {@code blocker_observation}) */
  public ReadResult<BlockerView> list(RecordQuery query) {
    return BlockerViews.page(records, records.list(Blockers.OBSERVATION, query), query.occasionId());
  }
}
