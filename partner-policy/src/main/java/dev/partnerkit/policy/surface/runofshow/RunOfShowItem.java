package dev.partnerkit.policy.surface.runofshow;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.internal.Checks;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One line of a run of show: an id that stays the same from version to version (annotations anchor on it), what it
 * is, a title, and when — local times in the zone of its version (the tenant's), to the minute.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableRunOfShowItem.class)
@JsonDeserialize(as = ImmutableRunOfShowItem.class)
public abstract class RunOfShowItem {
  /** @return the item's id, stable across versions, e.g. {@code bar-setup} */
  public abstract String itemId();

  /** @return delivery, setup, service, breakdown, pickup or venue milestone */
  public abstract RunOfShowItemKind kind();

  /** @return a short title */
  public abstract String title();

  /** @return when it starts, in the version's zone */
  public abstract LocalDateTime startsAt();

  /** @return when it ends, in the version's zone, if it has an end */
  public abstract Optional<LocalDateTime> endsAt();

  /** @return where (a room, a dock), if said */
  public abstract Optional<String> location();

  /** @return details, if any */
  public abstract Optional<String> notes();

  @Value.Check
  protected RunOfShowItem check() {
    Checks.identifier("itemId", itemId());
    Checks.text("title", title(), Checks.MAX_NAME_LENGTH);
    location().ifPresent(l -> Checks.text("location", l, Checks.MAX_NAME_LENGTH));
    notes().ifPresent(n -> Checks.text("notes", n, Checks.MAX_NAME_LENGTH * 5));
    endsAt().ifPresent(end -> Checks.check(end.isAfter(startsAt()), "endsAt", "endsAt must be after startsAt ("
        + startsAt() + "), but was " + end));
    boolean finer = !startsAt().equals(startsAt().truncatedTo(ChronoUnit.MINUTES))
        || endsAt().map(e -> !e.equals(e.truncatedTo(ChronoUnit.MINUTES))).orElse(false);
    if (finer) {
      return ImmutableRunOfShowItem.copyOf(this).withStartsAt(startsAt().truncatedTo(ChronoUnit.MINUTES))
          .withEndsAt(endsAt().map(e -> e.truncatedTo(ChronoUnit.MINUTES)));
    }
    return this;
  }

  /** @return a new builder */
  public static ImmutableRunOfShowItem.Builder builder() {
    return ImmutableRunOfShowItem.builder();
  }
}
