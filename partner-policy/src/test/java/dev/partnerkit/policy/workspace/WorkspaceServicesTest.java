package dev.partnerkit.policy.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnerkit.domain.Entitlement;
import dev.partnerkit.domain.EventId;
import dev.partnerkit.domain.GrantId;
import dev.partnerkit.domain.GrantScope;
import dev.partnerkit.domain.IllegalTransitionException;
import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.domain.MembershipStatus;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.OperatorRole;
import dev.partnerkit.domain.OperatorUser;
import dev.partnerkit.domain.Partner;
import dev.partnerkit.domain.PartnerCapability;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.PartnerKind;
import dev.partnerkit.domain.PartnerMember;
import dev.partnerkit.domain.PartnerTask;
import dev.partnerkit.domain.ReasonCode;
import dev.partnerkit.domain.Surface;
import dev.partnerkit.domain.TaskId;
import dev.partnerkit.domain.TaskStatus;
import dev.partnerkit.domain.Tenant;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.UserId;
import dev.partnerkit.spi.ActivityEntry;
import dev.partnerkit.spi.ActivityQuery;
import dev.partnerkit.spi.Outbox;
import dev.partnerkit.spi.OutboxEvent;
import dev.partnerkit.spi.PartnerkitStorage;
import dev.partnerkit.spi.VersionConflictException;
import dev.partnerkit.domain.Visibility;
import dev.partnerkit.spi.memory.InMemoryStorage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WorkspaceServicesTest {
  static final TenantId TENANT = TenantId.of("toni-catering");
  static final OccasionId WEDDING = OccasionId.of("occ-wedding");
  static final EventId RECEPTION = EventId.of("ev-reception");
  static final PartnerId ACME = PartnerId.of("p-acme");
  static final OperatorUser MAYA = OperatorUser.builder().userId(UserId.of("u-maya")).tenantId(TENANT)
      .displayName("Maya").addRoles(OperatorRole.OWNER_OPS_LEAD).build();
  static final PartnerMember DANA = PartnerMember.builder().userId(UserId.of("u-dana")).partnerId(ACME)
      .displayName("Dana").status(MembershipStatus.ACTIVE).build();

  final MutableClock clock = new MutableClock(Instant.parse("2026-11-05T15:00:00Z"));
  PartnerkitStorage storage;
  PartnerWorkspace workspace;
  OperatorConsole ops;

  @BeforeEach
  void setUp() {
    storage = InMemoryStorage.create();
    workspace = PartnerWorkspace.builder().storage(storage).clock(clock).build();
    ops = workspace.operator(MAYA);
    storage.directory().saveTenant(Tenant.of(TENANT, "Toni Catering", ZoneId.of("America/Chicago")));
    storage.directory().savePartner(Partner.builder().tenantId(TENANT).partnerId(ACME).name("Acme Rentals")
        .kind(PartnerKind.RENTAL_COMPANY).build());
    assertTrue(ops.setEntitlements("k-ent", WEDDING, Set.of(Entitlement.MULTI_USER_SUPPORT)).applied());
  }

  private GrantId issueAndActivate() {
    CommandResult issued = ops.issueGrant("k-issue", GrantDraft.builder().partnerId(ACME)
        .scope(GrantScope.builder().occasionId(WEDDING).addSurfaces(Surface.TASKS, Surface.ACTIVITY).build())
        .addCapabilities(PartnerCapability.MANAGE_TASK, PartnerCapability.VIEW_ACTIVITY)
        .validFrom(Instant.parse("2026-11-01T00:00:00Z")).validUntil(Instant.parse("2026-11-20T00:00:00Z")).build());
    GrantId grantId = GrantId.of(issued.recordId().orElseThrow());
    assertTrue(ops.activateGrant("k-activate", grantId).applied());
    return grantId;
  }

  private TaskId createTask(String key) {
    CommandResult created = ops.createTask(key, TaskDraft.builder().occasionId(WEDDING).eventId(RECEPTION)
        .partnerId(ACME).title("Deliver linen").build());
    assertTrue(created.applied(), created.decision().render());
    return TaskId.of(created.recordId().orElseThrow());
  }

  private long activityCount() {
    return storage.activity().count(TENANT, ActivityQuery.builder().build());
  }

  @Test
  void aPartnerSeesNothingUntilItsGrantIsActive() {
    TaskId taskId = createTask("k-task");
    PartnerSessionOpening none = workspace.openPartnerSession(DANA, TENANT, WEDDING);
    assertFalse(none.session().isPresent());
    assertEquals(ReasonCode.NO_GRANT, none.decision().reason());

    CommandResult issued = ops.issueGrant("k-issue", GrantDraft.builder().partnerId(ACME)
        .scope(GrantScope.builder().occasionId(WEDDING).addSurfaces(Surface.TASKS).build())
        .addCapabilities(PartnerCapability.MANAGE_TASK).validFrom(Instant.parse("2026-11-01T00:00:00Z")).build());
    PartnerSessionOpening pending = workspace.openPartnerSession(DANA, TENANT, WEDDING);
    assertEquals(ReasonCode.GRANT_PENDING, pending.decision().reason());
    assertFalse(pending.session().isPresent());

    ops.activateGrant("k-act", GrantId.of(issued.recordId().orElseThrow()));
    PartnerSession session = workspace.openPartnerSession(DANA, TENANT, WEDDING).session().orElseThrow();
    ReadResult<PartnerTask> tasks = session.tasks();
    assertTrue(tasks.decision().allowed());
    assertEquals(List.of(taskId), tasks.items().stream().map(PartnerTask::taskId).toList());
  }

  @Test
  void aPartnerMovesItsTaskAndEveryMoveIsRecordedOnce() {
    issueAndActivate();
    TaskId taskId = createTask("k-task");
    PartnerSession session = workspace.openPartnerSession(DANA, TENANT, WEDDING).session().orElseThrow();
    long activityBefore = activityCount();
    long outboxBefore = storage.outbox().countPending(TENANT);
    long decisionsBefore = storage.decisions().count(TENANT);
    List<TaskStatus> path = List.of(TaskStatus.IN_PROGRESS, TaskStatus.BLOCKED, TaskStatus.IN_PROGRESS,
        TaskStatus.SUBMITTED);
    for (int i = 0; i < path.size(); i++) {
      CommandResult r = session.moveTask("k-move-" + i, taskId, path.get(i));
      assertTrue(r.applied(), r.decision().render());
      assertEquals(Optional.of((long) i + 1), r.recordVersion());
    }
    assertEquals(TaskStatus.SUBMITTED, storage.tasks().find(TENANT, taskId).orElseThrow().status());
    assertEquals(activityBefore + 4, activityCount());
    assertEquals(outboxBefore + 4, storage.outbox().countPending(TENANT));
    assertEquals(decisionsBefore + 4, storage.decisions().count(TENANT));

    CommandResult approve = session.moveTask("k-approve", taskId, TaskStatus.APPROVED);
    assertEquals(ReasonCode.OPERATOR_ONLY_TRANSITION, approve.decision().reason());
    assertEquals(TaskStatus.SUBMITTED, storage.tasks().find(TENANT, taskId).orElseThrow().status());
    assertEquals(activityBefore + 4, activityCount(), "a blocked command writes no activity");
    assertEquals(outboxBefore + 4, storage.outbox().countPending(TENANT), "a blocked command writes no event");
    assertEquals(decisionsBefore + 5, storage.decisions().count(TENANT), "a blocked command writes its decision");

    CommandResult approved = ops.approveTask("k-op-approve", taskId);
    assertTrue(approved.applied());
    assertEquals(TaskStatus.APPROVED, storage.tasks().find(TENANT, taskId).orElseThrow().status());
  }

  @Test
  void anOpenSessionSeesNothingOnceTheGrantRunsOut() {
    issueAndActivate();
    createTask("k-task");
    PartnerSession session = workspace.openPartnerSession(DANA, TENANT, WEDDING).session().orElseThrow();
    assertEquals(1, session.tasks().items().size());
    clock.set(Instant.parse("2026-11-21T15:00:00Z"));
    ReadResult<PartnerTask> later = session.tasks();
    assertEquals(ReasonCode.GRANT_EXPIRED, later.decision().reason());
    assertTrue(later.items().isEmpty());
    assertTrue(later.decision().explanation().contains("expired on 2026-11-19"), later.decision().explanation());
  }

  @Test
  void aRetryReturnsTheFirstOutcomeAndWritesNothing() {
    issueAndActivate();
    TaskId taskId = createTask("k-task");
    PartnerSession session = workspace.openPartnerSession(DANA, TENANT, WEDDING).session().orElseThrow();
    CommandResult first = session.moveTask("k-start", taskId, TaskStatus.IN_PROGRESS);
    long activity = activityCount();
    long decisions = storage.decisions().count(TENANT);
    long events = storage.outbox().countPending(TENANT);
    CommandResult retry = session.moveTask("k-start", taskId, TaskStatus.IN_PROGRESS);
    assertTrue(retry.replayed());
    assertFalse(first.replayed());
    assertEquals(first.decision(), retry.decision());
    assertEquals(first.recordVersion(), retry.recordVersion());
    assertEquals(activity, activityCount());
    assertEquals(decisions, storage.decisions().count(TENANT));
    assertEquals(events, storage.outbox().countPending(TENANT));
    assertEquals(1, storage.tasks().find(TENANT, taskId).orElseThrow().version());

    IdempotencyKeyReusedException reused = assertThrows(IdempotencyKeyReusedException.class,
        () -> session.moveTask("k-start", taskId, TaskStatus.BLOCKED));
    assertTrue(reused.getMessage().contains("k-start"), reused.getMessage());
    assertEquals(TaskStatus.IN_PROGRESS, storage.tasks().find(TENANT, taskId).orElseThrow().status());
    assertEquals(decisions, storage.decisions().count(TENANT));
  }

  @Test
  void aMoveFromAStaleVersionIsATypedConflictAndWritesNothing() {
    issueAndActivate();
    TaskId taskId = createTask("k-task");
    PartnerSession session = workspace.openPartnerSession(DANA, TENANT, WEDDING).session().orElseThrow();
    assertTrue(session.moveTask("k-1", taskId, TaskStatus.IN_PROGRESS, 0).applied());
    long decisions = storage.decisions().count(TENANT);
    long activity = activityCount();
    VersionConflictException conflict = assertThrows(VersionConflictException.class,
        () -> session.moveTask("k-2", taskId, TaskStatus.BLOCKED, 0));
    assertEquals("partner_task", conflict.recordType());
    assertEquals(0, conflict.expectedVersion());
    assertEquals(decisions, storage.decisions().count(TENANT));
    assertEquals(activity, activityCount());
    assertTrue(storage.idempotency().find(TENANT, "k-2").isEmpty(), "a conflict spends no key");
    assertTrue(session.moveTask("k-2", taskId, TaskStatus.BLOCKED, 1).applied());
  }

  @Test
  void aBlockedCommandIsReplayedToo() {
    issueAndActivate();
    TaskId taskId = createTask("k-task");
    PartnerSession session = workspace.openPartnerSession(DANA, TENANT, WEDDING).session().orElseThrow();
    CommandResult first = session.moveTask("k-skip", taskId, TaskStatus.SUBMITTED);
    assertEquals(ReasonCode.TASK_TRANSITION_NOT_ALLOWED, first.decision().reason());
    assertTrue(first.decision().explanation().contains("from to do it can move to [in_progress]"),
        first.decision().explanation());
    long decisions = storage.decisions().count(TENANT);
    CommandResult again = session.moveTask("k-skip", taskId, TaskStatus.SUBMITTED);
    assertTrue(again.replayed());
    assertEquals(first.decision(), again.decision());
    assertEquals(decisions, storage.decisions().count(TENANT));
  }

  @Test
  void aCoordinatorCannotManageGrants() {
    OperatorUser coordinator = OperatorUser.builder().userId(UserId.of("u-cory")).tenantId(TENANT)
        .displayName("Cory").addRoles(OperatorRole.COORDINATOR).build();
    CommandResult r = workspace.operator(coordinator).issueGrant("k-grant", GrantDraft.builder().partnerId(ACME)
        .scope(GrantScope.builder().occasionId(WEDDING).addSurfaces(Surface.TASKS).build())
        .validFrom(Instant.parse("2026-11-01T00:00:00Z")).build());
    assertEquals(ReasonCode.OPERATOR_ROLE_MISSING, r.decision().reason());
    assertEquals(0, storage.grants().count(TENANT));
    assertTrue(r.decision().explanation().contains("[coordinator]"), r.decision().explanation());
  }

  @Test
  void withVendorAccessOffOperatorsReadButCannotChangePartnerWork() {
    issueAndActivate();
    TaskId taskId = createTask("k-task");
    assertTrue(ops.setEntitlements("k-off", WEDDING, Set.of()).applied());
    CommandResult blocked = ops.moveTask("k-move", taskId, TaskStatus.IN_PROGRESS);
    assertEquals(ReasonCode.PRODUCT_SCOPE_UNAVAILABLE, blocked.decision().reason());
    assertTrue(ops.tasks(WEDDING).decision().allowed());
    assertEquals(1, ops.tasks(WEDDING).items().size());
    PartnerSessionOpening opening = workspace.openPartnerSession(DANA, TENANT, WEDDING);
    assertEquals(ReasonCode.PRODUCT_SCOPE_UNAVAILABLE, opening.decision().reason());
    assertTrue(ops.setEntitlements("k-on", WEDDING, Set.of(Entitlement.MULTI_USER_SUPPORT)).applied());
    assertTrue(ops.moveTask("k-move-2", taskId, TaskStatus.IN_PROGRESS).applied());
  }

  @Test
  void thePartnerTimelineHidesInternalOnlyRows() {
    issueAndActivate();
    createTask("k-task");
    ops.addNote("k-note-int", WEDDING, Optional.of(ACME), "Margin on Acme's linen is thin.", Visibility.INTERNAL_ONLY);
    ops.addNote("k-note-pub", WEDDING, Optional.of(ACME), "Linen count confirmed.", Visibility.PARTNER_VISIBLE);
    PartnerSession session = workspace.openPartnerSession(DANA, TENANT, WEDDING).session().orElseThrow();
    List<ActivityEntry> partnerView = session.activity(ActivityQuery.builder().build()).items();
    List<ActivityEntry> operatorView = ops.activity(WEDDING, ActivityQuery.builder().build()).items();
    assertTrue(partnerView.stream().allMatch(e -> e.visibility() == Visibility.PARTNER_VISIBLE));
    assertTrue(partnerView.stream().anyMatch(e -> e.summary().equals("Linen count confirmed.")));
    assertTrue(operatorView.stream().anyMatch(e -> e.summary().startsWith("Margin")));
    assertTrue(operatorView.size() > partnerView.size());
  }

  @Test
  void badInputIsRefusedAndChangesNothing() {
    long decisions = storage.decisions().count(TENANT);
    InvalidValueException missing = assertThrows(InvalidValueException.class,
        () -> ops.moveTask("k-x", TaskId.of("t-missing"), TaskStatus.IN_PROGRESS));
    assertTrue(missing.getMessage().contains("taskId") && missing.getMessage().contains("t-missing"));
    assertThrows(InvalidValueException.class, () -> ops.moveTask("bad\u202ekey", TaskId.of("t-1"), TaskStatus.BLOCKED));
    GrantId grantId = issueAndActivate();
    ops.revokeGrant("k-revoke", grantId);
    long after = storage.decisions().count(TENANT);
    assertThrows(IllegalTransitionException.class, () -> ops.activateGrant("k-again", grantId));
    assertEquals(after, storage.decisions().count(TENANT));
    assertTrue(after > decisions);
    assertTrue(storage.idempotency().find(TENANT, "k-again").isEmpty());
  }

  @Test
  void aFailureInsideACommandRollsBackEverything() {
    issueAndActivate();
    TaskId taskId = createTask("k-task");
    PartnerkitStorage failing = new FailingOutboxStorage(storage);
    PartnerWorkspace broken = PartnerWorkspace.builder().storage(failing).clock(clock).build();
    long activity = activityCount();
    long decisions = storage.decisions().count(TENANT);
    assertThrows(IllegalStateException.class,
        () -> broken.operator(MAYA).moveTask("k-fail", taskId, TaskStatus.IN_PROGRESS));
    assertEquals(0, storage.tasks().find(TENANT, taskId).orElseThrow().version());
    assertEquals(activity, activityCount());
    assertEquals(decisions, storage.decisions().count(TENANT));
    assertTrue(storage.idempotency().find(TENANT, "k-fail").isEmpty());
  }

  /** Delegates to a real storage but fails every outbox append. */
  static final class FailingOutboxStorage implements PartnerkitStorage {
    private final PartnerkitStorage delegate;

    FailingOutboxStorage(PartnerkitStorage delegate) {
      this.delegate = delegate;
    }

    @Override
    public dev.partnerkit.spi.DirectoryStore directory() {
      return delegate.directory();
    }

    @Override
    public dev.partnerkit.spi.GrantStore grants() {
      return delegate.grants();
    }

    @Override
    public dev.partnerkit.spi.EntitlementStore entitlements() {
      return delegate.entitlements();
    }

    @Override
    public dev.partnerkit.spi.TaskStore tasks() {
      return delegate.tasks();
    }

    @Override
    public dev.partnerkit.spi.ActivityLog activity() {
      return delegate.activity();
    }

    @Override
    public dev.partnerkit.spi.DecisionLog decisions() {
      return delegate.decisions();
    }

    @Override
    public Outbox outbox() {
      Outbox real = delegate.outbox();
      return new Outbox() {
        @Override
        public void append(OutboxEvent event) {
          throw new IllegalStateException("outbox unavailable");
        }

        @Override
        public List<OutboxEvent> claimPending(TenantId tenantId, int limit) {
          return real.claimPending(tenantId, limit);
        }

        @Override
        public void markPublished(TenantId tenantId, String eventId, Instant publishedAt) {
          real.markPublished(tenantId, eventId, publishedAt);
        }

        @Override
        public long countPending(TenantId tenantId) {
          return real.countPending(tenantId);
        }
      };
    }

    @Override
    public dev.partnerkit.spi.IdempotencyStore idempotency() {
      return delegate.idempotency();
    }

    @Override
    public dev.partnerkit.spi.UnitOfWork unitOfWork() {
      return delegate.unitOfWork();
    }
  }

  /** A clock tests can move. */
  static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void set(Instant instant) {
      now = instant;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
