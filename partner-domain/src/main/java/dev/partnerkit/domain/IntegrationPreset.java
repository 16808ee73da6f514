package dev.partnerkit.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.partnerkit.domain.internal.Checks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The least-privilege shapes of seed 003's worked examples: what a printer's, a venue's and a caterer's integration
 * principal gets. Each preset is read-only, names the scope shape (occasion, or named events), the surfaces and
 * capabilities, the data classes — published, filtered and summarised ones only: "prefer summaries over raw data" —
 * and the webhook triggers. An operator issues a principal's grant from a preset and may narrow it; a grant that
 * goes past the preset ({@link #widenings}) needs an explicit override with a reason, which is journaled.
 */
public enum IntegrationPreset implements WireNamed {
  /** A printing company: finalized, publishable outputs of one occasion, and the trigger printable.generated. */
  PRINTER(false, EnumSet.of(Surface.DOCUMENTS), EnumSet.noneOf(PartnerCapability.class),
      EnumSet.of(DataClass.PUBLISHED_ARTIFACT, DataClass.PRINT_ASSET, DataClass.PRINT_CONFIGURATION),
      List.of("printable.generated")),
  /** A hall or venue: seating plan outputs, timeline summaries and logistics of its assigned events. */
  VENUE(true, EnumSet.of(Surface.DOCUMENTS, Surface.RUN_OF_SHOW, Surface.VENUE_PLANS),
      EnumSet.of(PartnerCapability.EDIT_RUN_OF_SHOW, PartnerCapability.MANAGE_VENUE_PLAN),
      EnumSet.of(DataClass.SEATING_PLAN_OUTPUT, DataClass.TIMELINE_SUMMARY, DataClass.VENUE_LOGISTICS),
      List.of("seating_plan.published", "timeline.updated")),
  /** A caterer: meal counts, dietary summaries and RSVP aggregates of its dining events, never the raw RSVP table. */
  CATERER(true, EnumSet.of(Surface.DOCUMENTS, Surface.RUN_OF_SHOW),
      EnumSet.of(PartnerCapability.EDIT_RUN_OF_SHOW),
      EnumSet.of(DataClass.CATERING_SUMMARY, DataClass.RSVP_AGGREGATE, DataClass.TIMELINE_SUMMARY),
      List.of("rsvp.submitted", "meal_selection.updated"));

  private final String wireName = name().toLowerCase(Locale.ROOT);
  private final boolean eventScoped;
  private final Set<Surface> surfaces;
  private final Set<PartnerCapability> capabilities;
  private final Set<DataClass> dataClasses;
  private final Set<String> triggers;

  IntegrationPreset(boolean eventScoped, Set<Surface> surfaces, Set<PartnerCapability> capabilities,
      Set<DataClass> dataClasses, List<String> triggers) {
    this.eventScoped = eventScoped;
    this.surfaces = Collections.unmodifiableSet(surfaces);
    this.capabilities = Collections.unmodifiableSet(capabilities);
    this.dataClasses = Collections.unmodifiableSet(dataClasses);
    this.triggers = Collections.unmodifiableSet(new LinkedHashSet<>(triggers));
  }

  @JsonValue
  @Override
  public String wireName() {
    return wireName;
  }

  /** @return whether the grant must name the events it covers (venue, caterer) rather than the whole occasion */
  public boolean eventScoped() {
    return eventScoped;
  }

  /** @return the surfaces the preset opens */
  public Set<Surface> surfaces() {
    return surfaces;
  }

  /** @return the capabilities the preset gives (reads only: the principal stays read-only) */
  public Set<PartnerCapability> capabilities() {
    return capabilities;
  }

  /** @return the data classes the preset covers: summaries and published outputs only */
  public Set<DataClass> dataClasses() {
    return dataClasses;
  }

  /** @return the webhook triggers the principal subscribes to */
  public Set<String> triggers() {
    return triggers;
  }

  /** @return false: every preset is read-only; writes are the operator's separate decision */
  public boolean writeEnabled() {
    return false;
  }

  /**
   * @param occasionId the occasion
   * @param events the events (required, at least one, for an event-scoped preset)
   * @return the preset's full scope in that occasion and those events
   */
  public GrantScope scope(OccasionId occasionId, Set<EventId> events) {
    Checks.required("occasionId", occasionId);
    Checks.required("events", events);
    Checks.check(!eventScoped || !events.isEmpty(), "events",
        "events must name at least one event for the " + wireName + " preset, but was []");
    return GrantScope.builder().occasionId(occasionId).events(events).surfaces(surfaces).dataClasses(dataClasses)
        .build();
  }

  /**
   * What a grant's scope and capabilities add to the preset, one line per field, e.g.
   * {@code scope.dataClasses +raw_rsvp_table}; empty when the grant stays inside the preset.
   *
   * @param scope the grant's scope
   * @param grantCapabilities the grant's capabilities
   * @return the widenings, in a stable order
   */
  public List<String> widenings(GrantScope scope, Set<PartnerCapability> grantCapabilities) {
    Checks.required("scope", scope);
    Checks.required("capabilities", grantCapabilities);
    List<String> out = new ArrayList<>();
    if (eventScoped && scope.events().isEmpty()) {
      out.add("scope.events: every event of the occasion, where the " + wireName + " preset names events");
    }
    add(out, "scope.surfaces", scope.surfaces(), surfaces);
    add(out, "capabilities", grantCapabilities, capabilities);
    if (scope.dataClasses().isEmpty()) {
      out.add("scope.dataClasses: every data class, where the " + wireName + " preset names "
          + names(dataClasses));
    } else {
      add(out, "scope.dataClasses", scope.dataClasses(), dataClasses);
    }
    return out;
  }

  private static <T extends WireNamed> void add(List<String> out, String field, Set<T> asked, Set<T> allowed) {
    Set<String> extra = new TreeSet<>();
    for (T value : asked) {
      if (!allowed.contains(value)) {
        extra.add(value.wireName());
      }
    }
    if (!extra.isEmpty()) {
      out.add(field + " +" + String.join(" +", extra));
    }
  }

  private static String names(Set<? extends WireNamed> values) {
    Set<String> out = new TreeSet<>();
    values.forEach(v -> out.add(v.wireName()));
    return out.toString();
  }
}
