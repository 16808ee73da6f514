package dev.partnerkit.policy.workspace;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.MembershipRole;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.UserId;
import dev.partnerkit.domain.internal.Checks;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An invitation of a person into a partner: who, under which name, with which role and flags, acceptable until when
 * (14 days from sending when not given). The workspace adds who invited, when, and from which occasion.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableMemberInvite.class)
@JsonDeserialize(as = ImmutableMemberInvite.class)
public abstract class MemberInvite {
  /** @return the partner the person is invited into */
  @NotNull(message = "partnerId is required")
  public abstract PartnerId partnerId();

  /** @return the person (the host's user id) */
  @NotNull(message = "userId is required")
  public abstract UserId userId();

  /** @return the name shown in explanations and activity */
  @NotBlank(message = "displayName must not be blank")
  @Size(max = Checks.MAX_NAME_LENGTH, message = "displayName must be at most {max} characters")
  public abstract String displayName();

  /** @return the membership role; member by default */
  @Value.Default
  public MembershipRole membershipRole() {
    return MembershipRole.MEMBER;
  }

  /** @return flag can_invite */
  @Value.Default
  public boolean canInvite() {
    return false;
  }

  /** @return flag can_view_metrics */
  @Value.Default
  public boolean canViewMetrics() {
    return false;
  }

  /** @return flag can_manage_events */
  @Value.Default
  public boolean canManageEvents() {
    return false;
  }

  /** @return when the invitation stops being acceptable; 14 days after sending when empty */
  public abstract Optional<Instant> expiresAt();

  @Value.Check
  protected MemberInvite check() {
    Checks.text("displayName", displayName(), Checks.MAX_NAME_LENGTH);
    if (expiresAt().isPresent() && Checks.finerThanMicros(expiresAt().get())) {
      return ImmutableMemberInvite.copyOf(this).withExpiresAt(Checks.micros(expiresAt().get()));
    }
    return this;
  }

  /** @return a new builder */
  public static ImmutableMemberInvite.Builder builder() {
    return ImmutableMemberInvite.builder();
  }
}
