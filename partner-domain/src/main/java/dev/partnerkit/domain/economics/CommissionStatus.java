package dev.partnerkit.domain.economics;

import static dev.partnerkit.domain.ActorKind.OPERATOR;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.partnerkit.domain.Lifecycle;
import dev.partnerkit.domain.WireNamed;
import java.util.Locale;

/**
 * Where a commission the tenant owes a partner stands. Its lifecycle, {@link #LIFECYCLE}: a commission is recorded
 * {@code owed}, and an operator marks it {@code paid} (with the time it was paid) or {@code void} (recorded in error,
 * or the referral fell through); both are final. The payment itself is the host's source truth: marking a commission
 * paid records that it was, it moves no money.
 *
 * <pre>
 * from  to    operator
 * owed  paid  yes
 * owed  void  yes
 * </pre>
 *
 * Owed commissions add up to the directory's owed commission.
 */
public enum CommissionStatus implements WireNamed {
  /** Earned and not paid yet. */
  OWED,
  /** Paid: final. */
  PAID,
  /** Cancelled: final, counts nowhere. */
  VOID;

  /** The commission lifecycle: operators only, owed to paid or void. */
  public static final Lifecycle<CommissionStatus> LIFECYCLE = Lifecycle.builder(CommissionStatus.class, OWED)
      .allow(OWED, PAID, OPERATOR)
      .allow(OWED, VOID, OPERATOR)
      .build();

  private final String wireName = name().toLowerCase(Locale.ROOT);

  @JsonValue
  @Override
  public String wireName() {
    return wireName;
  }
}
