package dev.partnerkit.jdbc;

import dev.partnerkit.domain.Entitlement;
import dev.partnerkit.domain.GrantId;
import dev.partnerkit.domain.GrantScope;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.OperatorRole;
import dev.partnerkit.domain.OperatorUser;
import dev.partnerkit.domain.Partner;
import dev.partnerkit.domain.PartnerCapability;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.PartnerKind;
import dev.partnerkit.domain.Surface;
import dev.partnerkit.policy.surface.tasks.TaskId;
import dev.partnerkit.domain.Tenant;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.UserId;
import dev.partnerkit.policy.workspace.CommandResult;
import dev.partnerkit.policy.workspace.GrantDraft;
import dev.partnerkit.policy.workspace.OperatorConsole;
import dev.partnerkit.policy.workspace.PartnerWorkspace;
import dev.partnerkit.policy.surface.tasks.TaskDraft;
import dev.partnerkit.policy.surface.tasks.Tasks;
import dev.partnerkit.spi.RecordQuery;
import dev.partnerkit.spi.StoredRecord;
import dev.partnerkit.spi.ActivityQuery;
import dev.partnerkit.spi.PartnerkitStorage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/** A tenant with vendor_access on, one partner with an active grant on tasks, and some tasks, set up through a workspace. */
final class WorkspaceWorld {
  static final TenantId TENANT = TenantId.of("toni-catering");
  static final OccasionId WEDDING = OccasionId.of("occ-wedding");
  static final PartnerId ACME = PartnerId.of("p-acme");
  static final OperatorUser MAYA = OperatorUser.builder().userId(UserId.of("u-maya")).tenantId(TENANT)
      .displayName("Maya").addRoles(OperatorRole.OWNER_OPS_LEAD).build();
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-05T15:00:00Z"), ZoneOffset.UTC);

  private WorkspaceWorld() {}

  static PartnerWorkspace workspace(PartnerkitStorage storage) {
    return PartnerWorkspace.builder().storage(storage).clock(CLOCK).build();
  }

  /** Sets up the world on {@code dataSource} (schema installed) and returns the ids of {@code tasks} new tasks. */
  static List<TaskId> setUp(DataSource dataSource, int tasks) {
    SchemaInstaller.install(dataSource);
    PartnerkitStorage storage = JdbcStorage.builder(dataSource).build();
    storage.directory().saveTenant(Tenant.of(TENANT, "Toni Catering", ZoneId.of("America/Chicago")));
    storage.directory().savePartner(Partner.builder().tenantId(TENANT).partnerId(ACME).name("Acme Rentals")
        .kind(PartnerKind.RENTAL_COMPANY).build());
    OperatorConsole ops = workspace(storage).operator(MAYA);
    require(ops.setEntitlements("setup-ent", WEDDING, Set.of(Entitlement.MULTI_USER_SUPPORT)));
    CommandResult grant = require(ops.issueGrant("setup-grant", GrantDraft.builder().partnerId(ACME)
        .scope(GrantScope.builder().occasionId(WEDDING).addSurfaces(Surface.TASKS).build())
        .addCapabilities(PartnerCapability.MANAGE_TASK).validFrom(Instant.parse("2026-11-01T00:00:00Z")).build()));
    require(ops.activateGrant("setup-activate", GrantId.of(grant.recordId().orElseThrow())));
    List<TaskId> ids = new ArrayList<>();
    for (int i = 0; i < tasks; i++) {
      ids.add(TaskId.of(require(ops.tasks().create("setup-task-" + i, TaskDraft.builder().occasionId(WEDDING)
          .partnerId(ACME).title("Task " + i).build())).recordId().orElseThrow()));
    }
    return ids;
  }

  /** Row counts of the tenant: tasks' versions summed, activity, decisions, pending outbox. */
  static long[] counts(PartnerkitStorage storage) {
    long versions = 0;
    for (StoredRecord task : storage.records().list(TENANT, RecordQuery.of(Tasks.TYPE.wireName(), WEDDING)
        .limit(RecordQuery.MAX_LIMIT).build())) {
      versions += task.version();
    }
    return new long[] {versions, storage.activity().count(TENANT, ActivityQuery.builder().build()),
        storage.decisions().count(TENANT), storage.outbox().countPending(TENANT)};
  }

  private static CommandResult require(CommandResult result) {
    if (!result.applied()) {
      throw new IllegalStateException("setup command blocked: " + result.decision().render());
    }
    return result;
  }
}
