package dev.partnerkit.policy.workspace;

import dev.partnerkit.domain.MembershipStatus;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.PartnerMember;
import dev.partnerkit.domain.UserId;
import dev.partnerkit.domain.internal.Checks;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A partner session's memberships: the partner's members, and inviting people into it. Inviting needs the flag
 * {@code can_invite}; an inviter can give no flag it lacks, and only an owner invites other owners or managers.
 * Removing members and changing roles or flags are the operator's ({@link DirectoryCommands}).
 */
public final class PartnerMembers {
  private final WorkspaceEngine engine;
  private final Acting acting;
  private final OccasionId occasionId;

  PartnerMembers(WorkspaceEngine engine, Acting acting, OccasionId occasionId) {
    this.engine = engine;
    this.acting = acting;
    this.occasionId = occasionId;
  }

  /**
   * Invites a person into this session's partner.
   *
   * @throws dev.partnerkit.domain.InvalidValueException when the invitation is for another partner or gives a flag or
   *     role the inviter may not give; nothing is written
   */
  public CommandResult invite(String idempotencyKey, MemberInvite invite) {
    return Memberships.invite(engine, idempotencyKey, acting, occasionId, invite);
  }

  /** Sends an open invitation again, acceptable until {@code expiresAt} (or 14 days from now). */
  public CommandResult resendInvitation(String idempotencyKey, UserId userId, Optional<Instant> expiresAt) {
    Checks.required("userId", userId);
    Checks.required("expiresAt", expiresAt);
    return Memberships.resend(engine, idempotencyKey, acting, occasionId, acting.partner().orElseThrow(), userId,
        expiresAt);
  }

  /**
   * @return the partner's invited and active members, ordered by user id; empty unless the session's own membership
   *     is active
   */
  public List<PartnerMember> list() {
    return engine.storage.unitOfWork().inTransaction(() -> {
      var self = engine.actor(acting);
      if (!(self instanceof PartnerMember member) || member.status() != MembershipStatus.ACTIVE) {
        return List.of();
      }
      return engine.storage.directory().listMembers(acting.tenantId, member.partnerId()).stream()
          .filter(m -> m.status() != MembershipStatus.REMOVED).toList();
    });
  }
}
