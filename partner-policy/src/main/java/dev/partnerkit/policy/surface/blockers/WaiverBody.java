package dev.partnerkit.policy.surface.blockers;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.internal.Checks;
import org.immutables.value.Value;

/**
 * The body of a blocker waiver ({@code BlockerWaiver}): the host's own decision to waive a blocker, and who made it.
 * A host truth, mirrored under the blocker: partners read it, never write it; a partner's waiver request is a
 * {@link ResponseKind#REQUEST_WAIVER response}, never one of these.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableWaiverBody.class)
@JsonDeserialize(as = ImmutableWaiverBody.class)
public abstract class WaiverBody {
  /** @return why the host waived it */
  public abstract String reason();

  /** @return who waived it, as the host names them */
  public abstract String waivedBy();

  @Value.Check
  protected void check() {
    Checks.text("reason", reason(), Checks.MAX_NAME_LENGTH);
    Checks.text("waivedBy", waivedBy(), Checks.MAX_NAME_LENGTH);
  }

  /** @return a waiver body */
  public static WaiverBody of(String reason, String waivedBy) {
    return ImmutableWaiverBody.builder().reason(reason).waivedBy(waivedBy).build();
  }
}
