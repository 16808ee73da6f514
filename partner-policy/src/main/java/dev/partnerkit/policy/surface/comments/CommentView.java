package dev.partnerkit.policy.surface.comments;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.Visibility;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.immutables.value.Value;

/** A comment as hosts read it, with its mentions and the reactions the reader may see. */
@Value.Immutable
@JsonSerialize(as = ImmutableCommentView.class)
@JsonDeserialize(as = ImmutableCommentView.class)
public abstract class CommentView {
  /**
   * One reaction.
   *
   * @param reactionId the reaction record
   * @param reaction what it is
   * @param by the actor key of whoever reacted
   * @param active whether it stands
   */
  public record Reaction(String reactionId, ReactionKind reaction, String by, boolean active) {}

  /** @return the comment */
  public abstract CommentId commentId();

  /** @return its thread */
  public abstract ThreadId threadId();

  /** @return the text */
  public abstract String text();

  /** @return posted or retracted */
  public abstract CommentStatus status();

  /** @return who may see it */
  public abstract Visibility visibility();

  /** @return the actor key of its author */
  public abstract String postedBy();

  /** @return when it was posted */
  public abstract Instant postedAt();

  /** @return who it mentions */
  public abstract Set<Mention> mentions();

  /** @return its reactions */
  public abstract List<Reaction> reactions();

  /** @return how many standing reactions of each kind it has */
  public Map<ReactionKind, Integer> reactionCounts() {
    Map<ReactionKind, Integer> out = new EnumMap<>(ReactionKind.class);
    for (Reaction r : reactions()) {
      if (r.active()) {
        out.merge(r.reaction(), 1, Integer::sum);
      }
    }
    return out;
  }
}
