package dev.partnerkit.policy;

import static dev.partnerkit.policy.DecisionPropertiesTest.theory;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnerkit.domain.AccessGrant;
import dev.partnerkit.domain.AccessRequest;
import dev.partnerkit.domain.Actor;
import dev.partnerkit.domain.ActorKind;
import dev.partnerkit.domain.Decision;
import dev.partnerkit.domain.EntitlementMapping;
import dev.partnerkit.domain.IntentKind;
import dev.partnerkit.domain.OccasionEntitlements;
import dev.partnerkit.domain.Partner;
import dev.partnerkit.domain.Placement;
import dev.partnerkit.domain.ProductScope;
import dev.partnerkit.domain.RecordAction;
import dev.partnerkit.domain.Tenant;
import dev.partnerkit.domain.json.PartnerkitJson;
import dev.partnerkit.policy.surface.tasks.PartnerTask;
import dev.partnerkit.policy.surface.tasks.TaskBody;
import dev.partnerkit.policy.surface.tasks.TaskDraft;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every value survives a PartnerkitJson write/read round trip, equal to what was written. */
class JsonRoundTripPropertiesTest {
  private static final PartnerkitJson JSON = PartnerkitJson.create();

  private static <T> void roundTrips(T value, Class<T> type) {
    String text = JSON.write(value);
    T back = JSON.read(text, type);
    assertEquals(value, back, text);
    assertEquals(value, JSON.read(JSON.write(back), type), "a second round trip changes nothing");
  }

  @Test
  void grantsRequestsAndDecisionsRoundTrip() {
    Set<ActorKind> kinds = EnumSet.noneOf(ActorKind.class);
    Set<IntentKind> intents = EnumSet.noneOf(IntentKind.class);
    theory().forAll(Generators.worlds()).checkAssert(w -> {
      for (AccessGrant g : w.grants()) {
        roundTrips(g, AccessGrant.class);
      }
      roundTrips(w.request(), AccessRequest.class);
      roundTrips(w.request().actor(), Actor.class);
      w.request().record().ifPresent(r -> roundTrips(r, RecordAction.class));
      kinds.add(w.request().actor().kind());
      intents.add(w.request().intent());
      roundTrips(w.decide(), Decision.class);
    });
    assertEquals(EnumSet.allOf(ActorKind.class), kinds, "requests of every actor kind were written and read");
    assertEquals(EnumSet.allOf(IntentKind.class), intents, "requests of every intent were written and read");
  }

  @Test
  void placementsRoundTrip() {
    theory().forAll(in -> Generators.placement(in, Generators.oneOf(in, Generators.OCCASIONS),
        Generators.actor(in))).checkAssert(p -> roundTrips(p, Placement.class));
    roundTrips(Placement.builder().from(Fixtures.taskPlacement(Fixtures.ACME))
        .parent(Fixtures.FIELD_NOTE.ref("n-1")).build(), Placement.class);
  }

  @Test
  void randomGrantsRoundTrip() {
    theory().forAll(Generators.grants()).checkAssert(g -> roundTrips(g, AccessGrant.class));
  }

  @Test
  void tasksRoundTrip() {
    theory().forAll(Generators.tasks()).checkAssert(t -> {
      roundTrips(t, PartnerTask.class);
      TaskBody body = TaskBody.builder().title(t.title()).description(t.description()).jobId(t.jobId())
          .assignee(t.assignee()).dueAt(t.dueAt()).build();
      roundTrips(body, TaskBody.class);
      roundTrips(TaskDraft.builder().occasionId(t.occasionId()).eventId(t.eventId()).jobId(t.jobId())
          .partnerId(t.partnerId()).assignee(t.assignee()).title(t.title()).description(t.description())
          .dependencies(t.dependencies()).dueAt(t.dueAt()).build(), TaskDraft.class);
    });
  }

  @Test
  void partnersAndTenantsRoundTrip() {
    theory().forAll(Generators.partners(), Generators.tenants()).checkAssert((p, t) -> {
      roundTrips(p, Partner.class);
      roundTrips(t, Tenant.class);
    });
  }

  @Test
  void entitlementValuesRoundTrip() {
    theory().forAll(Generators.mappings(), Generators.productScopes(), Generators.occasionEntitlements())
        .checkAssert((m, s, e) -> {
          roundTrips(m, EntitlementMapping.class);
          roundTrips(s, ProductScope.class);
          roundTrips(e, OccasionEntitlements.class);
        });
    roundTrips(EntitlementMapping.defaults(), EntitlementMapping.class);
  }

  @Test
  void wireFormatUsesWireNamesAndIsoInstants() {
    String grant = JSON.write(Fixtures.wideGrant("g-7").build());
    assertTrue(grant.contains("\"status\":\"active\""), grant);
    assertTrue(grant.contains("\"run-of-show\""), grant);
    assertTrue(grant.contains("\"validFrom\":\"2026-11-01T00:00:00Z\""), grant);
    String member = JSON.write(Fixtures.DANA);
    assertTrue(member.startsWith("{\"kind\":\"partner_member\""), member);
  }
}
