package dev.partnerkit.policy.workspace;

import static dev.partnerkit.policy.workspace.WorkspaceWorld.ACME;
import static dev.partnerkit.policy.workspace.WorkspaceWorld.DANA;
import static dev.partnerkit.policy.workspace.WorkspaceWorld.TENANT;
import static dev.partnerkit.policy.workspace.WorkspaceWorld.WEDDING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnerkit.domain.Decision;
import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.domain.ReasonCode;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.policy.surface.tasks.TaskId;
import dev.partnerkit.policy.surface.tasks.TaskStatus;
import dev.partnerkit.policy.workspace.PartnerkitMetrics.CommandOutcome;
import dev.partnerkit.spi.ActivityQuery;
import dev.partnerkit.spi.OutboxEvent;
import dev.partnerkit.spi.memory.InMemoryStorage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The retention entry point over the workspace's storage and clock, and the metrics listener. */
class RetentionAndMetricsTest {
  /** Records every call. */
  static final class Recorder implements PartnerkitMetrics {
    final List<Decision> decisions = new ArrayList<>();
    final List<String> commands = new ArrayList<>();
    final Map<TenantId, Long> backlog = new TreeMap<>();

    @Override
    public synchronized void decided(Decision decision) {
      decisions.add(decision);
    }

    @Override
    public synchronized void commandCompleted(String command, CommandOutcome outcome, Duration latency) {
      assertTrue(!latency.isNegative());
      commands.add(command + ":" + outcome);
    }

    @Override
    public synchronized void outboxBacklog(TenantId tenantId, long pending) {
      backlog.put(tenantId, pending);
    }
  }

  @Test
  void purgeDeletesWhatIsOlderThanEachAgeAndReportsTheBacklog() {
    Recorder metrics = new Recorder();
    InMemoryStorage storage = InMemoryStorage.create();
    WorkspaceWorld world = new WorkspaceWorld(storage, PartnerWorkspace.builder().metrics(metrics));
    world.wideGrant(ACME);
    TaskId task = world.task(ACME, null);
    world.session(DANA).tasks().move(world.key(), task, TaskStatus.IN_PROGRESS);
    long decisions = storage.decisions().count(TENANT);
    long activity = world.activityCount();
    long pending = storage.outbox().countPending(TENANT);
    assertTrue(decisions >= 6 && activity >= 5 && pending >= 5, decisions + " " + activity + " " + pending);
    // one event is published, so that it can be purged
    String published = storage.unitOfWork().inTransaction(() -> {
      OutboxEvent first = storage.outbox().claimPending(TENANT, 1).get(0);
      storage.outbox().markPublished(TENANT, first.eventId(), world.clock.instant());
      return first.eventId();
    });

    Retention retention = world.workspace.retention();
    PurgeResult nothing = retention.purge(TENANT);
    assertEquals(new PurgeResult(TENANT, 0, 0, 0, 0, pending - 1), nothing, "everything is younger than the defaults");
    assertEquals(pending - 1, metrics.backlog.get(TENANT));

    // 8 days later: the published event and the idempotency records are past a week; decisions and activity are not
    world.clock.set(world.clock.instant().plus(8, ChronoUnit.DAYS));
    RetentionPolicy week = RetentionPolicy.defaults().withIdempotencyRecords(Duration.ofDays(7)).withBatchSize(2);
    PurgeResult purged = retention.purge(TENANT, week);
    assertEquals(0, purged.decisions());
    assertEquals(0, purged.activity());
    assertEquals(1, purged.publishedOutboxEvents());
    assertTrue(purged.idempotencyRecords() >= 5, purged.toString());
    assertEquals(pending - 1, purged.pendingOutboxEvents());
    assertEquals(purged.idempotencyRecords() + 1, purged.deleted());
    assertTrue(storage.unitOfWork().inTransaction(() -> storage.outbox().claimPending(TENANT, 100)).stream()
        .noneMatch(e -> e.eventId().equals(published)));

    // past the decision-log age and the activity age: everything that was written goes
    world.clock.set(world.clock.instant().plus(800, ChronoUnit.DAYS));
    PurgeResult all = retention.purge(TENANT, RetentionPolicy.defaults().withBatchSize(3));
    assertEquals(decisions, all.decisions());
    assertEquals(activity, all.activity());
    assertEquals(0, storage.decisions().count(TENANT));
    assertEquals(0, world.activityCount());
    assertEquals(pending - 1, storage.outbox().countPending(TENANT), "pending events are never purged");
  }

  @Test
  void aRetryAfterItsIdempotencyRecordWasPurgedRunsAsANewCommand() {
    InMemoryStorage storage = InMemoryStorage.create();
    WorkspaceWorld world = new WorkspaceWorld(storage);
    TaskId task = world.task(ACME, null);
    CommandResult first = world.ops.tasks().move("cmd-move", task, TaskStatus.IN_PROGRESS);
    assertTrue(world.ops.tasks().move("cmd-move", task, TaskStatus.IN_PROGRESS).replayed());
    world.clock.set(world.clock.instant().plus(31, ChronoUnit.DAYS));
    assertTrue(world.workspace.retention().purge(TENANT).idempotencyRecords() >= 1);
    CommandResult again = world.ops.tasks().move("cmd-move", task, TaskStatus.IN_PROGRESS);
    assertTrue(first.applied());
    assertTrue(!again.replayed(), "the key is new again; the move is decided afresh");
  }

  @Test
  void agesAreAsDocumentedAndNonsenseIsRefused() {
    RetentionPolicy defaults = RetentionPolicy.defaults();
    assertEquals(Duration.ofDays(400), defaults.decisionLog());
    assertEquals(Duration.ofDays(730), defaults.activity());
    assertEquals(Duration.ofDays(30), defaults.idempotencyRecords());
    assertEquals(Duration.ofDays(7), defaults.publishedOutboxEvents());
    assertEquals(500, defaults.batchSize());
    assertThrows(InvalidValueException.class, () -> defaults.withActivity(Duration.ZERO));
    assertThrows(InvalidValueException.class, () -> defaults.withDecisionLog(Duration.ofDays(-1)));
    assertThrows(InvalidValueException.class, () -> defaults.withBatchSize(0));
    assertThrows(InvalidValueException.class, () -> defaults.withBatchSize(10_001));
    // "keep for ever" is an age longer than time: nothing is purged and nothing overflows
    InMemoryStorage storage = InMemoryStorage.create();
    WorkspaceWorld world = new WorkspaceWorld(storage);
    world.clock.set(Instant.parse("2100-01-01T00:00:00Z"));
    PurgeResult forever = world.workspace.retention().purge(TENANT, defaults
        .withDecisionLog(ChronoUnit.FOREVER.getDuration()).withActivity(Duration.ofDays(365L * 1_000_000)));
    assertEquals(0, forever.decisions());
    assertEquals(0, forever.activity());
    assertTrue(storage.decisions().count(TENANT) > 0);
  }

  @Test
  void metricsHearDecisionsByReasonCommandsByOutcomeAndNeverBreakACommand() {
    Recorder metrics = new Recorder();
    InMemoryStorage storage = InMemoryStorage.create();
    WorkspaceWorld world = new WorkspaceWorld(storage, PartnerWorkspace.builder().metrics(metrics));
    TaskId task = world.task(ACME, null);
    // no grant yet: the session opening is blocked and decided
    assertTrue(world.opening(DANA, WEDDING).session().isEmpty());
    world.ops.tasks().move("cmd-1", task, TaskStatus.IN_PROGRESS);
    world.ops.tasks().move("cmd-1", task, TaskStatus.IN_PROGRESS);
    world.ops.tasks().approve("cmd-2", task); // in progress cannot be approved: blocked
    assertThrows(IdempotencyKeyReusedException.class,
        () -> world.ops.tasks().move("cmd-1", task, TaskStatus.BLOCKED));

    assertEquals(List.of("set_entitlements:ALLOWED", "create:ALLOWED", "transition:ALLOWED", "transition:REPLAYED",
        "transition:BLOCKED", "transition:FAILED"), metrics.commands);
    List<ReasonCode> reasons = metrics.decisions.stream().map(Decision::reason).toList();
    assertEquals(List.of(ReasonCode.ALLOWED_FOR_OPERATOR, ReasonCode.ALLOWED_FOR_OPERATOR, ReasonCode.NO_GRANT,
        ReasonCode.ALLOWED_FOR_OPERATOR, ReasonCode.TRANSITION_NOT_ALLOWED), reasons);
    assertEquals(storage.decisions().count(TENANT), metrics.decisions.size(), "one report per decision-log row");

    PartnerkitMetrics broken = new PartnerkitMetrics() {
      @Override
      public void commandCompleted(String command, CommandOutcome outcome, Duration latency) {
        throw new IllegalStateException("the listener is broken");
      }
    };
    WorkspaceWorld other = new WorkspaceWorld(InMemoryStorage.create(), PartnerWorkspace.builder().metrics(broken));
    assertTrue(other.ops.tasks().move(other.key(), other.task(ACME, null), TaskStatus.IN_PROGRESS).applied());
    assertTrue(other.activityCount() > 0);
    assertEquals(0, InMemoryStorage.create().activity().count(TENANT, ActivityQuery.builder().build()));
  }
}
