package dev.partnerkit.policy.workspace;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.DataClass;
import dev.partnerkit.domain.Placement;
import dev.partnerkit.domain.internal.Checks;
import dev.partnerkit.spi.OutboxEvent;
import org.immutables.value.Value;

/**
 * A business event the host publishes for its partners' integrations (seed 003's triggers): its type, where the
 * resource it is about sits (occasion, and the event, single resource and partner when there are), the class of
 * data it carries, and its data as a JSON object. The relay delivers it to every subscription of the type whose
 * principal's grants cover that placement and data class at delivery time.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableBusinessEvent.class)
@JsonDeserialize(as = ImmutableBusinessEvent.class)
public abstract class BusinessEvent {
  /** A printable artifact was generated (printers). */
  public static final String PRINTABLE_GENERATED = "printable.generated";
  /** A seating plan was published (venues). */
  public static final String SEATING_PLAN_PUBLISHED = "seating_plan.published";
  /** An event's timeline changed (venues, caterers). */
  public static final String TIMELINE_UPDATED = "timeline.updated";
  /** A guest answered an RSVP (caterers: aggregates only). */
  public static final String RSVP_SUBMITTED = "rsvp.submitted";
  /** A meal selection changed (caterers). */
  public static final String MEAL_SELECTION_UPDATED = "meal_selection.updated";

  /** @return the event type, a dotted lower-case name like {@code printable.generated} */
  public abstract String type();

  /** @return where the resource sits; a placement naming a partner reaches only that partner's integrations */
  public abstract Placement placement();

  /** @return the class of data the event carries */
  public abstract DataClass dataClass();

  /** @return the id of what the event is about (the artifact, the plan ...) */
  public abstract String subjectId();

  /** @return the event's data, a JSON object sent as the body's {@code data} */
  @Value.Default
  public String data() {
    return "{}";
  }

  @Value.Check
  protected void check() {
    Checks.check(type().length() <= 64 && OutboxEvent.isEventType(type()), "type",
        "type must be a dotted lower-case event name like printable.generated, but was " + Checks.show(type()));
    Checks.identifier("subjectId", subjectId());
    Checks.check(placement().parent().isEmpty(), "placement.parent", "placement.parent must be empty for an event");
    Checks.text("data", data(), OutboxEvent.MAX_PAYLOAD_LENGTH);
  }

  /** @return a new builder */
  public static ImmutableBusinessEvent.Builder builder() {
    return ImmutableBusinessEvent.builder();
  }
}
