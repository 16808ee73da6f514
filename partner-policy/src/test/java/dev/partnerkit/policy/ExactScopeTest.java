package dev.partnerkit.policy;

import static dev.partnerkit.policy.DecisionPropertiesTest.theory;
import static dev.partnerkit.policy.Fixtures.ACME;
import static dev.partnerkit.policy.Fixtures.CEREMONY;
import static dev.partnerkit.policy.Fixtures.DANA;
import static dev.partnerkit.policy.Fixtures.NOW;
import static dev.partnerkit.policy.Fixtures.OCCASION;
import static dev.partnerkit.policy.Fixtures.RECEPTION;
import static dev.partnerkit.policy.Fixtures.TENANT;
import static dev.partnerkit.policy.Fixtures.VENUE;
import static dev.partnerkit.policy.Fixtures.facts;
import static dev.partnerkit.policy.Fixtures.narrowGrant;
import static dev.partnerkit.policy.Fixtures.taskFacts;
import static dev.partnerkit.policy.Fixtures.viewTask;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnerkit.domain.AccessGrant;
import dev.partnerkit.domain.AccessRequest;
import dev.partnerkit.domain.Actor;
import dev.partnerkit.domain.Decision;
import dev.partnerkit.domain.GrantStatus;
import dev.partnerkit.domain.ImmutableIntegrationPrincipal;
import dev.partnerkit.domain.ImmutablePartnerMember;
import dev.partnerkit.domain.IntegrationPrincipal;
import dev.partnerkit.domain.IntentKind;
import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.domain.MembershipStatus;
import dev.partnerkit.domain.Partner;
import dev.partnerkit.domain.PartnerKind;
import dev.partnerkit.domain.PartnerMember;
import dev.partnerkit.domain.Placement;
import dev.partnerkit.domain.ProductCapability;
import dev.partnerkit.domain.ProductScope;
import dev.partnerkit.domain.ReasonCode;
import dev.partnerkit.domain.RecordAction;
import dev.partnerkit.domain.RecordType;
import dev.partnerkit.domain.Surface;
import dev.partnerkit.policy.surface.tasks.TaskStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Scope is exact for writes and for reads about one record: a record with no event (resource) is outside every
 * event-narrowed (resource-narrowed) grant. A listing read about no record only needs the grant to reach the
 * surface; the listing then keeps exactly the records a per-record view allows.
 */
class ExactScopeTest {
  private static final AccessDecider DECIDER = AccessDecider.create();
  private static final AccessGrant RECEPTION_ONLY = narrowGrant("g-7", List.of(RECEPTION), List.of());
  private static final AccessGrant ONE_ARTIFACT = narrowGrant("g-7", List.of(), List.of("art-menu-v3"));

  private static Decision decide(AccessRequest request, DecisionFacts facts) {
    return DECIDER.decide(request, facts, NOW);
  }

  private static AccessRequest listing() {
    return AccessRequest.view(DANA, TENANT, OCCASION, Surface.TASKS).build();
  }

  @Test
  void aRecordWithNoEventIsOutsideAnEventNarrowedGrantWhileTheListingIsNot() {
    Decision perRecord = decide(viewTask(DANA, null, null), taskFacts(RECEPTION_ONLY));
    assertEquals(ReasonCode.OUT_OF_SCOPE, perRecord.reason(), perRecord::render);
    assertTrue(perRecord.explanation().contains("does not cover occasion occ-wedding, with no event"),
        perRecord.explanation());
    Decision list = decide(listing(), facts(RECEPTION_ONLY));
    assertEquals(ReasonCode.ALLOWED_BY_GRANT, list.reason(), list::render);
    assertEquals(ReasonCode.ALLOWED_BY_GRANT, decide(viewTask(DANA, RECEPTION, null), taskFacts(RECEPTION_ONLY))
        .reason());
    assertEquals(ReasonCode.OUT_OF_SCOPE, decide(viewTask(DANA, CEREMONY, null), taskFacts(RECEPTION_ONLY))
        .reason());
    assertEquals(ReasonCode.OUT_OF_SCOPE, decide(AccessRequest.view(DANA, TENANT, OCCASION, Surface.TASKS)
        .eventId(CEREMONY).build(), facts(RECEPTION_ONLY)).reason(), "a listing that names an event must fit");
  }

  @Test
  void aRecordOnNoResourceIsOutsideAResourceNarrowedGrantWhileTheListingIsNot() {
    Decision perRecord = decide(viewTask(DANA, RECEPTION, null), taskFacts(ONE_ARTIFACT));
    assertEquals(ReasonCode.OUT_OF_SCOPE, perRecord.reason(), perRecord::render);
    assertEquals(ReasonCode.ALLOWED_BY_GRANT, decide(listing(), facts(ONE_ARTIFACT)).reason());
    assertEquals(ReasonCode.ALLOWED_BY_GRANT, decide(viewTask(DANA, RECEPTION, "art-menu-v3"),
        taskFacts(ONE_ARTIFACT)).reason());
    Decision other = decide(viewTask(DANA, RECEPTION, "art-menu-v2"), taskFacts(ONE_ARTIFACT));
    assertEquals(ReasonCode.OUT_OF_SCOPE, other.reason());
    assertTrue(other.explanation().contains("event ev-reception, resource art-menu-v2"), other.explanation());
  }

  @Test
  void writesAreExactToo() {
    AccessRequest moveWithoutEvent = AccessRequest.onRecord(DANA, TENANT, IntentKind.TRANSITION, Surface.TASKS,
        Placement.builder().occasionId(OCCASION).partnerId(ACME).build(), Fixtures.linen(ACME)
            .fromStatus(TaskStatus.TO_DO.wireName()).toStatus(TaskStatus.IN_PROGRESS.wireName()).build()).build();
    assertEquals(ReasonCode.OUT_OF_SCOPE, decide(moveWithoutEvent, taskFacts(RECEPTION_ONLY)).reason());
    assertEquals(ReasonCode.ALLOWED_BY_GRANT, decide(Fixtures.move(DANA, TaskStatus.TO_DO,
        TaskStatus.IN_PROGRESS), taskFacts(RECEPTION_ONLY)).reason(), "the same move of a reception task");
    AccessRequest comment = AccessRequest.contribute(DANA, TENANT, OCCASION, Surface.COMMENTS).build();
    assertEquals(ReasonCode.OUT_OF_SCOPE, decide(comment, facts(RECEPTION_ONLY)).reason());
    assertEquals(ReasonCode.ALLOWED_BY_GRANT, decide(AccessRequest.contribute(DANA, TENANT, OCCASION,
        Surface.COMMENTS).eventId(RECEPTION).build(), facts(RECEPTION_ONLY)).reason());
  }

  @Test
  void openingTheOccasionNeedsNoEvent() {
    assertEquals(ReasonCode.ALLOWED_BY_GRANT, decide(AccessRequest.openOccasion(DANA, TENANT, OCCASION).build(),
        facts(RECEPTION_ONLY)).reason());
  }

  /** An activity entry is no kernel record: a view of one has no record type, and its scope is still exact. */
  private static AccessRequest viewEntry(@Nullable String event, dev.partnerkit.domain.PartnerId partner) {
    return AccessRequest.view(DANA, TENANT, OCCASION, Surface.ACTIVITY)
        .eventId(java.util.Optional.ofNullable(event).map(dev.partnerkit.domain.EventId::of))
        .record(RecordAction.builder().type("activity_entry").recordId("e-1").partnerId(partner).build()).build();
  }

  @Test
  void aViewOfOneEntryThatIsNoKernelRecordIsDecidedExactly() {
    Decision none = decide(viewEntry(null, ACME), facts(RECEPTION_ONLY));
    assertEquals(ReasonCode.OUT_OF_SCOPE, none.reason(), none::render);
    assertEquals(ReasonCode.ALLOWED_BY_GRANT, decide(viewEntry("ev-reception", ACME), facts(RECEPTION_ONLY))
        .reason());
    Decision venues = decide(viewEntry("ev-reception", VENUE), facts(RECEPTION_ONLY));
    assertEquals(ReasonCode.RECORD_NOT_FOR_PARTNER, venues.reason(), venues::render);
    assertEquals("Blocked because this record is not with Acme Rentals.", venues.explanation());
    // a write about a record still needs its record type
    InvalidValueException e = assertThrows(InvalidValueException.class, () -> decide(Fixtures.move(DANA,
        TaskStatus.TO_DO, TaskStatus.IN_PROGRESS), facts(RECEPTION_ONLY)));
    assertEquals("facts.recordType", e.field());
  }

  // --- the property ---

  /**
   * Independently: whether {@code g} covers a per-record view by {@code actor} of a record at {@code placement} on
   * {@code surface} at {@code now}: active and inside its window, this tenant and the actor's partner, covering the
   * actor, the placement's occasion, and its exact event and resource (a missing one is outside any narrowing).
   */
  static boolean coversPlacement(AccessGrant g, Actor actor, Placement placement, Surface surface, Instant now) {
    boolean live = g.status() == GrantStatus.ACTIVE && !now.isBefore(g.validFrom())
        && g.validUntil().map(now::isBefore).orElse(true);
    boolean forActor = actor instanceof IntegrationPrincipal p
        ? g.integrationPrincipal().map(p.principalId()::equals).orElse(false)
        : g.integrationPrincipal().isEmpty()
            && (g.members().isEmpty() || g.members().contains(((PartnerMember) actor).userId()));
    boolean events = g.scope().events().isEmpty()
        || placement.eventId().map(g.scope().events()::contains).orElse(false);
    boolean resources = g.scope().resources().isEmpty()
        || placement.resourceId().map(g.scope().resources()::contains).orElse(false);
    return live && forActor && g.tenantId().equals(TENANT) && g.partnerId().equals(actor.actingPartner().get())
        && g.scope().occasionId().equals(placement.occasionId()) && events && resources
        && g.scope().surfaces().contains(surface)
        && surface.requiredCapability().map(g.capabilities()::contains).orElse(true);
  }

  /** A resolvable partner-side actor, a record placed at random, and random grants, some aimed at the actor. */
  record Setup(Actor actor, RecordType<?, ?> type, Placement placement, List<AccessGrant> grants) {
    AccessRequest view() {
      return AccessRequest.onRecord(actor, TENANT, IntentKind.VIEW, type.surface(), placement,
          RecordAction.builder().type(type.wireName()).recordId("r-1").partnerId(placement.partnerId()).build())
          .build();
    }

    Decision decide() {
      return DECIDER.decide(view(), facts().recordType(type).build(), NOW);
    }

    /** The listing of the record's surface in its occasion, naming no event or resource. */
    Decision decideListing() {
      return DECIDER.decide(AccessRequest.view(actor, TENANT, placement.occasionId(), type.surface()).build(),
          facts().build(), NOW);
    }

    private dev.partnerkit.policy.ImmutableDecisionFacts.Builder facts() {
      Partner partner = Partner.builder().tenantId(TENANT).partnerId(actor.actingPartner().get())
          .name("Partner " + actor.actingPartner().get()).kind(PartnerKind.RENTAL_COMPANY).build();
      return DecisionFacts.builder().tenant(Fixtures.TONI).partner(partner)
          .productScope(ProductScope.of(placement.occasionId(), Set.of(ProductCapability.VENDOR_ACCESS)))
          .grants(GrantIndex.of(grants));
    }
  }

  static Gen<Setup> setups() {
    return in -> {
      Actor actor = Generators.chance(in, 60)
          ? ImmutablePartnerMember.copyOf(Generators.member(in)).withStatus(MembershipStatus.ACTIVE)
          : ImmutableIntegrationPrincipal.copyOf(Generators.principal(in)).withEnabled(true);
      Placement placement = Generators.placement(in, Generators.chance(in, 85) ? OCCASION
          : Fixtures.OTHER_OCCASION, actor);
      List<AccessGrant> grants = new ArrayList<>(Generators.grants(in));
      for (int i = 0; i < grants.size(); i++) {
        if (Generators.chance(in, 60)) {
          grants.set(i, Generators.alignedWith(in, grants.get(i), actor, placement.occasionId()));
        }
      }
      return new Setup(actor, Generators.oneOf(in, Generators.RECORD_TYPES), placement, grants);
    };
  }

  @Test
  void aPerRecordViewIsAllowedExactlyWhenSomeGrantCoversTheRecordsPlacement() {
    AtomicInteger allowed = new AtomicInteger();
    AtomicInteger outOfScope = new AtomicInteger();
    theory().forAll(setups()).checkAssert(s -> {
      Decision d = s.decide();
      boolean own = s.placement().partnerId().equals(s.actor().actingPartner());
      boolean covered = s.grants().stream()
          .anyMatch(g -> coversPlacement(g, s.actor(), s.placement(), s.type().surface(), NOW));
      assertEquals(own && covered, d.allowed(), d::render);
      if (d.allowed()) {
        allowed.incrementAndGet();
      } else if (d.reason() == ReasonCode.OUT_OF_SCOPE) {
        outOfScope.incrementAndGet();
      }
      if (covered && !own) {
        assertEquals(ReasonCode.RECORD_NOT_FOR_PARTNER, d.reason(), d::render);
      }
    });
    assertTrue(allowed.get() > 50 && outOfScope.get() > 50, "allowed " + allowed + ", out of scope " + outOfScope);
  }

  @Test
  void theListingIsOpenWheneverAPerRecordViewIsAndOftenWhenNarrowingKeepsTheRecordOut() {
    AtomicInteger narrowedOut = new AtomicInteger();
    theory().forAll(setups()).checkAssert(s -> {
      Decision perRecord = s.decide();
      Decision list = s.decideListing();
      if (perRecord.allowed()) {
        assertTrue(list.allowed(), list::render);
      }
      if (perRecord.reason() == ReasonCode.OUT_OF_SCOPE && list.allowed()) {
        narrowedOut.incrementAndGet();
      }
    });
    assertTrue(narrowedOut.get() > 20, "records outside a narrowing with the listing still open: " + narrowedOut);
  }
}
