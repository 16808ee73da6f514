package dev.partnerkit.domain;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.internal.Checks;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * One request to decide: who acts, in which tenant and occasion (and optionally event and single resource), on which
 * surface, reading or writing, with what intent, and which source truths the command would change. A request that
 * lists any {@link #effects() effect} is refused for partners and integrations, whatever their grants say.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableAccessRequest.class)
@JsonDeserialize(as = ImmutableAccessRequest.class)
public abstract class AccessRequest {
  /** @return who acts */
  public abstract Actor actor();

  /** @return the tenant the request is made in */
  public abstract TenantId tenantId();

  /** @return the occasion */
  public abstract OccasionId occasionId();

  /** @return the event, when the request is about one */
  public abstract Optional<EventId> eventId();

  /** @return the single resource (e.g. an exact artifact version), when the request is about one */
  public abstract Optional<ResourceId> resourceId();

  /**
   * @return the surface; required for contribute and task moves. A view without a surface asks to open the occasion
   *     itself (the partner portal session): it needs an active grant for the occasion, whatever its surfaces.
   */
  public abstract Optional<Surface> surface();

  /** @return read or write; {@code view} reads, every other intent writes */
  public abstract Operation operation();

  /** @return what the request means to do */
  public abstract IntentKind intent();

  /** @return the task move, exactly when the intent is {@code move_task} */
  public abstract Optional<TaskMove> taskMove();

  /** @return the source truths the command would change; any of them blocks a partner or integration */
  public abstract Set<SourceTruth> effects();

  /** @return whether the record written would be internal-only (hidden from partners) */
  @Value.Default
  public boolean internalOnly() {
    return false;
  }

  @Value.Check
  protected void check() {
    boolean reads = intent() == IntentKind.VIEW;
    Checks.check(reads == (operation() == Operation.READ), "operation", "operation must be "
        + (reads ? "read" : "write") + " for intent " + intent().wireName() + ", but was "
        + operation().wireName());
    boolean onSurface = intent() == IntentKind.CONTRIBUTE || intent() == IntentKind.MOVE_TASK;
    Checks.check(!onSurface || surface().isPresent(), "surface",
        "surface is required for intent " + intent().wireName() + ", but was empty");
    boolean moves = intent() == IntentKind.MOVE_TASK;
    Checks.check(moves == taskMove().isPresent(), "taskMove", moves
        ? "taskMove is required for intent move_task, but was empty"
        : "taskMove must be empty for intent " + intent().wireName() + ", but was " + taskMove().orElse(null));
    Checks.check(!moves || surface().orElse(null) == Surface.TASKS, "surface",
        "surface must be tasks for intent move_task, but was " + surface().map(Surface::wireName).orElse("empty"));
    Checks.check(!reads || !internalOnly(), "internalOnly", "internalOnly must be false for intent view, but was true");
  }

  /** @return a new builder */
  public static ImmutableAccessRequest.Builder builder() {
    return ImmutableAccessRequest.builder();
  }

  /**
   * @return a builder for reading {@code surface} of an occasion
   */
  public static ImmutableAccessRequest.Builder view(Actor actor, TenantId tenantId, OccasionId occasionId,
      Surface surface) {
    return builder().actor(actor).tenantId(tenantId).occasionId(occasionId).surface(surface)
        .operation(Operation.READ).intent(IntentKind.VIEW);
  }

  /**
   * @return a builder for opening the occasion itself (the partner portal session), on no particular surface
   */
  public static ImmutableAccessRequest.Builder openOccasion(Actor actor, TenantId tenantId, OccasionId occasionId) {
    return builder().actor(actor).tenantId(tenantId).occasionId(occasionId).operation(Operation.READ)
        .intent(IntentKind.VIEW);
  }

  /**
   * @return a builder for adding evidence to {@code surface} of an occasion
   */
  public static ImmutableAccessRequest.Builder contribute(Actor actor, TenantId tenantId, OccasionId occasionId,
      Surface surface) {
    return builder().actor(actor).tenantId(tenantId).occasionId(occasionId).surface(surface)
        .operation(Operation.WRITE).intent(IntentKind.CONTRIBUTE);
  }

  /**
   * @return a builder for moving a task (surface tasks)
   */
  public static ImmutableAccessRequest.Builder moveTask(Actor actor, PartnerTask task, TaskMove move) {
    ImmutableAccessRequest.Builder b = builder().actor(actor).tenantId(task.tenantId())
        .occasionId(task.occasionId()).surface(Surface.TASKS).operation(Operation.WRITE)
        .intent(IntentKind.MOVE_TASK).taskMove(move);
    task.eventId().ifPresent(b::eventId);
    return b;
  }
}
