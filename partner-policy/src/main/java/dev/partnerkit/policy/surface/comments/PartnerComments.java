package dev.partnerkit.policy.surface.comments;

import dev.partnerkit.domain.EventId;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.Placement;
import dev.partnerkit.domain.RecordNotFoundException;
import dev.partnerkit.domain.Visibility;
import dev.partnerkit.domain.internal.Checks;
import dev.partnerkit.policy.workspace.CommandResult;
import dev.partnerkit.policy.workspace.ReadResult;
import dev.partnerkit.policy.workspace.RecordCommands;
import dev.partnerkit.spi.RecordQuery;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A partner session's side of the comments surface ({@code /api/v1/partner-portal/comments}, capability
 * {@code comment}): read the partner's threads its grants cover (never an operator's internal-only comment), start
 * threads, post comments (always partner-visible), mention people who can see the thread, and react. Comment activity
 * approves no artifact, settles no payment and clears no readiness blocker.
 */
public final class PartnerComments {
  private final RecordCommands records;
  private final OccasionId occasionId;
  private final PartnerId partnerId;

  private PartnerComments(RecordCommands records, OccasionId occasionId, PartnerId partnerId) {
    this.records = records;
    this.occasionId = occasionId;
    this.partnerId = partnerId;
  }

  /** @return the comments facade over a partner session's record commands, for its occasion and partner */
  public static PartnerComments over(RecordCommands records, OccasionId occasionId, PartnerId partnerId) {
    return new PartnerComments(Checks.required("records", records), Checks.required("occasionId", occasionId),
        Checks.required("partnerId", partnerId));
  }

  /** @return the first page (up to 500) of the partner's threads on the occasion that its grants cover */
  public ReadResult<ThreadView> list() {
    return list(RecordQuery.of(Comments.THREAD.wireName(), occasionId).limit(RecordQuery.MAX_LIMIT).build());
  }

  /** @return the first page (up to 500) of the partner's visible threads about {@code subject} */
  public ReadResult<ThreadView> about(ThreadSubject subject) {
    Checks.required("subject", subject);
    return list(RecordQuery.of(Comments.THREAD.wireName(), occasionId).parent(subject.ref())
        .limit(RecordQuery.MAX_LIMIT).build());
  }

  /** @return one page of the partner's visible threads matching {@code query} */
  public ReadResult<ThreadView> list(RecordQuery query) {
    return CommentViews.page(records, records.list(Comments.THREAD, query), occasionId);
  }

  /**
   * @return one of the partner's visible threads, with the comments the partner may see
   * @throws RecordNotFoundException when there is no such thread, or the partner may not see it
   */
  public ReadResult<ThreadView> get(ThreadId threadId) {
    return CommentViews.one(records, Checks.required("threadId", threadId));
  }

  /**
   * Starts a thread with the partner; {@link CommandResult#recordId()} is the thread.
   *
   * @throws RecordNotFoundException when the subject is a record the partner may not see
   */
  public CommandResult startThread(String idempotencyKey, PartnerThreadDraft draft) {
    Checks.required("draft", draft);
    ThreadBody body = ThreadBody.of(draft.title());
    ThreadSubject subject = draft.subject();
    if (subject.aboutRecord()) {
      return records.createUnder(idempotencyKey, Comments.THREAD, subject.ref(), Visibility.PARTNER_VISIBLE, body,
          List.of());
    }
    Optional<EventId> event = "event".equals(subject.kind()) ? Optional.of(EventId.of(subject.id()))
        : draft.eventId();
    Placement placement = Placement.builder().occasionId(occasionId).eventId(event).partnerId(partnerId)
        .parent(subject.ref()).build();
    return records.create(idempotencyKey, Comments.THREAD, placement, Visibility.PARTNER_VISIBLE, body, List.of());
  }

  /**
   * Posts a comment (partner-visible) in one of the partner's threads, mentioning {@code mentions}.
   *
   * @throws RecordNotFoundException when there is no such thread, or the partner may not see it
   */
  public CommandResult post(String idempotencyKey, ThreadId threadId, String text, Collection<Mention> mentions) {
    return Posting.post(records, idempotencyKey, threadId, text, mentions, Visibility.PARTNER_VISIBLE);
  }

  /** Mentions someone in a visible comment; they must be able to see it. */
  public CommandResult mention(String idempotencyKey, CommentId commentId, Mention mention) {
    return Posting.mention(records, idempotencyKey, commentId, mention);
  }

  /** Reacts to a visible comment; {@link CommandResult#recordId()} is the reaction. */
  public CommandResult react(String idempotencyKey, CommentId commentId, ReactionKind reaction) {
    return Posting.react(records, idempotencyKey, commentId, reaction);
  }
}
