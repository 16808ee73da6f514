package dev.partnerkit.domain;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.internal.Checks;
import java.util.Set;
import org.immutables.value.Value;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What a grant reaches: one occasion; optionally only some of its events; optionally only some single resources
 * (e.g. one published artifact); and the surfaces it opens, always named explicitly.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableGrantScope.class)
@JsonDeserialize(as = ImmutableGrantScope.class)
public abstract class GrantScope {
  /** Most events one grant may name. */
  public static final int MAX_EVENTS = 500;
  /** Most single resources one grant may name. */
  public static final int MAX_RESOURCES = 1000;

  /** @return the occasion the grant is for */
  @NotNull(message = "scope.occasionId is required")
  public abstract OccasionId occasionId();

  /** @return the events covered; empty means every event of the occasion */
  @Size(max = MAX_EVENTS, message = "scope.events must hold at most {max} entries")
  public abstract Set<EventId> events();

  /** @return the single resources covered; empty means every resource inside the events */
  @Size(max = MAX_RESOURCES, message = "scope.resources must hold at most {max} entries")
  public abstract Set<ResourceId> resources();

  /**
   * @return the data classes the grant covers. For people, empty means every class; an integration principal is
   *     covered for a request that names a data class only when its grant lists that class (least privilege), and
   *     never for a {@link DataClass#forbiddenForIntegrations() forbidden} one
   */
  public abstract Set<DataClass> dataClasses();

  /** @return the surfaces opened; at least one */
  @NotEmpty(message = "scope.surfaces must name at least one surface")
  public abstract Set<Surface> surfaces();

  @Value.Check
  protected void check() {
    Checks.maxSize("scope.events", events(), MAX_EVENTS);
    Checks.maxSize("scope.resources", resources(), MAX_RESOURCES);
    Checks.check(!surfaces().isEmpty(), "scope.surfaces",
        "scope.surfaces must name at least one surface, but was []");
  }

  /** @return a new builder */
  public static ImmutableGrantScope.Builder builder() {
    return ImmutableGrantScope.builder();
  }
}
