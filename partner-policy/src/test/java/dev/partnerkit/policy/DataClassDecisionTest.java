package dev.partnerkit.policy;

import static dev.partnerkit.policy.Fixtures.ACME_BOT;
import static dev.partnerkit.policy.Fixtures.CEREMONY;
import static dev.partnerkit.policy.Fixtures.DANA;
import static dev.partnerkit.policy.Fixtures.NOW;
import static dev.partnerkit.policy.Fixtures.OCCASION;
import static dev.partnerkit.policy.Fixtures.RECEPTION;
import static dev.partnerkit.policy.Fixtures.TENANT;
import static dev.partnerkit.policy.Fixtures.facts;
import static dev.partnerkit.policy.Fixtures.wideGrant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnerkit.domain.AccessGrant;
import dev.partnerkit.domain.AccessRequest;
import dev.partnerkit.domain.Actor;
import dev.partnerkit.domain.DataClass;
import dev.partnerkit.domain.Decision;
import dev.partnerkit.domain.DecisionCheck;
import dev.partnerkit.domain.GrantScope;
import dev.partnerkit.domain.Placement;
import dev.partnerkit.domain.ReasonCode;
import dev.partnerkit.domain.Surface;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Data classes in the decision core: a grant that names classes covers exactly those; one that names none covers
 * every class for people and none for machines; a class forbidden to integrations is refused before any grant is
 * looked at; a request without a class is decided as before.
 */
class DataClassDecisionTest {
  private static final AccessDecider DECIDER = AccessDecider.create();

  private static AccessGrant grant(String id, boolean machine, Set<DataClass> classes, Set<dev.partnerkit.domain.EventId>
      events) {
    var b = wideGrant(id).scope(GrantScope.builder().occasionId(OCCASION).addSurfaces(Surface.DOCUMENTS,
        Surface.TASKS).events(events).dataClasses(classes).build());
    if (machine) {
      b.integrationPrincipal(ACME_BOT.principalId());
    }
    return b.build();
  }

  private static Decision read(Actor actor, DataClass dataClass, AccessGrant... grants) {
    return DECIDER.decide(AccessRequest.readResource(actor, TENANT, Placement.builder().occasionId(OCCASION)
        .eventId(RECEPTION).build(), dataClass).build(), facts(grants), NOW);
  }

  @Test
  void peopleAreCoveredForEveryClassByAGrantThatNamesNoneAndOnlyForTheNamedOnesOtherwise() {
    assertTrue(read(DANA, DataClass.GUEST_PROFILE, grant("g-1", false, Set.of(), Set.of())).allowed(),
        "forbidden classes are a rule for machines only");
    Decision named = read(DANA, DataClass.GUEST_PROFILE, grant("g-1", false, Set.of(DataClass.RSVP_AGGREGATE),
        Set.of()));
    assertEquals(ReasonCode.OUT_OF_SCOPE, named.reason());
    assertTrue(named.explanation().contains("data class guest_profile"), named.explanation());
    assertTrue(read(DANA, DataClass.RSVP_AGGREGATE, grant("g-1", false, Set.of(DataClass.RSVP_AGGREGATE),
        Set.of())).allowed());
  }

  @Test
  void machinesAreCoveredOnlyForTheClassesTheirGrantNames() {
    assertEquals(ReasonCode.OUT_OF_SCOPE, read(ACME_BOT, DataClass.PRINT_ASSET,
        grant("g-bot", true, Set.of(), Set.of())).reason(), "a machine's grant must name the class");
    Decision allowed = read(ACME_BOT, DataClass.PRINT_ASSET, grant("g-bot", true, Set.of(DataClass.PRINT_ASSET),
        Set.of()));
    assertTrue(allowed.allowed());
    assertEquals("g-bot", allowed.grantId().orElseThrow().value());
    Decision raw = read(ACME_BOT, DataClass.RAW_RSVP_TABLE, grant("g-bot", true, Set.of(DataClass.PRINT_ASSET),
        Set.of()));
    assertEquals(ReasonCode.OUT_OF_SCOPE, raw.reason());
    assertTrue(raw.explanation().contains("data class raw_rsvp_table"), raw.explanation());
    assertEquals(ReasonCode.OUT_OF_SCOPE, read(ACME_BOT, DataClass.PRINT_ASSET, grant("g-bot", true,
        Set.of(DataClass.PRINT_ASSET), Set.of(CEREMONY))).reason(), "a classed read is exact in scope");
  }

  @Test
  void aForbiddenClassIsRefusedToMachinesBeforeAnyGrantWhateverTheGrantsSay() {
    for (DataClass forbidden : DataClass.forbiddenForIntegrationPrincipals()) {
      Decision none = read(ACME_BOT, forbidden);
      assertEquals(ReasonCode.DATA_CLASS_FORBIDDEN, none.reason(), forbidden.wireName());
      assertEquals(List.of(DecisionCheck.PRODUCT_SCOPE, DecisionCheck.ACTOR), none.checks());
      Decision wide = read(ACME_BOT, forbidden, grant("g-bot", true, Set.of(DataClass.PRINT_ASSET), Set.of()));
      assertEquals(ReasonCode.DATA_CLASS_FORBIDDEN, wide.reason());
      assertTrue(wide.grantId().isEmpty());
    }
    assertTrue(read(DANA, DataClass.PLANNER_NOTE, grant("g-1", false, Set.of(), Set.of())).allowed());
  }

  @Test
  void aRequestWithoutADataClassIsDecidedAsBefore() {
    AccessGrant machine = grant("g-bot", true, Set.of(), Set.of());
    assertTrue(DECIDER.decide(AccessRequest.view(ACME_BOT, TENANT, OCCASION, Surface.DOCUMENTS).build(),
        facts(machine), NOW).allowed(), "a grant without classes still opens its surfaces");
    assertEquals(ReasonCode.NO_GRANT, read(DANA, DataClass.PRINT_ASSET).reason());
  }
}
