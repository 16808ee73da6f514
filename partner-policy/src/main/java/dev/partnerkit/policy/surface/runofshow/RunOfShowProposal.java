package dev.partnerkit.policy.surface.runofshow;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.internal.Checks;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A proposed new version of a run of show: the items in full, and the number of the newest version the proposer saw
 * ({@code basedOn}, 0 for the first). The proposal becomes version {@code basedOn + 1}; if someone else proposed that
 * number first, the command fails with a version conflict: reload, and propose again on the newer version.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableRunOfShowProposal.class)
@JsonDeserialize(as = ImmutableRunOfShowProposal.class)
public abstract class RunOfShowProposal {
  /** @return the run of show */
  public abstract RunOfShowId runOfShowId();

  /** @return the newest version number the proposer saw, 0 when there is none */
  public abstract int basedOn();

  /** @return the items of the new version */
  public abstract List<RunOfShowItem> items();

  /** @return what changed, if said */
  public abstract Optional<String> summary();

  @Value.Check
  protected void check() {
    Checks.check(basedOn() >= 0, "basedOn", "basedOn must be 0 or more, but was " + basedOn());
    Checks.maxSize("items", items(), RunOfShowVersionBody.MAX_ITEMS);
  }

  /** @return a new builder */
  public static ImmutableRunOfShowProposal.Builder builder() {
    return ImmutableRunOfShowProposal.builder();
  }
}
