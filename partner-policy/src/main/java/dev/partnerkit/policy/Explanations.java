package dev.partnerkit.policy;

import dev.partnerkit.domain.AccessGrant;
import dev.partnerkit.domain.AccessRequest;
import dev.partnerkit.domain.Actor;
import dev.partnerkit.domain.DataClass;
import dev.partnerkit.domain.Decision;
import dev.partnerkit.domain.DecisionCheck;
import dev.partnerkit.domain.IntegrationPrincipal;
import dev.partnerkit.domain.IntentKind;
import dev.partnerkit.domain.MembershipStatus;
import dev.partnerkit.domain.NextStepOwner;
import dev.partnerkit.domain.OperatorUser;
import dev.partnerkit.domain.Partner;
import dev.partnerkit.domain.PartnerCapability;
import dev.partnerkit.domain.PartnerMember;
import dev.partnerkit.domain.PartnerStatus;
import dev.partnerkit.domain.ReasonCode;
import dev.partnerkit.domain.RecordAction;
import dev.partnerkit.domain.RecordRef;
import dev.partnerkit.domain.RecordType;
import dev.partnerkit.domain.SourceTruth;
import dev.partnerkit.domain.Surface;
import dev.partnerkit.domain.WireNamed;
import dev.partnerkit.domain.internal.ExplainedDecision;
import java.time.Instant;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Writes the calm-friction words of a decision: why, who owns the next step, the next safe action and the proof
 * needed. One {@link Explainer} per reason code, held in an {@link EnumMap} (a test checks every code has one).
 * Explanations name only what the actor named or may list: its own partner and grants, the occasion, event,
 * resource and record it asked about — never another occasion, another partner's records or plan keys.
 */
final class Explanations {
  /** The words of one decision. */
  record Words(String why, NextStepOwner owner, String next, String proof) implements ExplainedDecision.Words {}

  /** Explains one reason code. */
  @FunctionalInterface
  interface Explainer {
    Words explain(Explanations say, @Nullable AccessGrant grant, @Nullable PartnerCapability capability);
  }

  private static final String LOGGED = "None beyond this decision, which is logged.";
  private static final Map<ReasonCode, Explainer> EXPLAINERS = explainers();

  private final AccessRequest request;
  private final DecisionFacts facts;
  private final Instant now;

  Explanations(AccessRequest request, DecisionFacts facts, Instant now) {
    this.request = request;
    this.facts = facts;
    this.now = now;
  }

  /** @return the reason codes that have an explainer */
  static Set<ReasonCode> explainedCodes() {
    return Collections.unmodifiableSet(EXPLAINERS.keySet());
  }

  /** @return an allow for an operator */
  static Decision allowedForOperator(AccessRequest request, DecisionFacts facts, Instant now,
      List<DecisionCheck> checks) {
    return decision(request, facts, now, ReasonCode.ALLOWED_FOR_OPERATOR, checks, null);
  }

  /**
   * @param capability the capability the request's surface needs (the decision reads it from the request again)
   * @return an allow through {@code grant}
   */
  static Decision allowedByGrant(AccessRequest request, DecisionFacts facts, Instant now, AccessGrant grant,
      @Nullable PartnerCapability capability, List<DecisionCheck> checks) {
    return decision(request, facts, now, ReasonCode.ALLOWED_BY_GRANT, checks, grant);
  }

  /** @return a block by {@code code}, explaining {@code grant} when there is one */
  static Decision blocked(AccessRequest request, DecisionFacts facts, Instant now, ReasonCode code,
      List<DecisionCheck> checks, @Nullable AccessGrant grant) {
    return decision(request, facts, now, code, checks, grant);
  }

  /**
   * The decision, words unrendered: the explainer of (code, checks) and the request, grant, time and facts to render
   * them from on first access. Allocates the decision only (32 bytes); the explainers are made once per pair.
   */
  private static Decision decision(AccessRequest request, DecisionFacts facts, Instant now, ReasonCode code,
      List<DecisionCheck> checks, @Nullable AccessGrant grant) {
    return new ExplainedDecision(Outcome.of(code, checks), request, grant, now, facts);
  }

  /** @return an allow for a member acting on its own partner's memberships */
  static Decision allowedForMember(AccessRequest request, DecisionFacts facts, Instant now,
      List<DecisionCheck> checks) {
    return decision(request, facts, now, ReasonCode.ALLOWED_FOR_MEMBER, checks, null);
  }

  /** The capability behind an allow by grant: the one the request's surface needs (none for documents). */
  private static @Nullable PartnerCapability capabilityOf(AccessRequest request) {
    return request.surface().map(Surface::requiredCapabilityOrNull).orElse(null);
  }

  /**
   * The checks that ran up to one check of a pipeline, as a list, with the outcome of every reason code that can
   * end there (the allowing codes, and the blocking codes of its last check) made once, up front: deciding then
   * allocates nothing but the decision. The decision core's pipelines are made of these (see
   * {@link #checksRan}).
   */
  static final class ChecksRan extends AbstractList<DecisionCheck> implements RandomAccess {
    private final DecisionCheck[] checks;
    private final Map<ReasonCode, Outcome> outcomes = new EnumMap<>(ReasonCode.class);

    private ChecksRan(List<DecisionCheck> checks) {
      this.checks = checks.toArray(new DecisionCheck[0]);
      DecisionCheck last = this.checks[this.checks.length - 1];
      for (ReasonCode code : ReasonCode.values()) {
        if (code.allows() || code.check() == last) {
          outcomes.put(code, new Outcome(code, this));
        }
      }
    }

    @Override
    public DecisionCheck get(int index) {
      return checks[index];
    }

    @Override
    public int size() {
      return checks.length;
    }
  }

  /** @return {@code checks} as the checks that ran, with their outcomes made once */
  static List<DecisionCheck> checksRan(List<DecisionCheck> checks) {
    return new ChecksRan(checks);
  }

  /**
   * One outcome of the decision core — a reason code and the checks that ran — and how its words are rendered: by
   * the code's {@link Explainer}.
   */
  static final class Outcome implements ExplainedDecision.Explainer {
    private final ReasonCode reason;
    private final List<DecisionCheck> checks;
    private final Explainer explainer;

    private Outcome(ReasonCode reason, List<DecisionCheck> checks) {
      Explainer explainer = EXPLAINERS.get(reason);
      if (explainer == null) {
        throw new IllegalStateException("no explainer for reason " + reason.wireName());
      }
      this.reason = reason;
      this.checks = checks;
      this.explainer = explainer;
    }

    /** @return the outcome of {@code code} after {@code checks}: made up front for the pipelines' lists */
    static Outcome of(ReasonCode code, List<DecisionCheck> checks) {
      Outcome made = checks instanceof ChecksRan ran ? ran.outcomes.get(code) : null;
      return made != null ? made : new Outcome(code, List.copyOf(checks));
    }

    @Override
    public ReasonCode reason() {
      return reason;
    }

    @Override
    public List<DecisionCheck> checks() {
      return checks;
    }

    @Override
    public @Nullable PartnerCapability capability(AccessRequest request) {
      return reason == ReasonCode.ALLOWED_BY_GRANT ? capabilityOf(request) : null;
    }

    @Override
    public ExplainedDecision.Words words(AccessRequest request, Object context, @Nullable AccessGrant grant,
        Instant now) {
      return explainer.explain(new Explanations(request, (DecisionFacts) context, now), grant, capability(request));
    }
  }

  private static Map<ReasonCode, Explainer> explainers() {
    Map<ReasonCode, Explainer> m = new EnumMap<>(ReasonCode.class);
    m.put(ReasonCode.ALLOWED_FOR_OPERATOR, (s, g, c) -> s.allowedOperator());
    m.put(ReasonCode.ALLOWED_BY_GRANT, (s, g, c) -> s.allowedPartner(g, c));
    m.put(ReasonCode.ALLOWED_FOR_MEMBER, (s, g, c) -> new Words("Allowed because " + s.actorName() + " "
        + (s.request.intent() == IntentKind.ACCEPT_INVITATION ? "holds an open invitation from " + s.partnerName()
        : "is an active member of " + s.partnerName() + " with can_invite") + ".", NextStepOwner.PARTNER,
        "go ahead and " + s.infinitive() + "; grants still decide what the partner sees.", LOGGED));
    m.put(ReasonCode.PRODUCT_SCOPE_UNAVAILABLE, (s, g, c) -> s.productScope());
    m.put(ReasonCode.ACTOR_NOT_RESOLVED, (s, g, c) -> s.actorNotResolved());
    m.put(ReasonCode.OPERATOR_ONLY_ACTION, (s, g, c) -> new Words(
        "Blocked because " + s.doing() + " is an operator action; " + s.actorName() + " acts for "
            + s.partnerName() + ", outside " + s.tenantName() + ".", NextStepOwner.OPERATOR,
        "ask an operator of " + s.tenantName() + " to make this change.",
        "None from the partner; the operator records the change."));
    m.put(ReasonCode.OPERATOR_ROLE_MISSING, (s, g, c) -> new Words(
        "Blocked because " + s.actorName() + " has the roles "
            + names(((OperatorUser) s.request.actor()).roles()) + ", and " + s.doing() + " needs one of "
            + names(AccessDecider.rolesFor(s.request.intent())) + ".", NextStepOwner.OPERATOR,
        "ask an operator with one of those roles to do it.",
        "An operator role among " + names(AccessDecider.rolesFor(s.request.intent())) + "."));
    m.put(ReasonCode.DATA_CLASS_FORBIDDEN, (s, g, c) -> new Words(
        "Blocked because " + s.dataClassName() + " data is never shared with an integration, whatever its grants"
            + " say: " + s.actorName() + " is a machine principal.", NextStepOwner.OPERATOR,
        "publish a summarised or filtered resource (a data class such as rsvp_aggregate or catering_summary) for "
            + "the integration, or share this through a partner member's portal.",
        "None: no grant can open " + s.dataClassName() + " data to an integration principal."));
    m.put(ReasonCode.NO_GRANT, (s, g, c) -> new Words(
        "Blocked because " + s.partnerName() + " has no access grant for this occasion, so it sees nothing yet:"
            + " no events, files, tasks or payment summaries.", NextStepOwner.OPERATOR,
        "ask the operator to issue and activate a grant for " + s.partnerName() + " that covers "
            + s.surfaceName() + ".",
        "An active grant for " + s.partnerName() + " on occasion " + s.request.occasionId() + " that covers "
            + s.surfaceName() + "."));
    m.put(ReasonCode.GRANT_PENDING, (s, g, c) -> new Words(
        "Blocked because the grant " + id(g) + " for " + s.partnerName() + " is pending: it has not been activated"
            + " yet.", NextStepOwner.OPERATOR, "ask the operator to activate grant " + id(g) + ".",
        "Grant " + id(g) + " in active status."));
    m.put(ReasonCode.GRANT_SUSPENDED, (s, g, c) -> new Words(
        "Blocked because the grant " + id(g) + " for " + s.partnerName() + " is suspended.", NextStepOwner.OPERATOR,
        "ask the operator to activate grant " + id(g) + " again.", "Grant " + id(g) + " in active status again."));
    m.put(ReasonCode.GRANT_REVOKED, (s, g, c) -> new Words(
        "Blocked because the grant " + id(g) + " for " + s.partnerName() + " was revoked.", NextStepOwner.OPERATOR,
        "ask the operator to issue a new grant; a revoked grant cannot be restored.",
        "A new active grant for " + s.partnerName() + "."));
    m.put(ReasonCode.GRANT_EXPIRED, (s, g, c) -> new Words(
        "Blocked because the grant " + id(g) + " for " + s.partnerName() + " expired"
            + (g != null && g.validUntil().isPresent() ? " on " + s.date(g.validUntil().get()) : "") + ".",
        NextStepOwner.OPERATOR, "ask the operator to renew grant " + id(g) + ".",
        "Grant " + id(g) + " renewed with a validity window that includes " + s.date(s.now) + "."));
    m.put(ReasonCode.GRANT_NOT_YET_VALID, (s, g, c) -> new Words(
        "Blocked because the grant " + id(g) + " for " + s.partnerName() + " only becomes valid on "
            + (g == null ? "a later date" : s.date(g.validFrom())) + ".", NextStepOwner.OPERATOR,
        "wait until then, or ask the operator to issue a grant that is valid today.",
        "A grant with a validity window that includes " + s.date(s.now) + "."));
    m.put(ReasonCode.GRANT_NOT_FOR_ACTOR, (s, g, c) -> s.grantNotForActor(g));
    m.put(ReasonCode.OUT_OF_SCOPE, (s, g, c) -> new Words(
        "Blocked because the grant " + id(g) + " for " + s.partnerName() + " does not cover " + s.requestedScope()
            + ".", NextStepOwner.OPERATOR,
        "ask the operator to issue a grant that covers " + s.requestedScope() + ", or work inside the scope of "
            + "grant " + id(g) + ".", "A grant whose scope includes " + s.requestedScope() + "."));
    m.put(ReasonCode.SURFACE_NOT_GRANTED, (s, g, c) -> new Words(
        "Blocked because the grant " + id(g) + " for " + s.partnerName() + " does not open the " + s.surfaceName()
            + " surface.", NextStepOwner.OPERATOR,
        "ask the operator to issue a grant that names the " + s.surfaceName() + " surface.",
        "A grant for " + s.partnerName() + " that names the " + s.surfaceName() + " surface."));
    m.put(ReasonCode.CAPABILITY_MISSING, (s, g, c) -> {
      PartnerCapability needed = s.request.surface().orElseThrow().requiredCapabilityOrNull();
      String cap = needed == null ? "" : needed.wireName();
      return new Words("Blocked because the grant " + id(g) + " for " + s.partnerName() + " does not include the "
          + cap + " capability that " + s.surfaceName() + " needs.", NextStepOwner.OPERATOR,
          "ask the operator to issue a grant with the " + cap + " capability.",
          "A grant for " + s.partnerName() + " with the " + cap + " capability.");
    });
    m.put(ReasonCode.READ_ONLY_SURFACE, (s, g, c) -> new Words(
        "Blocked because the partner portal side of " + s.surfaceName() + " is read-only (GET only).",
        NextStepOwner.OPERATOR, "share the information as a comment, or ask the operator to record it.",
        "None from the partner; operators change " + s.surfaceName() + " from their own services."));
    m.put(ReasonCode.INTEGRATION_READ_ONLY, (s, g, c) -> new Words(
        "Blocked because the integration " + s.actorName() + " is read-only.", NextStepOwner.OPERATOR,
        "ask the operator to enable writes for this integration principal, or send the change through a partner"
            + " member.", "The operator's decision to enable writes for " + s.actorName() + "."));
    m.put(ReasonCode.MEMBER_FLAG_MISSING, (s, g, c) -> new Words(
        "Blocked because the membership of " + s.actorName() + " in " + s.partnerName() + " lacks " + s.flagNeeded()
            + ", which " + s.doingForFlag() + " needs.", NextStepOwner.PARTNER,
        "ask an owner of " + s.partnerName() + " (or the operator) to turn on " + s.flagNeeded() + " for "
            + s.actorName() + ".", "A membership with " + s.flagNeeded() + "."));
    m.put(ReasonCode.INVITATION_NOT_OPEN, (s, g, c) -> new Words(
        "Blocked because " + s.actorName() + " has no open invitation from " + s.partnerName()
            + ": it was accepted already, withdrawn, or never sent.", NextStepOwner.PARTNER,
        "if you are a member already, open the partner portal; otherwise ask an owner of " + s.partnerName()
            + " (or the operator) to invite you.", "An open invitation for " + s.actorName() + "."));
    m.put(ReasonCode.INVITATION_EXPIRED, (s, g, c) -> new Words(
        "Blocked because the invitation of " + s.actorName() + " to " + s.partnerName() + " expired"
            + s.inviteExpiry() + ".", NextStepOwner.PARTNER,
        "ask an owner of " + s.partnerName() + " (or the operator) to resend the invitation.",
        "A resent invitation that has not expired."));
    m.put(ReasonCode.RECORD_NOT_FOR_PARTNER, (s, g, c) -> new Words(
        "Blocked because " + s.recordName() + " is not with " + s.partnerName() + ".", NextStepOwner.OPERATOR,
        "ask the operator to assign it to " + s.partnerName() + " if " + s.partnerName() + " should work on it.",
        "The " + s.noun() + " assigned to " + s.partnerName() + "."));
    m.put(ReasonCode.OPERATOR_ONLY_TRANSITION, (s, g, c) -> new Words(
        "Blocked because moving " + s.recordName() + " from " + s.from() + " to " + s.to()
            + " is an operator-controlled step.", NextStepOwner.OPERATOR,
        "wait for the operator to review the " + s.noun() + ".", "The operator's review of the submitted evidence."));
    m.put(ReasonCode.TRANSITION_NOT_ALLOWED, (s, g, c) -> s.transitionNotAllowed());
    m.put(ReasonCode.PREREQUISITES_OPEN, (s, g, c) -> new Words(
        "Blocked because " + s.recordName() + " waits on " + s.openPrerequisites() + ", which "
            + (s.action().openPrerequisites().size() == 1 ? "is" : "are") + " not closed yet.",
        NextStepOwner.OPERATOR, "finish and close " + s.openPrerequisites() + " first.",
        "The closing (approval) of " + s.openPrerequisites() + "."));
    m.put(ReasonCode.EXACT_ARTIFACT_VERSION_REQUIRED, (s, g, c) -> new Words(
        "Blocked because " + s.recordOrSurface() + " must attach to an exact artifact version (a document version,"
            + " a run-of-show version, or a proposal artifact version with its number), and this request names none.",
        s.ownSide(), "send it again naming the exact version: the version record, or the proposal artifact version"
            + " with its number.", "The exact artifact version."));
    m.put(ReasonCode.RECORD_IMMUTABLE, (s, g, c) -> new Words(
        "Blocked because " + s.recordName() + " never changes once recorded: it is immutable, so a change is a new "
            + s.noun() + ", never an edit of this one (versions, annotations, decisions and comments keep their"
            + " anchor, links and words as they were).", s.ownSide(),
        "add a new " + s.noun() + " instead; this one stays as it is.",
        "None; the earlier " + s.noun() + " stays exactly as it was recorded."));
    m.put(ReasonCode.APPROVAL_REQUEST_NOT_OPEN, (s, g, c) -> new Words(
        "Blocked because the approval request behind " + s.recordName() + " is "
            + words(s.action().parentStatus().orElse("closed")) + ", so it takes no more decisions.",
        NextStepOwner.OPERATOR, "ask the operator to reopen the approval request, or to ask for approval again.",
        "An open approval request."));
    m.put(ReasonCode.PARTNER_RECORD_CANNOT_BE_INTERNAL, (s, g, c) -> new Words(
        "Blocked because partners cannot create internal-only records.", NextStepOwner.PARTNER,
        "send it again as a partner-visible record.", "None."));
    m.put(ReasonCode.PERSON_CANNOT_SEE_RECORD, (s, g, c) -> new Words(
        "Blocked because " + s.outOfReach() + " cannot see " + s.recordName() + "; a " + s.noun()
            + " can only name people who can already see it.", s.ownSide(),
        "remove " + s.outOfReach() + " from the " + s.noun() + ", or ask the operator to give "
            + (s.action().audienceOutOfReach().size() == 1 ? "that person" : "those people")
            + " access to it first.",
        "Access for " + s.outOfReach() + " to " + s.recordName() + ", granted by the operator."));
    m.put(ReasonCode.SOURCE_TRUTH_PROTECTED, (s, g, c) -> new Words(
        "Blocked because this command would change " + truths(s.request.effects()) + ", which only "
            + s.tenantName() + "'s own services record. Partner input is evidence for review, never source truth.",
        NextStepOwner.OPERATOR, "submit it as evidence (a recommendation, a comment, a response) and ask the operator"
            + " to confirm it in the source system.",
        "The operator's confirmation of " + truths(s.request.effects()) + " in the source system."));
    return m;
  }

  private Words allowedOperator() {
    String who = actorName() + " is an operator of " + tenantName();
    RecordAction action = request.record().orElse(null);
    if (action != null && request.intent() == IntentKind.TRANSITION) {
      boolean closing = recordType().map(t -> closes(t, action)).orElse(false);
      return closing
          ? new Words("Allowed because " + who + " and may approve " + recordName() + ". Approval records the"
              + " partner's evidence as reviewed; it does not clear job readiness.", NextStepOwner.OPERATOR,
              "record the approval; clear job readiness only from the readiness service, when its own proof is in.",
              "The submitted evidence of " + recordName() + ", reviewed.")
          : new Words("Allowed because " + who + " and may move " + recordName() + " from " + from() + " to " + to()
              + ".", NextStepOwner.OPERATOR, "record the move; the partner sees the " + noun() + " in " + to() + ".",
              LOGGED);
    }
    return new Words("Allowed because " + who + " and may " + infinitive() + ".", NextStepOwner.OPERATOR,
        "go ahead and " + infinitive() + ".", LOGGED);
  }

  private static <S extends Enum<S> & WireNamed> boolean closes(RecordType<?, S> type, RecordAction action) {
    return type.lifecycle().isClosed(type.lifecycle().parse("toStatus", action.toStatus().orElseThrow()));
  }

  private Words allowedPartner(@Nullable AccessGrant grant, @Nullable PartnerCapability capability) {
    Surface surface = request.surface().orElse(null);
    String g = id(grant);
    if (surface == null) {
      return new Words("Allowed because the active grant " + g + " for " + partnerName() + " covers occasion "
          + request.occasionId() + ".", NextStepOwner.PARTNER,
          "open the occasion; only the surfaces your grants name are shown.", LOGGED);
    }
    // a record intent already names its record ("moving a task"): adding " on tasks" would say it twice
    String what = request.intent().onRecord() ? doing() : doing() + " on " + surface.wireName();
    String why = "Allowed because the active grant " + g + " for " + partnerName() + " covers " + what
        + (capability == null ? " (the grant names the documents surface)"
        : " with the " + capability.wireName() + " capability") + ".";
    if (request.intent() == IntentKind.TRANSITION) {
      return new Words(why, NextStepOwner.PARTNER, "move " + recordName() + " from " + from() + " to " + to()
          + "; the move is recorded as evidence and changes no source truth.",
          "submitted".equals(action().toStatus().orElse(""))
              ? "Attach the handoff evidence the operator will review before approving." : LOGGED);
    }
    if (request.intent() == IntentKind.VIEW) {
      return new Words(why, NextStepOwner.PARTNER, "read " + surface.wireName()
          + "; only partner-visible records your grants cover are shown.", LOGGED);
    }
    return new Words(why, NextStepOwner.PARTNER, "add the evidence to " + surface.wireName()
        + "; an operator reviews it, and it changes no source truth.",
        "The evidence itself, linked to the record it concerns.");
  }

  private Words productScope() {
    boolean operator = request.actor() instanceof OperatorUser;
    return new Words("Blocked because partner participation (vendor_access) is not part of the product for"
        + " occasion " + request.occasionId() + ": this is unavailable product scope, not a permission problem."
        + (operator ? " Existing partner records stay readable; partner workflow and vendor-management changes are"
        + " off." : " The partner portal shows this occasion as unavailable."), NextStepOwner.BILLING_ADMIN,
        operator ? "ask the billing admin to set an entitlement that resolves to vendor_access for this occasion"
            + " (OperatorConsole.setEntitlements)."
            : "ask the event's operator to enable partner participation for this occasion.",
        "Partner participation (vendor_access) enabled for occasion " + request.occasionId() + ".");
  }

  private Words actorNotResolved() {
    Actor actor = request.actor();
    Partner partner = facts.partner().orElse(null);
    if (actor instanceof OperatorUser) {
      return new Words("Blocked because " + actorName() + " is not an operator of " + tenantName() + ".",
          NextStepOwner.OPERATOR, "sign in to the right tenant, or ask an operator of " + tenantName() + ".",
          "An operator account of " + tenantName() + ".");
    }
    if (partner == null || !partner.tenantId().equals(request.tenantId())
        || !actor.actingPartner().map(partner.partnerId()::equals).orElse(false)) {
      return new Words("Blocked because the partner " + actingPartnerId() + " is not in " + tenantName()
          + "'s partner directory.", NextStepOwner.OPERATOR,
          "ask the operator to add the partner to the directory.",
          "A partner record of " + tenantName() + " for " + actingPartnerId() + ".");
    }
    boolean foreign = actor instanceof PartnerMember m ? !m.tenantId().equals(request.tenantId())
        : actor instanceof IntegrationPrincipal p && !p.tenantId().equals(request.tenantId());
    if (foreign) {
      return new Words("Blocked because " + actorName() + " belongs to another tenant's directory, not to "
          + tenantName() + "'s: a partner id means nothing outside its tenant.", NextStepOwner.OPERATOR,
          "sign in through " + tenantName() + "'s own invitation, or ask its operator to invite you.",
          "A membership (or principal) stored in " + tenantName() + "'s directory.");
    }
    if (partner.status() != PartnerStatus.ACTIVE) {
      return new Words("Blocked because " + partner.name() + " is inactive in " + tenantName()
          + "'s partner directory.", NextStepOwner.OPERATOR, "ask the operator to reactivate the partner.",
          "An active partner record.");
    }
    if (actor instanceof PartnerMember member) {
      if (member.status() == MembershipStatus.INVITED) {
        return new Words("Blocked because the membership of " + member.displayName() + " in " + partner.name()
            + " is invited, not active.", NextStepOwner.PARTNER, "accept the membership invitation.",
            "An active membership of " + partner.name() + ".");
      }
      // removed, or never a member: the same words, and the partner only by the id the person gave
      return new Words("Blocked because " + member.displayName() + " has no active membership of partner "
          + member.partnerId() + " in " + tenantName() + ".", NextStepOwner.PARTNER,
          "ask the partner's owner or the operator for an invitation.", "An active membership of partner "
          + member.partnerId() + ".");
    }
    return new Words("Blocked because the integration " + actorName() + " is disabled.", NextStepOwner.OPERATOR,
        "ask the operator to enable the integration principal.", "An enabled integration principal.");
  }

  private Words grantNotForActor(@Nullable AccessGrant grant) {
    boolean machineGrant = grant != null && grant.integrationPrincipal().isPresent();
    String gap = request.actor() instanceof IntegrationPrincipal
        ? (machineGrant ? "is for another integration principal, not " + actorName()
            : "covers people, not the integration " + actorName() + "; machines need a grant of their own")
        : (machineGrant ? "is for an integration principal, not for people"
            : "is narrowed to other members, not " + actorName());
    return new Words("Blocked because the grant " + id(grant) + " for " + partnerName() + " " + gap + ".",
        NextStepOwner.OPERATOR, "ask the operator to issue a grant that names " + actorName() + ".",
        "An active grant for " + partnerName() + " that names " + actorName() + ".");
  }

  private Words transitionNotAllowed() {
    List<String> targets = targets();
    boolean operator = request.actor() instanceof OperatorUser;
    return new Words("Blocked because " + recordName() + " cannot move from " + from() + " to " + to()
        + (targets.isEmpty() ? "; " + from() + " is final for " + actorName() : "; from " + from()
        + " it can move to " + String.join(" or ", targets)) + ".",
        operator ? NextStepOwner.OPERATOR : NextStepOwner.PARTNER,
        targets.isEmpty() ? "leave the " + noun() + " as it is; ask the operator for a new one if more work is needed."
            : "move the " + noun() + " to " + String.join(" or ", targets) + " first.",
        "None; the " + noun() + " lifecycle lists the legal moves.");
  }

  private List<String> targets() {
    return recordType().map(t -> targetsOf(t, action(), request.actor().kind().wireName())).orElse(List.of());
  }

  private static <S extends Enum<S> & WireNamed> List<String> targetsOf(RecordType<?, S> type, RecordAction action,
      String kind) {
    S from = type.lifecycle().parse("fromStatus", action.fromStatus().orElseThrow());
    return type.lifecycle().targets(from, WireNamed.parse(dev.partnerkit.domain.ActorKind.class, "kind", kind))
        .stream().map(s -> words(s.wireName())).toList();
  }

  /** The membership flag the blocked action needs. */
  private String flagNeeded() {
    if (request.intent() == IntentKind.INVITE_MEMBER) {
      return "can_invite";
    }
    return request.surface().filter(sf -> sf == Surface.RUN_OF_SHOW || sf == Surface.VENUE_PLANS).isPresent()
        ? "can_manage_events" : "can_view_metrics";
  }

  private String doingForFlag() {
    return request.intent() == IntentKind.INVITE_MEMBER ? "inviting" : "the " + surfaceName() + " surface"
        + (request.operation() == dev.partnerkit.domain.Operation.WRITE ? " (changing it)" : "");
  }

  private String inviteExpiry() {
    return request.actor() instanceof PartnerMember member && member.inviteExpiresAt().isPresent()
        ? " on " + date(member.inviteExpiresAt().get()) : "";
  }

  private java.util.Optional<RecordType<?, ?>> recordType() {
    return facts.recordType();
  }

  private RecordAction action() {
    return request.record().orElseThrow();
  }

  private String noun() {
    return recordType().map(RecordType::noun).orElse("record");
  }

  /** "task 'Attach the rental proof'", or "this task" when the record has no title yet. */
  private String recordName() {
    return action().title().map(t -> noun() + " '" + t + "'").orElse("this " + noun());
  }

  /** "annotation 'Move the bar'" for a record request, otherwise "annotations" (the surface). */
  private String recordOrSurface() {
    return request.record().isPresent() ? recordName() : surfaceName();
  }

  /** Who owns fixing the actor's own request: the operator for an operator, the partner otherwise. */
  private NextStepOwner ownSide() {
    return request.actor() instanceof OperatorUser ? NextStepOwner.OPERATOR : NextStepOwner.PARTNER;
  }

  private String openPrerequisites() {
    StringJoiner out = new StringJoiner(", ");
    for (RecordRef ref : new TreeSet<>(action().openPrerequisites())) { // sorted: equal requests, equal words
      out.add(ref.id());
    }
    return (action().openPrerequisites().size() == 1 ? "the " + noun() + " " : "the " + noun() + "s ") + out;
  }

  /** The people the request names who could not see the record, by id, sorted: only ids the actor gave. */
  private String outOfReach() {
    StringJoiner out = new StringJoiner(", ");
    for (RecordRef ref : new TreeSet<>(action().audienceOutOfReach())) {
      out.add(ref.id());
    }
    return out.toString();
  }

  /** The next step is the acting side's own: the operator's for an operator, the partner's otherwise. */
  private String from() {
    return words(action().fromStatus().orElse(""));
  }

  private String to() {
    return words(action().toStatus().orElse(""));
  }

  /** What the request does, as a gerund phrase: "moving a task", "reading", "managing access grants". */
  private String doing() {
    String noun = request.record().isPresent() ? noun() : "record";
    return switch (request.intent()) {
      case VIEW -> "reading";
      case CONTRIBUTE -> "adding evidence";
      case CREATE -> "creating " + article(noun) + (request.record().map(r -> r.linkRelations().isEmpty()).orElse(true)
          ? "" : " with " + String.join(", ", new TreeSet<>(request.record().get().linkRelations())) + " links");
      case TRANSITION -> "moving " + article(noun);
      case REVISE -> "revising " + article(noun);
      case LINK -> "linking " + article(noun);
      case UNLINK -> "unlinking " + article(noun);
      case MANAGE_GRANTS -> "managing access grants";
      case MANAGE_ENTITLEMENTS -> "setting entitlements";
      case MANAGE_DIRECTORY -> "managing the partner directory";
      case INVITE_MEMBER -> "inviting a member";
      case ACCEPT_INVITATION -> "accepting an invitation";
      case REVOKE_ACCESS -> "taking access away";
    };
  }

  private String infinitive() {
    String where = request.surface().map(s -> " on " + s.wireName()).orElse(" for occasion " + request.occasionId());
    return switch (request.intent()) {
      case VIEW -> "read" + where;
      case CONTRIBUTE -> "add evidence" + where;
      case CREATE -> "create " + (request.record().isPresent() ? "the " + noun() : "it");
      case TRANSITION -> "move " + recordName();
      case REVISE -> "revise " + recordName();
      case LINK -> "link " + recordName();
      case UNLINK -> "unlink " + recordName();
      case MANAGE_GRANTS -> "manage access grants";
      case MANAGE_ENTITLEMENTS -> "set the entitlements of occasion " + request.occasionId();
      case MANAGE_DIRECTORY -> "change the partner directory";
      case INVITE_MEMBER -> "invite the member";
      case ACCEPT_INVITATION -> "accept the invitation";
      case REVOKE_ACCESS -> "take the access away (a safety action, always available)";
    };
  }

  private String requestedScope() {
    return "occasion " + request.occasionId() + request.eventId().map(e -> ", event " + e).orElse(
        request.exactScope() ? ", with no event" : "")
        + request.resourceId().map(r -> ", resource " + r).orElse("")
        + request.dataClass().map(c -> ", data class " + c.wireName()).orElse("");
  }

  private String dataClassName() {
    return request.dataClass().map(DataClass::wireName).orElse("this");
  }

  private String partnerName() {
    if (request.actor() instanceof OperatorUser) {
      return "the partner";
    }
    return facts.partner().filter(p -> request.actor().actingPartner().map(p.partnerId()::equals).orElse(false))
        .map(Partner::name).orElse("partner " + actingPartnerId());
  }

  private String actingPartnerId() {
    return request.actor().actingPartner().map(Object::toString).orElse("");
  }

  private String actorName() {
    Actor actor = request.actor();
    if (actor instanceof OperatorUser operator) {
      return operator.displayName();
    }
    if (actor instanceof PartnerMember member) {
      return member.displayName();
    }
    return ((IntegrationPrincipal) actor).name();
  }

  private String tenantName() {
    return facts.tenant().name();
  }

  private String surfaceName() {
    return request.surface().map(Surface::wireName).orElse("this occasion");
  }

  private String date(Instant instant) {
    return LocalDate.ofInstant(instant, facts.tenant().zone()).toString();
  }

  private static String id(@Nullable AccessGrant grant) {
    return grant == null ? "" : grant.grantId().value();
  }

  /** "a task", "an annotation". */
  private static String article(String noun) {
    return ("aeiou".indexOf(Character.toLowerCase(noun.charAt(0))) >= 0 ? "an " : "a ") + noun;
  }

  private static String words(String wireName) {
    return wireName.replace('_', ' ');
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
