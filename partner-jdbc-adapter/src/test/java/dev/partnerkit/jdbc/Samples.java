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
import dev.partnerkit.domain.NextStepOwner;
import dev.partnerkit.domain.OccasionEntitlements;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.Operation;
import dev.partnerkit.domain.PartnerCapability;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.Placement;
import dev.partnerkit.domain.RecordRef;
import dev.partnerkit.domain.ReasonCode;
import dev.partnerkit.domain.ResourceId;
import dev.partnerkit.domain.Surface;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.UserId;
import dev.partnerkit.spi.ActivityEntry;
import dev.partnerkit.spi.ActivityKind;
import dev.partnerkit.spi.DecisionRecord;
import dev.partnerkit.spi.IdempotencyRecord;
import dev.partnerkit.spi.OutboxEvent;
import dev.partnerkit.spi.StoredRecord;
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

  /** The record type of the samples' tasks. */
  static final String TASK = "partner_task";
  /** The actor key of {@link #MAYA}. */
  static final String MAYA_KEY = "operator:u-maya";

  /** A task record with every placement field set (but a parent) and a body with every field. */
  static StoredRecord task(TenantId tenant, String id) {
    return StoredRecord.builder().tenantId(tenant).ref(RecordRef.of(TASK, id))
        .placement(Placement.builder().occasionId(OCCASION).eventId(EventId.of("ev-reception"))
            .resourceId(ResourceId.of("job-7")).partnerId(ACME).build())
        .visibility(Visibility.PARTNER_VISIBLE).status("in_progress")
        .body("{\"title\":\"Deliver 40 chairs\",\"description\":\"Gold chiavari,\\nby the side door \u00fc\u2713\","
            + "\"jobId\":\"job-7\",\"assignee\":\"u-dana\",\"dueAt\":\"2026-11-10T16:00:00.123456Z\"}")
        .createdAt(T0).updatedAt(T0).createdBy(MAYA_KEY).build();
  }

  /** A record of {@code type} with only the occasion and the partner placed, in status to_do. */
  static StoredRecord bareRecord(TenantId tenant, String type, String id, PartnerId partner, OccasionId occasion) {
    return StoredRecord.builder().tenantId(tenant).ref(RecordRef.of(type, id))
        .placement(Placement.builder().occasionId(occasion).partnerId(partner).build())
        .visibility(Visibility.PARTNER_VISIBLE).status("to_do").body("{\"title\":\"Task " + id + "\"}")
        .createdAt(T0).updatedAt(T0).createdBy(MAYA_KEY).build();
  }

  static OccasionEntitlements entitlements(TenantId tenant, OccasionId occasion, long version, String... keys) {
    return OccasionEntitlements.builder().tenantId(tenant).occasionId(occasion)
        .entitlements(Arrays.stream(keys).map(Entitlement::of).toList()).version(version).build();
  }

  static ActivityEntry entry(TenantId tenant, String id, Instant at, Visibility visibility, PartnerId partner) {
    return ActivityEntry.builder().entryId(id).tenantId(tenant).occasionId(OCCASION).partnerId(partner)
        .eventId(EventId.of("ev-reception")).resourceId(ResourceId.of("job-7")).record(RecordRef.of(TASK, "t-1"))
        .eventType("partner_task.moved").kind(ActivityKind.TASK).visibility(visibility)
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
        .occasionId(OCCASION).intent(IntentKind.TRANSITION).commandKey("cmd-" + id).decision(decision).build();
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

  /** A claim (no outcome yet) of {@code key} by Dana. */
  static IdempotencyRecord claim(TenantId tenant, String key) {
    return IdempotencyRecord.builder().tenantId(tenant).actorKey("partner_member:u-dana").key(key)
        .fingerprint("sha256-abc123").createdAt(T0).build();
  }
}
