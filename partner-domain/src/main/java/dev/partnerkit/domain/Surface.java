package dev.partnerkit.domain;

import static dev.partnerkit.domain.SourceTruth.BLOCKER_ASSIGNMENT;
import static dev.partnerkit.domain.SourceTruth.BLOCKER_WAIVER;
import static dev.partnerkit.domain.SourceTruth.COMMERCIAL_FIELD_TRUTH;
import static dev.partnerkit.domain.SourceTruth.INVENTORY_RESERVATION;
import static dev.partnerkit.domain.SourceTruth.JOB_SCOPE;
import static dev.partnerkit.domain.SourceTruth.PAYMENT_SETTLEMENT;
import static dev.partnerkit.domain.SourceTruth.PROPOSAL_ACCEPTANCE;
import static dev.partnerkit.domain.SourceTruth.PROVIDER_DELIVERY;
import static dev.partnerkit.domain.SourceTruth.QUOTE;
import static dev.partnerkit.domain.SourceTruth.READINESS_CLEARANCE;
import static dev.partnerkit.domain.SourceTruth.SCHEDULE_ASSIGNMENT;
import static dev.partnerkit.domain.SourceTruth.STAFFING_ASSIGNMENT;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The catalogue of partner surfaces, as data a host can mount routes from: for each surface its internal operator
 * path, its partner portal path, the capability the portal side needs, whether the portal side is read-only (GET
 * only), the entities it carries, and the source truths it must never promote.
 *
 * <pre>{@code
 * for (Surface s : Surface.values()) {
 *   router.mount(s.portalPath(), s.portalReadOnly() ? GET_ONLY : READ_WRITE, s);
 * }
 * }</pre>
 */
public enum Surface implements WireNamed {
  /** Partner documents, versions, links, tags and document access grants. */
  DOCUMENTS("documents", null, false,
      "Files support operating review; they do not promote commercial, payment, or readiness state.",
      List.of("PartnerDocument", "DocumentVersion", "DocumentLink", "DocumentAccessGrant", "DocumentTag"),
      EnumSet.of(PROPOSAL_ACCEPTANCE, PAYMENT_SETTLEMENT, READINESS_CLEARANCE, PROVIDER_DELIVERY,
          COMMERCIAL_FIELD_TRUTH)),
  /** Entity-scoped conversation threads. */
  COMMENTS("comments", PartnerCapability.COMMENT, false,
      "Comments support coordination without becoming source truth.",
      List.of("CommentThread", "Comment", "Mention", "Reaction"),
      EnumSet.of(PAYMENT_SETTLEMENT, READINESS_CLEARANCE, BLOCKER_WAIVER)),
  /** Visibility-filtered timeline of what changed. */
  ACTIVITY("activity", PartnerCapability.VIEW_ACTIVITY, true,
      "Timeline entries help operators and partners see what changed without changing source truth.",
      List.of("PartnerActivity"),
      EnumSet.of(PROPOSAL_ACCEPTANCE, PAYMENT_SETTLEMENT, READINESS_CLEARANCE, PROVIDER_DELIVERY)),
  /** Durable task lanes for handoffs, submissions, blockers, dependencies and SLA review. */
  TASKS("tasks", PartnerCapability.MANAGE_TASK, false,
      "Partner task movement is collaboration evidence, not source-of-truth promotion.",
      List.of("PartnerTask", "TaskAssignment", "TaskDependency", "TaskSla", "TaskStatus"),
      EnumSet.of(READINESS_CLEARANCE)),
  /** Partner responses to observed readiness blockers. */
  BLOCKERS("blockers", PartnerCapability.RESPOND_BLOCKER, false,
      "Partner triage is evidence for review, not readiness clearance.",
      List.of("JobReadinessBlockerObservation", "BlockerAssignment", "BlockerWaiver", "PartnerBlockerResponse"),
      EnumSet.of(READINESS_CLEARANCE, BLOCKER_WAIVER, BLOCKER_ASSIGNMENT)),
  /** Partner staff, assignment proposals and confirmations. */
  STAFFING("staffing", PartnerCapability.CONFIRM_STAFFING, false,
      "Partner proposals and confirmations support scheduling review without becoming the canonical assignment.",
      List.of("PartnerStaffMember", "StaffAvailability", "PartnerStaffingAssignmentProposal",
          "AssignmentConfirmation", "StaffingAssignment"),
      EnumSet.of(STAFFING_ASSIGNMENT, READINESS_CLEARANCE, PAYMENT_SETTLEMENT, PROVIDER_DELIVERY)),
  /** Partner staff windows summarised for capacity review. */
  AVAILABILITY("availability", PartnerCapability.SHARE_AVAILABILITY, true,
      "Capacity views coordinate planning without changing the source staffing or commercial state.",
      List.of("PartnerStaffAvailabilityWindow", "PartnerStaffMember", "AvailabilityState", "CapacitySignal"),
      EnumSet.of(STAFFING_ASSIGNMENT, READINESS_CLEARANCE, PAYMENT_SETTLEMENT, PROPOSAL_ACCEPTANCE,
          PROVIDER_DELIVERY)),
  /** Partner-visible holds, reservation states and conflict evidence. */
  INVENTORY("inventory", PartnerCapability.RESERVE_INVENTORY, false,
      "Partner inventory holds support planning without becoming canonical stock reservation proof.",
      List.of("InventoryReservation", "InventoryItem", "ReservationState", "PartnerInventoryHold",
          "PartnerInventoryConflict"),
      EnumSet.of(INVENTORY_RESERVATION, READINESS_CLEARANCE, PAYMENT_SETTLEMENT, PROVIDER_DELIVERY)),
  /** Versioned partner timelines for delivery, setup, service, breakdown and pickup. */
  RUN_OF_SHOW("run-of-show", PartnerCapability.EDIT_RUN_OF_SHOW, false,
      "Timeline collaboration supports execution review without promoting readiness or schedule truth.",
      List.of("RunOfShow", "RunOfShowVersion", "RunOfShowItem", "RunOfShowApproval"),
      EnumSet.of(SCHEDULE_ASSIGNMENT, READINESS_CLEARANCE, PAYMENT_SETTLEMENT, PROVIDER_DELIVERY)),
  /** Approval requests and decisions on exact artifact versions. */
  APPROVALS("approvals", PartnerCapability.APPROVE_ARTIFACT, false,
      "Partner artifact approvals are evidence for review, not commercial acceptance or operations clearance.",
      List.of("ApprovalRequest", "ApprovalRequirement", "ApprovalDecision", "ApprovalEvidence"),
      EnumSet.of(PROPOSAL_ACCEPTANCE, PAYMENT_SETTLEMENT, READINESS_CLEARANCE, PROVIDER_DELIVERY)),
  /** Version-specific annotations (redlines). */
  ANNOTATIONS("annotations", PartnerCapability.ANNOTATE_ARTIFACT, false,
      "Redlines help teams review exact artifact versions without promoting source truth.",
      List.of("AnnotationTarget", "Annotation", "AnnotationStatus", "AnnotationResolution"),
      EnumSet.of(PROPOSAL_ACCEPTANCE, PAYMENT_SETTLEMENT, READINESS_CLEARANCE, PROVIDER_DELIVERY)),
  /** Venues, spaces, layouts and zone-map annotations. */
  VENUE_PLANS("venue-plans", PartnerCapability.MANAGE_VENUE_PLAN, false,
      "Floorplans and zone maps help review venue logistics without becoming schedule, staffing, inventory, "
          + "payment, or readiness truth.",
      List.of("Venue", "VenueSpace", "VenueLayout", "LayoutAnnotation", "EventVenuePlan"),
      EnumSet.of(READINESS_CLEARANCE, SCHEDULE_ASSIGNMENT, STAFFING_ASSIGNMENT, INVENTORY_RESERVATION,
          PAYMENT_SETTLEMENT, PROPOSAL_ACCEPTANCE, PROVIDER_DELIVERY)),
  /** Partner guidance over issued proposal option sets. */
  PROPOSAL_OPTIONS("proposal-options", PartnerCapability.RECOMMEND_PROPOSAL_OPTION, false,
      "Recommendations help ops review partner preference without changing proposal acceptance or job scope.",
      List.of("ProposalOptionSet", "ProposalOption", "PartnerOptionRecommendation",
          "SelectedProposalOptionSnapshot"),
      EnumSet.of(PROPOSAL_ACCEPTANCE, PAYMENT_SETTLEMENT, READINESS_CLEARANCE, JOB_SCOPE, PROVIDER_DELIVERY)),
  /** Partner-safe payment checkpoints. */
  PAYMENT_MILESTONES("payment-milestones", PartnerCapability.VIEW_PAYMENT_SUMMARY, true,
      "Milestones summarize payment evidence for review without becoming settlement, acceptance, or readiness "
          + "authority.",
      List.of("PaymentMilestone", "PaymentTransaction", "PaymentHandoffLifecycleEvent",
          "JobPaymentStatusProjection"),
      EnumSet.of(PAYMENT_SETTLEMENT, PROPOSAL_ACCEPTANCE, READINESS_CLEARANCE, JOB_SCOPE, PROVIDER_DELIVERY)),
  /** Operator request templates and partner-submitted field-state evidence. */
  SMART_REQUESTS("smart-requests", PartnerCapability.SUBMIT_SMART_REQUEST, false,
      "Requests collect partner answers and field states for operator review without changing commercial truth.",
      List.of("PartnerSmartRequestTemplate", "PartnerSmartRequestField", "PartnerSmartRequestResponse",
          "PartnerSmartRequestFieldState"),
      EnumSet.of(QUOTE, COMMERCIAL_FIELD_TRUTH, PROPOSAL_ACCEPTANCE, PAYMENT_SETTLEMENT, READINESS_CLEARANCE,
          PROVIDER_DELIVERY)),
  /** Partner confirmations and disputes of commercial field states. */
  FIELD_CONFIDENCE("field-confidence", PartnerCapability.REVIEW_FIELD_CONFIDENCE, false,
      "Partner confidence helps operators decide what to trust without becoming commercial truth.",
      List.of("PartnerFieldConfidenceReview", "CommercialFieldState", "ProvenanceFact", "PartnerActivity"),
      EnumSet.of(COMMERCIAL_FIELD_TRUTH, PROPOSAL_ACCEPTANCE, PAYMENT_SETTLEMENT, READINESS_CLEARANCE,
          PROVIDER_DELIVERY)),
  /** Partner-reported issues with severity and photo evidence. */
  ISSUES("issues", PartnerCapability.REPORT_ISSUE, false,
      "Issue photos help ops decide what to triage without becoming source resolution.",
      List.of("PartnerIssueReport", "IssuePhotoEvidence", "PartnerActivity", "OpsTriage"),
      EnumSet.of(READINESS_CLEARANCE, BLOCKER_WAIVER, STAFFING_ASSIGNMENT, INVENTORY_RESERVATION,
          SCHEDULE_ASSIGNMENT, PAYMENT_SETTLEMENT, PROPOSAL_ACCEPTANCE, PROVIDER_DELIVERY)),
  /** Derived task, SLA, issue, photo and staffing-confirmation signals. */
  SCORECARD("scorecard", PartnerCapability.VIEW_SCORECARD, true,
      "Scorecards summarize partner collaboration health without becoming commercial, readiness, payment, or "
          + "delivery authority.",
      List.of("PartnerScorecard", "PartnerTaskSla", "IssueMetrics", "StaffingConfirmations"),
      EnumSet.of(COMMERCIAL_FIELD_TRUTH, READINESS_CLEARANCE, BLOCKER_WAIVER, STAFFING_ASSIGNMENT,
          INVENTORY_RESERVATION, SCHEDULE_ASSIGNMENT, PAYMENT_SETTLEMENT, PROPOSAL_ACCEPTANCE,
          PROVIDER_DELIVERY));

  /** Prefix of every internal operator path. */
  public static final String INTERNAL_PREFIX = "/api/v1/partners/";
  /** Prefix of every partner portal path. */
  public static final String PORTAL_PREFIX = "/api/v1/partner-portal/";

  private final String wireName;
  private final @Nullable PartnerCapability requiredCapability;
  private final boolean portalReadOnly;
  private final String purpose;
  private final List<String> entities;
  private final Set<SourceTruth> neverPromotes;
  private final String internalPath;
  private final String portalPath;

  Surface(String wireName, @Nullable PartnerCapability requiredCapability, boolean portalReadOnly, String purpose,
      List<String> entities, EnumSet<SourceTruth> neverPromotes) {
    this.wireName = wireName;
    this.requiredCapability = requiredCapability;
    this.portalReadOnly = portalReadOnly;
    this.purpose = purpose;
    this.entities = entities;
    this.neverPromotes = Collections.unmodifiableSet(neverPromotes);
    this.internalPath = INTERNAL_PREFIX + wireName;
    this.portalPath = PORTAL_PREFIX + wireName;
  }

  /** @return the path segment and wire name, e.g. {@code run-of-show} */
  @JsonValue
  @Override
  public String wireName() {
    return wireName;
  }

  /** @return the internal operator path, e.g. {@code /api/v1/partners/tasks} */
  public String internalPath() {
    return internalPath;
  }

  /** @return the partner portal path, e.g. {@code /api/v1/partner-portal/tasks} */
  public String portalPath() {
    return portalPath;
  }

  /**
   * The capability the portal side needs. Documents need none: they are shared only by a grant that names the
   * {@code documents} surface explicitly (the document access grant of the seeds).
   *
   * @return the capability, or empty for {@link #DOCUMENTS}
   */
  public Optional<PartnerCapability> requiredCapability() {
    return Optional.ofNullable(requiredCapability);
  }

  /** @return the capability or null; allocation-free accessor for the decision hot path */
  public @Nullable PartnerCapability requiredCapabilityOrNull() {
    return requiredCapability;
  }

  /** @return whether the portal side is GET-only */
  public boolean portalReadOnly() {
    return portalReadOnly;
  }

  /** @return one sentence on what the surface is for and what it is not */
  public String purpose() {
    return purpose;
  }

  /** @return the entity names the surface carries */
  public List<String> entities() {
    return entities;
  }

  /** @return the source truths this surface must never promote */
  public Set<SourceTruth> neverPromotes() {
    return neverPromotes;
  }
}
