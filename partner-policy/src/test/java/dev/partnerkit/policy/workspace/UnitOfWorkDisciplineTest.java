package dev.partnerkit.policy.workspace;

import static dev.partnerkit.policy.workspace.WorkspaceWorld.ACME;
import static dev.partnerkit.policy.workspace.WorkspaceWorld.DANA;
import static dev.partnerkit.policy.workspace.WorkspaceWorld.RECEPTION;
import static dev.partnerkit.policy.workspace.WorkspaceWorld.TENANT;
import static dev.partnerkit.policy.workspace.WorkspaceWorld.WEDDING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnerkit.domain.ActorKind;
import dev.partnerkit.domain.Lifecycle;
import dev.partnerkit.domain.Placement;
import dev.partnerkit.domain.RecordType;
import dev.partnerkit.domain.Surface;
import dev.partnerkit.domain.Visibility;
import dev.partnerkit.policy.surface.tasks.TaskId;
import dev.partnerkit.policy.surface.tasks.TaskStatus;
import dev.partnerkit.spi.ActivityEntry;
import dev.partnerkit.spi.ActivityQuery;
import dev.partnerkit.spi.Outbox;
import dev.partnerkit.spi.PartnerkitStorage;
import dev.partnerkit.spi.UnitOfWork;
import dev.partnerkit.spi.memory.InMemoryStorage;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Every store call of a command, read or session opening happens inside one unit of work; failures are audited. */
class UnitOfWorkDisciplineTest {

  @Test
  void readsAndSessionOpeningsLoadTheirFactsInsideTheirUnitOfWork() {
    // defect 4: facts were loaded outside the transaction that decided, so a revocation in between still served data
    Watched watched = Watched.over(InMemoryStorage.create());
    WorkspaceWorld w = new WorkspaceWorld(watched.storage);
    w.wideGrant(ACME);
    TaskId task = w.task(ACME, RECEPTION);
    watched.outside.clear();
    PartnerSession session = w.session(DANA);
    session.tasks().list();
    session.tasks().get(task);
    session.activity(ActivityQuery.builder().build());
    session.tasks().move(w.key(), task, TaskStatus.IN_PROGRESS);
    w.ops.tasks().list(WEDDING);
    w.ops.tasks().move(w.key(), task, TaskStatus.BLOCKED);
    w.ops.activity(WEDDING, ActivityQuery.builder().build());
    assertEquals(List.of(), watched.outside, "store calls made outside a unit of work");
  }

  @Test
  void aCommandThatFailsInsideIsRolledBackAndAudited() {
    // defect 10: a decision that threw inside a command left no trace
    RecordType<dev.partnerkit.policy.surface.tasks.TaskBody, TaskStatus> broken = RecordType
        .builder("broken_note", Surface.COMMENTS, dev.partnerkit.policy.surface.tasks.TaskBody.class,
            Lifecycle.builder(TaskStatus.class, TaskStatus.TO_DO).allow(TaskStatus.TO_DO, TaskStatus.IN_PROGRESS,
                ActorKind.OPERATOR).build())
        .title(b -> b.title()).example(dev.partnerkit.policy.surface.tasks.Tasks.TYPE.example())
        .rule(request -> {
          throw new IllegalStateException("rule exploded");
        }).build();
    WorkspaceWorld w = new WorkspaceWorld(InMemoryStorage.create(), PartnerWorkspace.builder().recordType(broken));
    long activity = w.activityCount();
    long decisions = w.storage.decisions().count(TENANT);
    IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> w.ops.records().create("k-boom",
        broken, Placement.inOccasion(WEDDING), Visibility.INTERNAL_ONLY, broken.example(), List.of()));
    assertEquals("rule exploded", thrown.getMessage());
    assertEquals(decisions, w.storage.decisions().count(TENANT), "nothing of the command is committed");
    assertTrue(w.storage.idempotency().find(TENANT, WorkspaceWorld.MAYA.actorKey(), "k-boom").isEmpty());
    assertEquals(activity + 1, w.activityCount(), "only the audit entry");
    ActivityEntry audit = w.ops.activity(WEDDING, ActivityQuery.builder().limit(500).build()).items().stream()
        .filter(e -> e.eventType().equals("partnerkit.command_failed")).findFirst().orElseThrow();
    assertEquals(Visibility.INTERNAL_ONLY, audit.visibility());
    assertTrue(audit.summary().contains("k-boom") && audit.summary().contains("rule exploded"), audit.summary());
  }

  @Test
  void aStoreFailureRollsBackEverything() {
    Watched watched = Watched.over(InMemoryStorage.create());
    WorkspaceWorld w = new WorkspaceWorld(watched.storage);
    TaskId task = w.task(ACME, RECEPTION);
    long activity = w.activityCount();
    long decisions = w.storage.decisions().count(TENANT);
    watched.failOutbox = true;
    assertThrows(IllegalStateException.class, () -> w.ops.tasks().move("k-fail", task, TaskStatus.IN_PROGRESS));
    watched.failOutbox = false;
    assertEquals(0, w.ops.tasks().get(task).items().get(0).version());
    assertEquals(decisions + 1, w.storage.decisions().count(TENANT), "only the read above logged a decision");
    assertTrue(w.storage.idempotency().find(TENANT, WorkspaceWorld.MAYA.actorKey(), "k-fail").isEmpty());
    assertEquals(Optional.empty(), w.ops.activity(WEDDING, ActivityQuery.builder().limit(500).build()).items()
        .stream().skip(activity).filter(e -> !e.eventType().equals("partnerkit.command_failed")).findFirst());
  }

  /** A storage whose stores record every call made outside a unit of work, and whose outbox can fail. */
  static final class Watched {
    final List<String> outside = new ArrayList<>();
    final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);
    volatile boolean failOutbox;
    final PartnerkitStorage storage;

    private Watched(PartnerkitStorage real) {
      this.storage = proxy(PartnerkitStorage.class, (p, m, args) -> {
        if (m.isDefault()) {
          // the storage's default methods (accessFacts, appendJournal) go through the watched stores
          return InvocationHandler.invokeDefault(p, m, args);
        }
        Object store = m.invoke(real, args);
        if (m.getName().equals("unitOfWork")) {
          UnitOfWork uow = (UnitOfWork) store;
          return new UnitOfWork() {
            @Override
            public <T> T inTransaction(Supplier<T> work) {
              depth.get()[0]++;
              try {
                return uow.inTransaction(work);
              } finally {
                depth.get()[0]--;
              }
            }
          };
        }
        Class<?> type = m.getReturnType();
        return proxy(type, (q, sm, sargs) -> {
          if (depth.get()[0] == 0) {
            outside.add(m.getName() + "." + sm.getName());
          }
          if (failOutbox && store instanceof Outbox && sm.getName().equals("append")) {
            throw new IllegalStateException("outbox unavailable");
          }
          try {
            return sm.invoke(store, sargs);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
      });
    }

    static Watched over(PartnerkitStorage real) {
      return new Watched(real);
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
      return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, args) -> {
        if (m.getDeclaringClass() == Object.class) {
          return m.getName().equals("toString") ? "watched " + type.getSimpleName() : m.invoke(handler, args);
        }
        return handler.invoke(p, m, args);
      });
    }
  }
}
