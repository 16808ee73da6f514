package dev.partnerkit.policy.workspace;

import static dev.partnerkit.policy.workspace.WorkspaceWorld.ACME;
import static dev.partnerkit.policy.workspace.WorkspaceWorld.ALEX;
import static dev.partnerkit.policy.workspace.WorkspaceWorld.DANA;
import static dev.partnerkit.policy.workspace.WorkspaceWorld.MAYA;
import static dev.partnerkit.policy.workspace.WorkspaceWorld.RECEPTION;
import static dev.partnerkit.policy.workspace.WorkspaceWorld.TENANT;
import static dev.partnerkit.policy.workspace.WorkspaceWorld.UNTIL;
import static dev.partnerkit.policy.workspace.WorkspaceWorld.WEDDING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnerkit.domain.Entitlement;
import dev.partnerkit.domain.GrantId;
import dev.partnerkit.domain.GrantScope;
import dev.partnerkit.domain.IllegalTransitionException;
import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.domain.OperatorRole;
import dev.partnerkit.domain.OperatorUser;
import dev.partnerkit.domain.PartnerCapability;
import dev.partnerkit.domain.ReasonCode;
import dev.partnerkit.domain.RecordNotFoundException;
import dev.partnerkit.domain.Surface;
import dev.partnerkit.domain.UserId;
import dev.partnerkit.domain.Visibility;
import dev.partnerkit.policy.surface.tasks.PartnerTask;
import dev.partnerkit.policy.surface.tasks.TaskId;
import dev.partnerkit.policy.surface.tasks.TaskStatus;
import dev.partnerkit.policy.surface.tasks.Tasks;
import dev.partnerkit.spi.ActivityEntry;
import dev.partnerkit.spi.ActivityQuery;
import dev.partnerkit.spi.RecordLink;
import dev.partnerkit.spi.VersionConflictException;
import dev.partnerkit.spi.memory.InMemoryStorage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tasks through the kernel: every behaviour tasks had before, through {@code ops.tasks()} and {@code session.tasks()}. */
class TaskWorkspaceTest {
  final WorkspaceWorld w = new WorkspaceWorld(InMemoryStorage.create());

  private TaskStatus stored(TaskId id) {
    return w.ops.tasks().get(id).items().get(0).status();
  }

  private long version(TaskId id) {
    return w.ops.tasks().get(id).items().get(0).version();
  }

  @Test
  void aPartnerSeesNothingUntilItsGrantIsActive() {
    TaskId taskId = w.task(ACME, RECEPTION);
    PartnerSessionOpening none = w.opening(DANA, WEDDING);
    assertFalse(none.session().isPresent());
    assertEquals(ReasonCode.NO_GRANT, none.decision().reason());

    CommandResult issued = w.ops.issueGrant(w.key(), GrantDraft.builder().partnerId(ACME)
        .scope(GrantScope.builder().occasionId(WEDDING).addSurfaces(Surface.TASKS).build())
        .addCapabilities(PartnerCapability.MANAGE_TASK).validFrom(WorkspaceWorld.FROM).build());
    PartnerSessionOpening pending = w.opening(DANA, WEDDING);
    assertEquals(ReasonCode.GRANT_PENDING, pending.decision().reason());
    assertFalse(pending.session().isPresent());

    w.ops.activateGrant(w.key(), GrantId.of(issued.recordId().orElseThrow()));
    PartnerSession session = w.session(DANA);
    ReadResult<PartnerTask> tasks = session.tasks().list();
    assertTrue(tasks.decision().allowed());
    assertEquals(List.of(taskId), tasks.items().stream().map(PartnerTask::taskId).toList());
  }

  @Test
  void aPartnerMovesItsTaskAndEveryMoveIsJournaledOnce() {
    w.wideGrant(ACME);
    TaskId taskId = w.task(ACME, RECEPTION);
    PartnerSession session = w.session(DANA);
    long activityBefore = w.activityCount();
    long outboxBefore = w.storage.outbox().countPending(TENANT);
    long decisionsBefore = w.storage.decisions().count(TENANT);
    List<TaskStatus> path = List.of(TaskStatus.IN_PROGRESS, TaskStatus.BLOCKED, TaskStatus.IN_PROGRESS,
        TaskStatus.SUBMITTED);
    for (int i = 0; i < path.size(); i++) {
      CommandResult r = session.tasks().move("k-move-" + i, taskId, path.get(i));
      assertTrue(r.applied(), r.decision().render());
      assertEquals(Optional.of((long) i + 1), r.recordVersion());
    }
    assertEquals(activityBefore + 4, w.activityCount());
    assertEquals(outboxBefore + 4, w.storage.outbox().countPending(TENANT));
    assertEquals(decisionsBefore + 4, w.storage.decisions().count(TENANT));
    assertEquals(TaskStatus.SUBMITTED, stored(taskId));

    ActivityEntry last = w.ops.activity(WEDDING, ActivityQuery.builder().limit(500).build()).items().stream()
        .filter(e -> e.eventType().equals("partner_task.moved")).findFirst().orElseThrow();
    assertEquals(Optional.of(Tasks.TYPE.ref(taskId.value())), last.record(), "activity names the record");
    assertEquals(Optional.of(RECEPTION), last.eventId(), "activity carries the record's placement");
    assertEquals("partner_task.moved", last.eventType());

    CommandResult approve = session.tasks().move("k-approve", taskId, TaskStatus.APPROVED);
    assertEquals(ReasonCode.OPERATOR_ONLY_TRANSITION, approve.decision().reason());
    assertEquals(TaskStatus.SUBMITTED, stored(taskId));
    assertEquals(activityBefore + 4, w.activityCount(), "a blocked command writes no activity");
    assertEquals(outboxBefore + 4, w.storage.outbox().countPending(TENANT), "a blocked command writes no event");

    assertTrue(w.ops.tasks().approve("k-op-approve", taskId).applied());
    assertEquals(TaskStatus.APPROVED, stored(taskId));
  }

  @Test
  void dependenciesAreLinksAndMustBeApprovedBeforeSubmitting() {
    w.wideGrant(ACME);
    TaskId first = w.task(ACME, RECEPTION);
    TaskId second = w.task(ACME, RECEPTION, first);
    assertEquals(Set.of(first), w.ops.tasks().get(second).items().get(0).dependencies());
    List<RecordLink> links = w.ops.records().links(Tasks.TYPE, second.value(), Optional.of(Tasks.DEPENDS_ON));
    assertEquals(List.of(Tasks.TYPE.ref(first.value())), links.stream().map(RecordLink::to).toList());

    PartnerSession session = w.session(DANA);
    assertTrue(session.tasks().move(w.key(), second, TaskStatus.IN_PROGRESS).applied());
    CommandResult early = session.tasks().move(w.key(), second, TaskStatus.SUBMITTED);
    assertEquals(ReasonCode.PREREQUISITES_OPEN, early.decision().reason());
    assertTrue(early.decision().explanation().contains(first.value()), early.decision().explanation());
    for (TaskStatus s : List.of(TaskStatus.IN_PROGRESS, TaskStatus.SUBMITTED)) {
      assertTrue(session.tasks().move(w.key(), first, s).applied());
    }
    assertTrue(w.ops.tasks().approve(w.key(), first).applied());
    assertTrue(session.tasks().move(w.key(), second, TaskStatus.SUBMITTED).applied());
  }

  @Test
  void aMissingDependencyIsNotFoundAndNothingIsCreated() {
    long before = w.activityCount();
    RecordNotFoundException missing = assertThrows(RecordNotFoundException.class,
        () -> w.task(ACME, RECEPTION, TaskId.of("t-missing")));
    assertTrue(missing.getMessage().contains("t-missing"), missing.getMessage());
    assertEquals(before, w.activityCount());
    assertTrue(w.ops.tasks().list(WEDDING).items().isEmpty());
  }

  @Test
  void assigningMovesTheTaskToAnotherPartnerInOneVersion() {
    TaskId taskId = w.task(ACME, RECEPTION);
    CommandResult moved = w.ops.tasks().assign(w.key(), taskId, WorkspaceWorld.VENUE,
        Optional.of(UserId.of("u-vera")));
    assertTrue(moved.applied(), moved.decision().render());
    PartnerTask task = w.ops.tasks().get(taskId).items().get(0);
    assertEquals(WorkspaceWorld.VENUE, task.partnerId());
    assertEquals(Optional.of(UserId.of("u-vera")), task.assignee());
    assertEquals(1, task.version());
  }

  @Test
  void anOpenSessionSeesNothingOnceTheGrantRunsOut() {
    w.wideGrant(ACME);
    w.task(ACME, RECEPTION);
    PartnerSession session = w.session(DANA);
    assertEquals(1, session.tasks().list().items().size());
    w.clock.set(UNTIL.plusSeconds(3600 * 24 + 15 * 3600));
    ReadResult<PartnerTask> later = session.tasks().list();
    assertEquals(ReasonCode.GRANT_EXPIRED, later.decision().reason());
    assertTrue(later.items().isEmpty());
    assertTrue(later.decision().explanation().contains("expired on 2026-11-19"), later.decision().explanation());
  }

  @Test
  void aRetryReturnsTheFirstOutcomeAndWritesNothing() {
    w.wideGrant(ACME);
    TaskId taskId = w.task(ACME, RECEPTION);
    PartnerSession session = w.session(DANA);
    CommandResult first = session.tasks().move("k-start", taskId, TaskStatus.IN_PROGRESS);
    long activity = w.activityCount();
    long decisions = w.storage.decisions().count(TENANT);
    long events = w.storage.outbox().countPending(TENANT);
    CommandResult retry = session.tasks().move("k-start", taskId, TaskStatus.IN_PROGRESS);
    assertTrue(retry.replayed());
    assertFalse(first.replayed());
    assertEquals(first.decision(), retry.decision());
    assertEquals(first.recordVersion(), retry.recordVersion());
    assertEquals(activity, w.activityCount());
    assertEquals(decisions, w.storage.decisions().count(TENANT));
    assertEquals(events, w.storage.outbox().countPending(TENANT));
    assertEquals(1, version(taskId));

    IdempotencyKeyReusedException reused = assertThrows(IdempotencyKeyReusedException.class,
        () -> session.tasks().move("k-start", taskId, TaskStatus.BLOCKED));
    assertTrue(reused.getMessage().contains("k-start"), reused.getMessage());
    assertEquals(TaskStatus.IN_PROGRESS, stored(taskId));
  }

  @Test
  void aMoveFromAStaleVersionIsATypedConflictAndWritesNothing() {
    w.wideGrant(ACME);
    TaskId taskId = w.task(ACME, RECEPTION);
    PartnerSession session = w.session(DANA);
    assertTrue(session.tasks().move("k-1", taskId, TaskStatus.IN_PROGRESS, 0).applied());
    long decisions = w.storage.decisions().count(TENANT);
    long activity = w.activityCount();
    VersionConflictException conflict = assertThrows(VersionConflictException.class,
        () -> session.tasks().move("k-2", taskId, TaskStatus.BLOCKED, 0));
    assertEquals("partner_task", conflict.recordType());
    assertEquals(0, conflict.expectedVersion());
    assertEquals(decisions, w.storage.decisions().count(TENANT));
    assertEquals(activity, w.activityCount());
    assertTrue(w.storage.idempotency().find(TENANT, DANA.actorKey(), "k-2").isEmpty(), "a conflict spends no key");
    assertTrue(session.tasks().move("k-2", taskId, TaskStatus.BLOCKED, 1).applied());
  }

  @Test
  void aBlockedCommandIsReplayedToo() {
    w.wideGrant(ACME);
    TaskId taskId = w.task(ACME, RECEPTION);
    PartnerSession session = w.session(DANA);
    CommandResult first = session.tasks().move("k-skip", taskId, TaskStatus.SUBMITTED);
    assertEquals(ReasonCode.TRANSITION_NOT_ALLOWED, first.decision().reason());
    assertTrue(first.decision().explanation().contains("from to do it can move to in progress"),
        first.decision().explanation());
    long decisions = w.storage.decisions().count(TENANT);
    CommandResult again = session.tasks().move("k-skip", taskId, TaskStatus.SUBMITTED);
    assertTrue(again.replayed());
    assertEquals(first.decision(), again.decision());
    assertEquals(decisions, w.storage.decisions().count(TENANT));
  }

  @Test
  void aCoordinatorCannotManageGrants() {
    OperatorUser coordinator = OperatorUser.builder().userId(UserId.of("u-cory")).tenantId(TENANT)
        .displayName("Cory").addRoles(OperatorRole.COORDINATOR).build();
    CommandResult r = w.workspace.operator(coordinator).issueGrant("k-grant", GrantDraft.builder().partnerId(ACME)
        .scope(GrantScope.builder().occasionId(WEDDING).addSurfaces(Surface.TASKS).build())
        .validFrom(WorkspaceWorld.FROM).build());
    assertEquals(ReasonCode.OPERATOR_ROLE_MISSING, r.decision().reason());
    assertEquals(0, w.storage.grants().count(TENANT));
    assertTrue(r.decision().explanation().contains("[coordinator]"), r.decision().explanation());
  }

  @Test
  void partnersCannotCreateTasks() {
    w.wideGrant(ACME);
    PartnerSession session = w.session(DANA);
    CommandResult r = session.records().create(w.key(), Tasks.TYPE, dev.partnerkit.domain.Placement.builder()
        .occasionId(WEDDING).partnerId(ACME).build(), Visibility.PARTNER_VISIBLE, Tasks.TYPE.example(), List.of());
    assertEquals(ReasonCode.OPERATOR_ONLY_ACTION, r.decision().reason());
    assertTrue(w.ops.tasks().list(WEDDING).items().isEmpty());
  }

  @Test
  void withVendorAccessOffOperatorsReadButCannotChangePartnerWork() {
    w.wideGrant(ACME);
    TaskId taskId = w.task(ACME, RECEPTION);
    assertTrue(w.ops.setEntitlements(w.key(), WEDDING, Set.of()).applied());
    CommandResult blocked = w.ops.tasks().move(w.key(), taskId, TaskStatus.IN_PROGRESS);
    assertEquals(ReasonCode.PRODUCT_SCOPE_UNAVAILABLE, blocked.decision().reason());
    assertTrue(w.ops.tasks().list(WEDDING).decision().allowed());
    assertEquals(1, w.ops.tasks().list(WEDDING).items().size());
    assertEquals(ReasonCode.PRODUCT_SCOPE_UNAVAILABLE,
        w.opening(DANA, WEDDING).decision().reason());
    assertTrue(w.ops.setEntitlements(w.key(), WEDDING, Set.of(Entitlement.MULTI_USER_SUPPORT)).applied());
    assertTrue(w.ops.tasks().move(w.key(), taskId, TaskStatus.IN_PROGRESS).applied());
  }

  @Test
  void thePartnerTimelineHidesInternalOnlyRows() {
    w.wideGrant(ACME);
    w.task(ACME, RECEPTION);
    w.ops.addNote(w.key(), WEDDING, Optional.of(ACME), "Margin on Acme's linen is thin.", Visibility.INTERNAL_ONLY);
    w.ops.addNote(w.key(), WEDDING, Optional.of(ACME), "Linen count confirmed.", Visibility.PARTNER_VISIBLE);
    PartnerSession session = w.session(DANA);
    List<ActivityEntry> partnerView = session.activity(ActivityQuery.builder().build()).items();
    List<ActivityEntry> operatorView = w.ops.activity(WEDDING, ActivityQuery.builder().build()).items();
    assertTrue(partnerView.stream().allMatch(e -> e.visibility() == Visibility.PARTNER_VISIBLE));
    assertTrue(partnerView.stream().anyMatch(e -> e.summary().equals("Linen count confirmed.")));
    assertTrue(operatorView.stream().anyMatch(e -> e.summary().startsWith("Margin")));
    assertTrue(operatorView.size() > partnerView.size());
  }

  @Test
  void badInputIsRefusedAndChangesNothing() {
    long decisions = w.storage.decisions().count(TENANT);
    RecordNotFoundException missing = assertThrows(RecordNotFoundException.class,
        () -> w.ops.tasks().move(w.key(), TaskId.of("t-missing"), TaskStatus.IN_PROGRESS));
    assertTrue(missing.getMessage().contains("t-missing"), missing.getMessage());
    assertThrows(InvalidValueException.class,
        () -> w.ops.tasks().move("bad\u202ekey", TaskId.of("t-1"), TaskStatus.BLOCKED));
    GrantId grantId = w.wideGrant(ACME);
    w.ops.revokeGrant(w.key(), grantId);
    long after = w.storage.decisions().count(TENANT);
    assertThrows(IllegalTransitionException.class, () -> w.ops.activateGrant("k-again", grantId));
    assertEquals(after, w.storage.decisions().count(TENANT));
    assertTrue(after > decisions);
    assertTrue(w.storage.idempotency().find(TENANT, MAYA.actorKey(), "k-again").isEmpty());
  }

  @Test
  void theSameKeyOfTwoActorsNeverCollides() {
    // defect 1: keys were scoped per tenant, so one actor could take (or replay) another's
    TaskId a = w.task(ACME, RECEPTION);
    TaskId b = w.task(ACME, RECEPTION);
    CommandResult maya = w.ops.tasks().move("shared-key", a, TaskStatus.IN_PROGRESS);
    CommandResult alex = w.workspace.operator(ALEX).tasks().move("shared-key", b, TaskStatus.IN_PROGRESS);
    assertTrue(maya.applied());
    assertTrue(alex.applied());
    assertFalse(alex.replayed(), "Alex's command is Alex's, not a replay of Maya's");
    assertEquals(TaskStatus.IN_PROGRESS, stored(b));
  }

  @Test
  void theSameDraftInAnotherOrderIsTheSameCommand() {
    // defect 2: fingerprints were built from toString(), so reordered dependencies looked like a reused key
    TaskId d1 = w.task(ACME, RECEPTION);
    TaskId d2 = w.task(ACME, RECEPTION);
    TaskId d3 = w.task(ACME, RECEPTION);
    CommandResult first = w.ops.tasks().create("k-draft", dev.partnerkit.policy.surface.tasks.TaskDraft.builder()
        .occasionId(WEDDING).partnerId(ACME).title("Set up").addDependencies(d1, d2, d3).build());
    CommandResult again = w.ops.tasks().create("k-draft", dev.partnerkit.policy.surface.tasks.TaskDraft.builder()
        .occasionId(WEDDING).partnerId(ACME).title("Set up").addDependencies(d3, d1, d2).build());
    assertTrue(again.replayed());
    assertEquals(first.recordId(), again.recordId());
    assertThrows(IdempotencyKeyReusedException.class, () -> w.ops.tasks().create("k-draft",
        dev.partnerkit.policy.surface.tasks.TaskDraft.builder().occasionId(WEDDING).partnerId(ACME)
            .title("Set up").addDependencies(d3, d1).build()));
  }

  @Test
  void grantDraftsWithDifferentContentAreDifferentCommands() {
    CommandResult first = w.ops.issueGrant("k-g", GrantDraft.builder().partnerId(ACME)
        .scope(GrantScope.builder().occasionId(WEDDING).addSurfaces(Surface.TASKS).build())
        .validFrom(WorkspaceWorld.FROM).build());
    assertTrue(first.applied());
    assertThrows(IdempotencyKeyReusedException.class, () -> w.ops.issueGrant("k-g", GrantDraft.builder()
        .partnerId(ACME).scope(GrantScope.builder().occasionId(WEDDING).addSurfaces(Surface.COMMENTS).build())
        .validFrom(WorkspaceWorld.FROM).build()));
  }

  @Test
  void composedTextNeverFailsACommand() {
    // defect 8: a long display name or summary passed validation and then failed after the decision
    w.wideGrant(ACME);
    OperatorUser longName = OperatorUser.builder().userId(UserId.of("u-long")).tenantId(TENANT)
        .displayName("M".repeat(200)).addRoles(OperatorRole.OWNER_OPS_LEAD).build();
    TaskId taskId = w.task(ACME, RECEPTION);
    CommandResult moved = w.workspace.operator(longName).tasks().move(w.key(), taskId, TaskStatus.IN_PROGRESS);
    assertTrue(moved.applied(), moved.decision().render());
    CommandResult note = w.ops.addNote(w.key(), WEDDING, Optional.of(ACME), "n".repeat(4000),
        Visibility.PARTNER_VISIBLE);
    assertTrue(note.applied());
  }

  @Test
  void aGrantWindowFinerThanMicrosecondsIsNormalisedOrRefusedUpFront() {
    // defect 9: stores keep microseconds, so a window valid in nanoseconds could become empty once stored
    Instant t = Instant.parse("2026-11-01T00:00:00Z");
    assertThrows(InvalidValueException.class, () -> GrantDraft.builder().partnerId(ACME)
        .scope(GrantScope.builder().occasionId(WEDDING).addSurfaces(Surface.TASKS).build())
        .validFrom(t.plusNanos(100)).validUntil(t.plusNanos(900)).build());
    GrantDraft draft = GrantDraft.builder().partnerId(ACME)
        .scope(GrantScope.builder().occasionId(WEDDING).addSurfaces(Surface.TASKS).build())
        .validFrom(t.plusNanos(1_500)).validUntil(UNTIL.plusNanos(7)).build();
    assertEquals(t.plusNanos(1_000), draft.validFrom());
    assertEquals(UNTIL, draft.validUntil().orElseThrow());
  }
}
