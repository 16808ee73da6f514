package dev.partnerkit.policy.surface.comments;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.internal.Checks;
import org.immutables.value.Value;

/**
 * The body of a comment thread ({@code CommentThread}): its title. What it is about is its placement parent
 * ({@link ThreadSubject}); its comments sit under it.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableThreadBody.class)
@JsonDeserialize(as = ImmutableThreadBody.class)
public abstract class ThreadBody {
  /** @return the title, e.g. "Loading door for the reception" */
  public abstract String title();

  @Value.Check
  protected void check() {
    Checks.text("title", title(), Checks.MAX_NAME_LENGTH);
  }

  /** @return the body with {@code title} */
  public static ThreadBody of(String title) {
    return ImmutableThreadBody.builder().title(title).build();
  }
}
