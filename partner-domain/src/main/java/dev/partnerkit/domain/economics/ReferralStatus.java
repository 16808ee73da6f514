package dev.partnerkit.domain.economics;

import static dev.partnerkit.domain.ActorKind.OPERATOR;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.partnerkit.domain.Lifecycle;
import dev.partnerkit.domain.WireNamed;
import java.util.Locale;

/**
 * Where a referral (a client a partner sent to the tenant) stands. Its lifecycle, {@link #LIFECYCLE}, moves forward
 * only and ends in {@code won} or {@code lost}; operators make every move (a partner's word about a referral is
 * evidence, not a status):
 *
 * <pre>
 * from       to         operator
 * open       contacted  yes
 * contacted  qualified  yes
 * qualified  won        yes
 * open       lost       yes
 * contacted  lost       yes
 * qualified  lost       yes
 * </pre>
 *
 * {@code open}, {@code contacted} and {@code qualified} are the pipeline: their estimated values add up to the
 * directory's pipeline value. {@code won} and {@code lost} are final.
 */
public enum ReferralStatus implements WireNamed {
  /** Received, nobody has spoken to the client yet. */
  OPEN,
  /** The tenant has reached the client. */
  CONTACTED,
  /** The client is a real prospect. */
  QUALIFIED,
  /** The client booked: final; a commission may be owed for it. */
  WON,
  /** The client will not book: final. */
  LOST;

  /** The referral lifecycle: operators only, forward only, ending in won or lost. */
  public static final Lifecycle<ReferralStatus> LIFECYCLE = Lifecycle.builder(ReferralStatus.class, OPEN)
      .allow(OPEN, CONTACTED, OPERATOR)
      .allow(CONTACTED, QUALIFIED, OPERATOR)
      .allow(QUALIFIED, WON, OPERATOR)
      .allow(OPEN, LOST, OPERATOR)
      .allow(CONTACTED, LOST, OPERATOR)
      .allow(QUALIFIED, LOST, OPERATOR)
      .build();

  private final String wireName = name().toLowerCase(Locale.ROOT);

  /** @return whether a referral in this status is in the pipeline (not won or lost yet) */
  public boolean inPipeline() {
    return this == OPEN || this == CONTACTED || this == QUALIFIED;
  }

  @JsonValue
  @Override
  public String wireName() {
    return wireName;
  }
}
