package dev.partnerkit.policy.surface.comments;

import dev.partnerkit.domain.EventId;
import dev.partnerkit.domain.OccasionId;
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
 * The operator's side of the comments surface ({@code /api/v1/partners/comments}): start threads about an Event,
 * proposal, job, document, blocker or partner task, post comments (partner-visible or internal-only) with mentions,
 * react, retract a comment posted in error, resolve and reopen threads, and read them. A thin typed layer over
 * {@link RecordCommands}: every command is decided, journaled and idempotent. Comments approve no artifact, settle
 * no payment and clear no readiness blocker.
 */
public final class OperatorComments {
  private final RecordCommands records;

  private OperatorComments(RecordCommands records) {
    this.records = records;
  }

  /** @return the comments facade over an operator's record commands */
  public static OperatorComments over(RecordCommands records) {
    return new OperatorComments(Checks.required("records", records));
  }

  /**
   * Starts a thread; {@link CommandResult#recordId()} is the thread.
   *
   * @throws RecordNotFoundException when the subject is a kernel record the tenant does not have
   */
  public CommandResult startThread(String idempotencyKey, ThreadDraft draft) {
    Checks.required("draft", draft);
    ThreadBody body = ThreadBody.of(draft.title());
    if (draft.subject().aboutRecord()) {
      return records.createUnder(idempotencyKey, Comments.THREAD, draft.subject().ref(), draft.visibility(), body,
          List.of());
    }
    Placement placement = Placement.builder().occasionId(draft.occasionId().orElseThrow())
        .eventId("event".equals(draft.subject().kind()) ? Optional.of(EventId.of(draft.subject().id()))
            : draft.eventId())
        .partnerId(draft.partnerId()).parent(draft.subject().ref()).build();
    return records.create(idempotencyKey, Comments.THREAD, placement, draft.visibility(), body, List.of());
  }

  /**
   * Posts a comment in a thread, mentioning {@code mentions}; an internal-only comment is never shown to partners.
   *
   * @throws RecordNotFoundException when there is no such thread
   */
  public CommandResult post(String idempotencyKey, ThreadId threadId, String text, Collection<Mention> mentions,
      Visibility visibility) {
    return Posting.post(records, idempotencyKey, threadId, text, mentions, visibility);
  }

  /** Mentions someone in a comment after it was posted; they must be able to see it. */
  public CommandResult mention(String idempotencyKey, CommentId commentId, Mention mention) {
    return Posting.mention(records, idempotencyKey, commentId, mention);
  }

  /** Reacts to a comment; {@link CommandResult#recordId()} is the reaction. */
  public CommandResult react(String idempotencyKey, CommentId commentId, ReactionKind reaction) {
    return Posting.react(records, idempotencyKey, commentId, reaction);
  }

  /** Withdraws a reaction. */
  public CommandResult withdrawReaction(String idempotencyKey, String reactionId) {
    return records.transition(idempotencyKey, Comments.REACTION, reactionId, ReactionStatus.WITHDRAWN, null);
  }

  /** Retracts a comment posted in error; it stays in the trail, text unchanged. */
  public CommandResult retract(String idempotencyKey, CommentId commentId) {
    return records.transition(idempotencyKey, Comments.COMMENT, Checks.required("commentId", commentId).value(),
        CommentStatus.RETRACTED, null);
  }

  /** Resolves a thread: the conversation is over; nothing it discussed is approved by it. */
  public CommandResult resolve(String idempotencyKey, ThreadId threadId) {
    return records.transition(idempotencyKey, Comments.THREAD, Checks.required("threadId", threadId).value(),
        ThreadStatus.RESOLVED, null);
  }

  /** Reopens a resolved thread. */
  public CommandResult reopen(String idempotencyKey, ThreadId threadId) {
    return records.transition(idempotencyKey, Comments.THREAD, Checks.required("threadId", threadId).value(),
        ThreadStatus.OPEN, null);
  }

  /**
   * @return the thread with every comment, internal-only ones included
   * @throws RecordNotFoundException when the tenant has no such thread
   */
  public ReadResult<ThreadView> get(ThreadId threadId) {
    return CommentViews.one(records, Checks.required("threadId", threadId));
  }

  /** @return the first page (up to 500) of the occasion's threads */
  public ReadResult<ThreadView> list(OccasionId occasionId) {
    Checks.required("occasionId", occasionId);
    return list(RecordQuery.of(Comments.THREAD.wireName(), occasionId).limit(RecordQuery.MAX_LIMIT).build());
  }

  /** @return the first page (up to 500) of the occasion's threads about {@code subject} */
  public ReadResult<ThreadView> about(OccasionId occasionId, ThreadSubject subject) {
    Checks.required("occasionId", occasionId);
    Checks.required("subject", subject);
    return list(RecordQuery.of(Comments.THREAD.wireName(), occasionId).parent(subject.ref())
        .limit(RecordQuery.MAX_LIMIT).build());
  }

  /** @return one page of threads matching {@code query} (its type must be {@code comment_thread}) */
  public ReadResult<ThreadView> list(RecordQuery query) {
    return CommentViews.page(records, records.list(Comments.THREAD, query), query.occasionId());
  }
}
