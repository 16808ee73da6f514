package dev.partnerkit.policy.workspace;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.EventId;
import dev.partnerkit.domain.ResourceId;
import dev.partnerkit.domain.SourceTruth;
import dev.partnerkit.domain.Surface;
import dev.partnerkit.domain.internal.Checks;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Evidence a partner adds to a surface: a comment, a blocker response, a recommendation, an annotation. If the host's
 * route would also promote a source truth (a partner clicking "accept this option"), it lists that in
 * {@link #effects()} — and the command is refused: partner input is evidence, never source truth.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableContribution.class)
@JsonDeserialize(as = ImmutableContribution.class)
public abstract class Contribution {
  /** @return the surface the evidence goes to */
  @NotNull(message = "surface is required")
  public abstract Surface surface();

  /** @return the event it concerns, if any */
  public abstract Optional<EventId> eventId();

  /** @return the exact resource (e.g. artifact version) it concerns, if any */
  public abstract Optional<ResourceId> resourceId();

  /** @return what the evidence says, in plain words */
  @NotBlank(message = "summary must not be blank")
  @Size(max = Checks.MAX_TEXT_LENGTH, message = "summary must be at most {max} characters")
  public abstract String summary();

  /** @return source truths the host's route would change; any of them blocks the command */
  public abstract Set<SourceTruth> effects();

  @Value.Check
  protected void check() {
    Checks.text("summary", summary(), Checks.MAX_TEXT_LENGTH);
  }

  /** @return a new builder */
  public static ImmutableContribution.Builder builder() {
    return ImmutableContribution.builder();
  }
}
