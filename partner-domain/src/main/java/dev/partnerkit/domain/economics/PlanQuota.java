package dev.partnerkit.domain.economics;

import dev.partnerkit.domain.InvalidValueException;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One quota of the tenant's plan, as the host's billing supplies it for partner-facing display (read-only for
 * partners): a key, a label, the limit, how much of it is used, and when the usage resets (absent for a quota that
 * never resets).
 *
 * @param key a lower-case dotted key, e.g. {@code invites.monthly}
 * @param label what partners read, e.g. "Event invites this month"
 * @param limit the limit, zero or more
 * @param used how much is used, zero or more (may exceed the limit where the plan allows overage)
 * @param resetsAt when the usage resets, or null
 */
public record PlanQuota(
    @NotNull(message = "key is required")
    @Size(max = 64, message = "key must be at most 64 characters")
    @Pattern(regexp = Inputs.KEY, message = "key must be a lower-case dotted key like invites.monthly")
    String key,
    @NotBlank(message = "label must not be blank")
    @Size(max = 200, message = "label must be at most 200 characters")
    @Pattern(regexp = Inputs.TEXT, message = "label must not contain control characters")
    String label,
    @PositiveOrZero(message = "limit must be zero or more") long limit,
    @PositiveOrZero(message = "used must be zero or more") long used,
    @Nullable Instant resetsAt) {
  /**
   * Validates every component.
   *
   * @throws InvalidValueException naming the first invalid component, with its constraint's message
   */
  public PlanQuota {
    Inputs.key("key", key);
    Inputs.text("label", label, 200);
    Inputs.positiveOrZero("limit", limit);
    Inputs.positiveOrZero("used", used);
    resetsAt = resetsAt == null ? null : dev.partnerkit.domain.internal.Checks.micros(resetsAt);
  }

  /** @return when the usage resets, if it does */
  public Optional<Instant> resetTime() {
    return Optional.ofNullable(resetsAt);
  }
}
