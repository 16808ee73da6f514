package dev.partnerkit.benchmarks;

import dev.partnerkit.domain.Entitlement;
import dev.partnerkit.domain.GrantId;
import dev.partnerkit.domain.GrantScope;
import dev.partnerkit.domain.MembershipStatus;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.OperatorRole;
import dev.partnerkit.domain.OperatorUser;
import dev.partnerkit.domain.Partner;
import dev.partnerkit.domain.PartnerCapability;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.PartnerKind;
import dev.partnerkit.domain.PartnerMember;
import dev.partnerkit.domain.Surface;
import dev.partnerkit.domain.Tenant;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.UserId;
import dev.partnerkit.jdbc.JdbcStorage;
import dev.partnerkit.jdbc.SchemaInstaller;
import dev.partnerkit.policy.surface.tasks.PartnerTask;
import dev.partnerkit.policy.surface.tasks.TaskBody;
import dev.partnerkit.policy.surface.tasks.TaskDraft;
import dev.partnerkit.policy.surface.tasks.TaskId;
import dev.partnerkit.policy.surface.tasks.TaskStatus;
import dev.partnerkit.policy.surface.tasks.Tasks;
import dev.partnerkit.policy.workspace.CommandResult;
import dev.partnerkit.policy.workspace.GrantDraft;
import dev.partnerkit.policy.workspace.OperatorConsole;
import dev.partnerkit.policy.workspace.PartnerSession;
import dev.partnerkit.policy.workspace.PartnerWorkspace;
import dev.partnerkit.policy.workspace.ReadResult;
import dev.partnerkit.spi.PartnerkitStorage;
import dev.partnerkit.spi.TypedRecord;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The service path on H2 (in memory) and embedded PostgreSQL (zonky, its default server settings): a partner's task
 * move (a command) and a partner's read of one task record through the workspace services, each against a bare JDBC
 * transaction doing what a hand-written service must do for the same outcome.
 *
 * <ul>
 *   <li>bare move: read the idempotency key, the task row and the partner's grants; update the task; insert the
 *       idempotency record, the activity entry, the outbox event and the decision row; commit.
 *   <li>bare read: read the task row and the partner's grants; insert the decision row; commit.
 * </ul>
 *
 * Both use one connection handed out like a pool would ({@link SingleConnectionDataSource}). Moves alternate each
 * task between in_progress and blocked, over 64 tasks per benchmark.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
public class ServicePathBenchmark {
  static final TenantId TENANT = TenantId.of("toni-catering");
  static final OccasionId WEDDING = OccasionId.of("occ-wedding");
  static final PartnerId ACME = PartnerId.of("p-acme");
  static final int TASKS = 64;

  @Param({"h2", "postgresql"})
  public String database;

  private EmbeddedPostgres postgres;
  private SingleConnectionDataSource dataSource;
  private PartnerSession session;
  private final List<TaskId> tasks = new ArrayList<>();
  private final List<String> bareTasks = new ArrayList<>();
  private boolean[] inProgress;
  private boolean[] bareInProgress;
  private int at;
  private int bareAt;
  private long key;
  private String explanation;
  private String nextSafeAction;
  private String proofNeeded;

  @Setup
  public void setUp() throws Exception {
    DataSource target;
    if ("postgresql".equals(database)) {
      postgres = EmbeddedPostgres.start();
      PGSimpleDataSource pg = new PGSimpleDataSource();
      pg.setServerNames(new String[] {"localhost"});
      pg.setPortNumbers(new int[] {postgres.getPort()});
      pg.setDatabaseName("postgres");
      pg.setUser("postgres");
      pg.setOptions("-c TimeZone=America/Chicago");
      target = pg;
    } else {
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL("jdbc:h2:mem:bench-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
      h2.setUser("sa");
      target = h2;
    }
    dataSource = new SingleConnectionDataSource(target);
    SchemaInstaller.install(dataSource);
    PartnerkitStorage storage = JdbcStorage.builder(dataSource).build();
    storage.directory().saveTenant(Tenant.of(TENANT, "Toni Catering", ZoneId.of("America/Chicago")));
    storage.directory().savePartner(Partner.builder().tenantId(TENANT).partnerId(ACME).name("Acme Rentals")
        .kind(PartnerKind.RENTAL_COMPANY).build());
    PartnerWorkspace workspace = PartnerWorkspace.builder().storage(storage).clock(Clock.systemUTC()).build();
    OperatorUser maya = OperatorUser.builder().userId(UserId.of("u-maya")).tenantId(TENANT).displayName("Maya")
        .addRoles(OperatorRole.OWNER_OPS_LEAD).build();
    OperatorConsole ops = workspace.operator(maya);
    require(ops.setEntitlements("setup-ent", WEDDING, Set.of(Entitlement.MULTI_USER_SUPPORT)));
    CommandResult grant = require(ops.issueGrant("setup-grant", GrantDraft.builder().partnerId(ACME)
        .scope(GrantScope.builder().occasionId(WEDDING).addSurfaces(Surface.TASKS).build())
        .addCapabilities(PartnerCapability.MANAGE_TASK).validFrom(Instant.parse("2026-01-01T00:00:00Z")).build()));
    require(ops.activateGrant("setup-activate", GrantId.of(grant.recordId().orElseThrow())));
    PartnerMember dana = PartnerMember.builder().tenantId(TENANT).userId(UserId.of("u-dana")).partnerId(ACME)
        .displayName("Dana").status(MembershipStatus.ACTIVE).build();
    storage.directory().insertMember(dana);
    session = workspace.openPartnerSession(TENANT, dana.userId(), ACME, WEDDING).session().orElseThrow();
    for (int i = 0; i < 2 * TASKS; i++) {
      TaskId id = TaskId.of(require(ops.tasks().create("setup-task-" + i, TaskDraft.builder().occasionId(WEDDING)
          .partnerId(ACME).title("Deliver the chairs, batch " + i).build())).recordId().orElseThrow());
      require(session.tasks().move("setup-start-" + i, id, TaskStatus.IN_PROGRESS));
      if (i < TASKS) {
        tasks.add(id);
      } else {
        bareTasks.add(id.value());
      }
    }
    inProgress = new boolean[TASKS];
    bareInProgress = new boolean[TASKS];
    java.util.Arrays.fill(inProgress, true);
    java.util.Arrays.fill(bareInProgress, true);
    CommandResult sample = require(session.tasks().move("setup-sample", tasks.get(0), TaskStatus.BLOCKED));
    inProgress[0] = false;
    explanation = sample.decision().explanation();
    nextSafeAction = sample.decision().nextSafeAction();
    proofNeeded = sample.decision().proofNeeded();
  }

  @TearDown
  public void tearDown() throws IOException, SQLException {
    dataSource.closePhysical();
    if (postgres != null) {
      postgres.close();
    }
  }

  private static CommandResult require(CommandResult result) {
    if (!result.applied()) {
      throw new IllegalStateException("setup command blocked: " + result.decision().render());
    }
    return result;
  }

  @Benchmark
  public CommandResult partnerkitMove() {
    int i = at;
    at = (i + 1) % TASKS;
    TaskStatus to = inProgress[i] ? TaskStatus.BLOCKED : TaskStatus.IN_PROGRESS;
    CommandResult result = session.tasks().move("move-" + key++, tasks.get(i), to);
    if (!result.applied()) {
      throw new IllegalStateException(result.decision().render());
    }
    inProgress[i] = !inProgress[i];
    return result;
  }

  /** A partner's read of one task record: the same statements as {@link #bareRead}, decided and logged. */
  @Benchmark
  public ReadResult<TypedRecord<TaskBody, TaskStatus>> partnerkitRead() {
    int i = at;
    at = (i + 1) % TASKS;
    return session.records().get(Tasks.TYPE, tasks.get(i).value());
  }

  /**
   * A partner's task view ({@code session.tasks().get}): the read above and then the task's dependency links, which
   * the view reads in a second unit of work (visibility checked again). No bare counterpart: reported alone.
   */
  @Benchmark
  public ReadResult<PartnerTask> partnerkitTaskView() {
    int i = at;
    at = (i + 1) % TASKS;
    return session.tasks().get(tasks.get(i));
  }

  @Benchmark
  public long bareMove() throws SQLException {
    int i = bareAt;
    bareAt = (i + 1) % TASKS;
    String id = bareTasks.get(i);
    String from = bareInProgress[i] ? "in_progress" : "blocked";
    String to = bareInProgress[i] ? "blocked" : "in_progress";
    String commandKey = "bare-move-" + key++;
    OffsetDateTime now = OffsetDateTime.ofInstant(Instant.now().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    Connection c = dataSource.getConnection();
    c.setAutoCommit(false);
    long version;
    String body;
    try {
      try (PreparedStatement s = c.prepareStatement("select outcome from pk_idempotency_record"
          + " where tenant_id = ? and actor_key = ? and idempotency_key = ?")) {
        s.setString(1, TENANT.value());
        s.setString(2, "partner_member:u-dana");
        s.setString(3, commandKey);
        try (ResultSet r = s.executeQuery()) {
          if (r.next()) {
            throw new IllegalStateException("a replay");
          }
        }
      }
      try (PreparedStatement s = c.prepareStatement("select status, body, version, partner_id, visibility"
          + " from pk_record where tenant_id = ? and record_type = ? and record_id = ?")) {
        s.setString(1, TENANT.value());
        s.setString(2, "partner_task");
        s.setString(3, id);
        try (ResultSet r = s.executeQuery()) {
          r.next();
          if (!from.equals(r.getString(1))) {
            throw new IllegalStateException("task " + id + " is " + r.getString(1) + ", not " + from);
          }
          body = r.getString(2);
          version = r.getLong(3);
        }
      }
      grants(c);
      try (PreparedStatement s = c.prepareStatement("update pk_record set status = ?, body = " + json()
          + ", version = ?, updated_at = ? where tenant_id = ? and record_type = ? and record_id = ? and version = ?")) {
        s.setString(1, to);
        s.setString(2, body);
        s.setLong(3, version + 1);
        s.setObject(4, now);
        s.setString(5, TENANT.value());
        s.setString(6, "partner_task");
        s.setString(7, id);
        s.setLong(8, version);
        if (s.executeUpdate() != 1) {
          throw new IllegalStateException("lost a race");
        }
      }
      try (PreparedStatement s = c.prepareStatement("insert into pk_idempotency_record (tenant_id, actor_key,"
          + " idempotency_key, fingerprint, outcome, created_at) values (?, ?, ?, ?, ?, ?)")) {
        s.setString(1, TENANT.value());
        s.setString(2, "partner_member:u-dana");
        s.setString(3, commandKey);
        s.setString(4, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
        s.setString(5, "{\"commandKey\":\"" + commandKey + "\",\"recordId\":\"" + id + "\",\"recordVersion\":"
            + (version + 1) + ",\"decision\":{\"allowed\":true,\"reason\":\"allowed_by_grant\",\"explanation\":\""
            + explanation + "\"}}");
        s.setObject(6, now);
        s.executeUpdate();
      }
      try (PreparedStatement s = c.prepareStatement("insert into pk_activity_entry (tenant_id, entry_id,"
          + " occasion_id, partner_id, event_id, resource_id, record_type, record_id, event_type, kind, visibility,"
          + " actor_label, summary, occurred_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        s.setString(1, TENANT.value());
        s.setString(2, UUID.randomUUID().toString());
        s.setString(3, WEDDING.value());
        s.setString(4, ACME.value());
        s.setString(5, null);
        s.setString(6, null);
        s.setString(7, "partner_task");
        s.setString(8, id);
        s.setString(9, "partner_task.moved");
        s.setString(10, "domain_event");
        s.setString(11, "partner_visible");
        s.setString(12, "Dana (Acme Rentals)");
        s.setString(13, "Dana (Acme Rentals) moved task 'Deliver the chairs' from " + from.replace('_', ' ')
            + " to " + to.replace('_', ' ') + ".");
        s.setObject(14, now);
        s.executeUpdate();
      }
      try (PreparedStatement s = c.prepareStatement("insert into pk_outbox_event (tenant_id, event_id, event_type,"
          + " aggregate_id, payload, occurred_at, published_at) values (?, ?, ?, ?, ?, ?, ?)")) {
        s.setString(1, TENANT.value());
        s.setString(2, UUID.randomUUID().toString());
        s.setString(3, "partner_task.moved");
        s.setString(4, id);
        s.setString(5, "{\"recordType\":\"partner_task\",\"recordId\":\"" + id + "\",\"version\":" + (version + 1)
            + ",\"actorKind\":\"partner_member\",\"from\":\"" + from + "\",\"to\":\"" + to + "\"}");
        s.setObject(6, now);
        s.setObject(7, null);
        s.executeUpdate();
      }
      decisionRow(c, commandKey, now);
      c.commit();
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(true);
      c.close();
    }
    bareInProgress[i] = !bareInProgress[i];
    return version;
  }

  @Benchmark
  public String bareRead() throws SQLException {
    int i = bareAt;
    bareAt = (i + 1) % TASKS;
    String id = bareTasks.get(i);
    OffsetDateTime now = OffsetDateTime.ofInstant(Instant.now().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    Connection c = dataSource.getConnection();
    c.setAutoCommit(false);
    String body;
    try {
      try (PreparedStatement s = c.prepareStatement("select status, body, version, partner_id, visibility"
          + " from pk_record where tenant_id = ? and record_type = ? and record_id = ?")) {
        s.setString(1, TENANT.value());
        s.setString(2, "partner_task");
        s.setString(3, id);
        try (ResultSet r = s.executeQuery()) {
          r.next();
          body = r.getString(2);
        }
      }
      grants(c);
      decisionRow(c, null, now);
      c.commit();
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(true);
      c.close();
    }
    return body;
  }

  private String json() {
    return "postgresql".equals(database) ? "cast(? as jsonb)" : "?";
  }

  /** The partner's grants, every column, as any access check needs them. */
  private static void grants(Connection c) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("select tenant_id, grant_id, partner_id, members,"
        + " integration_principal, occasion_id, scope_events, scope_resources, scope_surfaces, capabilities, status,"
        + " valid_from, valid_until, issued_by, version from pk_access_grant where tenant_id = ? and partner_id = ?"
        + " order by grant_id")) {
      s.setString(1, TENANT.value());
      s.setString(2, ACME.value());
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          r.getString(11);
          r.getObject(12, OffsetDateTime.class);
        }
      }
    }
  }

  private void decisionRow(Connection c, String commandKey, OffsetDateTime now) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("insert into pk_decision_record (tenant_id, record_id, actor_kind,"
        + " actor_id, occasion_id, intent, command_key, allowed, reason, explanation, next_step_owner,"
        + " next_safe_action, proof_needed, grant_id, capability, checks, failed_check, surface, operation,"
        + " decided_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      s.setString(1, TENANT.value());
      s.setString(2, UUID.randomUUID().toString());
      s.setString(3, "partner_member");
      s.setString(4, "u-dana");
      s.setString(5, WEDDING.value());
      s.setString(6, commandKey == null ? "view" : "transition");
      s.setString(7, commandKey);
      s.setBoolean(8, true);
      s.setString(9, "allowed_by_grant");
      s.setString(10, explanation);
      s.setString(11, "partner");
      s.setString(12, nextSafeAction);
      s.setString(13, proofNeeded);
      s.setString(14, "g-1");
      s.setString(15, "manage_task");
      s.setString(16, "product_scope\u001factor\u001fgrant\u001fscope\u001fcapability\u001fsurface_mode"
          + "\u001fsurface_rule\u001fsource_truth");
      s.setString(17, null);
      s.setString(18, "tasks");
      s.setString(19, commandKey == null ? "read" : "write");
      s.setObject(20, now);
      s.executeUpdate();
    }
  }
}
