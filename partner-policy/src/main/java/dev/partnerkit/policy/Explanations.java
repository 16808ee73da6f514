package dev.partnerkit.policy;

import dev.partnerkit.domain.AccessGrant;
import dev.partnerkit.domain.AccessRequest;
import dev.partnerkit.domain.Actor;
import dev.partnerkit.domain.Decision;
import dev.partnerkit.domain.DecisionCheck;
import dev.partnerkit.domain.ImmutableDecision;
import dev.partnerkit.domain.IntegrationPrincipal;
import dev.partnerkit.domain.IntentKind;
import dev.partnerkit.domain.NextStepOwner;
import dev.partnerkit.domain.OperatorUser;
import dev.partnerkit.domain.Partner;
import dev.partnerkit.domain.PartnerCapability;
import dev.partnerkit.domain.PartnerMember;
import dev.partnerkit.domain.PartnerStatus;
import dev.partnerkit.domain.ReasonCode;
import dev.partnerkit.domain.SourceTruth;
import dev.partnerkit.domain.Surface;
import dev.partnerkit.domain.TaskMove;
import dev.partnerkit.domain.TaskStatus;
import dev.partnerkit.domain.WireNamed;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * Writes the calm-friction words of a decision: why, who owns the next step, the next safe action and the proof
 * needed, specific to the partner, grant, surface and dates involved (dates in the tenant's time zone).
 */
final class Explanations {
  private final AccessRequest request;
  private final DecisionFacts facts;
  private final Instant now;

  Explanations(AccessRequest request, DecisionFacts facts, Instant now) {
    this.request = request;
    this.facts = facts;
    this.now = now;
  }

  Instant now() {
    return now;
  }

  Decision allowedForOperator(List<DecisionCheck> checks) {
    String who = actorName();
    String why;
    String next;
    String proof;
    TaskMove move = request.taskMove().orElse(null);
    if (move != null && move.toStatus() == TaskStatus.APPROVED) {
      why = "Allowed because " + who + " is an operator of " + tenantName() + " and may approve submitted task "
          + move.taskId() + ". Approval records the partner's evidence as reviewed; it does not clear job readiness.";
      next = "record the approval; clear job readiness only from the readiness service, when its own proof is in.";
      proof = "The submitted evidence of task " + move.taskId() + ", reviewed.";
    } else if (move != null) {
      why = "Allowed because " + who + " is an operator of " + tenantName() + " and may move task " + move.taskId()
          + " from " + words(move.fromStatus()) + " to " + words(move.toStatus()) + ".";
      next = "record the move; the partner sees the task in " + words(move.toStatus()) + ".";
      proof = "None beyond this decision, which is logged.";
    } else {
      why = "Allowed because " + who + " is an operator of " + tenantName() + " and may " + infinitive(request.intent())
          + surfaceSuffix() + ".";
      next = "go ahead and " + infinitive(request.intent()) + surfaceSuffix() + ".";
      proof = "None beyond this decision, which is logged.";
    }
    return base(true, ReasonCode.ALLOWED_FOR_OPERATOR, checks).explanation(why)
        .nextStepOwner(NextStepOwner.OPERATOR).nextSafeAction(next).proofNeeded(proof).build();
  }

  Decision allowedByGrant(AccessGrant grant, @Nullable PartnerCapability capability, List<DecisionCheck> checks) {
    Surface surface = request.surface().orElse(null);
    String why = surface == null
        ? "Allowed because the active grant " + grant.grantId() + " for " + partnerName() + " covers occasion "
            + request.occasionId() + "."
        : "Allowed because the active grant " + grant.grantId() + " for " + partnerName() + " covers "
            + verb(request.intent()) + " on " + surface.wireName()
            + (capability == null ? " (the grant names the documents surface)" : " with the " + capability.wireName()
            + " capability") + ".";
    String next;
    String proof;
    TaskMove move = request.taskMove().orElse(null);
    if (move != null) {
      next = "move task " + move.taskId() + " from " + words(move.fromStatus()) + " to " + words(move.toStatus())
          + "; the move is recorded as evidence and changes no source truth.";
      proof = move.toStatus() == TaskStatus.SUBMITTED
          ? "Attach the handoff evidence the operator will review before approving."
          : "None beyond this decision, which is logged.";
    } else if (surface == null) {
      next = "open the occasion; only the surfaces of grant " + grant.grantId() + " are shown.";
      proof = "None beyond this decision, which is logged.";
    } else if (request.intent() == IntentKind.VIEW) {
      next = "read " + surface.wireName() + "; only partner-visible records are shown.";
      proof = "None beyond this decision, which is logged.";
    } else {
      next = "add the evidence to " + surface.wireName() + "; an operator reviews it, and it changes no source truth.";
      proof = "The evidence itself, linked to the record it concerns.";
    }
    ImmutableDecision.Builder b = base(true, ReasonCode.ALLOWED_BY_GRANT, checks).explanation(why)
        .nextStepOwner(NextStepOwner.PARTNER).nextSafeAction(next).proofNeeded(proof).grantId(grant.grantId());
    if (capability != null) {
      b.capability(capability);
    }
    return b.build();
  }

  Decision blocked(ReasonCode code, List<DecisionCheck> checks, @Nullable AccessGrant grant) {
    String why;
    String next;
    String proof;
    NextStepOwner owner = code.owner();
    String partner = partnerName();
    String g = grant == null ? "" : grant.grantId().value();
    switch (code) {
      case PRODUCT_SCOPE_UNAVAILABLE:
        why = "Blocked because partner participation (vendor_access) is not part of the product for occasion "
            + request.occasionId() + ": this is unavailable product scope, not a permission problem."
            + (request.actor() instanceof OperatorUser
            ? " Existing partner records stay readable; partner workflow and vendor-management changes are off."
            : " The partner portal shows this occasion as unavailable.");
        next = "ask the billing admin to enable an entitlement that includes vendor_access (such as "
            + "feature.multi_user_support) for this occasion.";
        proof = "An entitlement of occasion " + request.occasionId() + " that resolves to vendor_access.";
        break;
      case ACTOR_NOT_RESOLVED:
        return actorNotResolved(checks);
      case OPERATOR_ONLY_ACTION:
        why = "Blocked because " + verb(request.intent()) + " is an operator action; " + actorName()
            + " acts for " + partner + ", outside " + tenantName() + ".";
        next = "ask an operator of " + tenantName() + " to make this change.";
        proof = "None from the partner; the operator records the change.";
        break;
      case OPERATOR_ROLE_MISSING:
        why = "Blocked because " + actorName() + " has the roles " + names(((OperatorUser) request.actor()).roles())
            + ", and " + verb(request.intent()) + " needs one of " + names(AccessDecider.rolesFor(request.intent()))
            + ".";
        next = "ask an operator with one of those roles to do it, or to give " + actorName() + " the role.";
        proof = "An operator role among " + names(AccessDecider.rolesFor(request.intent())) + ".";
        break;
      case NO_GRANT:
        why = "Blocked because " + partner + " has no access grant in " + tenantName()
            + ", so it sees nothing yet: no events, files, tasks or payment summaries.";
        next = "ask the operator to issue and activate a grant for " + partner + " that covers "
            + surfaceName() + ".";
        proof = "An active grant for " + partner + " on occasion " + request.occasionId() + " that covers "
            + surfaceName() + ".";
        break;
      case GRANT_PENDING:
        why = "Blocked because the grant " + g + " for " + partner + " is pending: it has not been activated yet.";
        next = "ask the operator to activate grant " + g + ".";
        proof = "Grant " + g + " in active status.";
        break;
      case GRANT_SUSPENDED:
        why = "Blocked because the grant " + g + " for " + partner + " is suspended.";
        next = "ask the operator to resume grant " + g + ".";
        proof = "Grant " + g + " in active status again.";
        break;
      case GRANT_REVOKED:
        why = "Blocked because the grant " + g + " for " + partner + " was revoked.";
        next = "ask the operator to issue a new grant; a revoked grant cannot be restored.";
        proof = "A new active grant for " + partner + ".";
        break;
      case GRANT_EXPIRED:
        why = "Blocked because the grant " + g + " for " + partner + " expired"
            + (grant != null && grant.validUntil().isPresent() ? " on " + date(grant.validUntil().get()) : "") + ".";
        next = "ask the operator to renew the grant.";
        proof = "Grant " + g + " renewed with a validity window that includes " + date(now) + ".";
        break;
      case GRANT_NOT_YET_VALID:
        why = "Blocked because the grant " + g + " for " + partner + " only becomes valid on "
            + (grant == null ? "a later date" : date(grant.validFrom())) + ".";
        next = "wait until then, or ask the operator to move the start of grant " + g + ".";
        proof = "Grant " + g + " with a validity window that includes " + date(now) + ".";
        break;
      case GRANT_NOT_FOR_ACTOR:
        why = "Blocked because the grant " + g + " for " + partner + " "
            + (request.actor() instanceof IntegrationPrincipal
            ? (grant != null && grant.integrationPrincipal().isPresent()
                ? "is for another integration principal, not " + actorName()
                : "covers people, not the integration " + actorName() + "; machines need a grant of their own")
            : (grant != null && grant.integrationPrincipal().isPresent()
                ? "is for an integration principal, not for people"
                : "is narrowed to other members, not " + actorName())) + ".";
        next = "ask the operator to extend grant " + g + " to " + actorName() + ", or to issue one for it.";
        proof = "An active grant for " + partner + " that names " + actorName() + ".";
        break;
      case OUT_OF_SCOPE:
        why = "Blocked because the grant " + g + " for " + partner + " " + scopeGap(grant) + ".";
        next = "ask the operator to widen grant " + g + ", or work inside its scope.";
        proof = "A grant whose scope includes " + requestedScope() + ".";
        break;
      case SURFACE_NOT_GRANTED:
        why = "Blocked because the grant " + g + " for " + partner + " does not open the " + surfaceName()
            + " surface.";
        next = "ask the operator to add " + surfaceName() + " to grant " + g + ".";
        proof = "A grant for " + partner + " that names the " + surfaceName() + " surface.";
        break;
      case CAPABILITY_MISSING: {
        PartnerCapability needed = request.surface().orElseThrow().requiredCapabilityOrNull();
        String cap = needed == null ? "" : needed.wireName();
        why = "Blocked because the grant " + g + " for " + partner + " does not include the " + cap
            + " capability that " + surfaceName() + " needs.";
        next = "ask the operator to add " + cap + " to grant " + g + ".";
        proof = "A grant for " + partner + " with the " + cap + " capability.";
        break;
      }
      case READ_ONLY_SURFACE:
        why = "Blocked because the partner portal side of " + surfaceName() + " is read-only (GET only).";
        next = "share the information as a comment, or ask the operator to record it.";
        proof = "None from the partner; operators change " + surfaceName() + " from their own services.";
        break;
      case INTEGRATION_READ_ONLY:
        why = "Blocked because the integration " + actorName() + " is read-only.";
        next = "ask the operator to enable writes for this integration principal, or send the change through a "
            + "partner member.";
        proof = "The operator's decision to enable writes for " + actorName() + ".";
        break;
      case MEMBER_FLAG_MISSING:
        why = "Blocked because the membership of " + actorName() + " in " + partner
            + " lacks can_view_metrics, which the scorecard needs.";
        next = "ask an owner of " + partner + " to turn on can_view_metrics for " + actorName() + ".";
        proof = "A membership with can_view_metrics.";
        break;
      case TASK_NOT_ASSIGNED_TO_PARTNER:
        why = "Blocked because task " + move().taskId() + " is assigned to another partner, not " + partner + ".";
        next = "ask the operator to reassign the task if " + partner + " should do it.";
        proof = "The task assigned to " + partner + ".";
        break;
      case OPERATOR_ONLY_TRANSITION:
        why = "Blocked because moving task " + move().taskId() + " from " + words(move().fromStatus()) + " to "
            + words(move().toStatus()) + " is an operator-controlled step.";
        next = "wait for the operator to review the submitted task.";
        proof = "The operator's review of the submitted evidence.";
        break;
      case TASK_TRANSITION_NOT_ALLOWED: {
        List<TaskStatus> targets = TaskTransitionTable.targets(move().fromStatus(), request.actor().kind());
        why = "Blocked because task " + move().taskId() + " cannot move from " + words(move().fromStatus()) + " to "
            + words(move().toStatus()) + (targets.isEmpty() ? "; " + words(move().fromStatus())
            + " is final for " + actorName() : "; from " + words(move().fromStatus()) + " it can move to "
            + names(targets)) + ".";
        next = targets.isEmpty() ? "leave the task as it is; ask the operator for a new task if more work is needed."
            : "move the task to " + names(targets) + " first.";
        proof = "None; the task state machine lists the legal moves.";
        owner = request.actor() instanceof OperatorUser ? NextStepOwner.OPERATOR : NextStepOwner.PARTNER;
        break;
      }
      case TASK_DEPENDENCIES_OPEN:
        why = "Blocked because task " + move().taskId() + " waits on " + names(move().openDependencies())
            + ", which are not approved yet.";
        next = "finish those tasks and have them approved first.";
        proof = "Approval of " + names(move().openDependencies()) + ".";
        break;
      case EXACT_ARTIFACT_VERSION_REQUIRED:
        why = "Blocked because " + surfaceName() + " must name the exact artifact version it concerns, and this "
            + "request names none.";
        next = "send it again with the id of the exact artifact version.";
        proof = "The exact artifact version id.";
        break;
      case PARTNER_RECORD_CANNOT_BE_INTERNAL:
        why = "Blocked because partners cannot create internal-only records.";
        next = "send it again as a partner-visible record.";
        proof = "None.";
        break;
      case SOURCE_TRUTH_PROTECTED:
        why = "Blocked because this command would change " + truths(request.effects()) + ", which only "
            + tenantName() + "'s own services record. Partner input is evidence for review, never source truth.";
        next = "submit it as evidence (a recommendation, a comment, a response) and ask the operator to confirm it "
            + "in the source system.";
        proof = "The operator's confirmation of " + truths(request.effects()) + " in the source system.";
        break;
      default:
        throw new IllegalArgumentException("reason " + code.wireName() + " does not block");
    }
    return base(false, code, checks).explanation(why).nextStepOwner(owner).nextSafeAction(next)
        .proofNeeded(proof).build();
  }

  private Decision actorNotResolved(List<DecisionCheck> checks) {
    Actor actor = request.actor();
    String why;
    String next;
    String proof;
    NextStepOwner owner = NextStepOwner.OPERATOR;
    Partner partner = facts.partner().orElse(null);
    if (actor instanceof OperatorUser) {
      why = "Blocked because " + actorName() + " works for tenant " + ((OperatorUser) actor).tenantId() + ", not "
          + tenantName() + ".";
      next = "sign in to the right tenant, or ask an operator of " + tenantName() + ".";
      proof = "An operator account of " + tenantName() + ".";
    } else if (partner == null || !partner.tenantId().equals(request.tenantId())
        || !partner.partnerId().equals(partnerIdOf(actor))) {
      why = "Blocked because partner " + partnerIdOf(actor) + " is not in " + tenantName() + "'s partner directory.";
      next = "ask the operator to add the partner to the directory.";
      proof = "A partner record of " + tenantName() + " for " + partnerIdOf(actor) + ".";
    } else if (partner.status() != PartnerStatus.ACTIVE) {
      why = "Blocked because " + partner.name() + " is inactive in " + tenantName() + "'s partner directory.";
      next = "ask the operator to reactivate the partner.";
      proof = "An active partner record.";
    } else if (actor instanceof PartnerMember) {
      PartnerMember member = (PartnerMember) actor;
      why = "Blocked because the membership of " + member.displayName() + " in " + partner.name() + " is "
          + member.status().wireName() + ", not active.";
      next = member.status() == dev.partnerkit.domain.MembershipStatus.INVITED
          ? "accept the membership invitation." : "ask an owner of " + partner.name() + " to invite you again.";
      proof = "An active membership of " + partner.name() + ".";
      owner = NextStepOwner.PARTNER;
    } else {
      why = "Blocked because the integration " + actorName() + " is disabled.";
      next = "ask the operator to enable the integration principal.";
      proof = "An enabled integration principal.";
    }
    return base(false, ReasonCode.ACTOR_NOT_RESOLVED, checks).explanation(why).nextStepOwner(owner)
        .nextSafeAction(next).proofNeeded(proof).build();
  }

  private ImmutableDecision.Builder base(boolean allowed, ReasonCode code, List<DecisionCheck> checks) {
    ImmutableDecision.Builder b = Decision.builder().allowed(allowed).reason(code).checks(checks)
        .tenantId(request.tenantId()).operation(request.operation()).decidedAt(now);
    request.surface().ifPresent(b::surface);
    if (!allowed) {
      b.failedCheck(checks.get(checks.size() - 1));
    }
    return b;
  }

  private TaskMove move() {
    return request.taskMove().orElseThrow();
  }

  private String scopeGap(@Nullable AccessGrant grant) {
    if (grant == null) {
      return "does not cover " + requestedScope();
    }
    if (!grant.scope().occasionId().equals(request.occasionId())) {
      return "covers occasion " + grant.scope().occasionId() + ", not occasion " + request.occasionId();
    }
    if (!grant.scope().events().isEmpty()
        && (request.eventId().isEmpty() || !grant.scope().events().contains(request.eventId().get()))) {
      return "covers only the events " + names(grant.scope().events())
          + request.eventId().map(e -> ", not event " + e).orElse(", and this request names no event");
    }
    return "covers only the resources " + names(grant.scope().resources())
        + request.resourceId().map(r -> ", not resource " + r).orElse(", and this request names no resource");
  }

  private String requestedScope() {
    return "occasion " + request.occasionId() + request.eventId().map(e -> ", event " + e).orElse("")
        + request.resourceId().map(r -> ", resource " + r).orElse("");
  }

  private String partnerName() {
    Actor actor = request.actor();
    if (actor instanceof OperatorUser) {
      return "the partner";
    }
    return facts.partner().filter(p -> p.partnerId().equals(partnerIdOf(actor))).map(Partner::name)
        .orElse("partner " + partnerIdOf(actor));
  }

  private static Object partnerIdOf(Actor actor) {
    return actor instanceof PartnerMember ? ((PartnerMember) actor).partnerId()
        : ((IntegrationPrincipal) actor).partnerId();
  }

  private String actorName() {
    Actor actor = request.actor();
    if (actor instanceof OperatorUser) {
      return ((OperatorUser) actor).displayName();
    }
    if (actor instanceof PartnerMember) {
      return ((PartnerMember) actor).displayName();
    }
    return ((IntegrationPrincipal) actor).name();
  }

  private String tenantName() {
    return facts.tenant().name();
  }

  private String surfaceName() {
    return request.surface().map(Surface::wireName).orElse("this occasion");
  }

  private String surfaceSuffix() {
    return request.surface().map(s -> " on " + s.wireName()).orElse(" for occasion " + request.occasionId());
  }

  private String date(Instant instant) {
    return LocalDate.ofInstant(instant, facts.tenant().zone()).toString();
  }

  private static String verb(IntentKind intent) {
    switch (intent) {
      case VIEW:
        return "reading";
      case CONTRIBUTE:
        return "adding evidence";
      case MOVE_TASK:
        return "moving tasks";
      case MANAGE_TASKS:
        return "creating and assigning tasks";
      case MANAGE_GRANTS:
        return "managing access grants";
      case MANAGE_ENTITLEMENTS:
      default:
        return "setting entitlements";
    }
  }

  private static String infinitive(IntentKind intent) {
    switch (intent) {
      case VIEW:
        return "read";
      case CONTRIBUTE:
        return "add evidence";
      case MOVE_TASK:
        return "move tasks";
      case MANAGE_TASKS:
        return "create and assign tasks";
      case MANAGE_GRANTS:
        return "manage access grants";
      case MANAGE_ENTITLEMENTS:
      default:
        return "set entitlements";
    }
  }

  private static String words(TaskStatus status) {
    return status.wireName().replace('_', ' ');
  }

  private static String truths(Collection<SourceTruth> truths) {
    StringJoiner out = new StringJoiner(", ");
    for (SourceTruth t : SourceTruth.values()) {
      if (truths.contains(t)) {
        out.add(t.label());
      }
    }
    return out.toString();
  }

  private static String names(Collection<?> values) {
    StringJoiner out = new StringJoiner(", ", "[", "]");
    for (Object v : values) {
      out.add(v instanceof WireNamed ? ((WireNamed) v).wireName() : String.valueOf(v));
    }
    return out.toString();
  }
}
