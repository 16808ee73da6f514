package dev.partnerkit.domain.economics;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.internal.Checks;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A stored commission the tenant owes (or owed) a partner for one of its referrals: a positive amount, when it was
 * earned, and where it stands ({@link CommissionStatus#LIFECYCLE}). Valid timestamps: a paid commission says when it
 * was paid, never before it was earned; an owed or void one has no payment time. Versioned like a referral.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableCommission.class)
@JsonDeserialize(as = ImmutableCommission.class)
public abstract class Commission {
  /** @return the tenant */
  public abstract TenantId tenantId();

  /** @return the commission */
  public abstract CommissionId commissionId();

  /** @return the partner it is owed to: the referral's partner */
  public abstract PartnerId partnerId();

  /** @return the referral it is for */
  public abstract ReferralId referralId();

  /** @return the amount, more than zero */
  public abstract Money amount();

  /** @return where it stands */
  @Value.Default
  public CommissionStatus status() {
    return CommissionStatus.OWED;
  }

  /** @return when it was earned (microseconds) */
  public abstract Instant earnedAt();

  /** @return when it was paid; present exactly when it is paid */
  public abstract Optional<Instant> paidAt();

  /** @return the optimistic version */
  @Value.Default
  public long version() {
    return 0;
  }

  @Value.Check
  protected void check() {
    Inputs.positive("amountMinor", amount().amountMinor());
    Checks.check(!Checks.finerThanMicros(earnedAt()), "earnedAt",
        "earnedAt must be at microsecond precision, but was " + earnedAt());
    Checks.check(paidAt().isPresent() == (status() == CommissionStatus.PAID), "paidAt",
        "paidAt must be present exactly when the commission is paid, but status was " + status().wireName()
            + " and paidAt was " + paidAt().map(Instant::toString).orElse("empty"));
    paidAt().ifPresent(paid -> {
      Checks.check(!Checks.finerThanMicros(paid), "paidAt", "paidAt must be at microsecond precision, but was "
          + paid);
      Checks.check(!paid.isBefore(earnedAt()), "paidAt", "paidAt must not be before earnedAt (" + earnedAt()
          + "), but was " + paid);
    });
    Checks.nonNegative("version", version());
  }

  /** @return a new builder */
  public static ImmutableCommission.Builder builder() {
    return ImmutableCommission.builder();
  }

  /** @return this commission paid at {@code paidAt} (kept to microseconds), one version on */
  public Commission paid(Instant paidAt) {
    // one build: with* would check the paid status before the payment time is set
    return builder().from(this).status(CommissionStatus.PAID)
        .paidAt(Checks.micros(Checks.required("paidAt", paidAt))).version(version() + 1).build();
  }

  /** @return this commission void, one version on */
  public Commission voided() {
    return builder().from(this).status(CommissionStatus.VOID).version(version() + 1).build();
  }
}
