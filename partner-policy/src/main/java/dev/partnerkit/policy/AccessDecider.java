package dev.partnerkit.policy;

import dev.partnerkit.domain.AccessGrant;
import dev.partnerkit.domain.AccessRequest;
import dev.partnerkit.domain.Actor;
import dev.partnerkit.domain.ActorKind;
import dev.partnerkit.domain.DataClass;
import dev.partnerkit.domain.Decision;
import dev.partnerkit.domain.DecisionCheck;
import dev.partnerkit.domain.EventId;
import dev.partnerkit.domain.GrantScope;
import dev.partnerkit.domain.IntegrationPrincipal;
import dev.partnerkit.domain.IntegrationPrincipalId;
import dev.partnerkit.domain.IntentKind;
import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.domain.MembershipStatus;
import dev.partnerkit.domain.Operation;
import dev.partnerkit.domain.OperatorRole;
import dev.partnerkit.domain.OperatorUser;
import dev.partnerkit.domain.Partner;
import dev.partnerkit.domain.PartnerCapability;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.PartnerMember;
import dev.partnerkit.domain.PartnerStatus;
import dev.partnerkit.domain.ReasonCode;
import dev.partnerkit.domain.RecordAction;
import dev.partnerkit.domain.RecordRule;
import dev.partnerkit.domain.RecordType;
import dev.partnerkit.domain.ResourceId;
import dev.partnerkit.domain.Surface;
import dev.partnerkit.domain.internal.Checks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The decision core. Runs the checks of the pipeline in their fixed order (product scope, actor, grant, scope,
 * capability, surface mode, surface rule, source truth), denies by default, lets the first failing check decide and
 * records every check that ran. Pure: no I/O, no clock (the time is an argument), no mutable state; one instance can
 * serve every thread.
 *
 * <pre>{@code
 * AccessDecider decider = AccessDecider.create();
 * Decision d = decider.decide(request, facts, clock.instant());
 * if (!d.allowed()) show(d.explanation(), d.nextStepOwner(), d.nextSafeAction(), d.proofNeeded());
 * }</pre>
 *
 * <p>Partners with several grants: every grant of the acting partner in the tenant is checked (grant, scope,
 * capability). If one passes, the lowest such grant id is the one behind the allow; if none does, the decision
 * explains the grant that got furthest. So adding a grant never turns an allow into a block, revoking one never turns
 * a block into an allow, and the order or repetition of grants changes nothing.
 *
 * <p>Check 7 for a request about a kernel record runs the kernel's rules (the record is with the acting partner; the
 * move is in the type's lifecycle for this kind of actor; prerequisites are closed; partners write no internal-only
 * record; everyone the request names through the type's audience relation can see the record) and then the record
 * type's own {@link RecordRule rules}, in order (exact artifact versions, immutable records and the like are such rules,
 * contributed by the surface packages). A partner's create that makes links with the record needs linker
 * rights as well as creator rights (check 2). A view of one entry that is no kernel
 * record (an activity entry: a record action without a record type in the facts) is decided with exact scope, and
 * only the rule that it is the acting partner's own; any other request about a record needs its record type.
 */
public final class AccessDecider {
  private static final Map<DecisionCheck, List<DecisionCheck>> PARTNER_PIPELINE =
      prefixes(DecisionCheck.values());
  private static final Map<DecisionCheck, List<DecisionCheck>> OPERATOR_PIPELINE = prefixes(new DecisionCheck[] {
      DecisionCheck.PRODUCT_SCOPE, DecisionCheck.ACTOR, DecisionCheck.SURFACE_RULE});
  /** A member acting on its own partner's memberships: no grant reaches into occasion data, so no grant is asked. */
  private static final Map<DecisionCheck, List<DecisionCheck>> ORGANISATION_PIPELINE = prefixes(new DecisionCheck[] {
      DecisionCheck.PRODUCT_SCOPE, DecisionCheck.ACTOR, DecisionCheck.SURFACE_RULE, DecisionCheck.SOURCE_TRUTH});
  /** Partner-side writes on these surfaces edit event-level plans: they need the flag can_manage_events. */
  private static final Set<Surface> EVENT_EDITING_SURFACES = EnumSet.of(Surface.RUN_OF_SHOW, Surface.VENUE_PLANS);
  /** Operator intents that product scope never gates: setting entitlements, and the safety actions. */
  private static final Set<IntentKind> UNGATED_OPERATOR_INTENTS = EnumSet.of(IntentKind.MANAGE_ENTITLEMENTS,
      IntentKind.REVOKE_ACCESS);
  /** Intents a partner member or integration may ask for at all (an allow list: anything else is operator-only). */
  private static final Set<IntentKind> PARTNER_INTENTS = EnumSet.of(IntentKind.VIEW, IntentKind.CONTRIBUTE,
      IntentKind.CREATE, IntentKind.TRANSITION, IntentKind.REVISE, IntentKind.LINK, IntentKind.UNLINK);
  private static final List<OperatorRole> ANY_ROLE = List.of(OperatorRole.values());
  private static final List<OperatorRole> GRANT_ROLES = List.of(OperatorRole.OWNER_OPS_LEAD, OperatorRole.ADMIN);
  private static final List<OperatorRole> ENTITLEMENT_ROLES =
      List.of(OperatorRole.OWNER_OPS_LEAD, OperatorRole.ADMIN, OperatorRole.BILLING_ADMIN);
  private static final List<OperatorRole> WORK_ROLES =
      List.of(OperatorRole.OWNER_OPS_LEAD, OperatorRole.ADMIN, OperatorRole.COORDINATOR);

  private AccessDecider() {}

  /** @return a decider; it holds no state, so one instance can be shared */
  public static AccessDecider create() {
    return new AccessDecider();
  }

  /**
   * Decides one request.
   *
   * @param request what is asked
   * @param facts the tenant, the occasion's product scope, the partner record, the grants and the record type
   * @param now the time to decide at
   * @return the decision, allowed or blocked, explained
   * @throws InvalidValueException when the facts belong to another tenant, occasion or record type than the request
   */
  public Decision decide(AccessRequest request, DecisionFacts facts, Instant now) {
    Checks.required("request", request);
    Checks.required("facts", facts);
    Checks.required("now", now);
    if (!facts.tenant().tenantId().equals(request.tenantId())) {
      throw new InvalidValueException("facts.tenant", "facts.tenant must be the request's tenant "
          + Checks.show(request.tenantId()) + ", but was " + Checks.show(facts.tenant().tenantId()));
    }
    if (!facts.productScope().occasionId().equals(request.occasionId())) {
      throw new InvalidValueException("facts.productScope", "facts.productScope must be for the request's occasion "
          + Checks.show(request.occasionId()) + ", but was for " + Checks.show(facts.productScope().occasionId()));
    }
    RecordType<?, ?> type = recordTypeOf(request, facts);
    Actor actor = request.actor();
    if (actor instanceof OperatorUser operator) {
      return decideForOperator(request, operator, type, facts, now);
    }
    return decideForPartnerSide(request, facts, actor, type, now);
  }

  private static @Nullable RecordType<?, ?> recordTypeOf(AccessRequest request, DecisionFacts facts) {
    RecordAction action = request.record().orElse(null);
    if (action == null) {
      return null;
    }
    if (request.intent() == IntentKind.VIEW && facts.recordType().isEmpty()) {
      return null; // a view of one entry that is no kernel record (an activity entry): exact scope, no type rules
    }
    RecordType<?, ?> type = facts.recordType().orElseThrow(() -> new InvalidValueException("facts.recordType",
        "facts.recordType is required for a request about a " + action.type() + " record, but was empty"));
    if (!type.wireName().equals(action.type()) || request.surface().orElse(null) != type.surface()) {
      throw new InvalidValueException("facts.recordType", "facts.recordType must be " + action.type() + " on "
          + request.surface().map(Surface::wireName).orElse("no surface") + ", but was " + type);
    }
    return type;
  }

  private static Decision decideForOperator(AccessRequest request, OperatorUser operator,
      @Nullable RecordType<?, ?> type, DecisionFacts facts, Instant now) {
    boolean mutation = request.operation() == Operation.WRITE && !UNGATED_OPERATOR_INTENTS.contains(request.intent());
    if (mutation && !facts.productScope().vendorAccessEnabled()) {
      return Explanations.blocked(request, facts, now,
          ReasonCode.PRODUCT_SCOPE_UNAVAILABLE, OPERATOR_PIPELINE.get(DecisionCheck.PRODUCT_SCOPE),
          null);
    }
    if (!operator.tenantId().equals(request.tenantId())) {
      return Explanations.blocked(request, facts, now,
          ReasonCode.ACTOR_NOT_RESOLVED, OPERATOR_PIPELINE.get(DecisionCheck.ACTOR), null);
    }
    if (!hasAnyRole(operator, rolesFor(request.intent()))) {
      return Explanations.blocked(request, facts, now,
          ReasonCode.OPERATOR_ROLE_MISSING, OPERATOR_PIPELINE.get(DecisionCheck.ACTOR), null);
    }
    ReasonCode rule = type == null ? null : recordRule(request, type, ActorKind.OPERATOR, null);
    if (rule != null) {
      return Explanations.blocked(request, facts, now, rule, OPERATOR_PIPELINE.get(DecisionCheck.SURFACE_RULE), null);
    }
    return Explanations.allowedForOperator(request, facts, now, OPERATOR_PIPELINE.get(DecisionCheck.SURFACE_RULE));
  }

  private static Decision decideForPartnerSide(AccessRequest request, DecisionFacts facts, Actor actor,
      @Nullable RecordType<?, ?> type, Instant now) {
    if (!facts.productScope().vendorAccessEnabled()) {
      return Explanations.blocked(request, facts, now,
          ReasonCode.PRODUCT_SCOPE_UNAVAILABLE, PARTNER_PIPELINE.get(DecisionCheck.PRODUCT_SCOPE),
          null);
    }
    PartnerId partnerId = actor.actingPartner().orElseThrow();
    IntentKind intent = request.intent();
    if (intent.onOrganisation()) {
      return decideOnOrganisation(request, facts, actor, partnerId, now);
    }
    if (!resolves(actor, partnerId, request, facts)) {
      return Explanations.blocked(request, facts, now,
          ReasonCode.ACTOR_NOT_RESOLVED, PARTNER_PIPELINE.get(DecisionCheck.ACTOR), null);
    }
    if (!PARTNER_INTENTS.contains(intent) || (type != null && !type.actorsFor(intent).contains(actor.kind()))
        || (type != null && intent == IntentKind.CREATE && !request.record().orElseThrow().linkRelations().isEmpty()
        && !type.linkers().contains(actor.kind()))) {
      return Explanations.blocked(request, facts, now,
          ReasonCode.OPERATOR_ONLY_ACTION, PARTNER_PIPELINE.get(DecisionCheck.ACTOR), null);
    }
    if (actor instanceof IntegrationPrincipal && request.dataClass().map(DataClass::forbiddenForIntegrations)
        .orElse(false)) {
      return Explanations.blocked(request, facts, now,
          ReasonCode.DATA_CLASS_FORBIDDEN, PARTNER_PIPELINE.get(DecisionCheck.ACTOR), null);
    }
    Surface surface = request.surface().orElse(null); // null: opening the occasion itself

    // checks 3 to 5, per grant of this partner in this tenant: the lowest grant id that passes allows
    GrantIndex.PartnerGrants grants = facts.grants().partner(request.tenantId(), partnerId);
    EventId event = request.eventId().orElse(null);
    ResourceId resource = request.resourceId().orElse(null);
    boolean exact = request.exactScope();
    AccessGrant allowing = firstPassing(grants, request, actor, event, resource, exact, surface, now);
    if (allowing == null) {
      AccessGrant furthest = furthest(grants, request, actor, event, resource, exact, surface, now);
      ReasonCode code = furthest == null ? ReasonCode.NO_GRANT
          : failing(furthest, request, actor, event, resource, exact, surface, now);
      return Explanations.blocked(request, facts, now, code, PARTNER_PIPELINE.get(code.check()), furthest);
    }

    // check 6: surface mode
    if (request.operation() == Operation.WRITE && surface != null) {
      if (surface.portalReadOnly()) {
        return Explanations.blocked(request, facts, now,
            ReasonCode.READ_ONLY_SURFACE, PARTNER_PIPELINE.get(DecisionCheck.SURFACE_MODE), allowing);
      }
      if (actor instanceof IntegrationPrincipal principal && !principal.writeEnabled()) {
        return Explanations.blocked(request, facts, now,
            ReasonCode.INTEGRATION_READ_ONLY, PARTNER_PIPELINE.get(DecisionCheck.SURFACE_MODE),
            allowing);
      }
    }

    // check 7: the surface's own rule
    ReasonCode rule = surface == null ? null : partnerSurfaceRule(request, actor, surface, type, partnerId);
    if (rule != null) {
      return Explanations.blocked(request, facts, now,
          rule, PARTNER_PIPELINE.get(DecisionCheck.SURFACE_RULE), allowing);
    }

    // check 8: source truth is never promoted by a partner or an integration
    if (!request.effects().isEmpty()) {
      return Explanations.blocked(request, facts, now,
          ReasonCode.SOURCE_TRUTH_PROTECTED, PARTNER_PIPELINE.get(DecisionCheck.SOURCE_TRUTH),
          allowing);
    }
    return Explanations.allowedByGrant(request, facts, now,
        allowing, surface == null ? null : surface.requiredCapabilityOrNull(),
        PARTNER_PIPELINE.get(DecisionCheck.SOURCE_TRUTH));
  }

  /**
   * @return the grant with the lowest id that passes checks 3 to 5, or null. Only a grant that covers the request's
   *     occasion and event can pass, so only those candidates are looked at, in grant id order.
   */
  private static @Nullable AccessGrant firstPassing(GrantIndex.PartnerGrants grants, AccessRequest request,
      Actor actor, @Nullable EventId event, @Nullable ResourceId resource, boolean exact, @Nullable Surface surface,
      Instant now) {
    AccessGrant[] candidates = grants.candidates(request.occasionId(), event, exact);
    for (AccessGrant grant : candidates) {
      if (evaluateGrant(grant, request, actor, event, resource, exact, surface, now) == null) {
        return grant;
      }
    }
    return null;
  }

  /**
   * When no grant passes: the grant that got furthest (the highest reason code; among equals the lowest grant id),
   * or null when the partner has none. Only a candidate for the request's occasion and event can fail later than
   * {@code out_of_scope}; when none does, no grant gets further than that, so the grants are looked at in grant id
   * order only until the first that gets that far.
   */
  private static @Nullable AccessGrant furthest(GrantIndex.PartnerGrants grants, AccessRequest request,
      Actor actor, @Nullable EventId event, @Nullable ResourceId resource, boolean exact, @Nullable Surface surface,
      Instant now) {
    int outOfScope = ReasonCode.OUT_OF_SCOPE.ordinal();
    AccessGrant best = null;
    int bestCode = outOfScope;
    for (AccessGrant grant : grants.candidates(request.occasionId(), event, exact)) {
      int code = failing(grant, request, actor, event, resource, exact, surface, now).ordinal();
      if (code > bestCode) {
        best = grant;
        bestCode = code;
      }
    }
    if (best != null) {
      return best;
    }
    bestCode = -1;
    for (AccessGrant grant : grants.all) {
      int code = failing(grant, request, actor, event, resource, exact, surface, now).ordinal();
      if (code > bestCode) {
        best = grant;
        bestCode = code;
        if (code == outOfScope) {
          break; // no grant gets further, and the later ones have higher ids
        }
      }
    }
    return best;
  }

  /** The code of a grant known not to pass checks 3 to 5. */
  private static ReasonCode failing(AccessGrant grant, AccessRequest request,
      Actor actor, @Nullable EventId event, @Nullable ResourceId resource, boolean exact, @Nullable Surface surface,
      Instant now) {
    return Objects.requireNonNull(evaluateGrant(grant, request, actor, event, resource, exact, surface, now),
        "a grant that passes was taken for failing");
  }

  /**
   * A member inviting into its own partner, or accepting its own invitation: product scope, actor, then the
   * membership rule (can_invite; an open, unexpired invitation). Integrations never manage memberships.
   */
  private static Decision decideOnOrganisation(AccessRequest request, DecisionFacts facts, Actor actor,
      PartnerId partnerId, Instant now) {
    if (!facts.productScope().vendorAccessEnabled()) {
      return Explanations.blocked(request, facts, now, ReasonCode.PRODUCT_SCOPE_UNAVAILABLE,
          ORGANISATION_PIPELINE.get(DecisionCheck.PRODUCT_SCOPE), null);
    }
    if (!(actor instanceof PartnerMember member)) {
      return Explanations.blocked(request, facts, now, ReasonCode.OPERATOR_ONLY_ACTION,
          ORGANISATION_PIPELINE.get(DecisionCheck.ACTOR), null);
    }
    boolean accepting = request.intent() == IntentKind.ACCEPT_INVITATION;
    if (!partnerResolves(partnerId, request, facts) || !member.tenantId().equals(request.tenantId())
        || (!accepting && member.status() != MembershipStatus.ACTIVE)) {
      return Explanations.blocked(request, facts, now, ReasonCode.ACTOR_NOT_RESOLVED,
          ORGANISATION_PIPELINE.get(DecisionCheck.ACTOR), null);
    }
    ReasonCode rule;
    if (accepting) {
      rule = member.status() != MembershipStatus.INVITED ? ReasonCode.INVITATION_NOT_OPEN
          : member.inviteExpiresAt().map(until -> !now.isBefore(until)).orElse(false)
              ? ReasonCode.INVITATION_EXPIRED : null;
    } else {
      rule = member.canInvite() ? null : ReasonCode.MEMBER_FLAG_MISSING;
    }
    if (rule != null) {
      return Explanations.blocked(request, facts, now, rule, ORGANISATION_PIPELINE.get(DecisionCheck.SURFACE_RULE),
          null);
    }
    if (!request.effects().isEmpty()) {
      return Explanations.blocked(request, facts, now, ReasonCode.SOURCE_TRUTH_PROTECTED,
          ORGANISATION_PIPELINE.get(DecisionCheck.SOURCE_TRUTH), null);
    }
    return Explanations.allowedForMember(request, facts, now, ORGANISATION_PIPELINE.get(DecisionCheck.SOURCE_TRUTH));
  }

  private static boolean partnerResolves(PartnerId partnerId, AccessRequest request, DecisionFacts facts) {
    Partner partner = facts.partner().orElse(null);
    return partner != null && partner.partnerId().equals(partnerId) && partner.tenantId().equals(request.tenantId())
        && partner.status() == PartnerStatus.ACTIVE;
  }

  /**
   * The actor resolves when its partner is an active partner of the request's tenant and it is an active membership
   * or an enabled principal of that same tenant: a partner id means nothing outside its tenant.
   */
  private static boolean resolves(Actor actor, PartnerId partnerId, AccessRequest request, DecisionFacts facts) {
    if (!partnerResolves(partnerId, request, facts)) {
      return false;
    }
    if (actor instanceof PartnerMember member) {
      return member.tenantId().equals(request.tenantId()) && member.status() == MembershipStatus.ACTIVE;
    }
    return actor instanceof IntegrationPrincipal principal && principal.tenantId().equals(request.tenantId())
        && principal.enabled();
  }

  /** Checks 3 (grant), 4 (scope) and 5 (capability) for one grant; null when the grant passes all three. */
  private static @Nullable ReasonCode evaluateGrant(AccessGrant grant, AccessRequest request,
      Actor actor, @Nullable EventId event, @Nullable ResourceId resource, boolean exact, @Nullable Surface surface,
      Instant now) {
    // same tenant: the index gives only the grants of the request's tenant
    ReasonCode byStatus = switch (grant.status()) {
      case PENDING -> ReasonCode.GRANT_PENDING;
      case SUSPENDED -> ReasonCode.GRANT_SUSPENDED;
      case REVOKED -> ReasonCode.GRANT_REVOKED;
      case EXPIRED -> ReasonCode.GRANT_EXPIRED;
      case ACTIVE -> null;
    };
    if (byStatus != null) {
      return byStatus;
    }
    if (now.isBefore(grant.validFrom())) {
      return ReasonCode.GRANT_NOT_YET_VALID;
    }
    Instant until = grant.validUntil().orElse(null);
    if (until != null && !now.isBefore(until)) {
      return ReasonCode.GRANT_EXPIRED;
    }
    if (!coversActor(grant, actor)) {
      return ReasonCode.GRANT_NOT_FOR_ACTOR;
    }
    GrantScope scope = grant.scope();
    if (!scope.occasionId().equals(request.occasionId())) {
      return ReasonCode.OUT_OF_SCOPE;
    }
    // A listing (a read about no record) only needs the grant to reach the surface; the caller keeps exactly the
    // records a per-record view allows. A write, or a read about one record, must sit inside the narrowed scope:
    // a record with no event is outside every event-narrowed grant.
    if (!scope.events().isEmpty() && (event != null ? !scope.events().contains(event) : exact)) {
      return ReasonCode.OUT_OF_SCOPE;
    }
    if (!scope.resources().isEmpty() && (resource != null ? !scope.resources().contains(resource) : exact)) {
      return ReasonCode.OUT_OF_SCOPE;
    }
    DataClass dataClass = request.dataClass().orElse(null);
    if (dataClass != null && !coversDataClass(scope, dataClass, actor)) {
      return ReasonCode.OUT_OF_SCOPE;
    }
    if (surface == null) {
      return null; // opening the occasion: any surface of an active, covering grant will do
    }
    if (!scope.surfaces().contains(surface)) {
      return ReasonCode.SURFACE_NOT_GRANTED;
    }
    PartnerCapability needed = surface.requiredCapabilityOrNull();
    if (needed != null && !grant.capabilities().contains(needed)) {
      return ReasonCode.CAPABILITY_MISSING;
    }
    return null;
  }

  /**
   * Whether the scope covers a class of data: a grant that names classes covers exactly those; one that names none
   * covers every class for people and none for machines (least privilege).
   */
  static boolean coversDataClass(GrantScope scope, DataClass dataClass, Actor actor) {
    Set<DataClass> named = scope.dataClasses();
    return named.isEmpty() ? !(actor instanceof IntegrationPrincipal) : named.contains(dataClass);
  }

  /** Whether the grant covers the actor: a machine only through a grant naming it; people through any other. */
  static boolean coversActor(AccessGrant grant, Actor actor) {
    IntegrationPrincipalId machine = grant.integrationPrincipal().orElse(null);
    if (actor instanceof IntegrationPrincipal principal) {
      return principal.principalId().equals(machine);
    }
    return machine == null && actor instanceof PartnerMember member
        && (grant.members().isEmpty() || grant.members().contains(member.userId()));
  }

  private static @Nullable ReasonCode partnerSurfaceRule(AccessRequest request, Actor actor, Surface surface,
      @Nullable RecordType<?, ?> type, PartnerId partnerId) {
    if (actor instanceof PartnerMember member) {
      if (surface == Surface.SCORECARD && !member.canViewMetrics()) {
        return ReasonCode.MEMBER_FLAG_MISSING;
      }
      if (EVENT_EDITING_SURFACES.contains(surface) && request.operation() == Operation.WRITE
          && !member.canManageEvents()) {
        return ReasonCode.MEMBER_FLAG_MISSING;
      }
    }
    if (type != null) {
      return recordRule(request, type, actor.kind(), partnerId);
    }
    RecordAction entry = request.record().orElse(null);
    if (entry != null && !entry.partnerId().map(partnerId::equals).orElse(false)) {
      return ReasonCode.RECORD_NOT_FOR_PARTNER; // an entry of no record type is still only the partner's own
    }
    if (request.operation() == Operation.WRITE && request.internalOnly()) {
      return ReasonCode.PARTNER_RECORD_CANNOT_BE_INTERNAL;
    }
    return null;
  }

  /** The kernel's rules for a record request, then the type's own; null when none blocks. */
  private static @Nullable ReasonCode recordRule(AccessRequest request, RecordType<?, ?> type, ActorKind kind,
      @Nullable PartnerId actingPartner) {
    RecordAction action = request.record().orElseThrow();
    if (actingPartner != null && !action.partnerId().map(actingPartner::equals).orElse(false)) {
      return ReasonCode.RECORD_NOT_FOR_PARTNER;
    }
    if (request.intent() == IntentKind.TRANSITION) {
      ReasonCode move = lifecycleRule(type, action, kind);
      if (move != null) {
        return move;
      }
    }
    if (actingPartner != null && request.operation() == Operation.WRITE && request.internalOnly()) {
      return ReasonCode.PARTNER_RECORD_CANNOT_BE_INTERNAL;
    }
    if (!action.audienceOutOfReach().isEmpty()) {
      return ReasonCode.PERSON_CANNOT_SEE_RECORD;
    }
    List<RecordRule> rules = type.rules();
    for (int i = 0; i < rules.size(); i++) {
      ReasonCode code = rules.get(i).check(request);
      if (code != null) {
        if (code.check() != DecisionCheck.SURFACE_RULE) {
          throw new IllegalStateException("a rule of " + type + " answered " + code.wireName()
              + ", which is not a surface-rule code");
        }
        return code;
      }
    }
    return null;
  }

  private static <S extends Enum<S> & dev.partnerkit.domain.WireNamed> @Nullable ReasonCode lifecycleRule(
      RecordType<?, S> type, RecordAction action, ActorKind kind) {
    var lifecycle = type.lifecycle();
    S from = lifecycle.parse("record.fromStatus", action.fromStatus().orElseThrow());
    S to = lifecycle.parse("record.toStatus", action.toStatus().orElseThrow());
    if (!lifecycle.allows(from, to, kind)) {
      return kind != ActorKind.OPERATOR && lifecycle.allows(from, to, ActorKind.OPERATOR)
          ? ReasonCode.OPERATOR_ONLY_TRANSITION : ReasonCode.TRANSITION_NOT_ALLOWED;
    }
    if (lifecycle.needsPrerequisitesClosed(to) && !action.openPrerequisites().isEmpty()) {
      return ReasonCode.PREREQUISITES_OPEN;
    }
    return null;
  }

  /** The operator roles that may act with {@code intent}. */
  static List<OperatorRole> rolesFor(IntentKind intent) {
    return switch (intent) {
      case VIEW -> ANY_ROLE;
      case MANAGE_GRANTS, MANAGE_DIRECTORY, REVOKE_ACCESS -> GRANT_ROLES;
      case MANAGE_ENTITLEMENTS -> ENTITLEMENT_ROLES;
      case CONTRIBUTE, CREATE, TRANSITION, REVISE, LINK, UNLINK, INVITE_MEMBER -> WORK_ROLES;
      case ACCEPT_INVITATION -> List.of(); // a person accepts their own invitation; no operator role does it
    };
  }

  private static boolean hasAnyRole(OperatorUser operator, List<OperatorRole> roles) {
    for (int i = 0; i < roles.size(); i++) {
      if (operator.hasRole(roles.get(i))) {
        return true;
      }
    }
    return false;
  }

  /** For each check of the pipeline, the checks that ran when it decided (the pipeline up to it). Built once. */
  private static Map<DecisionCheck, List<DecisionCheck>> prefixes(DecisionCheck[] pipeline) {
    Map<DecisionCheck, List<DecisionCheck>> out = new EnumMap<>(DecisionCheck.class);
    List<DecisionCheck> ran = new ArrayList<>(pipeline.length);
    for (DecisionCheck check : pipeline) {
      ran.add(check);
      out.put(check, Explanations.checksRan(ran));
    }
    return out;
  }
}
