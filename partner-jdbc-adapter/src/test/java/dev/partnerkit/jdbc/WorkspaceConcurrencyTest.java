package dev.partnerkit.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnerkit.policy.surface.tasks.TaskId;
import dev.partnerkit.policy.surface.tasks.TaskStatus;
import dev.partnerkit.policy.surface.tasks.Tasks;
import dev.partnerkit.spi.StoredRecord;
import dev.partnerkit.policy.workspace.CommandResult;
import dev.partnerkit.policy.workspace.PartnerWorkspace;
import dev.partnerkit.spi.PartnerkitStorage;
import dev.partnerkit.spi.VersionConflictException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Two adapter instances with separate DataSources on one PostgreSQL database (two host instances), 8 threads moving
 * the same tasks through the workspace services: exactly one winner per (task, version), every loser gets the typed
 * conflict, no update is lost, and activity, decision-log and outbox rows match the winners exactly.
 */
class WorkspaceConcurrencyTest {
  private static final int THREADS = 8;
  private static final int ATTEMPTS_PER_THREAD = 25;
  private static final int TASKS = 3;

  @Test
  void exactlyOneWinnerPerTaskVersionAcrossTwoInstances() throws Exception {
    DataSource[] sources = TestDatabases.twoPostgresDataSourcesOnOneDatabase();
    List<TaskId> tasks = WorkspaceWorld.setUp(sources[0], TASKS);
    PartnerkitStorage[] storages = {JdbcStorage.builder(sources[0]).build(), JdbcStorage.builder(sources[1]).build()};
    PartnerWorkspace[] workspaces = {WorkspaceWorld.workspace(storages[0]), WorkspaceWorld.workspace(storages[1])};
    long[] before = WorkspaceWorld.counts(storages[0]);

    Set<String> winners = ConcurrentHashMap.newKeySet();
    AtomicInteger winnerCount = new AtomicInteger();
    AtomicInteger conflicts = new AtomicInteger();
    Map<TaskId, AtomicInteger> winsPerTask = new HashMap<>();
    tasks.forEach(t -> winsPerTask.put(t, new AtomicInteger()));
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<?>> futures = new ArrayList<>();
    for (int thread = 0; thread < THREADS; thread++) {
      int me = thread;
      futures.add(pool.submit(() -> {
        start.await();
        PartnerWorkspace workspace = workspaces[me % 2];
        PartnerkitStorage storage = storages[me % 2];
        for (int attempt = 0; attempt < ATTEMPTS_PER_THREAD; attempt++) {
          TaskId taskId = tasks.get((me + attempt) % TASKS);
          StoredRecord seen = storage.records().find(WorkspaceWorld.TENANT, Tasks.TYPE.ref(taskId.value()))
              .orElseThrow();
          TaskStatus next = seen.status().equals(TaskStatus.IN_PROGRESS.wireName()) ? TaskStatus.BLOCKED
              : TaskStatus.IN_PROGRESS;
          try {
            CommandResult r = workspace.operator(WorkspaceWorld.MAYA)
                .tasks().move("t" + me + "-a" + attempt, taskId, next, seen.version());
            assertTrue(r.applied(), r.decision().render());
            if (r.applied()) {
              winnerCount.incrementAndGet();
              winsPerTask.get(taskId).incrementAndGet();
              assertTrue(winners.add(taskId + "@" + r.recordVersion().orElseThrow()),
                  "two winners for " + taskId + " version " + r.recordVersion());
            }
          } catch (VersionConflictException e) {
            conflicts.incrementAndGet();
          }
        }
        return null;
      }));
    }
    start.countDown();
    for (Future<?> f : futures) {
      f.get(120, TimeUnit.SECONDS); // any exception other than the typed conflict fails here
    }
    pool.shutdown();

    int attempts = THREADS * ATTEMPTS_PER_THREAD;
    System.out.printf("concurrency: %d threads on 2 instances, %d attempts, %d winners, %d conflicts%n", THREADS,
        attempts, winnerCount.get(), conflicts.get());
    long[] after = WorkspaceWorld.counts(storages[1]);
    int wins = winnerCount.get();
    assertEquals(attempts, wins + conflicts.get(), "every attempt either wins or gets the typed conflict");
    assertTrue(conflicts.get() > 0, "the threads really raced");
    for (TaskId taskId : tasks) {
      assertEquals(winsPerTask.get(taskId).get(),
          storages[0].records().find(WorkspaceWorld.TENANT, Tasks.TYPE.ref(taskId.value())).orElseThrow().version(),
          "no lost update on " + taskId);
    }
    assertEquals(before[0] + wins, after[0], "task versions");
    assertEquals(before[1] + wins, after[1], "activity rows match the winners");
    assertEquals(before[2] + wins, after[2], "decision-log rows match the winners");
    assertEquals(before[3] + wins, after[3], "outbox events match the winners");
  }
}
