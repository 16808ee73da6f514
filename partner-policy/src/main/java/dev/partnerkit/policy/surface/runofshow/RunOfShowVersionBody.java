package dev.partnerkit.policy.surface.runofshow;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.internal.Checks;
import dev.partnerkit.policy.surface.ArtifactVersion;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * The body of one run-of-show version: its number within the run of show, the zone its times are in (the tenant's,
 * when it was proposed), the items, and what changed. Immutable: a change is a new version.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableRunOfShowVersionBody.class)
@JsonDeserialize(as = ImmutableRunOfShowVersionBody.class)
public abstract class RunOfShowVersionBody implements ArtifactVersion {
  /** Most items in one version. */
  public static final int MAX_ITEMS = 200;

  @Override
  public abstract int versionNumber();

  /** @return the zone every item's local time is in */
  public abstract ZoneId zone();

  /** @return the items, in the order given */
  public abstract List<RunOfShowItem> items();

  /** @return what changed from the version it is based on, if said */
  public abstract Optional<String> summary();

  /** @return "v3: Later pickup" */
  public String title() {
    return "v" + versionNumber() + summary().map(s -> ": " + (s.length() <= 120 ? s : s.substring(0, 119) + "\u2026"))
        .orElse("");
  }

  @Value.Check
  protected void check() {
    Checks.check(versionNumber() >= 1, "versionNumber", "versionNumber must be 1 or more, but was "
        + versionNumber());
    Checks.check(!items().isEmpty(), "items", "items must hold at least one item");
    Checks.maxSize("items", items(), MAX_ITEMS);
    summary().ifPresent(s -> Checks.text("summary", s, Checks.MAX_NAME_LENGTH * 5));
    Set<String> ids = new HashSet<>();
    for (RunOfShowItem item : items()) {
      Checks.check(ids.add(item.itemId()), "items", "items must have distinct ids, but " + item.itemId()
          + " is listed twice");
      exists(item.startsAt(), "startsAt", item);
      item.endsAt().ifPresent(end -> exists(end, "endsAt", item));
    }
  }

  private void exists(LocalDateTime local, String field, RunOfShowItem item) {
    Checks.check(!zone().getRules().getValidOffsets(local).isEmpty(), "items." + field, "items." + field + " of "
        + item.itemId() + " is " + local + ", a time that does not exist in " + zone()
        + " (the clocks skip it); give a time after the change");
  }

  /** @return a new builder */
  public static ImmutableRunOfShowVersionBody.Builder builder() {
    return ImmutableRunOfShowVersionBody.builder();
  }
}
