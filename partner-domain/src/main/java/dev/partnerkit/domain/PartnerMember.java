package dev.partnerkit.domain;

import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.internal.Checks;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A person acting through one partner membership: the partner, the membership role, the flags {@code can_invite},
 * {@code can_view_metrics} and {@code can_manage_events}, and the membership status (invited, then active; removed).
 * A person who belongs to several partners acts through one membership at a time.
 */
@Value.Immutable
@JsonTypeName("partner_member")
@JsonSerialize(as = ImmutablePartnerMember.class)
@JsonDeserialize(as = ImmutablePartnerMember.class)
public non-sealed abstract class PartnerMember implements Actor {
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
  }

  /** @return a new builder */
  public static ImmutablePartnerMember.Builder builder() {
    return ImmutablePartnerMember.builder();
  }
}
