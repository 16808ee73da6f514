package dev.partnerkit.policy.surface.comments;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.internal.Checks;
import org.immutables.value.Value;

/**
 * The body of a comment ({@code Comment}): its text, never edited. Its thread is its placement parent; its mentions
 * ({@code Mention}) are kernel links; its reactions ({@code Reaction}) sit under it.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableCommentBody.class)
@JsonDeserialize(as = ImmutableCommentBody.class)
public abstract class CommentBody {
  /** Length of the title a comment shows in explanations and activity. */
  static final int TITLE_LENGTH = 80;

  /** @return the text */
  public abstract String text();

  @Value.Check
  protected void check() {
    Checks.text("text", text(), Checks.MAX_TEXT_LENGTH);
  }

  /** @return the first words of the text, for explanations and the activity timeline */
  public String title() {
    String oneLine = text().strip().replaceAll("\\s+", " ");
    if (oneLine.length() <= TITLE_LENGTH) {
      return oneLine;
    }
    int end = TITLE_LENGTH - 1;
    if (Character.isHighSurrogate(oneLine.charAt(end - 1))) {
      end--;
    }
    return oneLine.substring(0, end) + "\u2026";
  }

  /** @return the body with {@code text} */
  public static CommentBody of(String text) {
    return ImmutableCommentBody.builder().text(text).build();
  }
}
