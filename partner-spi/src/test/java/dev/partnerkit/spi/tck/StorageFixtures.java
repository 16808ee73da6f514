package dev.partnerkit.spi.tck;

import dev.partnerkit.domain.AccessGrant;
import dev.partnerkit.domain.ActorKind;
import dev.partnerkit.domain.Decision;
import dev.partnerkit.domain.DecisionCheck;
import dev.partnerkit.domain.Entitlement;
import dev.partnerkit.domain.EventId;
import dev.partnerkit.domain.GrantId;
import dev.partnerkit.domain.GrantScope;
import dev.partnerkit.domain.GrantStatus;
import dev.partnerkit.domain.IntegrationPrincipalId;
import dev.partnerkit.domain.IntentKind;
import dev.partnerkit.domain.JobId;
import dev.partnerkit.domain.NextStepOwner;
import dev.partnerkit.domain.OccasionEntitlements;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.Operation;
import dev.partnerkit.domain.Partner;
import dev.partnerkit.domain.PartnerCapability;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.PartnerKind;
import dev.partnerkit.domain.PartnerStatus;
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
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * Sample values for the contract test kit. Every instant has microsecond precision (what PostgreSQL keeps), every
 * identifier is lower-case ASCII of one shape per kind so that ordering is the same under any database collation.
 */
public final class StorageFixtures {
  /** A base instant with a non-zero microsecond part. */
  public static final Instant T0 = Instant.parse("2026-11-10T15:00:00.123456Z");
  /** An occasion. */
  public static final OccasionId OCCASION = OccasionId.of("occ-wedding");
  /** Another occasion. */
  public static final OccasionId OTHER_OCCASION = OccasionId.of("occ-gala");
  /** A partner. */
  public static final PartnerId ACME = PartnerId.of("p-acme");
  /** Another partner. */
  public static final PartnerId VENUE = PartnerId.of("p-venue");
  /** An operator. */
  public static final UserId MAYA = UserId.of("u-maya");
  /** A partner member. */
  public static final UserId DANA = UserId.of("u-dana");

  private StorageFixtures() {}

  /** @return {@code T0} plus {@code micros} microseconds */
  public static Instant at(long micros) {
    return T0.plus(micros, ChronoUnit.MICROS);
  }

  /** @return a partner with every optional field set */
  public static Partner partner(TenantId tenant, PartnerId id, String name) {
    return Partner.builder().tenantId(tenant).partnerId(id).name(name).kind(PartnerKind.RENTAL_COMPANY)
        .status(PartnerStatus.INACTIVE).tier("gold").region("Midwest").ownerUserId(MAYA).build();
  }

  /** @return a partner with no optional field set */
  public static Partner minimalPartner(TenantId tenant, PartnerId id, String name) {
    return Partner.builder().tenantId(tenant).partnerId(id).name(name).kind(PartnerKind.VENUE).build();
  }

  /** @return an active version-0 grant narrowed to two members, with events, resources and a validity window */
  public static AccessGrant grant(TenantId tenant, String id, PartnerId partner) {
    return AccessGrant.builder().grantId(GrantId.of(id)).tenantId(tenant).partnerId(partner)
        .members(Set.of(DANA, UserId.of("u-lee")))
        .scope(GrantScope.builder().occasionId(OCCASION)
            .events(Set.of(EventId.of("ev-reception"), EventId.of("ev-ceremony")))
            .resources(Set.of(ResourceId.of("res-floorplan-v3")))
            .surfaces(Set.of(Surface.TASKS, Surface.COMMENTS, Surface.DOCUMENTS)).build())
        .capabilities(Set.of(PartnerCapability.MANAGE_TASK, PartnerCapability.COMMENT))
        .status(GrantStatus.ACTIVE).validFrom(at(1)).validUntil(at(86_400_000_000L)).issuedBy(MAYA).build();
  }

  /** @return a pending, open-ended version-0 grant for one integration principal */
  public static AccessGrant machineGrant(TenantId tenant, String id, PartnerId partner) {
    return AccessGrant.builder().grantId(GrantId.of(id)).tenantId(tenant).partnerId(partner)
        .integrationPrincipal(IntegrationPrincipalId.of("ip-acme-sync"))
        .scope(GrantScope.builder().occasionId(OTHER_OCCASION).addSurfaces(Surface.ACTIVITY).build())
        .addCapabilities(PartnerCapability.VIEW_ACTIVITY).status(GrantStatus.PENDING).validFrom(at(7))
        .issuedBy(MAYA).build();
  }

  /** @return a version-0 task with every optional field set */
  public static PartnerTask task(TenantId tenant, String id, PartnerId partner, OccasionId occasion) {
    return PartnerTask.builder().taskId(TaskId.of(id)).tenantId(tenant).occasionId(occasion)
        .eventId(EventId.of("ev-reception")).jobId(JobId.of("job-42")).partnerId(partner).assignee(DANA)
        .title("Deliver 40 chairs").description("Before 9am, loading dock B").status(TaskStatus.IN_PROGRESS)
        .dependencies(Set.of(TaskId.of("dep-1"), TaskId.of("dep-2"))).dueAt(at(3_600_000_000L)).createdBy(MAYA)
        .build();
  }

  /** @return a version-0 task with no optional field set */
  public static PartnerTask minimalTask(TenantId tenant, String id, PartnerId partner, OccasionId occasion) {
    return PartnerTask.builder().taskId(TaskId.of(id)).tenantId(tenant).occasionId(occasion).partnerId(partner)
        .title("Confirm headcount").createdBy(MAYA).build();
  }

  /** @return entitlements of the occasion at version 0 */
  public static OccasionEntitlements entitlements(TenantId tenant, OccasionId occasion, String... keys) {
    var b = OccasionEntitlements.builder().tenantId(tenant).occasionId(occasion);
    for (String k : keys) {
      b.addEntitlements(Entitlement.of(k));
    }
    return b.build();
  }

  /** @return an activity entry */
  public static ActivityEntry entry(TenantId tenant, String id, Instant occurredAt, OccasionId occasion,
      PartnerId partner, Visibility visibility) {
    return ActivityEntry.builder().entryId(id).tenantId(tenant).occasionId(occasion).partnerId(partner)
        .taskId(TaskId.of("task-1")).kind(ActivityKind.TASK).visibility(visibility)
        .actorLabel("Dana (member of partner " + partner + ")").summary("Moved task-1 to in progress (" + id + ")")
        .occurredAt(occurredAt).build();
  }

  /** @return an internal activity entry with no partner and no task */
  public static ActivityEntry internalEntry(TenantId tenant, String id, Instant occurredAt) {
    return ActivityEntry.builder().entryId(id).tenantId(tenant).occasionId(OCCASION).kind(ActivityKind.COMMENT)
        .visibility(Visibility.INTERNAL_ONLY).actorLabel("Maya (operator)").summary("Internal note")
        .occurredAt(occurredAt).build();
  }

  /** @return an allowed decision record */
  public static DecisionRecord allowed(TenantId tenant, String id, Instant decidedAt) {
    Decision decision = Decision.builder().allowed(true).reason(ReasonCode.ALLOWED_BY_GRANT)
        .explanation("Allowed because grant g-1 gives manage_task").nextStepOwner(NextStepOwner.PARTNER)
        .nextSafeAction("Move the task").proofNeeded("None").grantId(GrantId.of("g-1"))
        .capability(PartnerCapability.MANAGE_TASK)
        .addChecks(DecisionCheck.PRODUCT_SCOPE, DecisionCheck.ACTOR, DecisionCheck.GRANT, DecisionCheck.SCOPE,
            DecisionCheck.CAPABILITY, DecisionCheck.SURFACE_MODE, DecisionCheck.SURFACE_RULE,
            DecisionCheck.SOURCE_TRUTH)
        .tenantId(tenant).surface(Surface.TASKS).operation(Operation.WRITE).decidedAt(decidedAt).build();
    return DecisionRecord.builder().recordId(id).actorKind(ActorKind.PARTNER_MEMBER).actorId("u-dana")
        .occasionId(OCCASION).intent(IntentKind.MOVE_TASK).commandKey("cmd-" + id).decision(decision).build();
  }

  /** @return a blocked decision record without a command key or surface */
  public static DecisionRecord blocked(TenantId tenant, String id, Instant decidedAt) {
    Decision decision = Decision.builder().allowed(false).reason(ReasonCode.NO_GRANT)
        .explanation("Blocked because no grant covers p-acme").nextStepOwner(NextStepOwner.OPERATOR)
        .nextSafeAction("Ask the operator for a grant").proofNeeded("An active grant")
        .addChecks(DecisionCheck.PRODUCT_SCOPE, DecisionCheck.ACTOR, DecisionCheck.GRANT)
        .failedCheck(DecisionCheck.GRANT).tenantId(tenant).operation(Operation.READ).decidedAt(decidedAt).build();
    return DecisionRecord.builder().recordId(id).actorKind(ActorKind.INTEGRATION).actorId("ip-acme-sync")
        .occasionId(OTHER_OCCASION).intent(IntentKind.VIEW).decision(decision).build();
  }

  /** @return a pending outbox event */
  public static OutboxEvent event(TenantId tenant, String id, Instant occurredAt) {
    return OutboxEvent.builder().eventId(id).tenantId(tenant).type("partner_task.moved").aggregateId("task-1")
        .payload("{\"taskId\":\"task-1\",\"event\":\"" + id + "\",\"text\":\"caf\u00e9 \u2713\"}")
        .occurredAt(occurredAt).build();
  }

  /** @return an idempotency record */
  public static IdempotencyRecord idempotency(TenantId tenant, String key, String fingerprint) {
    return IdempotencyRecord.builder().tenantId(tenant).key(key).fingerprint(fingerprint)
        .outcome("{\"allowed\":true,\"key\":\"" + key + "\"}").createdAt(at(99)).build();
  }
}
