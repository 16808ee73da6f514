package dev.partnerkit.policy.surface.comments;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/** The body of a reaction ({@code Reaction}) to a comment: one of a closed set of kinds. It sits under the comment. */
@Value.Immutable
@JsonSerialize(as = ImmutableReactionBody.class)
@JsonDeserialize(as = ImmutableReactionBody.class)
public abstract class ReactionBody {
  /** @return the reaction */
  public abstract ReactionKind reaction();

  /** @return the body with {@code reaction} */
  public static ReactionBody of(ReactionKind reaction) {
    return ImmutableReactionBody.builder().reaction(reaction).build();
  }
}
