package dev.partnerkit.policy.surface.comments;

import dev.partnerkit.domain.Visibility;
import dev.partnerkit.domain.internal.Checks;
import dev.partnerkit.policy.workspace.CommandResult;
import dev.partnerkit.policy.workspace.RecordCommands;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/** Posting, mentioning and reacting, the same for operators and partners. */
final class Posting {
  /** Most mentions one comment makes. */
  static final int MAX_MENTIONS = 50;

  private Posting() {}

  static CommandResult post(RecordCommands records, String key, ThreadId threadId, String text,
      Collection<Mention> mentions, Visibility visibility) {
    Checks.required("threadId", threadId);
    Checks.required("mentions", mentions);
    Checks.maxSize("mentions", mentions, MAX_MENTIONS);
    List<RecordCommands.NewLink> links = new ArrayList<>();
    for (Mention m : new TreeSet<>(mentions)) {
      links.add(new RecordCommands.NewLink(Comments.MENTIONS, m.ref()));
    }
    return records.createUnder(key, Comments.COMMENT, Comments.THREAD.ref(threadId.value()),
        Checks.required("visibility", visibility), CommentBody.of(text), links);
  }

  static CommandResult mention(RecordCommands records, String key, CommentId commentId, Mention mention) {
    Checks.required("mention", mention);
    return records.link(key, Comments.COMMENT, Checks.required("commentId", commentId).value(), Comments.MENTIONS,
        mention.ref());
  }

  static CommandResult react(RecordCommands records, String key, CommentId commentId, ReactionKind reaction) {
    Checks.required("commentId", commentId);
    return records.createUnder(key, Comments.REACTION, Comments.COMMENT.ref(commentId.value()),
        Visibility.PARTNER_VISIBLE, ReactionBody.of(Checks.required("reaction", reaction)), List.of());
  }
}
