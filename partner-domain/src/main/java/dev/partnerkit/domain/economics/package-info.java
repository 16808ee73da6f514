/**
 * The values of the partner directory's economics and of event invite metrics: {@link
 * dev.partnerkit.domain.economics.Money} (minor units and an ISO 4217 code, never floating point), referrals and
 * commissions with their lifecycles, event invites, and the plan quotas a host supplies per tenant. These are kept in
 * typed tables (they are filtered and summed), not as kernel records.
 *
 * <p>The input values a host binds from HTTP bodies ({@link dev.partnerkit.domain.economics.ReferralDraft},
 * {@link dev.partnerkit.domain.economics.CommissionDraft}, {@link dev.partnerkit.domain.economics.InviteDraft},
 * {@link dev.partnerkit.domain.economics.PlanQuota}, {@link dev.partnerkit.domain.economics.Money}) are records whose
 * components carry {@code jakarta.validation} constraints, so a host framework's validator rejects bad input with the
 * very messages the values' constructors throw ({@link dev.partnerkit.domain.InvalidValueException}) when they are
 * built anyway: a value that exists is valid.
 */
@NullMarked
@PartnerkitStyle
package dev.partnerkit.domain.economics;

import dev.partnerkit.domain.internal.PartnerkitStyle;
import org.jspecify.annotations.NullMarked;
