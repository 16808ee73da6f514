package dev.partnerkit.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Stable reason codes of access decisions. Constants are declared in pipeline order: a code's {@link #check()} is the
 * check that produces it, and among several grants of one partner the decision explains the one that got furthest
 * (the highest ordinal). Wire names never change.
 */
public enum ReasonCode implements WireNamed {
  /** Allowed: an operator acting inside the tenant with a fitting role. */
  ALLOWED_FOR_OPERATOR(null, NextStepOwner.OPERATOR),
  /** Allowed: an active grant covers the request. */
  ALLOWED_BY_GRANT(null, NextStepOwner.PARTNER),
  /** Allowed: an active member acts on its own partner's memberships (inviting with can_invite, accepting). */
  ALLOWED_FOR_MEMBER(null, NextStepOwner.PARTNER),

  /** vendor_access is not part of the product for this occasion: unavailable product scope, not a permission. */
  PRODUCT_SCOPE_UNAVAILABLE(DecisionCheck.PRODUCT_SCOPE, NextStepOwner.BILLING_ADMIN),

  /** The actor does not resolve into context: membership not active, principal disabled, unknown partner. */
  ACTOR_NOT_RESOLVED(DecisionCheck.ACTOR, NextStepOwner.PARTNER),
  /** A partner or integration asked for an operator-only action (grants, entitlements, the directory, creating tasks). */
  OPERATOR_ONLY_ACTION(DecisionCheck.ACTOR, NextStepOwner.OPERATOR),
  /** The operator's roles do not include one this action needs. */
  OPERATOR_ROLE_MISSING(DecisionCheck.ACTOR, NextStepOwner.OPERATOR),

  /**
   * The request names a data class no integration principal may ever receive (guest tokens, guest profiles, planner
   * notes, private threads, internal tasks), whatever its grants say.
   */
  DATA_CLASS_FORBIDDEN(DecisionCheck.ACTOR, NextStepOwner.OPERATOR),

  /** No grant of this tenant exists for the partner. */
  NO_GRANT(DecisionCheck.GRANT, NextStepOwner.OPERATOR),
  /** The grant is issued but not yet activated. */
  GRANT_PENDING(DecisionCheck.GRANT, NextStepOwner.OPERATOR),
  /** The grant is suspended. */
  GRANT_SUSPENDED(DecisionCheck.GRANT, NextStepOwner.OPERATOR),
  /** The grant is revoked. */
  GRANT_REVOKED(DecisionCheck.GRANT, NextStepOwner.OPERATOR),
  /** The grant expired (by status or because its window ended). */
  GRANT_EXPIRED(DecisionCheck.GRANT, NextStepOwner.OPERATOR),
  /** The grant's validity window has not started. */
  GRANT_NOT_YET_VALID(DecisionCheck.GRANT, NextStepOwner.OPERATOR),
  /** The grant is narrowed to other members or to another principal (or to people, for a machine). */
  GRANT_NOT_FOR_ACTOR(DecisionCheck.GRANT, NextStepOwner.OPERATOR),

  /** The occasion, event or resource is outside the grant's scope. */
  OUT_OF_SCOPE(DecisionCheck.SCOPE, NextStepOwner.OPERATOR),
  /** The surface is not among the grant's surfaces. */
  SURFACE_NOT_GRANTED(DecisionCheck.SCOPE, NextStepOwner.OPERATOR),

  /** The grant lacks the capability the surface needs. */
  CAPABILITY_MISSING(DecisionCheck.CAPABILITY, NextStepOwner.OPERATOR),

  /** The portal side of this surface is read-only (GET only). */
  READ_ONLY_SURFACE(DecisionCheck.SURFACE_MODE, NextStepOwner.OPERATOR),
  /** The integration principal is read-only. */
  INTEGRATION_READ_ONLY(DecisionCheck.SURFACE_MODE, NextStepOwner.OPERATOR),

  /**
   * The member lacks a membership flag the action needs: can_view_metrics (scorecard, metrics), can_invite
   * (inviting), can_manage_events (writing run-of-show and venue plans).
   */
  MEMBER_FLAG_MISSING(DecisionCheck.SURFACE_RULE, NextStepOwner.PARTNER),
  /** There is no open invitation to accept: it was accepted already, withdrawn, or never sent. */
  INVITATION_NOT_OPEN(DecisionCheck.SURFACE_RULE, NextStepOwner.PARTNER),
  /** The invitation expired before it was accepted. */
  INVITATION_EXPIRED(DecisionCheck.SURFACE_RULE, NextStepOwner.PARTNER),
  /** The record is with another partner. (Partner sessions never get this far: to them such a record does not exist.) */
  RECORD_NOT_FOR_PARTNER(DecisionCheck.SURFACE_RULE, NextStepOwner.OPERATOR),
  /** The move is legal, but only for operators (approve, send back). */
  OPERATOR_ONLY_TRANSITION(DecisionCheck.SURFACE_RULE, NextStepOwner.OPERATOR),
  /** The record type's lifecycle lists no such move. */
  TRANSITION_NOT_ALLOWED(DecisionCheck.SURFACE_RULE, NextStepOwner.PARTNER),
  /** The record's prerequisites (a task's dependencies) are not closed yet. */
  PREREQUISITES_OPEN(DecisionCheck.SURFACE_RULE, NextStepOwner.OPERATOR),
  /** Approvals and annotations must attach to an exact artifact version; the target named is none. */
  EXACT_ARTIFACT_VERSION_REQUIRED(DecisionCheck.SURFACE_RULE, NextStepOwner.PARTNER),
  /**
   * The record never changes once recorded (an artifact version, an annotation, an approval decision, a comment): a
   * change is a new record, never an edit.
   */
  RECORD_IMMUTABLE(DecisionCheck.SURFACE_RULE, NextStepOwner.OPERATOR),
  /** A decision on an approval request that is closed or withdrawn. */
  APPROVAL_REQUEST_NOT_OPEN(DecisionCheck.SURFACE_RULE, NextStepOwner.OPERATOR),
  /** Partners cannot create internal-only records. */
  PARTNER_RECORD_CANNOT_BE_INTERNAL(DecisionCheck.SURFACE_RULE, NextStepOwner.PARTNER),
  /** A person named through the record type's audience relation (a mention) could not see the record. */
  PERSON_CANNOT_SEE_RECORD(DecisionCheck.SURFACE_RULE, NextStepOwner.PARTNER),

  /** The command would promote a source truth; partners and integrations never can. */
  SOURCE_TRUTH_PROTECTED(DecisionCheck.SOURCE_TRUTH, NextStepOwner.OPERATOR);

  private final String wireName = name().toLowerCase(Locale.ROOT);
  private final @Nullable DecisionCheck check;
  private final NextStepOwner owner;

  ReasonCode(@Nullable DecisionCheck check, NextStepOwner owner) {
    this.check = check;
    this.owner = owner;
  }

  @JsonValue
  @Override
  public String wireName() {
    return wireName;
  }

  /**
   * @return whether this code allows the request
   */
  public boolean allows() {
    return check == null;
  }

  /**
   * @return the check that blocks with this code, or null for the allowing codes
   */
  public @Nullable DecisionCheck check() {
    return check;
  }

  /**
   * @return who usually owns the next step when this code decides; a decision may name another owner when the
   *     situation says so (e.g. {@code actor_not_resolved} for a disabled integration is the operator's to fix), so
   *     read {@link Decision#nextStepOwner()} for the answer
   */
  public NextStepOwner owner() {
    return owner;
  }
}
