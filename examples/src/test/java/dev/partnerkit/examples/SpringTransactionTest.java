package dev.partnerkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnerkit.jdbc.ConnectionProvider;
import dev.partnerkit.jdbc.HostTransactionRequiredException;
import dev.partnerkit.jdbc.JdbcStorage;
import dev.partnerkit.jdbc.JdbcStorageException;
import dev.partnerkit.policy.workspace.CommandResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * Partnerkit joined to Spring 6's JDBC transactions on PostgreSQL: the host's rollback removes Partnerkit's rows, the
 * host's commit keeps both, a Partnerkit failure rolls the host's rows back too (or leaves the host free to go on),
 * and behind a {@code TransactionAwareDataSourceProxy} Partnerkit never commits the host's transaction half-way.
 */
class SpringTransactionTest {
  /** Every table Partnerkit writes a command to. */
  private static final List<String> PARTNERKIT_TABLES = List.of("pk_access_grant", "pk_decision_record",
      "pk_idempotency_record", "pk_outbox_event", "pk_activity_entry");

  private static long partnerkitRows(SpringTransactionDemo host) {
    return PARTNERKIT_TABLES.stream().mapToLong(host::committedRows).sum();
  }

  /** A trigger that fails Partnerkit's outbox insert while the host's transaction says so. */
  private static void refuseOutboxWhenAsked(SpringTransactionDemo host) {
    host.jdbc().execute("create or replace function refuse_outbox() returns trigger language plpgsql as $$ begin"
        + " if current_setting('host.refuse_outbox', true) = 'on' then"
        + " raise exception 'the host refuses this outbox event'; end if; return new; end $$");
    host.jdbc().execute("create trigger refuse_outbox before insert on pk_outbox_event for each row"
        + " execute function refuse_outbox()");
  }

  @Test
  void theHostsCommitKeepsTheOrderAndPartnerkitsRows() {
    SpringTransactionDemo host = SpringTransactionDemo.create(EmbeddedPostgresDatabase.fresh());
    long[] before = PARTNERKIT_TABLES.stream().mapToLong(host::committedRows).toArray();
    CommandResult issued = host.placeOrderAndIssueGrant("order-1", "cmd-1", false);
    assertTrue(issued.applied(), issued.decision().render());
    assertEquals(1, host.committedRows("host_order"));
    for (int i = 0; i < PARTNERKIT_TABLES.size(); i++) {
      assertEquals(before[i] + 1, host.committedRows(PARTNERKIT_TABLES.get(i)), PARTNERKIT_TABLES.get(i));
    }
    assertTrue(host.placeOrderAndIssueGrant("order-2", "cmd-1", false).replayed(), "a retry replays");
  }

  @Test
  void theHostsRollbackRemovesPartnerkitsRowsSoARetryIsNoReplay() {
    SpringTransactionDemo host = SpringTransactionDemo.create(EmbeddedPostgresDatabase.fresh());
    long before = partnerkitRows(host);
    assertTrue(host.placeOrderAndIssueGrant("order-1", "cmd-1", true).applied());
    assertEquals(0, host.committedRows("host_order"));
    assertEquals(before, partnerkitRows(host), "no decision, idempotency, grant, outbox or activity row is left");
    CommandResult again = host.placeOrderAndIssueGrant("order-1", "cmd-1", false);
    assertFalse(again.replayed(), "the host undid the first run, so the retry runs the command");
    assertEquals(1, host.committedRows("pk_access_grant"));
  }

  @Test
  void aPartnerkitFailureRollsTheHostsRowsBackToo() {
    SpringTransactionDemo host = SpringTransactionDemo.create(EmbeddedPostgresDatabase.fresh());
    refuseOutboxWhenAsked(host);
    long before = partnerkitRows(host);
    JdbcStorageException failure = assertThrows(JdbcStorageException.class,
        () -> host.transactions().executeWithoutResult(status -> {
          host.jdbc().update("insert into host_order (order_id, tenant_id) values ('order-1', ?)",
              SpringTransactionDemo.TENANT.value());
          host.jdbc().execute("set local host.refuse_outbox = 'on'");
          host.workspace().operator(SpringTransactionDemo.maya()).issueGrant("cmd-1",
              SpringTransactionDemo.grantDraft());
        }));
    assertEquals("P0001", failure.sqlState(), failure.getMessage());
    assertEquals(0, host.committedRows("host_order"), "the exception rolled the host's transaction back");
    assertEquals(before, partnerkitRows(host));
  }

  @Test
  void aHostThatCatchesAPartnerkitFailureGoesOnWithAUsableConnection() {
    SpringTransactionDemo host = SpringTransactionDemo.create(EmbeddedPostgresDatabase.fresh());
    refuseOutboxWhenAsked(host);
    long before = partnerkitRows(host);
    host.transactions().executeWithoutResult(status -> {
      host.jdbc().update("insert into host_order (order_id, tenant_id) values ('order-1', ?)",
          SpringTransactionDemo.TENANT.value());
      host.jdbc().execute("set local host.refuse_outbox = 'on'");
      assertThrows(JdbcStorageException.class, () -> host.workspace().operator(SpringTransactionDemo.maya())
          .issueGrant("cmd-1", SpringTransactionDemo.grantDraft()));
      // PostgreSQL would refuse this statement had Partnerkit's failed insert aborted the transaction
      host.jdbc().update("insert into host_order (order_id, tenant_id) values ('order-2', ?)",
          SpringTransactionDemo.TENANT.value());
    });
    assertEquals(2, host.committedRows("host_order"));
    assertEquals(before, partnerkitRows(host), "Partnerkit's part of the failed command is undone");
  }

  @Test
  void behindATransactionAwareProxyPartnerkitNeverCommitsTheHostsTransactionHalfWay() throws Exception {
    DataSource raw = EmbeddedPostgresDatabase.fresh();
    TransactionAwareDataSourceProxy proxy = new TransactionAwareDataSourceProxy(raw);
    // the proxy hands out the transaction's connection; closing the proxy's handle only gives it back to Spring
    JdbcStorage storage = JdbcStorage.builder(raw)
        .connections(ConnectionProvider.joined(proxy::getConnection, Connection::close)).build();
    SpringTransactionDemo host = SpringTransactionDemo.create(raw, storage);
    long before = partnerkitRows(host);
    long[] seenFromOutside = new long[2];
    host.transactions().executeWithoutResult(status -> {
      host.jdbc().update("insert into host_order (order_id, tenant_id) values ('order-1', ?)",
          SpringTransactionDemo.TENANT.value());
      assertTrue(host.workspace().operator(SpringTransactionDemo.maya())
          .issueGrant("cmd-1", SpringTransactionDemo.grantDraft()).applied());
      seenFromOutside[0] = host.committedRows("host_order");
      seenFromOutside[1] = partnerkitRows(host) - before;
      status.setRollbackOnly();
    });
    assertEquals(0, seenFromOutside[0], "the host's order was not committed by Partnerkit");
    assertEquals(0, seenFromOutside[1], "nor were Partnerkit's own rows");
    assertEquals(0, host.committedRows("host_order"));
    assertEquals(before, partnerkitRows(host));
  }

  @Test
  void withoutAnOpenTransactionPartnerkitRefusesToWrite() {
    SpringTransactionDemo host = SpringTransactionDemo.create(EmbeddedPostgresDatabase.fresh());
    long before = partnerkitRows(host);
    assertThrows(HostTransactionRequiredException.class, () -> host.workspace()
        .operator(SpringTransactionDemo.maya()).issueGrant("cmd-1", SpringTransactionDemo.grantDraft()));
    assertEquals(before, partnerkitRows(host));
  }

  @Test
  void theRunnableDemoTellsTheStory() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CommandResult[] results = SpringTransactionDemo.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("order-1 committed with grant"), text);
    assertTrue(text.contains("order-1 committed with grant") && text.contains(": host orders 1, grants 1,"), text);
    assertTrue(text.contains("order-2 rolled back with grant") && text.contains("rolled back")
        && text.lines().filter(l -> l.contains(": host orders 1, grants 1,")).count() == 2, text);
    assertTrue(text.contains("order-2 placed again, replayed=false: host orders 2, grants 2"), text);
    assertFalse(results[2].replayed());
  }
}
