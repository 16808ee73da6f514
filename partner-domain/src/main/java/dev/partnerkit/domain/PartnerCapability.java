package dev.partnerkit.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The grant-level capabilities a partner can hold, one per kind of partner contribution. A grant lists the
 * capabilities it gives; each {@link Surface} names the one it needs.
 */
public enum PartnerCapability implements WireNamed {
  /** Write entity-scoped comments (never internal-only). */
  COMMENT,
  /** Read the visibility-filtered activity timeline. */
  VIEW_ACTIVITY,
  /** Move partner tasks through to_do, in_progress, blocked and submitted. */
  MANAGE_TASK,
  /** Respond to observed readiness blockers with evidence. */
  RESPOND_BLOCKER,
  /** Propose and confirm partner staff for review. */
  CONFIRM_STAFFING,
  /** Share partner staff availability windows (read-only portal surface). */
  SHARE_AVAILABILITY,
  /** Place partner inventory holds and report conflicts. */
  RESERVE_INVENTORY,
  /** Propose run-of-show versions. */
  EDIT_RUN_OF_SHOW,
  /** Decide approval requests on exact artifact versions. */
  APPROVE_ARTIFACT,
  /** Annotate exact artifact versions. */
  ANNOTATE_ARTIFACT,
  /** Share venue layouts and zone-map annotations. */
  MANAGE_VENUE_PLAN,
  /** Recommend an option of an issued proposal option set. */
  RECOMMEND_PROPOSAL_OPTION,
  /** Read partner-safe payment milestones (read-only portal surface). */
  VIEW_PAYMENT_SUMMARY,
  /** Answer operator smart-request templates. */
  SUBMIT_SMART_REQUEST,
  /** Confirm or dispute commercial field states. */
  REVIEW_FIELD_CONFIDENCE,
  /** Report issues with severity and photo evidence. */
  REPORT_ISSUE,
  /** Read the partner scorecard (read-only portal surface). */
  VIEW_SCORECARD;

  private final String wireName = name().toLowerCase(Locale.ROOT);

  @JsonValue
  @Override
  public String wireName() {
    return wireName;
  }
}
