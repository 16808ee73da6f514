package dev.partnerkit.policy.surface.runofshow;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.internal.Checks;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The body of a run-of-show record: its title and notes. The occasion, event and partner whose timeline it is live in
 * the kernel record's placement; the timeline itself lives in its versions.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableRunOfShowBody.class)
@JsonDeserialize(as = ImmutableRunOfShowBody.class)
public abstract class RunOfShowBody {
  /** @return a short title, e.g. "Reception: venue timeline" */
  public abstract String title();

  /** @return notes, if any */
  public abstract Optional<String> notes();

  @Value.Check
  protected void check() {
    Checks.text("title", title(), Checks.MAX_NAME_LENGTH);
    notes().ifPresent(n -> Checks.text("notes", n, Checks.MAX_TEXT_LENGTH));
  }

  /** @return a new builder */
  public static ImmutableRunOfShowBody.Builder builder() {
    return ImmutableRunOfShowBody.builder();
  }
}
