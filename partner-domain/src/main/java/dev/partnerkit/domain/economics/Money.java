package dev.partnerkit.domain.economics;

import dev.partnerkit.domain.InvalidValueException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import java.util.Currency;

/**
 * An amount of money: a whole number of minor units (cents for USD, yen for JPY) and an ISO 4217 currency code. No
 * floating point anywhere: amounts are added exactly and an overflow is an error, never a wrap. Amounts are zero or
 * more and at most {@link #MAX_AMOUNT_MINOR} (so that sums of many fit a {@code long}). In JSON:
 * {@code {"amountMinor": 120000, "currency": "USD"}}.
 *
 * @param amountMinor the amount in minor units, 0 to {@link #MAX_AMOUNT_MINOR}
 * @param currency the ISO 4217 code, three capital letters
 */
public record Money(
    @PositiveOrZero(message = "amountMinor must be zero or more")
    @Max(value = Money.MAX_AMOUNT_MINOR, message = "amountMinor must be at most 1000000000000000")
    long amountMinor,
    @NotNull(message = "currency is required")
    @Pattern(regexp = Inputs.CURRENCY, message = "currency must be an ISO 4217 code of three capital letters")
    String currency) implements Comparable<Money> {
  /** Largest amount one value may hold, in minor units (10^15). */
  public static final long MAX_AMOUNT_MINOR = 1_000_000_000_000_000L;

  /** Validates the amount and the code. */
  public Money {
    Inputs.positiveOrZero("amountMinor", amountMinor);
    Inputs.atMost("amountMinor", amountMinor, MAX_AMOUNT_MINOR);
    Inputs.currency("currency", currency);
  }

  /**
   * @param amountMinor the amount in minor units
   * @param currency the ISO 4217 code
   * @return the money
   * @throws InvalidValueException when the amount is negative or too large, or the code malformed
   */
  public static Money of(long amountMinor, String currency) {
    return new Money(amountMinor, currency);
  }

  /** @return zero of {@code currency} */
  public static Money zero(String currency) {
    return new Money(0, currency);
  }

  /**
   * @return the exact sum, as a number of minor units that may exceed {@link #MAX_AMOUNT_MINOR} (a total, not an
   *     input)
   * @throws InvalidValueException when the currencies differ
   * @throws ArithmeticException when the sum overflows a {@code long}
   */
  public static long addExact(long total, Money money, String currency) {
    if (!money.currency.equals(currency)) {
      throw new InvalidValueException("currency", "currency must be " + currency + " to be added, but was "
          + money.currency);
    }
    return Math.addExact(total, money.amountMinor);
  }

  /** @return the number of minor-unit digits of the currency: 2 for USD, 0 for JPY; 2 for codes the JDK lacks */
  public static int fractionDigits(String currency) {
    try {
      int digits = Currency.getInstance(currency).getDefaultFractionDigits();
      return digits < 0 ? 0 : digits;
    } catch (IllegalArgumentException unknown) {
      return 2;
    }
  }

  /** @return the amount in major units, exactly, e.g. {@code 1200.00} for 120000 USD */
  public BigDecimal amount() {
    return BigDecimal.valueOf(amountMinor, fractionDigits(currency));
  }

  /** Orders by currency, then amount. */
  @Override
  public int compareTo(Money other) {
    int byCurrency = currency.compareTo(other.currency);
    return byCurrency != 0 ? byCurrency : Long.compare(amountMinor, other.amountMinor);
  }

  /** @return e.g. {@code 1200.00 USD} */
  @Override
  public String toString() {
    return amount().toPlainString() + " " + currency;
  }
}
