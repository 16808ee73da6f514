package dev.partnerkit.spi;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.internal.Checks;
import java.util.Map;
import org.immutables.value.Value;

/**
 * The hero metrics of a partner directory, over the partners a {@link PartnerQuery}'s filters select: how many of
 * them are active, the pipeline value (the estimated values of their referrals still open, contacted or qualified)
 * and the owed commission (their commissions in {@code owed}). Money is summed exactly, per currency, in minor units
 * (a currency appears when at least one row of it counts); currencies are never converted into each other.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableDirectoryMetrics.class)
@JsonDeserialize(as = ImmutableDirectoryMetrics.class)
public abstract class DirectoryMetrics {
  /** @return how many selected partners are active */
  public abstract long activePartners();

  /** @return per ISO 4217 code, the sum of the pipeline referrals' estimated values, in minor units */
  public abstract Map<String, Long> pipelineValue();

  /** @return per ISO 4217 code, the sum of the owed commissions, in minor units */
  public abstract Map<String, Long> owedCommission();

  @Value.Check
  protected void check() {
    Checks.nonNegative("activePartners", activePartners());
    pipelineValue().values().forEach(v -> Checks.nonNegative("pipelineValue", v));
    owedCommission().values().forEach(v -> Checks.nonNegative("owedCommission", v));
  }

  /** @return a new builder */
  public static ImmutableDirectoryMetrics.Builder builder() {
    return ImmutableDirectoryMetrics.builder();
  }
}
