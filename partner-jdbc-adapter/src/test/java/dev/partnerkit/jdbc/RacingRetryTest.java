package dev.partnerkit.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnerkit.policy.surface.tasks.TaskId;
import dev.partnerkit.policy.surface.tasks.TaskStatus;
import dev.partnerkit.policy.surface.tasks.Tasks;
import dev.partnerkit.policy.workspace.CommandResult;
import dev.partnerkit.policy.workspace.PartnerWorkspace;
import dev.partnerkit.spi.PartnerkitStorage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A retry sent while the first attempt is still in flight (two host instances, the same actor and key) waits for the
 * first attempt and replays its outcome: never a conflict, never the change twice.
 */
class RacingRetryTest {
  private static final int ROUNDS = 30;

  @ParameterizedTest
  @EnumSource(JdbcDialect.class)
  void aRacingRetryReplaysTheFirstOutcome(JdbcDialect dialect) throws Exception {
    DataSource[] sources = dialect == JdbcDialect.POSTGRESQL ? TestDatabases.twoPostgresDataSourcesOnOneDatabase()
        : new DataSource[] {TestDatabases.fresh(dialect), null};
    if (sources[1] == null) {
      sources[1] = sources[0];
    }
    TaskId task = WorkspaceWorld.setUp(sources[0], 1).get(0);
    PartnerkitStorage[] storages = {JdbcStorage.builder(sources[0]).build(), JdbcStorage.builder(sources[1]).build()};
    PartnerWorkspace[] instances = {WorkspaceWorld.workspace(storages[0]), WorkspaceWorld.workspace(storages[1])};
    ExecutorService pool = Executors.newFixedThreadPool(2);
    int replays = 0;
    try {
      for (int round = 0; round < ROUNDS; round++) {
        TaskStatus target = round % 2 == 0 ? TaskStatus.IN_PROGRESS : TaskStatus.BLOCKED;
        String key = "race-" + round;
        CyclicBarrier together = new CyclicBarrier(2);
        List<Future<CommandResult>> attempts = new ArrayList<>();
        for (PartnerWorkspace instance : instances) {
          attempts.add(pool.submit(() -> {
            together.await();
            return instance.operator(WorkspaceWorld.MAYA).tasks().move(key, task, target);
          }));
        }
        CommandResult a = attempts.get(0).get(60, TimeUnit.SECONDS); // a conflict would fail here
        CommandResult b = attempts.get(1).get(60, TimeUnit.SECONDS);
        assertTrue(a.applied() && b.applied(), a.decision().render());
        assertEquals(a.decision(), b.decision(), "one outcome for one command");
        assertEquals(a.recordVersion(), b.recordVersion());
        assertTrue(a.replayed() != b.replayed(), "exactly one attempt ran, the other replayed it");
        replays++;
        assertEquals(round + 1, storages[0].records().find(WorkspaceWorld.TENANT, Tasks.TYPE.ref(task.value()))
            .orElseThrow().version(), "the move happened once in round " + round);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(ROUNDS, replays);
  }
}
