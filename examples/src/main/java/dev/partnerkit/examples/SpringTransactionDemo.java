package dev.partnerkit.examples;

import dev.partnerkit.domain.Entitlement;
import dev.partnerkit.domain.GrantScope;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.OperatorRole;
import dev.partnerkit.domain.OperatorUser;
import dev.partnerkit.domain.Partner;
import dev.partnerkit.domain.PartnerCapability;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.PartnerKind;
import dev.partnerkit.domain.Surface;
import dev.partnerkit.domain.Tenant;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.UserId;
import dev.partnerkit.jdbc.ConnectionProvider;
import dev.partnerkit.jdbc.JdbcStorage;
import dev.partnerkit.jdbc.SchemaInstaller;
import dev.partnerkit.policy.workspace.CommandResult;
import dev.partnerkit.policy.workspace.GrantDraft;
import dev.partnerkit.policy.workspace.PartnerWorkspace;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A host on Spring 6's JDBC transactions ({@code DataSourceTransactionManager}, {@code TransactionTemplate}) over
 * embedded PostgreSQL, with Partnerkit joining the host's transaction: the host's order and Partnerkit's grant, its
 * decision-log row, activity entry, outbox event and idempotency record commit together or not at all. Run it with
 *
 * <pre>
 * ./mvnw -B -q -pl examples -am test-compile -Dexample=SpringTransactionDemo
 * </pre>
 */
public final class SpringTransactionDemo {
  /** The tenant of the demo. */
  public static final TenantId TENANT = TenantId.of("toni-catering");
  /** The occasion grants are issued for. */
  public static final OccasionId WEDDING = OccasionId.of("occ-rivera-wedding");
  /** The partner grants are issued to. */
  public static final PartnerId ACME = PartnerId.of("p-acme-rentals");

  private static final OperatorUser MAYA = OperatorUser.builder().userId(UserId.of("u-maya")).tenantId(TENANT)
      .displayName("Maya").addRoles(OperatorRole.OWNER_OPS_LEAD).build();

  private final DataSource dataSource;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final PartnerWorkspace workspace;

  private SpringTransactionDemo(DataSource dataSource, JdbcStorage storage) {
    this.dataSource = dataSource;
    this.jdbc = new JdbcTemplate(dataSource);
    this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    this.workspace = PartnerWorkspace.builder().storage(storage).clock(Clock.systemUTC()).build();
  }

  /**
   * The host's wiring: Partnerkit's storage joins the transaction Spring has open on the calling thread.
   *
   * @param dataSource the data source the host's {@code DataSourceTransactionManager} manages
   * @return the demo host, with Partnerkit's schema, its own {@code host_order} table, a tenant, a partner and the
   *     wedding's entitlements
   */
  public static SpringTransactionDemo create(DataSource dataSource) {
    JdbcStorage storage = JdbcStorage.builder(dataSource)
        .connections(ConnectionProvider.joined(
            () -> DataSourceUtils.getConnection(dataSource),
            connection -> DataSourceUtils.releaseConnection(connection, dataSource)))
        .build();
    return create(dataSource, storage);
  }

  /**
   * @param dataSource the data source of the host's transactions
   * @param storage Partnerkit's storage as the caller wires it
   * @return the demo host over that storage
   */
  public static SpringTransactionDemo create(DataSource dataSource, JdbcStorage storage) {
    SchemaInstaller.install(dataSource);
    SpringTransactionDemo demo = new SpringTransactionDemo(dataSource, storage);
    demo.jdbc.execute("create table if not exists host_order (order_id varchar(64) primary key,"
        + " tenant_id varchar(64) not null)");
    demo.transactions.executeWithoutResult(status -> {
      storage.directory().saveTenant(Tenant.of(TENANT, "Toni Catering", ZoneId.of("America/Chicago")));
      storage.directory().savePartner(Partner.builder().tenantId(TENANT).partnerId(ACME).name("Acme Rentals")
          .kind(PartnerKind.RENTAL_COMPANY).build());
      // the wedding's plan includes vendor access, so partner grants can be issued for it
      demo.workspace.operator(MAYA).setEntitlements("setup-entitlements", WEDDING,
          Set.of(Entitlement.MULTI_USER_SUPPORT));
    });
    return demo;
  }

  /** @return the host's JDBC template (it joins the same transactions) */
  public JdbcTemplate jdbc() {
    return jdbc;
  }

  /** @return the host's transaction template */
  public TransactionTemplate transactions() {
    return transactions;
  }

  /** @return the workspace, joined to the host's transactions */
  public PartnerWorkspace workspace() {
    return workspace;
  }

  /** @return the data source */
  public DataSource dataSource() {
    return dataSource;
  }

  /**
   * Places the host's order and issues Partnerkit's grant for it, in one host transaction.
   *
   * @param orderId the host's order
   * @param key the command's idempotency key
   * @param rollback whether the host then rolls its transaction back (a later step of its own failed, say)
   * @return the grant command's result
   */
  public CommandResult placeOrderAndIssueGrant(String orderId, String key, boolean rollback) {
    TenantId tenantId = TENANT;
    OperatorUser maya = MAYA;
    GrantDraft draft = grantDraft();
    CommandResult issued = transactions.execute(status -> {
      jdbc.update("insert into host_order (order_id, tenant_id) values (?, ?)", orderId, tenantId.value());
      if (rollback) {
        status.setRollbackOnly(); // a later step of the host's own fails, say
      }
      return workspace.operator(maya).issueGrant(key, draft);   // commits or rolls back with the order
    });
    return Objects.requireNonNull(issued);
  }

  /** @return a grant draft for Acme on the wedding's tasks */
  public static GrantDraft grantDraft() {
    return GrantDraft.builder().partnerId(ACME)
        .scope(GrantScope.builder().occasionId(WEDDING).addSurfaces(Surface.TASKS).build())
        .addCapabilities(PartnerCapability.MANAGE_TASK)
        .validFrom(Instant.parse("2026-11-01T00:00:00Z")).build();
  }

  /** @return the operator of the demo */
  public static OperatorUser maya() {
    return MAYA;
  }

  /**
   * @param table a table with a {@code tenant_id} column
   * @return how many committed rows of the demo tenant it holds, read outside any transaction
   */
  public long committedRows(String table) {
    // a connection of its own, not the one Spring may have bound to this thread: committed rows only
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("select count(*) from " + table + " where tenant_id = ?")) {
      s.setString(1, TENANT.value());
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not count " + table, e);
    }
  }

  /**
   * Runs the story: an order committed with its grant, an order rolled back with its grant, and the same command
   * again, which runs afresh because its first run was rolled back with the host's transaction.
   *
   * @param out where to print
   * @return the three results
   */
  public static CommandResult[] run(PrintStream out) {
    SpringTransactionDemo demo = create(EmbeddedPostgresDatabase.fresh());
    CommandResult kept = demo.placeOrderAndIssueGrant("order-1", "cmd-grant-1", false);
    out.println("order-1 committed with grant " + kept.recordId().orElseThrow() + ": " + demo.rows());
    CommandResult undone = demo.placeOrderAndIssueGrant("order-2", "cmd-grant-2", true);
    out.println("order-2 rolled back with grant " + undone.recordId().orElseThrow() + ": " + demo.rows());
    CommandResult again = demo.placeOrderAndIssueGrant("order-2", "cmd-grant-2", false);
    out.println("order-2 placed again, replayed=" + again.replayed() + ": " + demo.rows());
    return new CommandResult[] {kept, undone, again};
  }

  private String rows() {
    return "host orders " + committedRows("host_order") + ", grants " + committedRows("pk_access_grant")
        + ", decisions " + committedRows("pk_decision_record") + ", idempotency records "
        + committedRows("pk_idempotency_record") + ", outbox events " + committedRows("pk_outbox_event");
  }

  /**
   * @param args none
   */
  public static void main(String[] args) {
    run(System.out);
  }
}
