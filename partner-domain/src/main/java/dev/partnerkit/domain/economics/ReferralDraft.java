package dev.partnerkit.domain.economics;

import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.domain.PartnerId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * A referral as an operator records it (the body a host binds from {@code POST .../referrals}): the partner that
 * referred the client, the client's name and e-mail, the estimated value (zero or more) and when it was referred.
 * Every component carries the {@code jakarta.validation} constraint its constructor checks, with the same message.
 *
 * <pre>{@code
 * {"partnerId": "p-acme", "clientName": "Rosa Diaz", "clientEmail": "rosa@example.com",
 *  "estimatedValue": {"amountMinor": 250000, "currency": "USD"}, "referredAt": "2026-10-02T15:00:00Z"}
 * }</pre>
 *
 * @param partnerId the partner that referred the client
 * @param clientName the client's name, at most 200 characters
 * @param clientEmail the client's e-mail address, at most 254 characters
 * @param estimatedValue what the client may book for, zero or more
 * @param referredAt when the partner referred the client (kept to microseconds)
 */
public record ReferralDraft(
    @NotNull(message = "partnerId is required")
    PartnerId partnerId,
    @NotBlank(message = "clientName must not be blank")
    @Size(max = 200, message = "clientName must be at most 200 characters")
    @Pattern(regexp = Inputs.TEXT, message = "clientName must not contain control characters")
    String clientName,
    @NotBlank(message = "clientEmail must not be blank")
    @Size(max = 254, message = "clientEmail must be at most 254 characters")
    @Email(regexp = Inputs.EMAIL, message = "clientEmail must be a valid e-mail address")
    String clientEmail,
    @NotNull(message = "estimatedValue is required")
    @Valid
    Money estimatedValue,
    @NotNull(message = "referredAt is required")
    Instant referredAt) {
  /**
   * Validates every component.
   *
   * @throws InvalidValueException naming the first invalid component, with its constraint's message
   */
  public ReferralDraft {
    Inputs.required("partnerId", partnerId);
    Inputs.text("clientName", clientName, 200);
    Inputs.email("clientEmail", clientEmail);
    Inputs.required("estimatedValue", estimatedValue);
    referredAt = Inputs.instant("referredAt", referredAt);
  }
}
