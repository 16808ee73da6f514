package dev.partnerkit.policy.workspace;

import static dev.partnerkit.domain.ActorKind.OPERATOR;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.partnerkit.domain.ActorKind;
import dev.partnerkit.domain.EventId;
import dev.partnerkit.domain.Lifecycle;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.Partner;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.PartnerKind;
import dev.partnerkit.domain.PartnerStatus;
import dev.partnerkit.domain.ReasonCode;
import dev.partnerkit.domain.RecordRule;
import dev.partnerkit.domain.RecordType;
import dev.partnerkit.domain.Surface;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.UserId;
import dev.partnerkit.domain.WireNamed;
import dev.partnerkit.domain.economics.Commission;
import dev.partnerkit.domain.economics.CommissionId;
import dev.partnerkit.domain.economics.CommissionStatus;
import dev.partnerkit.domain.economics.EventInvite;
import dev.partnerkit.domain.economics.InviteId;
import dev.partnerkit.domain.economics.Money;
import dev.partnerkit.domain.economics.Referral;
import dev.partnerkit.domain.economics.ReferralId;
import dev.partnerkit.domain.economics.ReferralStatus;
import java.time.Instant;
import java.util.Locale;

/**
 * How the directory's economics and the invite metrics are decided. Their rows live in typed tables, not in the
 * record kernel; the descriptors here only hand the decision core what it needs to decide about one row as it
 * decides about a kernel record — the surface ({@code scorecard}), the lifecycle (the kernel's {@link Lifecycle}
 * helper: referrals and commissions move only as {@link ReferralStatus#LIFECYCLE} and
 * {@link CommissionStatus#LIFECYCLE} allow), who may create and revise, the partner the row is with (a partner sees
 * only its own rows: {@code record_not_for_partner}), and one rule of their own: economics and metrics are for
 * members, so an integration principal is refused ({@code member_flag_missing}); a member without
 * {@code can_view_metrics} is refused by the scorecard's own rule. They are never registered as record types.
 *
 * <p>The partner directory belongs to the tenant, not to an occasion. Its decisions, activity entries and decision
 * rows are made in the reserved directory context, occasion {@link #DIRECTORY}, whose product scope includes the
 * directory: no occasion's {@code vendor_access} gates the directory (it keeps gating each occasion's portal, where
 * partners read their economics, and the invites of that occasion's events).
 */
final class EconomicsTypes {
  /** The reserved occasion id of the directory context; a host's own occasions must not use it. */
  static final OccasionId DIRECTORY = OccasionId.of("partner-directory");

  /** Economics and metrics are for partner members: an integration principal carries no membership flag. */
  static final RecordRule MEMBERS_ONLY = request -> request.actor().kind() == ActorKind.INTEGRATION
      ? ReasonCode.MEMBER_FLAG_MISSING : null;

  private static final TenantId EXAMPLE_TENANT = TenantId.of("example");
  private static final Instant EXAMPLE_TIME = Instant.parse("2026-10-02T15:00:00Z");

  /** The two states of an invite, as the decision core sees them: recording an acceptance moves it once. */
  enum InviteState implements WireNamed {
    /** Sent, not accepted. */
    ISSUED,
    /** Accepted (credited or not): final, so an invite is never accepted twice. */
    ACCEPTED;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    @JsonValue
    @Override
    public String wireName() {
      return wireName;
    }
  }

  /** Operators change a partner's status both ways; partners never do. */
  static final Lifecycle<PartnerStatus> PARTNER_LIFECYCLE = Lifecycle.builder(PartnerStatus.class,
      PartnerStatus.ACTIVE).allow(PartnerStatus.ACTIVE, PartnerStatus.INACTIVE, OPERATOR)
      .allow(PartnerStatus.INACTIVE, PartnerStatus.ACTIVE, OPERATOR).build();

  static final Lifecycle<InviteState> INVITE_LIFECYCLE = Lifecycle.builder(InviteState.class, InviteState.ISSUED)
      .allow(InviteState.ISSUED, InviteState.ACCEPTED, OPERATOR).build();

  static final RecordType<Referral, ReferralStatus> REFERRAL = RecordType.builder("partner_referral",
          Surface.SCORECARD, Referral.class, ReferralStatus.LIFECYCLE)
      .noun("referral").creators(OPERATOR).revisers(OPERATOR).linkers(OPERATOR).rule(MEMBERS_ONLY)
      .title(Referral::clientName)
      .example(Referral.builder().tenantId(EXAMPLE_TENANT).referralId(ReferralId.of("ref-example"))
          .partnerId(PartnerId.of("p-example")).clientName("Rosa Diaz").clientEmail("rosa@example.com")
          .estimatedValue(Money.of(250_000, "USD")).referredAt(EXAMPLE_TIME).build())
      .build();

  static final RecordType<Commission, CommissionStatus> COMMISSION = RecordType.builder("partner_commission",
          Surface.SCORECARD, Commission.class, CommissionStatus.LIFECYCLE)
      .noun("commission").creators(OPERATOR).revisers(OPERATOR).linkers(OPERATOR).rule(MEMBERS_ONLY)
      .title(c -> c.commissionId() + " (" + c.amount() + ")")
      .example(Commission.builder().tenantId(EXAMPLE_TENANT).commissionId(CommissionId.of("com-example"))
          .partnerId(PartnerId.of("p-example")).referralId(ReferralId.of("ref-example"))
          .amount(Money.of(12_500, "USD")).earnedAt(EXAMPLE_TIME).build())
      .build();

  static final RecordType<Partner, PartnerStatus> PARTNER = RecordType.builder("directory_partner",
          Surface.SCORECARD, Partner.class, PARTNER_LIFECYCLE)
      .noun("partner").creators(OPERATOR).revisers(OPERATOR).linkers(OPERATOR).title(Partner::name)
      .example(Partner.builder().tenantId(EXAMPLE_TENANT).partnerId(PartnerId.of("p-example")).name("Acme Rentals")
          .kind(PartnerKind.RENTAL_COMPANY).build())
      .build();

  static final RecordType<EventInvite, InviteState> INVITE = RecordType.builder("event_invite", Surface.SCORECARD,
          EventInvite.class, INVITE_LIFECYCLE)
      .noun("invite").creators(OPERATOR).revisers(OPERATOR).linkers(OPERATOR).rule(MEMBERS_ONLY)
      .title(i -> "invite " + i.inviteId() + " to " + i.eventId())
      .example(EventInvite.builder().tenantId(EXAMPLE_TENANT).inviteId(InviteId.of("inv-example"))
          .occasionId(OccasionId.of("occ-example")).eventId(EventId.of("ev-example"))
          .partnerId(PartnerId.of("p-example")).inviterPrincipal("partner:p-example")
          .issuedByUserId(UserId.of("u-example")).issuedAt(EXAMPLE_TIME).build())
      .build();

  private EconomicsTypes() {}
}
