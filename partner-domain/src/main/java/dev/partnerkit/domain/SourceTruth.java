package dev.partnerkit.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Facts owned by the host's own services. Partnerkit reads them and links evidence to them; nothing a partner or an
 * integration does may promote one. A request lists the source truths its command would change in
 * {@link AccessRequest#effects()}; for partners and integrations any such effect is refused.
 */
public enum SourceTruth implements WireNamed {
  /** A proposal accepted by the customer. */
  PROPOSAL_ACCEPTANCE("proposal acceptance"),
  /** A payment settled. */
  PAYMENT_SETTLEMENT("payment settlement"),
  /** A job's readiness cleared. */
  READINESS_CLEARANCE("job readiness clearance"),
  /** A readiness blocker waived. */
  BLOCKER_WAIVER("blocker waiver"),
  /** A readiness blocker assigned. */
  BLOCKER_ASSIGNMENT("blocker assignment"),
  /** A canonical staffing assignment. */
  STAFFING_ASSIGNMENT("canonical staffing assignment"),
  /** A canonical inventory reservation. */
  INVENTORY_RESERVATION("canonical inventory reservation"),
  /** A canonical schedule assignment. */
  SCHEDULE_ASSIGNMENT("canonical schedule assignment"),
  /** The scope of a job. */
  JOB_SCOPE("job scope"),
  /** Commercial field truth (prices, counts, terms). */
  COMMERCIAL_FIELD_TRUTH("commercial field truth"),
  /** A quote. */
  QUOTE("quote"),
  /** Proof that a provider delivered. */
  PROVIDER_DELIVERY("provider delivery proof");

  private final String wireName = name().toLowerCase(Locale.ROOT);
  private final String label;

  SourceTruth(String label) {
    this.label = label;
  }

  @JsonValue
  @Override
  public String wireName() {
    return wireName;
  }

  /**
   * @return the plain-words name used in explanations, e.g. "proposal acceptance"
   */
  public String label() {
    return label;
  }
}
