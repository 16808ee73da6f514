package dev.partnerkit.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The class of data a resource holds, named by the host when it asks for a decision about the resource or publishes
 * an event about it. Grants name the classes they cover; the {@link #forbiddenForIntegrations() forbidden} classes of
 * seed 003 (guest portal tokens, guest profile and contact details, planner-only notes, private threads, internal
 * tasks) never reach an integration principal, whatever a grant says: such a request is blocked as
 * {@link ReasonCode#DATA_CLASS_FORBIDDEN}, and a grant for a principal that names one is refused when issued.
 *
 * <p>{@link #summary()} marks the published, filtered or summarised classes machine integrations should prefer over
 * raw data (seed 003: "prefer published/filtered/summary resources over broad raw-data access").
 */
public enum DataClass implements WireNamed {
  /** A published, final output such as an invitation package. */
  PUBLISHED_ARTIFACT(true, false),
  /** Print-ready assets and their metadata, attached to a published artifact. */
  PRINT_ASSET(true, false),
  /** Occasion-level print configuration (paper, quantities), where explicitly granted. */
  PRINT_CONFIGURATION(true, false),
  /** A published seating plan for an event. */
  SEATING_PLAN_OUTPUT(true, false),
  /** A summary of an event's timeline or operational windows. */
  TIMELINE_SUMMARY(true, false),
  /** Venue logistics metadata: room and layout identifiers. */
  VENUE_LOGISTICS(true, false),
  /** Meal counts and dietary summaries for a dining event. */
  CATERING_SUMMARY(true, false),
  /** RSVP-derived aggregates (counts, never single guests). */
  RSVP_AGGREGATE(true, false),
  /** The raw RSVP table, guest by guest: allowed only past a preset through an explicit, logged override. */
  RAW_RSVP_TABLE(false, false),
  /** Partnerkit's own collaboration records with the partner (tasks, documents, comments ...), as record events. */
  PARTNER_RECORD(false, false),
  /** Guest portal tokens and access records: never for an integration. */
  GUEST_TOKEN(false, true),
  /** Guest profile and contact details: never for an integration. */
  GUEST_PROFILE(false, true),
  /** Planner-only operational notes: never for an integration. */
  PLANNER_NOTE(false, true),
  /** Private communication threads (chat): never for an integration. */
  PRIVATE_THREAD(false, true),
  /** Internal tasks of unrelated modules: never for an integration. */
  INTERNAL_TASK(false, true);

  private final String wireName = name().toLowerCase(Locale.ROOT);
  private final boolean summary;
  private final boolean forbidden;

  DataClass(boolean summary, boolean forbidden) {
    this.summary = summary;
    this.forbidden = forbidden;
  }

  @JsonValue
  @Override
  public String wireName() {
    return wireName;
  }

  /** @return whether no integration principal may ever receive this class, whatever a grant says */
  public boolean forbiddenForIntegrations() {
    return forbidden;
  }

  /** @return whether this is a published, filtered or summarised class that integrations should prefer */
  public boolean summary() {
    return summary;
  }

  /** @return the classes forbidden to every integration principal */
  public static Set<DataClass> forbiddenForIntegrationPrincipals() {
    Set<DataClass> out = EnumSet.noneOf(DataClass.class);
    for (DataClass c : values()) {
      if (c.forbidden) {
        out.add(c);
      }
    }
    return out;
  }
}
