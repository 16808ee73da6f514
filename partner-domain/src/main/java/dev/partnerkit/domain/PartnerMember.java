package dev.partnerkit.domain;

import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.internal.Checks;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A stored, tenant-bound partner membership, and the actor a person acts as through it: the tenant, the partner, the
 * person, the membership role, the flags {@code can_invite}, {@code can_view_metrics} and {@code can_manage_events},
 * the status (invited, then active; removed) and, while invited, who invited them, when, from which occasion and until
 * when. Partnerkit loads it from the store inside every unit of work that decides; a value a caller builds is never
 * evidence of anything. A person who belongs to several partners acts through one membership at a time.
 */
@Value.Immutable
@JsonTypeName("partner_member")
@JsonSerialize(as = ImmutablePartnerMember.class)
@JsonDeserialize(as = ImmutablePartnerMember.class)
public non-sealed abstract class PartnerMember implements Actor {
  /** @return the tenant whose directory holds the membership */
  public abstract TenantId tenantId();

  /** @return the person */
  public abstract UserId userId();

  /** @return the partner the membership belongs to */
  public abstract PartnerId partnerId();

  /** @return the name shown in explanations */
  public abstract String displayName();

  /** @return the membership role */
  @Value.Default
  public MembershipRole membershipRole() {
    return MembershipRole.MEMBER;
  }

  /** @return flag {@code can_invite}: may invite other people into the partner */
  @Value.Default
  public boolean canInvite() {
    return false;
  }

  /** @return flag {@code can_view_metrics}: may read the scorecard and metrics */
  @Value.Default
  public boolean canViewMetrics() {
    return false;
  }

  /** @return flag {@code can_manage_events}: may edit event-level plans */
  @Value.Default
  public boolean canManageEvents() {
    return false;
  }

  /** @return the membership status; only {@code active} resolves into partner context */
  public abstract MembershipStatus status();

  /** @return the actor key of whoever sent the current (or last) invitation */
  public abstract Optional<String> invitedBy();

  /** @return when the current (or last) invitation was sent */
  public abstract Optional<Instant> invitedAt();

  /** @return when the current invitation stops being acceptable */
  public abstract Optional<Instant> inviteExpiresAt();

  /** @return the occasion the invitation was sent from: its vendor_access decides the acceptance */
  public abstract Optional<OccasionId> inviteOccasionId();

  /** @return optimistic-locking version, raised by one at every change */
  @Value.Default
  public long version() {
    return 0;
  }

  @Override
  public final String actorId() {
    return userId().value();
  }

  @Override
  public final Optional<PartnerId> actingPartner() {
    return Optional.of(partnerId());
  }

  @Override
  public final ActorKind kind() {
    return ActorKind.PARTNER_MEMBER;
  }

  @Override
  public String label() {
    return displayName() + " (member of partner " + partnerId() + ")";
  }

  @Value.Check
  protected void check() {
    Checks.text("displayName", displayName(), Checks.MAX_NAME_LENGTH);
    invitedBy().ifPresent(by -> Checks.text("invitedBy", by, 2 * Checks.MAX_IDENTIFIER_LENGTH));
    Checks.nonNegative("version", version());
    if (inviteExpiresAt().isPresent()) {
      Checks.check(invitedAt().isPresent() && inviteExpiresAt().get().isAfter(invitedAt().get()), "inviteExpiresAt",
          "inviteExpiresAt must be after invitedAt (" + invitedAt().orElse(null) + "), but was "
              + inviteExpiresAt().get());
    }
  }

  /** @return a new builder */
  public static ImmutablePartnerMember.Builder builder() {
    return ImmutablePartnerMember.builder();
  }
}
