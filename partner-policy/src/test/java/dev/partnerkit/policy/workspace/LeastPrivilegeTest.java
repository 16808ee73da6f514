package dev.partnerkit.policy.workspace;

import static dev.partnerkit.policy.workspace.WorkspaceWorld.ACME;
import static dev.partnerkit.policy.workspace.WorkspaceWorld.CEREMONY;
import static dev.partnerkit.policy.workspace.WorkspaceWorld.DANA;
import static dev.partnerkit.policy.workspace.WorkspaceWorld.FROM;
import static dev.partnerkit.policy.workspace.WorkspaceWorld.RECEPTION;
import static dev.partnerkit.policy.workspace.WorkspaceWorld.TENANT;
import static dev.partnerkit.policy.workspace.WorkspaceWorld.VENUE;
import static dev.partnerkit.policy.workspace.WorkspaceWorld.WEDDING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnerkit.domain.DataClass;
import dev.partnerkit.domain.Decision;
import dev.partnerkit.domain.GrantId;
import dev.partnerkit.domain.GrantScope;
import dev.partnerkit.domain.ImmutableGrantScope;
import dev.partnerkit.domain.IntegrationPreset;
import dev.partnerkit.domain.IntegrationPrincipal;
import dev.partnerkit.domain.IntegrationPrincipalId;
import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.domain.PartnerCapability;
import dev.partnerkit.domain.Placement;
import dev.partnerkit.domain.ReasonCode;
import dev.partnerkit.domain.Surface;
import dev.partnerkit.spi.ActivityEntry;
import dev.partnerkit.spi.ActivityQuery;
import dev.partnerkit.spi.OutboxEvent;
import dev.partnerkit.spi.memory.InMemoryStorage;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Least privilege for integration principals: data classes, forbidden classes, presets and logged overrides. */
class LeastPrivilegeTest {
  static final IntegrationPrincipalId HALL_SYNC = IntegrationPrincipalId.of("ip-hall-sync");

  private final WorkspaceWorld world = new WorkspaceWorld(InMemoryStorage.create());

  private void storePrincipal(IntegrationPreset preset) {
    world.storage.directory().insertPrincipal(IntegrationPrincipal.builder().tenantId(TENANT).principalId(HALL_SYNC)
        .partnerId(VENUE).name("Lakeside Hall sync").triggers(preset.triggers()).build());
  }

  private GrantDraft draft(GrantScope scope, Set<PartnerCapability> capabilities) {
    return GrantDraft.builder().partnerId(VENUE).integrationPrincipal(HALL_SYNC).scope(scope)
        .capabilities(capabilities).validFrom(FROM).build();
  }

  private GrantId activate(CommandResult issued) {
    assertTrue(issued.applied(), issued.decision().render());
    GrantId id = GrantId.of(issued.recordId().orElseThrow());
    assertTrue(world.ops.activateGrant(world.key(), id).applied());
    return id;
  }

  private PartnerSession machine() {
    return world.workspace.openIntegrationSession(TENANT, HALL_SYNC, WEDDING).session().orElseThrow();
  }

  private static Placement at(Optional<dev.partnerkit.domain.EventId> event) {
    return Placement.builder().occasionId(WEDDING).eventId(event).build();
  }

  @Test
  void aPrincipalsGrantIsNeverIssuedPastAPresetWithoutAnOverride() {
    storePrincipal(IntegrationPreset.VENUE);
    long grants = world.storage.grants().findByPartner(TENANT, VENUE).size();
    long decisions = world.storage.decisions().count(TENANT);
    dev.partnerkit.domain.InvalidValueException refused = org.junit.jupiter.api.Assertions.assertThrows(
        dev.partnerkit.domain.InvalidValueException.class, () -> world.ops.issueGrant(world.key(),
            draft(IntegrationPreset.VENUE.scope(WEDDING, Set.of(dev.partnerkit.domain.EventId.of("ev-reception"))),
                IntegrationPreset.VENUE.capabilities())));
    assertEquals("draft.integrationPrincipal", refused.field());
    assertTrue(refused.getMessage().contains("issuePresetGrant"), refused.getMessage());
    assertEquals(grants, world.storage.grants().findByPartner(TENANT, VENUE).size(), "nothing issued");
    assertEquals(decisions, world.storage.decisions().count(TENANT), "nothing decided or journaled");
  }

  @Test
  void aPresetGrantCoversItsClassesInItsEventsAndForbiddenClassesNeverReachTheMachine() {
    storePrincipal(IntegrationPreset.VENUE);
    IntegrationPreset venue = IntegrationPreset.VENUE;
    activate(world.ops.issuePresetGrant(world.key(), venue,
        draft(venue.scope(WEDDING, Set.of(RECEPTION)), venue.capabilities()), Optional.empty()));
    PartnerSession session = machine();

    assertTrue(session.readResource(at(Optional.of(RECEPTION)), DataClass.SEATING_PLAN_OUTPUT).allowed());
    Decision otherEvent = session.readResource(at(Optional.of(CEREMONY)), DataClass.SEATING_PLAN_OUTPUT);
    assertEquals(ReasonCode.OUT_OF_SCOPE, otherEvent.reason());
    Decision noEvent = session.readResource(at(Optional.empty()), DataClass.SEATING_PLAN_OUTPUT);
    assertEquals(ReasonCode.OUT_OF_SCOPE, noEvent.reason(), "a classed read is decided with exact scope");
    Decision raw = session.readResource(at(Optional.of(RECEPTION)), DataClass.RAW_RSVP_TABLE);
    assertEquals(ReasonCode.OUT_OF_SCOPE, raw.reason());
    assertTrue(raw.explanation().contains("data class raw_rsvp_table"), raw.explanation());
    for (DataClass forbidden : DataClass.forbiddenForIntegrationPrincipals()) {
      Decision d = session.readResource(at(Optional.of(RECEPTION)), forbidden);
      assertEquals(ReasonCode.DATA_CLASS_FORBIDDEN, d.reason(), forbidden.wireName());
      assertTrue(d.explanation().contains(forbidden.wireName()), d.explanation());
    }
    assertEquals(EnumSet.of(DataClass.GUEST_TOKEN, DataClass.GUEST_PROFILE, DataClass.PLANNER_NOTE,
        DataClass.PRIVATE_THREAD, DataClass.INTERNAL_TASK), DataClass.forbiddenForIntegrationPrincipals());
  }

  @Test
  void peopleAreCoveredForEveryClassByAGrantThatNamesNoneAndMachinesForNone() {
    world.wideGrant(ACME);
    PartnerSession dana = world.session(DANA);
    assertTrue(dana.readResource(at(Optional.of(RECEPTION)), DataClass.GUEST_PROFILE).allowed(),
        "forbidden classes are a rule for machines; people's grants decide for them");

    storePrincipal(IntegrationPreset.VENUE);
    activate(world.ops.issuePresetGrant(world.key(), IntegrationPreset.VENUE, draft(GrantScope.builder()
        .occasionId(WEDDING).addSurfaces(Surface.DOCUMENTS).build(), Set.of()), Optional.of("every class, on purpose")));
    Decision d = machine().readResource(at(Optional.of(RECEPTION)), DataClass.SEATING_PLAN_OUTPUT);
    assertEquals(ReasonCode.OUT_OF_SCOPE, d.reason(), "a machine's grant must name the class");
  }

  @Test
  void aGrantThatNamesAForbiddenClassForAPrincipalIsRefusedWhenIssuedAndWritesNothing() {
    storePrincipal(IntegrationPreset.CATERER);
    long activity = world.activityCount();
    long grants = world.storage.grants().count(TENANT);
    for (DataClass forbidden : DataClass.forbiddenForIntegrationPrincipals()) {
      GrantScope scope = GrantScope.builder().occasionId(WEDDING).addSurfaces(Surface.DOCUMENTS)
          .addDataClasses(DataClass.CATERING_SUMMARY, forbidden).build();
      InvalidValueException e = assertThrows(InvalidValueException.class,
          () -> world.ops.issuePresetGrant(world.key(), IntegrationPreset.CATERER, draft(scope, Set.of()),
              Optional.of("an override never reaches a forbidden class")));
      assertEquals("scope.dataClasses", e.field());
      assertTrue(e.getMessage().contains(forbidden.wireName()), e.getMessage());
      InvalidValueException viaOverride = assertThrows(InvalidValueException.class,
          () -> world.ops.issuePresetGrant(world.key(), IntegrationPreset.CATERER, draft(scope, Set.of()),
              Optional.of("the caterer asked")));
      assertEquals("scope.dataClasses", viaOverride.field(), "no override opens a forbidden class");
    }
    assertEquals(activity, world.activityCount());
    assertEquals(grants, world.storage.grants().count(TENANT));
  }

  @Test
  void anOperatorMayNarrowAPresetButWidensItOnlyWithALoggedOverride() {
    storePrincipal(IntegrationPreset.CATERER);
    IntegrationPreset caterer = IntegrationPreset.CATERER;
    ImmutableGrantScope full = (ImmutableGrantScope) caterer.scope(WEDDING, Set.of(RECEPTION));
    // narrowing: one class, one surface, no capability
    CommandResult narrowed = world.ops.issuePresetGrant(world.key(), caterer,
        draft(full.withDataClasses(DataClass.CATERING_SUMMARY).withSurfaces(Surface.DOCUMENTS), Set.of()),
        Optional.empty());
    assertTrue(narrowed.applied());

    long before = world.storage.grants().count(TENANT);
    GrantDraft raw = draft(full.withDataClasses(DataClass.CATERING_SUMMARY, DataClass.RAW_RSVP_TABLE),
        caterer.capabilities());
    InvalidValueException refused = assertThrows(InvalidValueException.class,
        () -> world.ops.issuePresetGrant(world.key(), caterer, raw, Optional.empty()));
    assertEquals("draft.scope.dataClasses", refused.field());
    assertTrue(refused.getMessage().contains("+raw_rsvp_table"), refused.getMessage());
    InvalidValueException allEvents = assertThrows(InvalidValueException.class,
        () -> world.ops.issuePresetGrant(world.key(), caterer, draft(full.withEvents(Set.of()), Set.of()),
            Optional.empty()));
    assertEquals("draft.scope.events", allEvents.field());
    InvalidValueException capability = assertThrows(InvalidValueException.class,
        () -> world.ops.issuePresetGrant(world.key(), caterer,
            draft(full, Set.of(PartnerCapability.MANAGE_TASK)), Optional.empty()));
    assertEquals("draft.capabilities", capability.field());
    assertEquals(before, world.storage.grants().count(TENANT));

    CommandResult widened = world.ops.issuePresetGrant(world.key(), caterer, raw,
        Optional.of("dietary sync needs guest-level rows until the summary export ships"));
    GrantId id = activate(widened);
    List<ActivityEntry> entries = world.storage.activity().read(TENANT, ActivityQuery.builder().build());
    assertTrue(entries.stream().anyMatch(e -> e.summary().contains("widened past it by override")
        && e.summary().contains("scope.dataClasses +raw_rsvp_table")
        && e.summary().contains("dietary sync needs guest-level rows")), entries.toString());
    List<OutboxEvent> events = world.storage.outbox().claimPending(TENANT, 500);
    assertTrue(events.stream().anyMatch(e -> e.aggregateId().equals(id.value())
        && e.payload().contains("\"override\"") && e.payload().contains("raw_rsvp_table")), events.toString());
    assertTrue(machine().readResource(at(Optional.of(RECEPTION)), DataClass.RAW_RSVP_TABLE).allowed());
  }

  @Test
  void presetsAreReadOnlyPreferSummariesAndNameTheSeedsTriggers() {
    for (IntegrationPreset preset : IntegrationPreset.values()) {
      assertFalse(preset.writeEnabled());
      assertTrue(preset.dataClasses().stream().allMatch(DataClass::summary), preset.wireName());
      assertTrue(preset.widenings(preset.scope(WEDDING, Set.of(RECEPTION)), preset.capabilities()).isEmpty());
    }
    assertEquals(Set.of("printable.generated"), IntegrationPreset.PRINTER.triggers());
    assertEquals(Set.of("seating_plan.published", "timeline.updated"), IntegrationPreset.VENUE.triggers());
    assertEquals(Set.of("rsvp.submitted", "meal_selection.updated"), IntegrationPreset.CATERER.triggers());
    assertFalse(IntegrationPreset.PRINTER.eventScoped());
    InvalidValueException e = assertThrows(InvalidValueException.class,
        () -> IntegrationPreset.VENUE.scope(WEDDING, Set.of()));
    assertEquals("events", e.field());
  }
}
