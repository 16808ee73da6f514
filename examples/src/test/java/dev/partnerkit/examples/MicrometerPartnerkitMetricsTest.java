package dev.partnerkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnerkit.domain.Entitlement;
import dev.partnerkit.domain.GrantId;
import dev.partnerkit.domain.OperatorRole;
import dev.partnerkit.domain.OperatorUser;
import dev.partnerkit.domain.Partner;
import dev.partnerkit.domain.PartnerKind;
import dev.partnerkit.domain.Tenant;
import dev.partnerkit.domain.UserId;
import dev.partnerkit.policy.workspace.CommandResult;
import dev.partnerkit.policy.workspace.PartnerWorkspace;
import dev.partnerkit.spi.memory.InMemoryStorage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Micrometer bridge turns the workspace's metrics listener into counters, timers and a backlog gauge. */
class MicrometerPartnerkitMetricsTest {
  @Test
  void decisionsCommandsAndTheOutboxBacklogBecomeMeters() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    InMemoryStorage storage = InMemoryStorage.create();
    PartnerWorkspace workspace = PartnerWorkspace.builder().storage(storage)
        .clock(Clock.fixed(Instant.parse("2026-11-05T15:00:00Z"), ZoneOffset.UTC))
        .metrics(new MicrometerPartnerkitMetrics(registry))
        .build();
    storage.directory().saveTenant(Tenant.of(SpringTransactionDemo.TENANT, "Toni Catering",
        ZoneId.of("America/Chicago")));
    storage.directory().savePartner(Partner.builder().tenantId(SpringTransactionDemo.TENANT)
        .partnerId(SpringTransactionDemo.ACME).name("Acme Rentals").kind(PartnerKind.RENTAL_COMPANY).build());
    workspace.operator(SpringTransactionDemo.maya()).setEntitlements("cmd-0", SpringTransactionDemo.WEDDING,
        Set.of(Entitlement.MULTI_USER_SUPPORT));

    CommandResult issued = workspace.operator(SpringTransactionDemo.maya())
        .issueGrant("cmd-1", SpringTransactionDemo.grantDraft());
    assertTrue(workspace.operator(SpringTransactionDemo.maya())
        .issueGrant("cmd-1", SpringTransactionDemo.grantDraft()).replayed());
    assertTrue(workspace.operator(SpringTransactionDemo.maya())
        .activateGrant("cmd-2", GrantId.of(issued.recordId().orElseThrow())).applied());
    OperatorUser billing = OperatorUser.builder().userId(UserId.of("u-bo")).tenantId(SpringTransactionDemo.TENANT)
        .displayName("Bo").addRoles(OperatorRole.BILLING_ADMIN).build();
    CommandResult refused = workspace.operator(billing).issueGrant("cmd-3", SpringTransactionDemo.grantDraft());
    assertFalse(refused.decision().allowed());

    assertEquals(3, registry.get("partnerkit.decisions").tag("reason", "allowed_for_operator").tag("allowed", "true")
        .counter().count());
    assertEquals(1, registry.get("partnerkit.decisions").tag("reason", refused.decision().reason().wireName())
        .tag("allowed", "false").counter().count());
    assertEquals(1, registry.get("partnerkit.commands").tag("command", "issue_grant").tag("outcome", "allowed")
        .timer().count());
    assertEquals(1, registry.get("partnerkit.commands").tag("command", "issue_grant").tag("outcome", "replayed")
        .timer().count());
    assertEquals(1, registry.get("partnerkit.commands").tag("command", "issue_grant").tag("outcome", "blocked")
        .timer().count());

    workspace.retention().purge(SpringTransactionDemo.TENANT);
    assertEquals(storage.outbox().countPending(SpringTransactionDemo.TENANT), (long) registry
        .get("partnerkit.outbox.backlog").tag("tenant", SpringTransactionDemo.TENANT.value()).gauge().value());
    assertEquals(3, storage.outbox().countPending(SpringTransactionDemo.TENANT));
  }
}
