package dev.partnerkit.policy.surface.comments;

import static dev.partnerkit.domain.ActorKind.INTEGRATION;
import static dev.partnerkit.domain.ActorKind.OPERATOR;
import static dev.partnerkit.domain.ActorKind.PARTNER_MEMBER;

import dev.partnerkit.domain.IntentKind;
import dev.partnerkit.domain.Lifecycle;
import dev.partnerkit.domain.ReasonCode;
import dev.partnerkit.domain.RecordRule;
import dev.partnerkit.domain.RecordType;
import dev.partnerkit.domain.Surface;
import java.util.List;

/**
 * The record types of the comments surface and their lifecycles, as data.
 *
 * <pre>
 * type              parent                        created by                 moves (by)
 * comment_thread    its subject (event, job, ...) operator, member, machine  open &lt;-&gt; resolved (operator)
 * comment           comment_thread                operator, member, machine  posted -&gt; retracted (operator); never edited
 * comment_reaction  comment                       operator, member, machine  active -&gt; withdrawn (operator)
 * </pre>
 *
 * A comment's mentions ({@code Mention}) are kernel links by {@link #MENTIONS}, the comment type's audience
 * relation: everyone mentioned must be able to see the comment. Partner-created comments are never internal-only
 * (the kernel refuses them); an operator's internal-only comment is never shown to partners, in reads or in
 * activity. Comments support coordination without becoming source truth: nothing here approves an artifact, settles
 * a payment or clears a readiness blocker.
 */
public final class Comments {
  /** The relation from a comment to the people it mentions ({@code operator:<id>}, {@code partner_member:<id>}). */
  public static final String MENTIONS = "mentions";

  /** The thread lifecycle. */
  public static final Lifecycle<ThreadStatus> THREAD_LIFECYCLE = Lifecycle
      .builder(ThreadStatus.class, ThreadStatus.OPEN)
      .allow(ThreadStatus.OPEN, ThreadStatus.RESOLVED, OPERATOR)
      .allow(ThreadStatus.RESOLVED, ThreadStatus.OPEN, OPERATOR)
      .build();

  /** The comment lifecycle. */
  public static final Lifecycle<CommentStatus> COMMENT_LIFECYCLE = Lifecycle
      .builder(CommentStatus.class, CommentStatus.POSTED)
      .allow(CommentStatus.POSTED, CommentStatus.RETRACTED, OPERATOR)
      .build();

  /** The reaction lifecycle. */
  public static final Lifecycle<ReactionStatus> REACTION_LIFECYCLE = Lifecycle
      .builder(ReactionStatus.class, ReactionStatus.ACTIVE)
      .allow(ReactionStatus.ACTIVE, ReactionStatus.WITHDRAWN, OPERATOR)
      .build();

  /** A comment is never edited, by anyone: a correction is a new comment. */
  public static final RecordRule NEVER_EDITED = request -> request.intent() == IntentKind.REVISE
      ? ReasonCode.RECORD_IMMUTABLE : null;

  /** The comment thread record type, wire name {@code comment_thread}. */
  public static final RecordType<ThreadBody, ThreadStatus> THREAD = RecordType
      .builder("comment_thread", Surface.COMMENTS, ThreadBody.class, THREAD_LIFECYCLE)
      .noun("comment thread")
      .creators(OPERATOR, PARTNER_MEMBER, INTEGRATION)
      .revisers(OPERATOR)
      .linkers(OPERATOR)
      .title(ThreadBody::title)
      .example(ThreadBody.of("Loading door for the reception"))
      .build();

  /** The comment record type, wire name {@code comment}. */
  public static final RecordType<CommentBody, CommentStatus> COMMENT = RecordType
      .builder("comment", Surface.COMMENTS, CommentBody.class, COMMENT_LIFECYCLE)
      .noun("comment")
      .audienceRelation(MENTIONS)
      .creators(OPERATOR, PARTNER_MEMBER, INTEGRATION)
      .revisers(OPERATOR)
      .linkers(OPERATOR, PARTNER_MEMBER, INTEGRATION)
      .rule(NEVER_EDITED)
      .title(CommentBody::title)
      .example(CommentBody.of("Can the truck use the north door at 7am?"))
      .build();

  /** The reaction record type, wire name {@code comment_reaction}. */
  public static final RecordType<ReactionBody, ReactionStatus> REACTION = RecordType
      .builder("comment_reaction", Surface.COMMENTS, ReactionBody.class, REACTION_LIFECYCLE)
      .noun("reaction")
      .creators(OPERATOR, PARTNER_MEMBER, INTEGRATION)
      .revisers(OPERATOR)
      .linkers(OPERATOR)
      .title(r -> r.reaction().wireName().replace('_', ' '))
      .example(ReactionBody.of(ReactionKind.THUMBS_UP))
      .build();

  /** Every record type of the comments surface. */
  public static final List<RecordType<?, ?>> TYPES = List.of(THREAD, COMMENT, REACTION);

  private Comments() {}
}
