package dev.partnerkit.domain.economics;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.internal.Checks;
import java.time.Instant;
import org.immutables.value.Value;

/**
 * A stored referral: a client a partner of the tenant's directory sent to the tenant, what the client may book for,
 * and where it stands ({@link ReferralStatus#LIFECYCLE}). Versioned: inserted at 0, every change raises the version
 * by one. Validated like a {@link ReferralDraft}.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableReferral.class)
@JsonDeserialize(as = ImmutableReferral.class)
public abstract class Referral {
  /** @return the tenant */
  public abstract TenantId tenantId();

  /** @return the referral */
  public abstract ReferralId referralId();

  /** @return the partner that referred the client */
  public abstract PartnerId partnerId();

  /** @return the client's name */
  public abstract String clientName();

  /** @return the client's e-mail address */
  public abstract String clientEmail();

  /** @return the estimated value, zero or more */
  public abstract Money estimatedValue();

  /** @return where it stands */
  @Value.Default
  public ReferralStatus status() {
    return ReferralStatus.OPEN;
  }

  /** @return when the partner referred the client (microseconds) */
  public abstract Instant referredAt();

  /** @return the optimistic version */
  @Value.Default
  public long version() {
    return 0;
  }

  @Value.Check
  protected void check() {
    Inputs.text("clientName", clientName(), 200);
    Inputs.email("clientEmail", clientEmail());
    Checks.check(!Checks.finerThanMicros(referredAt()), "referredAt",
        "referredAt must be at microsecond precision, but was " + referredAt());
    Checks.nonNegative("version", version());
  }

  /** @return a new builder */
  public static ImmutableReferral.Builder builder() {
    return ImmutableReferral.builder();
  }

  /** @return a referral in {@code open} at version 0, from an operator's draft */
  public static Referral of(TenantId tenantId, ReferralId referralId, ReferralDraft draft) {
    return builder().tenantId(tenantId).referralId(referralId).partnerId(draft.partnerId())
        .clientName(draft.clientName()).clientEmail(draft.clientEmail()).estimatedValue(draft.estimatedValue())
        .referredAt(draft.referredAt()).build();
  }

  /** @return this referral in {@code status}, one version on */
  public Referral moveTo(ReferralStatus status) {
    return builder().from(this).status(status).version(version() + 1).build();
  }
}
