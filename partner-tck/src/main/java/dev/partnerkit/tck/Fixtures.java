package dev.partnerkit.tck;

import dev.partnerkit.domain.AccessGrant;
import dev.partnerkit.domain.ActorKind;
import dev.partnerkit.domain.Decision;
import dev.partnerkit.domain.DecisionCheck;
import dev.partnerkit.domain.Entitlement;
import dev.partnerkit.domain.EventId;
import dev.partnerkit.domain.GrantId;
import dev.partnerkit.domain.GrantScope;
import dev.partnerkit.domain.GrantStatus;
import dev.partnerkit.domain.IntegrationPrincipal;
import dev.partnerkit.domain.IntegrationPrincipalId;
import dev.partnerkit.domain.IntentKind;
import dev.partnerkit.domain.MembershipRole;
import dev.partnerkit.domain.MembershipStatus;
import dev.partnerkit.domain.NextStepOwner;
import dev.partnerkit.domain.OccasionEntitlements;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.Operation;
import dev.partnerkit.domain.Partner;
import dev.partnerkit.domain.PartnerCapability;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.PartnerKind;
import dev.partnerkit.domain.PartnerMember;
import dev.partnerkit.domain.PartnerStatus;
import dev.partnerkit.domain.Placement;
import dev.partnerkit.domain.ReasonCode;
import dev.partnerkit.domain.RecordRef;
import dev.partnerkit.domain.RecordType;
import dev.partnerkit.domain.ResourceId;
import dev.partnerkit.domain.Surface;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.UserId;
import dev.partnerkit.domain.Visibility;
import dev.partnerkit.domain.WireNamed;
import dev.partnerkit.spi.ActivityEntry;
import dev.partnerkit.spi.ActivityKind;
import dev.partnerkit.spi.DecisionRecord;
import dev.partnerkit.spi.IdempotencyRecord;
import dev.partnerkit.spi.OutboxEvent;
import dev.partnerkit.spi.RecordCodec;
import dev.partnerkit.spi.RecordLink;
import dev.partnerkit.spi.StoredRecord;
import dev.partnerkit.spi.TypedRecord;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Sample values for the contract test kit, usable by a host's own tests too. Every instant has microsecond precision
 * (what PostgreSQL keeps); every identifier is lower-case ASCII of one shape per kind, so that ordering is the same
 * under any database collation. Kernel records are made from their type's {@link RecordType#example() example body}
 * through {@link RecordCodec}, so the body of every row is one the type's strict reader accepts.
 */
public final class Fixtures {
  /** A base instant with a non-zero microsecond part. */
  public static final Instant T0 = Instant.parse("2026-11-10T15:00:00.123456Z");
  /** An occasion. */
  public static final OccasionId OCCASION = OccasionId.of("occ-wedding");
  /** Another occasion. */
  public static final OccasionId OTHER_OCCASION = OccasionId.of("occ-gala");
  /** An event of the occasion. */
  public static final EventId RECEPTION = EventId.of("ev-reception");
  /** Another event of the occasion. */
  public static final EventId CEREMONY = EventId.of("ev-ceremony");
  /** A single resource (an exact artifact version). */
  public static final ResourceId FLOORPLAN = ResourceId.of("res-floorplan-v3");
  /** A partner. */
  public static final PartnerId ACME = PartnerId.of("p-acme");
  /** Another partner. */
  public static final PartnerId VENUE = PartnerId.of("p-venue");
  /** An operator. */
  public static final UserId MAYA = UserId.of("u-maya");
  /** A partner member. */
  public static final UserId DANA = UserId.of("u-dana");
  /** Another partner member. */
  public static final UserId LEE = UserId.of("u-lee");
  /** The actor key of {@link #MAYA}. */
  public static final String MAYA_KEY = "operator:u-maya";
  /** The actor key of {@link #DANA}. */
  public static final String DANA_KEY = "partner_member:u-dana";
  /** The codec every record fixture is encoded with. */
  public static final RecordCodec CODEC = RecordCodec.create();

  private Fixtures() {}

  /** @return {@code T0} plus {@code micros} microseconds */
  public static Instant at(long micros) {
    return T0.plus(micros, ChronoUnit.MICROS);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // directory, grants, entitlements

  /** @return a partner with every optional field set */
  public static Partner partner(TenantId tenant, PartnerId id, String name) {
    return Partner.builder().tenantId(tenant).partnerId(id).name(name).kind(PartnerKind.RENTAL_COMPANY)
        .status(PartnerStatus.INACTIVE).tier("gold").region("Midwest").ownerUserId(MAYA).build();
  }

  /** @return a partner with no optional field set */
  public static Partner minimalPartner(TenantId tenant, PartnerId id, String name) {
    return Partner.builder().tenantId(tenant).partnerId(id).name(name).kind(PartnerKind.VENUE).build();
  }

  /**
   * @return an invited version-0 membership with every optional field set: a manager with every flag, invited by
   *     {@link #MAYA_KEY} at {@code at(30)} from {@link #OCCASION}, until a week and one microsecond later
   */
  public static PartnerMember invitedMember(TenantId tenant, PartnerId partner, UserId user) {
    return PartnerMember.builder().tenantId(tenant).partnerId(partner).userId(user)
        .displayName("Dana \u00c5str\u00f6m \"" + user + "\"").membershipRole(MembershipRole.MANAGER)
        .canInvite(true).canViewMetrics(true).canManageEvents(true).status(MembershipStatus.INVITED)
        .invitedBy(MAYA_KEY).invitedAt(at(30)).inviteExpiresAt(at(30 + 7 * 86_400_000_000L + 1))
        .inviteOccasionId(OCCASION).build();
  }

  /** @return an active version-0 membership with no optional field set: every default (member, no flags) */
  public static PartnerMember activeMember(TenantId tenant, PartnerId partner, UserId user) {
    return PartnerMember.builder().tenantId(tenant).partnerId(partner).userId(user).displayName("Member " + user)
        .status(MembershipStatus.ACTIVE).build();
  }

  /** @return a disabled version-0 integration principal with write access and three triggers */
  public static IntegrationPrincipal principal(TenantId tenant, PartnerId partner, String id) {
    return IntegrationPrincipal.builder().tenantId(tenant).partnerId(partner)
        .principalId(IntegrationPrincipalId.of(id)).name("Sync \u2713 " + id).enabled(false).writeEnabled(true)
        .triggers(Set.of("seating_plan.published", "printable.generated", "task.moved_to_done")).build();
  }

  /** @return a version-0 integration principal with every default: enabled, read-only, no triggers */
  public static IntegrationPrincipal minimalPrincipal(TenantId tenant, PartnerId partner, String id) {
    return IntegrationPrincipal.builder().tenantId(tenant).partnerId(partner)
        .principalId(IntegrationPrincipalId.of(id)).name("Integration " + id).build();
  }

  /** @return an active version-0 grant narrowed to two members, with events, resources and a validity window */
  public static AccessGrant grant(TenantId tenant, String id, PartnerId partner) {
    return AccessGrant.builder().grantId(GrantId.of(id)).tenantId(tenant).partnerId(partner)
        .members(Set.of(DANA, LEE))
        .scope(GrantScope.builder().occasionId(OCCASION).events(Set.of(RECEPTION, CEREMONY))
            .resources(Set.of(FLOORPLAN)).surfaces(Set.of(Surface.TASKS, Surface.COMMENTS, Surface.DOCUMENTS))
            .build())
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

  /** @return entitlements of the occasion at version 0 */
  public static OccasionEntitlements entitlements(TenantId tenant, OccasionId occasion, String... keys) {
    var b = OccasionEntitlements.builder().tenantId(tenant).occasionId(occasion);
    for (String k : keys) {
      b.addEntitlements(Entitlement.of(k));
    }
    return b.build();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // kernel records

  /** @return a placement with every optional field set: event, resource, partner and parent */
  public static Placement fullPlacement(OccasionId occasion, PartnerId partner) {
    return Placement.builder().occasionId(occasion).eventId(RECEPTION).resourceId(FLOORPLAN).partnerId(partner)
        .parent(RecordRef.of("thread", "th-1")).build();
  }

  /**
   * @return a new partner-visible record of {@code type} at version 0, in its initial status, created by
   *     {@link #MAYA} at {@code at(1)}, with the type's example body
   */
  public static TypedRecord<?, ?> typed(RecordType<?, ?> type, TenantId tenant, String id, Placement placement) {
    return typed(type, tenant, id, placement, Visibility.PARTNER_VISIBLE);
  }

  /** @return {@link #typed(RecordType, TenantId, String, Placement)} with the given visibility */
  public static TypedRecord<?, ?> typed(RecordType<?, ?> type, TenantId tenant, String id, Placement placement,
      Visibility visibility) {
    return create(type, tenant, id, placement, visibility);
  }

  private static <B, S extends Enum<S> & WireNamed> TypedRecord<B, S> create(RecordType<B, S> type,
      TenantId tenant, String id, Placement placement, Visibility visibility) {
    return TypedRecord.create(type, tenant, id, placement, visibility, type.example(), at(1), MAYA_KEY);
  }

  /** @return {@link #typed} as the row a store keeps */
  public static StoredRecord record(RecordType<?, ?> type, TenantId tenant, String id, Placement placement) {
    return CODEC.encode(typed(type, tenant, id, placement));
  }

  /** @return the next version of {@code record} in the status with wire name {@code status}, changed at {@code now} */
  public static TypedRecord<?, ?> moved(TypedRecord<?, ?> record, String status, Instant now) {
    return move(record, status, now);
  }

  private static <B, S extends Enum<S> & WireNamed> TypedRecord<B, S> move(TypedRecord<B, S> record, String status,
      Instant now) {
    return record.withStatus(record.type().lifecycle().parse("status", status), now);
  }

  /** @return the next version of {@code record} with a new body revision (the same example body again) */
  public static TypedRecord<?, ?> revised(TypedRecord<?, ?> record, Instant now) {
    return revise(record, now);
  }

  private static <B, S extends Enum<S> & WireNamed> TypedRecord<B, S> revise(TypedRecord<B, S> record,
      Instant now) {
    return record.withBody(record.type().example(), now);
  }

  /** @return the wire names of every status of the type's lifecycle, the initial one first */
  public static List<String> statuses(RecordType<?, ?> type) {
    String initial = type.lifecycle().initial().wireName();
    return Stream.concat(Stream.of(initial),
        Arrays.stream(type.lifecycle().statusType().getEnumConstants()).map(WireNamed::wireName)
            .filter(s -> !s.equals(initial))).toList();
  }

  /** @return a relation records of the type link by: its prerequisite relation, else its first, else one made up */
  public static String relation(RecordType<?, ?> type) {
    return type.prerequisiteRelation().orElse(type.relations().stream().findFirst().orElse("relates_to"));
  }

  /** @return a link made at {@code at(5)} */
  public static RecordLink link(TenantId tenant, RecordRef from, String relation, RecordRef to) {
    return RecordLink.builder().tenantId(tenant).from(from).relation(relation).to(to).createdAt(at(5)).build();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // journals

  /** @return an activity entry about record {@code partner_task:task-1} at the reception, on the floorplan */
  public static ActivityEntry entry(TenantId tenant, String id, Instant occurredAt, OccasionId occasion,
      PartnerId partner, Visibility visibility) {
    return ActivityEntry.builder().entryId(id).tenantId(tenant).occasionId(occasion).partnerId(partner)
        .eventId(RECEPTION).resourceId(FLOORPLAN).record(RecordRef.of("partner_task", "task-1"))
        .eventType("partner_task.moved").kind(ActivityKind.TASK).visibility(visibility)
        .actorLabel("Dana (member of partner " + partner + ")").summary("Moved task-1 to in progress (" + id + ")")
        .occurredAt(occurredAt).build();
  }

  /** @return an internal activity entry with no partner, event, resource or record */
  public static ActivityEntry internalEntry(TenantId tenant, String id, Instant occurredAt) {
    return ActivityEntry.builder().entryId(id).tenantId(tenant).occasionId(OCCASION).eventType("comment.added")
        .kind(ActivityKind.COMMENT).visibility(Visibility.INTERNAL_ONLY).actorLabel("Maya (operator)")
        .summary("Internal note").occurredAt(occurredAt).build();
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
        .occasionId(OCCASION).intent(IntentKind.TRANSITION).commandKey("cmd-" + id).decision(decision).build();
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

  /** @return an idempotency claim (no outcome yet) of {@code actorKey} */
  public static IdempotencyRecord claim(TenantId tenant, String actorKey, String key, String fingerprint) {
    return IdempotencyRecord.builder().tenantId(tenant).actorKey(actorKey).key(key).fingerprint(fingerprint)
        .createdAt(at(99)).build();
  }

  /** @return an outcome, as JSON, that names the key */
  public static String outcome(String key) {
    return "{\"allowed\":true,\"key\":\"" + key + "\",\"text\":\"caf\u00e9\"}";
  }
}
