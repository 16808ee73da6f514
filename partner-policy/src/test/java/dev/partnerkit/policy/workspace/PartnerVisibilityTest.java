package dev.partnerkit.policy.workspace;

import static dev.partnerkit.policy.workspace.WorkspaceWorld.ACME;
import static dev.partnerkit.policy.workspace.WorkspaceWorld.CEREMONY;
import static dev.partnerkit.policy.workspace.WorkspaceWorld.DANA;
import static dev.partnerkit.policy.workspace.WorkspaceWorld.RECEPTION;
import static dev.partnerkit.policy.workspace.WorkspaceWorld.TENANT;
import static dev.partnerkit.policy.workspace.WorkspaceWorld.VENUE;
import static dev.partnerkit.policy.workspace.WorkspaceWorld.VERA;
import static dev.partnerkit.policy.workspace.WorkspaceWorld.WEDDING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import dev.partnerkit.domain.AccessRequest;
import dev.partnerkit.domain.EventId;
import dev.partnerkit.domain.GrantId;
import dev.partnerkit.domain.IntentKind;
import dev.partnerkit.domain.ReasonCode;
import dev.partnerkit.domain.RecordAction;
import dev.partnerkit.domain.RecordNotFoundException;
import dev.partnerkit.domain.ResourceId;
import dev.partnerkit.policy.AccessDecider;
import dev.partnerkit.policy.DecisionFacts;
import dev.partnerkit.policy.GrantIndex;
import dev.partnerkit.policy.surface.tasks.PartnerTask;
import dev.partnerkit.policy.surface.tasks.TaskId;
import dev.partnerkit.policy.surface.tasks.TaskStatus;
import dev.partnerkit.policy.surface.tasks.Tasks;
import dev.partnerkit.spi.ActivityEntry;
import dev.partnerkit.spi.ActivityQuery;
import dev.partnerkit.spi.memory.InMemoryStorage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * What a partner sees: listings equal per-record checks (the union over its grants), activity filtered by placement
 * like listings, and no oracles.
 */
class PartnerVisibilityTest {
  static final long SEED = Long.getLong("partnerkit.seed", 20261201L);
  static final List<EventId> EVENTS = List.of(RECEPTION, CEREMONY, EventId.of("ev-dinner"));

  @Test
  void aListingIsTheUnionOverEveryGrant() {
    // defect 5: listings used the one lowest-id grant that allowed, so adding a grant could hide records
    WorkspaceWorld w = new WorkspaceWorld(InMemoryStorage.create());
    w.grant(ACME, Set.of(RECEPTION), Set.of());
    w.grant(ACME, Set.of(CEREMONY), Set.of());
    TaskId onReception = w.task(ACME, RECEPTION);
    TaskId onCeremony = w.task(ACME, CEREMONY);
    TaskId onNoEvent = w.task(ACME, null);
    Set<TaskId> listed = ids(w.session(DANA).tasks().list().items());
    assertEquals(new TreeSet<>(Set.of(onReception, onCeremony)), listed,
        "both narrowed grants count; a task on no event is outside every event-narrowed grant");
    assertThrows(RecordNotFoundException.class, () -> w.session(DANA).tasks().get(onNoEvent));
  }

  @Test
  void aListingEqualsPerRecordChecksOnRandomGrantsEventsAndResources() {
    Gen<List<Integer>> grantShapes = SourceDSL.lists().of(SourceDSL.integers().between(0, 15)).ofSizeBetween(0, 4);
    Gen<List<Integer>> taskShapes = SourceDSL.lists().of(SourceDSL.integers().between(0, 7)).ofSizeBetween(1, 6);
    qt().withFixedSeed(SEED).withExamples(60).forAll(grantShapes, taskShapes).checkAssert((grants, tasks) -> {
      WorkspaceWorld w = new WorkspaceWorld(InMemoryStorage.create());
      for (int shape : grants) {
        Set<EventId> events = new HashSet<>();
        for (int i = 0; i < EVENTS.size(); i++) {
          if ((shape & (1 << i)) != 0) {
            events.add(EVENTS.get(i));
          }
        }
        GrantId g = w.grant(ACME, events, (shape & 8) != 0 ? Set.of(ResourceId.of("res-1")) : Set.of());
        if (shape % 5 == 4) {
          w.ops.suspendGrant(w.key(), g);
        }
      }
      w.wideGrant(VENUE); // another partner's grant never widens Acme's view
      List<TaskId> all = new ArrayList<>();
      for (int shape : tasks) {
        EventId event = shape % 4 == 3 ? null : EVENTS.get(shape % 3);
        all.add(w.task(shape >= 4 ? VENUE : ACME, event));
      }
      var opening = w.opening(DANA, WEDDING);
      if (opening.session().isEmpty()) {
        return; // no active grant: the session itself is refused (covered elsewhere)
      }
      Set<TaskId> listed = ids(opening.session().get().tasks().list().items());
      Set<TaskId> expected = new TreeSet<>();
      DecisionFacts facts = DecisionFacts.builder().tenant(w.storage.directory().findTenant(TENANT).orElseThrow())
          .productScope(dev.partnerkit.domain.ProductScope.of(WEDDING,
              Set.of(dev.partnerkit.domain.ProductCapability.VENDOR_ACCESS)))
          .partner(w.storage.directory().findPartner(TENANT, ACME))
          .grants(GrantIndex.of(w.storage.grants().findByPartner(TENANT, ACME))).recordType(Tasks.TYPE).build();
      for (TaskId id : all) {
        PartnerTask task = w.ops.tasks().get(id).items().get(0);
        if (!task.partnerId().equals(ACME)) {
          continue;
        }
        AccessRequest view = AccessRequest.onRecord(DANA, TENANT, IntentKind.VIEW, Tasks.TYPE.surface(),
            dev.partnerkit.domain.Placement.builder().occasionId(WEDDING).eventId(task.eventId()).partnerId(ACME)
                .build(), RecordAction.builder().type(Tasks.TYPE.wireName()).recordId(id.value()).partnerId(ACME)
                .build()).build();
        if (AccessDecider.create().decide(view, facts, w.clock.instant()).allowed()) {
          expected.add(id);
        }
      }
      assertEquals(expected, listed, "grants " + grants + ", tasks " + tasks);
    });
  }

  @Test
  void partnerActivityIsFilteredByEventLikeListings() {
    // defect 6: entries carried no event, so a partner whose grant covers one event read titles on another
    WorkspaceWorld w = new WorkspaceWorld(InMemoryStorage.create());
    w.grant(ACME, Set.of(RECEPTION), Set.of());
    TaskId visible = w.task(ACME, RECEPTION);
    TaskId hidden = w.task(ACME, CEREMONY);
    w.ops.tasks().move(w.key(), hidden, TaskStatus.IN_PROGRESS);
    w.ops.tasks().move(w.key(), visible, TaskStatus.IN_PROGRESS);
    List<ActivityEntry> seen = w.session(DANA).activity(ActivityQuery.builder().build()).items();
    assertFalse(seen.isEmpty());
    for (ActivityEntry e : seen) {
      assertFalse(e.record().map(r -> r.id().equals(hidden.value())).orElse(false), e.summary());
      assertFalse(e.eventId().map(CEREMONY::equals).orElse(false), e.summary());
    }
    assertTrue(seen.stream().anyMatch(e -> e.record().map(r -> r.id().equals(visible.value())).orElse(false)));
  }

  @Test
  void anotherPartnersTaskIsIndistinguishableFromAMissingOne() {
    // defect 7: another partner's record answered "assigned to another partner" while a missing one threw
    WorkspaceWorld w = new WorkspaceWorld(InMemoryStorage.create());
    w.wideGrant(ACME);
    w.wideGrant(VENUE);
    TaskId venues = w.task(VENUE, RECEPTION);
    PartnerTasksProbe probe = new PartnerTasksProbe(w.session(DANA));
    RecordNotFoundException other = probe.move(venues.value());
    RecordNotFoundException missing = probe.move("t-does-not-exist");
    assertEquals(other.getClass(), missing.getClass());
    assertEquals(other.getMessage().replace(venues.value(), "ID"),
        missing.getMessage().replace("t-does-not-exist", "ID"));
    // a stale expected version on a task Dana cannot see is not a conflict either
    assertThrows(RecordNotFoundException.class,
        () -> w.session(DANA).tasks().move(w.key(), venues, TaskStatus.IN_PROGRESS, 41));
    assertThrows(RecordNotFoundException.class, () -> w.session(DANA).tasks().get(venues));
    assertTrue(w.session(VERA).tasks().move(w.key(), venues, TaskStatus.IN_PROGRESS).applied());
  }

  @Test
  void withoutAccessToTheSurfaceEveryTaskIdGetsTheSameBlockedDecision() {
    WorkspaceWorld w = new WorkspaceWorld(InMemoryStorage.create());
    GrantId grant = w.wideGrant(ACME);
    TaskId mine = w.task(ACME, RECEPTION);
    PartnerSession session = w.session(DANA);
    w.ops.suspendGrant(w.key(), grant);
    CommandResult existing = session.tasks().move(w.key(), mine, TaskStatus.IN_PROGRESS);
    CommandResult missing = session.tasks().move(w.key(), TaskId.of("t-nope"), TaskStatus.IN_PROGRESS);
    assertEquals(ReasonCode.GRANT_SUSPENDED, existing.decision().reason());
    assertEquals(existing.decision().explanation(), missing.decision().explanation());
    assertFalse(existing.decision().explanation().contains(mine.value()));
  }

  @Test
  void explanationsNameNoOtherOccasionOrEvent() {
    WorkspaceWorld w = new WorkspaceWorld(InMemoryStorage.create());
    w.grant(ACME, Set.of(RECEPTION), Set.of());
    var opening = w.opening(DANA, WorkspaceWorld.GALA);
    assertEquals(ReasonCode.PRODUCT_SCOPE_UNAVAILABLE, opening.decision().reason());
    w.ops.setEntitlements(w.key(), WorkspaceWorld.GALA, Set.of(dev.partnerkit.domain.Entitlement.MULTI_USER_SUPPORT));
    var gala = w.opening(DANA, WorkspaceWorld.GALA);
    assertEquals(ReasonCode.OUT_OF_SCOPE, gala.decision().reason());
    String words = gala.decision().explanation() + gala.decision().nextSafeAction() + gala.decision().proofNeeded();
    assertFalse(words.contains(WEDDING.value()), words);
    assertFalse(words.contains(RECEPTION.value()), words);
  }

  private static Set<TaskId> ids(List<PartnerTask> tasks) {
    Set<TaskId> out = new TreeSet<>();
    tasks.forEach(t -> out.add(t.taskId()));
    return out;
  }

  /** Moves by raw id and returns the not-found it gets. */
  private static final class PartnerTasksProbe {
    private final PartnerSession session;
    private int n;

    PartnerTasksProbe(PartnerSession session) {
      this.session = session;
    }

    RecordNotFoundException move(String id) {
      return assertThrows(RecordNotFoundException.class,
          () -> session.tasks().move("probe-" + (++n), TaskId.of(id), TaskStatus.IN_PROGRESS));
    }
  }
}
