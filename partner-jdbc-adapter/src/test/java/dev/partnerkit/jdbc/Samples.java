package dev.partnerkit.jdbc;

import dev.partnerkit.domain.AccessGrant;
import dev.partnerkit.domain.ActorKind;
import dev.partnerkit.domain.Decision;
import dev.partnerkit.domain.DecisionCheck;
import dev.partnerkit.domain.Entitlement;
import dev.partnerkit.domain.EventId;
import dev.partnerkit.domain.GrantId;
import dev.partnerkit.domain.GrantScope;
import dev.partnerkit.domain.GrantStatus;
import dev.partnerkit.domain.IntentKind;
import dev.partnerkit.domain.JobId;
import dev.partnerkit.domain.NextStepOwner;
import dev.partnerkit.domain.OccasionEntitlements;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.Operation;
import dev.partnerkit.domain.PartnerCapability;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.PartnerTask;
import dev.partnerkit.domain.ReasonCode;
import dev.partnerkit.domain.ResourceId;
import dev.partnerkit.domain.Surface;
import dev.partnerkit.domain.TaskId;
import dev.partnerkit.domain.TaskStatus;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.UserId;
import dev.partnerkit.spi.ActivityEntry;
import dev.partnerkit.spi.ActivityKind;
import dev.partnerkit.spi.DecisionRecord;
import dev.partnerkit.spi.IdempotencyRecord;
import dev.partnerkit.spi.OutboxEvent;
import dev.partnerkit.domain.Visibility;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Sample values; every test takes a fresh tenant so tests share a database without seeing each other. */
final class Samples {
  static final OccasionId OCCASION = OccasionId.of("occ-wedding");
  static final OccasionId OTHER_OCCASION = OccasionId.of("occ-gala");
  static final PartnerId ACME = PartnerId.of("p-acme");
  static final PartnerId VENUE = PartnerId.of("p-venue");
  static final UserId MAYA = UserId.of("u-maya");
  /** Microsecond precision: what both databases keep. */
  static final Instant T0 = Instant.parse("2026-11-10T15:00:00.123456Z");

  private Samples() {}

  static TenantId freshTenant() {
    return TenantId.of("t-" + UUID.randomUUID());
  }

  /** A grant with every collection filled, ids that sort differently in byte and locale order, and a window. */
  static AccessGrant grant(TenantId tenant, String id) {
    return AccessGrant.builder().grantId(GrantId.of(id)).tenantId(tenant).partnerId(ACME)
        .members(Set.of(UserId.of("u-dana"), UserId.of("U-Zed"), UserId.of("u-ana, the second"), UserId.of("ü-jörg")))
        .scope(GrantScope.builder().occasionId(OCCASION)
            .events(Set.of(EventId.of("ev-reception"), EventId.of("ev-ceremony")))
            .resources(Set.of(ResourceId.of("res;1"), ResourceId.of("res|2"), ResourceId.of("res 3")))
            .surfaces(Set.of(Surface.TASKS, Surface.RUN_OF_SHOW, Surface.DOCUMENTS))
            .build())
        .capabilities(Set.of(PartnerCapability.MANAGE_TASK, PartnerCapability.EDIT_RUN_OF_SHOW))
        .status(GrantStatus.ACTIVE)
        .validFrom(T0)
        .validUntil(T0.plusSeconds(86_400 * 30))
        .issuedBy(MAYA)
        .build();
  }

  /** A grant with every optional and collection empty. */
  static AccessGrant bareGrant(TenantId tenant, String id, PartnerId partner) {
    return AccessGrant.builder().grantId(GrantId.of(id)).tenantId(tenant).partnerId(partner)
        .scope(GrantScope.builder().occasionId(OCCASION).addSurfaces(Surface.COMMENTS).build())
        .status(GrantStatus.PENDING).validFrom(T0).issuedBy(MAYA).build();
  }

  static PartnerTask task(TenantId tenant, String id) {
    return PartnerTask.builder().taskId(TaskId.of(id)).tenantId(tenant).occasionId(OCCASION)
        .eventId(EventId.of("ev-reception")).jobId(JobId.of("job-7")).partnerId(ACME)
        .assignee(UserId.of("u-dana")).title("Deliver 40 chairs").description("Gold chiavari,\nby the side door")
        .status(TaskStatus.IN_PROGRESS).dependencies(Set.of(TaskId.of("t-a"), TaskId.of("t-b")))
        .dueAt(T0.plusSeconds(3600)).createdBy(MAYA).build();
  }

  static PartnerTask bareTask(TenantId tenant, String id, PartnerId partner, OccasionId occasion) {
    return PartnerTask.builder().taskId(TaskId.of(id)).tenantId(tenant).occasionId(occasion).partnerId(partner)
        .title("Task " + id).createdBy(MAYA).build();
  }

  static OccasionEntitlements entitlements(TenantId tenant, OccasionId occasion, long version, String... keys) {
    return OccasionEntitlements.builder().tenantId(tenant).occasionId(occasion)
        .entitlements(Arrays.stream(keys).map(Entitlement::of).toList()).version(version).build();
  }

  static ActivityEntry entry(TenantId tenant, String id, Instant at, Visibility visibility, PartnerId partner) {
    return ActivityEntry.builder().entryId(id).tenantId(tenant).occasionId(OCCASION).partnerId(partner)
        .taskId(TaskId.of("t-1")).kind(ActivityKind.TASK).visibility(visibility)
        .actorLabel("Dana (member of partner p-acme)").summary("Moved task t-1 to in progress").occurredAt(at)
        .build();
  }

  static DecisionRecord allowed(TenantId tenant, String id, Instant at) {
    Decision decision = Decision.builder().tenantId(tenant).allowed(true).reason(ReasonCode.ALLOWED_BY_GRANT)
        .explanation("Allowed because grant g-1 covers tasks.").nextStepOwner(NextStepOwner.PARTNER)
        .nextSafeAction("Move the task.").proofNeeded("None.").grantId(GrantId.of("g-1"))
        .capability(PartnerCapability.MANAGE_TASK)
        .checks(List.of(DecisionCheck.PRODUCT_SCOPE, DecisionCheck.ACTOR, DecisionCheck.GRANT, DecisionCheck.SCOPE,
            DecisionCheck.CAPABILITY, DecisionCheck.SURFACE_MODE, DecisionCheck.SURFACE_RULE,
            DecisionCheck.SOURCE_TRUTH))
        .surface(Surface.RUN_OF_SHOW).operation(Operation.WRITE).decidedAt(at).build();
    return DecisionRecord.builder().recordId(id).actorKind(ActorKind.PARTNER_MEMBER).actorId("u-dana")
        .occasionId(OCCASION).intent(IntentKind.MOVE_TASK).commandKey("cmd-" + id).decision(decision).build();
  }

  static DecisionRecord blocked(TenantId tenant, String id, Instant at) {
    Decision decision = Decision.builder().tenantId(tenant).allowed(false).reason(ReasonCode.GRANT_EXPIRED)
        .explanation("Blocked because the grant expired.").nextStepOwner(NextStepOwner.OPERATOR)
        .nextSafeAction("Ask the operator to renew the grant.").proofNeeded("A renewed grant.")
        .checks(List.of(DecisionCheck.PRODUCT_SCOPE, DecisionCheck.ACTOR, DecisionCheck.GRANT))
        .failedCheck(DecisionCheck.GRANT).operation(Operation.READ).decidedAt(at).build();
    return DecisionRecord.builder().recordId(id).actorKind(ActorKind.INTEGRATION).actorId("ip-acme")
        .occasionId(OCCASION).intent(IntentKind.VIEW).decision(decision).build();
  }

  static OutboxEvent event(TenantId tenant, String id, Instant at) {
    return OutboxEvent.builder().eventId(id).tenantId(tenant).type("partner_task.moved").aggregateId("t-1")
        .payload("{\"task\":\"t-1\",\"to\":\"in_progress\",\"note\":\"caf\u00e9 \u2713\"}").occurredAt(at).build();
  }

  static IdempotencyRecord idempotency(TenantId tenant, String key) {
    return IdempotencyRecord.builder().tenantId(tenant).key(key).fingerprint("sha256-abc123")
        .outcome("{\"status\":\"moved\"}").createdAt(T0).build();
  }
}
