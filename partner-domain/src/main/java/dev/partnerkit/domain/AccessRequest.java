package dev.partnerkit.domain;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.internal.Checks;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * One request to decide: who acts, in which tenant and occasion (and optionally event and single resource), on which
 * surface, with what intent (from which the operation, read or write, follows), about which kernel record, and which
 * source truths the command would change. A request that lists any {@link #effects() effect} is refused for partners
 * and integrations, whatever their grants say.
 *
 * <p>Scope is checked exactly for writes and for reads about one {@link #record() record}: a request with no event
 * is outside every event-narrowed grant (likewise resources). A read about no record (opening a listing) only needs a
 * grant that reaches the surface; the listing then keeps exactly the records a per-record view allows.
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
   * @return the surface; required for contributions and record intents. A view without a surface asks to open the
   *     occasion itself (the partner portal session): it needs an active grant for the occasion, whatever its surfaces.
   */
  public abstract Optional<Surface> surface();

  /**
   * @return the class of data the resource holds, as the host names it (a webhook event always names one). An
   *     integration principal is never allowed a {@link DataClass#forbiddenForIntegrations() forbidden} class; a
   *     request that names a class is decided with exact scope and needs a grant that covers the class
   */
  public abstract Optional<DataClass> dataClass();

  /** @return what the request means to do */
  public abstract IntentKind intent();

  /** @return the kernel record the request is about: required for record intents, optional for a view */
  public abstract Optional<RecordAction> record();

  /** @return the source truths the command would change; any of them blocks a partner or integration */
  public abstract Set<SourceTruth> effects();

  /** @return whether the record written would be internal-only (hidden from partners) */
  @Value.Default
  public boolean internalOnly() {
    return false;
  }

  /** @return read or write, as the intent says */
  public final Operation operation() {
    return intent().operation();
  }

  /**
   * @return whether scope must match exactly (a write, a read about one record, or a read of one classed resource)
   *     rather than reach the surface
   */
  public final boolean exactScope() {
    return operation() == Operation.WRITE || record().isPresent() || dataClass().isPresent();
  }

  /**
   * @return a builder for reading one resource of class {@code dataClass} placed at {@code placement} (or receiving an
   *     event about it), on no particular surface: decided with exact scope, and the grant must cover the class
   */
  public static ImmutableAccessRequest.Builder readResource(Actor actor, TenantId tenantId, Placement placement,
      DataClass dataClass) {
    return builder().actor(actor).tenantId(tenantId).occasionId(placement.occasionId())
        .eventId(placement.eventId()).resourceId(placement.resourceId()).intent(IntentKind.VIEW)
        .dataClass(dataClass);
  }

  @Value.Check
  protected void check() {
    IntentKind intent = intent();
    Checks.check(!(intent == IntentKind.CONTRIBUTE || intent.onRecord()) || surface().isPresent(), "surface",
        "surface is required for intent " + intent.wireName() + ", but was empty");
    if (intent.onRecord()) {
      Checks.check(record().isPresent(), "record", "record is required for intent " + intent.wireName()
          + ", but was empty");
    } else if (intent != IntentKind.VIEW) {
      Checks.check(record().isEmpty(), "record", "record must be empty for intent " + intent.wireName());
    }
    record().ifPresent(r -> {
      Checks.check(surface().isPresent(), "surface", "surface is required for a request about a record");
      boolean transition = intent == IntentKind.TRANSITION;
      Checks.check(transition == r.toStatus().isPresent(), "record.toStatus", transition
          ? "record.toStatus is required for intent transition, but was empty"
          : "record.toStatus must be empty for intent " + intent.wireName());
      boolean link = intent == IntentKind.LINK || intent == IntentKind.UNLINK;
      Checks.check(link == r.relation().isPresent(), "record.relation", link
          ? "record.relation is required for intent " + intent.wireName() + ", but was empty"
          : "record.relation must be empty for intent " + intent.wireName());
      Checks.check(intent == IntentKind.CREATE || r.recordId().isPresent(), "record.recordId",
          "record.recordId is required for intent " + intent.wireName() + ", but was empty");
      Checks.check(intent == IntentKind.CREATE || r.linkRelations().isEmpty(), "record.linkRelations",
          "record.linkRelations must be empty for intent " + intent.wireName());
    });
    Checks.check(intent != IntentKind.VIEW || !internalOnly(), "internalOnly",
        "internalOnly must be false for intent view, but was true");
  }

  /** @return a new builder */
  public static ImmutableAccessRequest.Builder builder() {
    return ImmutableAccessRequest.builder();
  }

  /** @return a builder for reading (listing) {@code surface} of an occasion */
  public static ImmutableAccessRequest.Builder view(Actor actor, TenantId tenantId, OccasionId occasionId,
      Surface surface) {
    return builder().actor(actor).tenantId(tenantId).occasionId(occasionId).surface(surface)
        .intent(IntentKind.VIEW);
  }

  /** @return a builder for opening the occasion itself (the partner portal session), on no particular surface */
  public static ImmutableAccessRequest.Builder openOccasion(Actor actor, TenantId tenantId, OccasionId occasionId) {
    return builder().actor(actor).tenantId(tenantId).occasionId(occasionId).intent(IntentKind.VIEW);
  }

  /** @return a builder for adding free-text evidence to {@code surface} of an occasion */
  public static ImmutableAccessRequest.Builder contribute(Actor actor, TenantId tenantId, OccasionId occasionId,
      Surface surface) {
    return builder().actor(actor).tenantId(tenantId).occasionId(occasionId).surface(surface)
        .intent(IntentKind.CONTRIBUTE);
  }

  /**
   * @return a builder for {@code intent} on one kernel record placed at {@code placement}: occasion, event and
   *     resource come from the placement, so scope is checked against where the record really is
   */
  public static ImmutableAccessRequest.Builder onRecord(Actor actor, TenantId tenantId, IntentKind intent,
      Surface surface, Placement placement, RecordAction action) {
    return builder().actor(actor).tenantId(tenantId).occasionId(placement.occasionId())
        .eventId(placement.eventId()).resourceId(placement.resourceId()).surface(surface).intent(intent)
        .record(action);
  }
}
