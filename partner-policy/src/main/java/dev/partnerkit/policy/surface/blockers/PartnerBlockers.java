package dev.partnerkit.policy.surface.blockers;

import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.RecordNotFoundException;
import dev.partnerkit.domain.Visibility;
import dev.partnerkit.domain.internal.Checks;
import dev.partnerkit.policy.surface.documents.DocumentVersionId;
import dev.partnerkit.policy.surface.documents.Documents;
import dev.partnerkit.policy.workspace.CommandResult;
import dev.partnerkit.policy.workspace.ReadResult;
import dev.partnerkit.policy.workspace.RecordCommands;
import dev.partnerkit.spi.RecordQuery;
import java.util.List;

/**
 * A partner session's side of the blockers surface ({@code /api/v1/partner-portal/blockers}, capability
 * {@code respond_blocker}): read the blockers the partner is asked about (with the host's assignments and waivers,
 * read only) and respond — confirm, request more info, upload evidence (a document version), or request a waiver (a
 * request only). Partner triage is evidence for review, never readiness clearance.
 */
public final class PartnerBlockers {
  private final RecordCommands records;
  private final OccasionId occasionId;

  private PartnerBlockers(RecordCommands records, OccasionId occasionId) {
    this.records = records;
    this.occasionId = occasionId;
  }

  /** @return the blockers facade over a partner session's record commands, for its occasion */
  public static PartnerBlockers over(RecordCommands records, OccasionId occasionId) {
    return new PartnerBlockers(Checks.required("records", records), Checks.required("occasionId", occasionId));
  }

  /** @return the first page (up to 500) of the blockers the partner is asked about that its grants cover */
  public ReadResult<BlockerView> list() {
    return list(RecordQuery.of(Blockers.OBSERVATION.wireName(), occasionId).limit(RecordQuery.MAX_LIMIT).build());
  }

  /** @return one page of the partner's visible blockers matching {@code query} */
  public ReadResult<BlockerView> list(RecordQuery query) {
    return BlockerViews.page(records, records.list(Blockers.OBSERVATION, query), occasionId);
  }

  /**
   * @return one of the partner's visible blockers
   * @throws RecordNotFoundException when there is no such blocker, or the partner may not see it
   */
  public ReadResult<BlockerView> get(BlockerId blockerId) {
    return BlockerViews.one(records, Checks.required("blockerId", blockerId));
  }

  /** Confirms what the blocker asks about; {@link CommandResult#recordId()} is the response. */
  public CommandResult confirm(String idempotencyKey, BlockerId blockerId, String message) {
    return respond(idempotencyKey, blockerId, ResponseKind.CONFIRM, message, null);
  }

  /** Asks the operator for more information about the blocker. */
  public CommandResult requestMoreInfo(String idempotencyKey, BlockerId blockerId, String question) {
    return respond(idempotencyKey, blockerId, ResponseKind.REQUEST_MORE_INFO, question, null);
  }

  /**
   * Gives a document version the partner can see as evidence for the blocker.
   *
   * @throws RecordNotFoundException when the blocker or the version does not exist or is not visible
   */
  public CommandResult uploadEvidence(String idempotencyKey, BlockerId blockerId, DocumentVersionId evidence,
      String message) {
    return respond(idempotencyKey, blockerId, ResponseKind.UPLOAD_EVIDENCE, message,
        Checks.required("evidence", evidence));
  }

  /** Asks for a waiver: a request for the operator's review, never a waiver. */
  public CommandResult requestWaiver(String idempotencyKey, BlockerId blockerId, String reason) {
    return respond(idempotencyKey, blockerId, ResponseKind.REQUEST_WAIVER, reason, null);
  }

  /** Withdraws one of the partner's responses before it is reviewed. */
  public CommandResult withdraw(String idempotencyKey, ResponseId responseId) {
    return records.transition(idempotencyKey, Blockers.RESPONSE, Checks.required("responseId", responseId).value(),
        ResponseStatus.WITHDRAWN, null);
  }

  private CommandResult respond(String key, BlockerId blockerId, ResponseKind kind, String message,
      @org.jspecify.annotations.Nullable DocumentVersionId evidence) {
    Checks.required("blockerId", blockerId);
    List<RecordCommands.NewLink> links = evidence == null ? List.of()
        : List.of(new RecordCommands.NewLink(Blockers.EVIDENCE, Documents.VERSION.ref(evidence.value())));
    return records.createUnder(key, Blockers.RESPONSE, Blockers.OBSERVATION.ref(blockerId.value()),
        Visibility.PARTNER_VISIBLE, ResponseBody.of(kind, message), links);
  }
}
