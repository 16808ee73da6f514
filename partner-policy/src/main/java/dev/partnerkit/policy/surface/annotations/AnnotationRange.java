package dev.partnerkit.policy.surface.annotations;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.internal.Checks;
import org.immutables.value.Value;

/** A range of characters in a version's text: from {@link #start()} (inclusive) to {@link #end()} (exclusive). */
@Value.Immutable
@JsonSerialize(as = ImmutableAnnotationRange.class)
@JsonDeserialize(as = ImmutableAnnotationRange.class)
public abstract class AnnotationRange {
  /** @return the first character, from 0 */
  public abstract int start();

  /** @return the character after the last one */
  public abstract int end();

  @Value.Check
  protected void check() {
    Checks.check(start() >= 0 && end() > start(), "range", "range must start at 0 or later and end after its start,"
        + " but was " + start() + " to " + end());
  }

  /** @return a range */
  public static AnnotationRange of(int start, int end) {
    return ImmutableAnnotationRange.builder().start(start).end(end).build();
  }
}
