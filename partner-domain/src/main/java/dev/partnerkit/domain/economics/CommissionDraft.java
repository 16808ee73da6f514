package dev.partnerkit.domain.economics;

import dev.partnerkit.domain.InvalidValueException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.time.Instant;

/**
 * A commission as an operator records it (the body a host binds from {@code POST .../commissions}): the referral it
 * is for (the commission goes to that referral's partner), a positive amount in minor units with its currency, and
 * when it was earned. Every component carries the {@code jakarta.validation} constraint its constructor checks, with
 * the same message.
 *
 * @param referralId the referral the commission is for
 * @param amountMinor the amount in minor units, more than zero
 * @param currency the ISO 4217 code
 * @param earnedAt when it was earned (kept to microseconds)
 */
public record CommissionDraft(
    @NotNull(message = "referralId is required")
    ReferralId referralId,
    @Positive(message = "amountMinor must be more than zero")
    @Max(value = Money.MAX_AMOUNT_MINOR, message = "amountMinor must be at most 1000000000000000")
    long amountMinor,
    @NotNull(message = "currency is required")
    @Pattern(regexp = Inputs.CURRENCY, message = "currency must be an ISO 4217 code of three capital letters")
    String currency,
    @NotNull(message = "earnedAt is required")
    Instant earnedAt) {
  /**
   * Validates every component.
   *
   * @throws InvalidValueException naming the first invalid component, with its constraint's message
   */
  public CommissionDraft {
    Inputs.required("referralId", referralId);
    Inputs.positive("amountMinor", amountMinor);
    Inputs.atMost("amountMinor", amountMinor, Money.MAX_AMOUNT_MINOR);
    Inputs.currency("currency", currency);
    earnedAt = Inputs.instant("earnedAt", earnedAt);
  }

  /** @return the amount as money */
  public Money amount() {
    return Money.of(amountMinor, currency);
  }
}
