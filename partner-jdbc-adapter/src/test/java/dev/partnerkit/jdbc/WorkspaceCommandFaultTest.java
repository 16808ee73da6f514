package dev.partnerkit.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnerkit.policy.surface.tasks.TaskId;
import dev.partnerkit.policy.surface.tasks.TaskStatus;
import dev.partnerkit.policy.surface.tasks.Tasks;
import dev.partnerkit.policy.workspace.CommandResult;
import dev.partnerkit.spi.PartnerkitStorage;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A DataSource that fails on the Nth statement of a workspace command leaves no partial rows, for every N (and when
 * the commit itself fails), on H2 and on PostgreSQL.
 */
class WorkspaceCommandFaultTest {
  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void aCommandFailingAtAnyStatementLeavesNoPartialRows(String database) {
    Supplier<DataSource> fresh = "h2".equals(database) ? TestDatabases::freshH2 : TestDatabases::freshPostgres;

    DataSource counted = fresh.get();
    TaskId countedTask = WorkspaceWorld.setUp(counted, 1).get(0);
    FailingDataSource counting = new FailingDataSource(counted, 0, false);
    CommandResult ok = WorkspaceWorld.workspace(JdbcStorage.builder(counting).build())
        .operator(WorkspaceWorld.MAYA).tasks().move("cmd-move", countedTask, TaskStatus.IN_PROGRESS);
    assertTrue(ok.applied());
    int statements = counting.executed();
    System.out.printf("faults (%s): the command runs %d statements; failing each one in turn, and the commit%n",
        database, statements);
    assertTrue(statements >= 6, "a command writes task, activity, decision, outbox, idempotency: " + statements);

    for (int n = 1; n <= statements + 1; n++) {
      DataSource ds = fresh.get();
      TaskId taskId = WorkspaceWorld.setUp(ds, 1).get(0);
      PartnerkitStorage plain = JdbcStorage.builder(ds).build();
      long[] before = WorkspaceWorld.counts(plain);
      boolean failCommit = n == statements + 1;
      FailingDataSource failing = new FailingDataSource(ds, failCommit ? 0 : n, failCommit);
      PartnerkitStorage broken = JdbcStorage.builder(failing).build();
      assertThrows(RuntimeException.class, () -> WorkspaceWorld.workspace(broken).operator(WorkspaceWorld.MAYA)
          .tasks().move("cmd-move", taskId, TaskStatus.IN_PROGRESS), "failure at statement " + n);
      assertArrayEquals(before, WorkspaceWorld.counts(plain), "rows after a failure at statement " + n);
      assertEquals(TaskStatus.TO_DO.wireName(), plain.records().find(WorkspaceWorld.TENANT,
          Tasks.TYPE.ref(taskId.value())).orElseThrow().status());
      assertTrue(plain.idempotency().find(WorkspaceWorld.TENANT, WorkspaceWorld.MAYA.actorKey(), "cmd-move")
          .isEmpty());
      assertEquals(0, failing.open(), "connections returned");
    }
    assertTrue(List.of("h2", "postgresql").contains(database));
  }
}
