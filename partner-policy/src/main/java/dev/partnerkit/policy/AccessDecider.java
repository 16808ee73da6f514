package dev.partnerkit.policy;

import dev.partnerkit.domain.AccessGrant;
import dev.partnerkit.domain.AccessRequest;
import dev.partnerkit.domain.Actor;
import dev.partnerkit.domain.ActorKind;
import dev.partnerkit.domain.Decision;
import dev.partnerkit.domain.DecisionCheck;
import dev.partnerkit.domain.GrantScope;
import dev.partnerkit.domain.IntegrationPrincipal;
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
import dev.partnerkit.domain.Surface;
import dev.partnerkit.domain.TaskMove;
import dev.partnerkit.domain.TaskStatus;
import dev.partnerkit.domain.internal.Checks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
 */
public final class AccessDecider {
  private static final DecisionCheck[] PARTNER_PIPELINE = DecisionCheck.values();
  private static final DecisionCheck[] OPERATOR_PIPELINE = {
      DecisionCheck.PRODUCT_SCOPE, DecisionCheck.ACTOR, DecisionCheck.SURFACE_RULE};
  private static final List<List<DecisionCheck>> PARTNER_PREFIXES = prefixes(PARTNER_PIPELINE);
  private static final List<List<DecisionCheck>> OPERATOR_PREFIXES = prefixes(OPERATOR_PIPELINE);
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
   * @param facts the tenant, the occasion's product scope, the partner record and the grants
   * @param now the time to decide at
   * @return the decision, allowed or blocked, explained
   * @throws InvalidValueException when the facts belong to another tenant or occasion than the request
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
    Explanations say = new Explanations(request, facts, now);
    Actor actor = request.actor();
    if (actor.kind() == ActorKind.OPERATOR) {
      return decideForOperator(request, facts, (OperatorUser) actor, say);
    }
    return decideForPartnerSide(request, facts, actor, say);
  }

  private static Decision decideForOperator(AccessRequest request, DecisionFacts facts, OperatorUser operator,
      Explanations say) {
    boolean mutation = request.operation() == Operation.WRITE && request.intent() != IntentKind.MANAGE_ENTITLEMENTS;
    if (mutation && !facts.productScope().vendorAccessEnabled()) {
      return say.blocked(ReasonCode.PRODUCT_SCOPE_UNAVAILABLE, OPERATOR_PREFIXES.get(0), null);
    }
    if (!operator.tenantId().equals(request.tenantId())) {
      return say.blocked(ReasonCode.ACTOR_NOT_RESOLVED, OPERATOR_PREFIXES.get(1), null);
    }
    if (!hasAnyRole(operator, rolesFor(request.intent()))) {
      return say.blocked(ReasonCode.OPERATOR_ROLE_MISSING, OPERATOR_PREFIXES.get(1), null);
    }
    ReasonCode rule = taskRule(request, ActorKind.OPERATOR, null);
    if (rule != null) {
      return say.blocked(rule, OPERATOR_PREFIXES.get(2), null);
    }
    return say.allowedForOperator(OPERATOR_PREFIXES.get(2));
  }

  private static Decision decideForPartnerSide(AccessRequest request, DecisionFacts facts, Actor actor,
      Explanations say) {
    if (!facts.productScope().vendorAccessEnabled()) {
      return say.blocked(ReasonCode.PRODUCT_SCOPE_UNAVAILABLE, PARTNER_PREFIXES.get(0), null);
    }
    PartnerId partnerId = actor instanceof PartnerMember
        ? ((PartnerMember) actor).partnerId() : ((IntegrationPrincipal) actor).partnerId();
    if (!resolves(actor, partnerId, request, facts)) {
      return say.blocked(ReasonCode.ACTOR_NOT_RESOLVED, PARTNER_PREFIXES.get(1), null);
    }
    IntentKind intent = request.intent();
    if (intent == IntentKind.MANAGE_GRANTS || intent == IntentKind.MANAGE_ENTITLEMENTS
        || intent == IntentKind.MANAGE_TASKS) {
      return say.blocked(ReasonCode.OPERATOR_ONLY_ACTION, PARTNER_PREFIXES.get(1), null);
    }
    Surface surface = request.surface().orElse(null); // null: opening the occasion itself

    // checks 3 to 5, per grant of this partner in this tenant (sorted by grant id)
    List<AccessGrant> grants = facts.grants().grantsFor(request.tenantId(), partnerId);
    AccessGrant allowing = null;
    AccessGrant furthest = null;
    ReasonCode furthestCode = ReasonCode.NO_GRANT;
    for (int i = 0; i < grants.size(); i++) {
      AccessGrant grant = grants.get(i);
      ReasonCode code = evaluateGrant(grant, request, actor, surface, say.now());
      if (code == null) {
        allowing = grant;
        break;
      }
      if (furthest == null || code.ordinal() > furthestCode.ordinal()) {
        furthest = grant;
        furthestCode = code;
      }
    }
    if (allowing == null) {
      return say.blocked(furthestCode, PARTNER_PREFIXES.get(furthestCode.check().ordinal()), furthest);
    }

    // check 6: surface mode
    if (request.operation() == Operation.WRITE && surface != null) {
      if (surface.portalReadOnly()) {
        return say.blocked(ReasonCode.READ_ONLY_SURFACE, PARTNER_PREFIXES.get(5), allowing);
      }
      if (actor instanceof IntegrationPrincipal && !((IntegrationPrincipal) actor).writeEnabled()) {
        return say.blocked(ReasonCode.INTEGRATION_READ_ONLY, PARTNER_PREFIXES.get(5), allowing);
      }
    }

    // check 7: the surface's own rule
    ReasonCode rule = surface == null ? null : partnerSurfaceRule(request, actor, surface, partnerId);
    if (rule != null) {
      return say.blocked(rule, PARTNER_PREFIXES.get(6), allowing);
    }

    // check 8: source truth is never promoted by a partner or an integration
    if (!request.effects().isEmpty()) {
      return say.blocked(ReasonCode.SOURCE_TRUTH_PROTECTED, PARTNER_PREFIXES.get(7), allowing);
    }
    return say.allowedByGrant(allowing, surface == null ? null : surface.requiredCapabilityOrNull(),
        PARTNER_PREFIXES.get(7));
  }

  private static boolean resolves(Actor actor, PartnerId partnerId, AccessRequest request, DecisionFacts facts) {
    Partner partner = facts.partner().orElse(null);
    if (partner == null || !partner.partnerId().equals(partnerId) || !partner.tenantId().equals(request.tenantId())
        || partner.status() != PartnerStatus.ACTIVE) {
      return false;
    }
    if (actor instanceof PartnerMember) {
      return ((PartnerMember) actor).status() == MembershipStatus.ACTIVE;
    }
    return ((IntegrationPrincipal) actor).enabled();
  }

  /** Checks 3 (grant), 4 (scope) and 5 (capability) for one grant; null when the grant passes all three. */
  private static @Nullable ReasonCode evaluateGrant(AccessGrant grant, AccessRequest request, Actor actor,
      @Nullable Surface surface, Instant now) {
    if (!grant.tenantId().equals(request.tenantId())) {
      return ReasonCode.NO_GRANT;
    }
    switch (grant.status()) {
      case PENDING:
        return ReasonCode.GRANT_PENDING;
      case SUSPENDED:
        return ReasonCode.GRANT_SUSPENDED;
      case REVOKED:
        return ReasonCode.GRANT_REVOKED;
      case EXPIRED:
        return ReasonCode.GRANT_EXPIRED;
      case ACTIVE:
      default:
        break;
    }
    if (now.isBefore(grant.validFrom())) {
      return ReasonCode.GRANT_NOT_YET_VALID;
    }
    if (grant.validUntil().isPresent() && !now.isBefore(grant.validUntil().get())) {
      return ReasonCode.GRANT_EXPIRED;
    }
    if (!coversActor(grant, actor)) {
      return ReasonCode.GRANT_NOT_FOR_ACTOR;
    }
    GrantScope scope = grant.scope();
    if (!scope.occasionId().equals(request.occasionId())) {
      return ReasonCode.OUT_OF_SCOPE;
    }
    // A read that names no event (or resource) lists what the grant covers: the caller filters the records to the
    // grant's events and resources. A write must name an event (resource) the grant covers.
    boolean listing = request.operation() == Operation.READ;
    if (!scope.events().isEmpty() && (request.eventId().isPresent()
        ? !scope.events().contains(request.eventId().get()) : !listing)) {
      return ReasonCode.OUT_OF_SCOPE;
    }
    if (!scope.resources().isEmpty() && (request.resourceId().isPresent()
        ? !scope.resources().contains(request.resourceId().get()) : !listing)) {
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

  static boolean coversActor(AccessGrant grant, Actor actor) {
    if (actor instanceof IntegrationPrincipal) {
      return grant.integrationPrincipal().isPresent()
          && grant.integrationPrincipal().get().equals(((IntegrationPrincipal) actor).principalId());
    }
    PartnerMember member = (PartnerMember) actor;
    return grant.integrationPrincipal().isEmpty()
        && (grant.members().isEmpty() || grant.members().contains(member.userId()));
  }

  private static @Nullable ReasonCode partnerSurfaceRule(AccessRequest request, Actor actor, Surface surface,
      PartnerId partnerId) {
    if (surface == Surface.SCORECARD && actor instanceof PartnerMember
        && !((PartnerMember) actor).canViewMetrics()) {
      return ReasonCode.MEMBER_FLAG_MISSING;
    }
    if (request.intent() == IntentKind.MOVE_TASK) {
      return taskRule(request, actor.kind(), partnerId);
    }
    if (request.operation() == Operation.WRITE) {
      if (request.internalOnly()) {
        return ReasonCode.PARTNER_RECORD_CANNOT_BE_INTERNAL;
      }
      if ((surface == Surface.APPROVALS || surface == Surface.ANNOTATIONS) && request.resourceId().isEmpty()) {
        return ReasonCode.EXACT_ARTIFACT_VERSION_REQUIRED;
      }
    }
    return null;
  }

  /** The task state machine rule; null when the request is no task move or the move is legal for {@code kind}. */
  private static @Nullable ReasonCode taskRule(AccessRequest request, ActorKind kind,
      @Nullable PartnerId actingPartner) {
    if (request.intent() != IntentKind.MOVE_TASK) {
      return null;
    }
    TaskMove move = request.taskMove().orElseThrow();
    if (actingPartner != null && !move.assignedPartner().equals(actingPartner)) {
      return ReasonCode.TASK_NOT_ASSIGNED_TO_PARTNER;
    }
    if (!TaskTransitionTable.allows(move.fromStatus(), move.toStatus(), kind)) {
      return kind != ActorKind.OPERATOR
          && TaskTransitionTable.allows(move.fromStatus(), move.toStatus(), ActorKind.OPERATOR)
          ? ReasonCode.OPERATOR_ONLY_TRANSITION : ReasonCode.TASK_TRANSITION_NOT_ALLOWED;
    }
    if ((move.toStatus() == TaskStatus.SUBMITTED || move.toStatus() == TaskStatus.APPROVED)
        && !move.openDependencies().isEmpty()) {
      return ReasonCode.TASK_DEPENDENCIES_OPEN;
    }
    return null;
  }

  /** The operator roles that may act with {@code intent}. */
  static List<OperatorRole> rolesFor(IntentKind intent) {
    switch (intent) {
      case VIEW:
        return ANY_ROLE;
      case MANAGE_GRANTS:
        return GRANT_ROLES;
      case MANAGE_ENTITLEMENTS:
        return ENTITLEMENT_ROLES;
      case CONTRIBUTE:
      case MOVE_TASK:
      case MANAGE_TASKS:
      default:
        return WORK_ROLES;
    }
  }

  private static boolean hasAnyRole(OperatorUser operator, List<OperatorRole> roles) {
    for (int i = 0; i < roles.size(); i++) {
      OperatorRole role = roles.get(i);
      if (operator.hasRole(role)) {
        return true;
      }
    }
    return false;
  }

  /** Element i is the pipeline's first i + 1 checks: the checks that ran when check i decided. Built once. */
  private static List<List<DecisionCheck>> prefixes(DecisionCheck[] pipeline) {
    List<DecisionCheck> all = List.of(pipeline);
    List<List<DecisionCheck>> out = new ArrayList<>(pipeline.length);
    for (int i = 0; i < pipeline.length; i++) {
      out.add(List.copyOf(all.subList(0, i + 1)));
    }
    return List.copyOf(out);
  }
}
