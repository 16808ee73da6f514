package dev.partnerkit.policy.workspace;

import static dev.partnerkit.domain.ActorKind.OPERATOR;
import static dev.partnerkit.domain.ActorKind.PARTNER_MEMBER;
import static dev.partnerkit.domain.MembershipStatus.ACTIVE;
import static dev.partnerkit.domain.MembershipStatus.INVITED;
import static dev.partnerkit.domain.MembershipStatus.REMOVED;

import dev.partnerkit.domain.AccessRequest;
import dev.partnerkit.domain.Actor;
import dev.partnerkit.domain.IllegalTransitionException;
import dev.partnerkit.domain.ImmutablePartnerMember;
import dev.partnerkit.domain.IntentKind;
import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.domain.Lifecycle;
import dev.partnerkit.domain.MembershipRole;
import dev.partnerkit.domain.MembershipStatus;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.PartnerMember;
import dev.partnerkit.domain.Placement;
import dev.partnerkit.domain.RecordNotFoundException;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.UserId;
import dev.partnerkit.domain.Visibility;
import dev.partnerkit.domain.internal.Checks;
import dev.partnerkit.policy.DecisionFacts;
import dev.partnerkit.spi.ActivityKind;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Membership commands shared by operators ({@link DirectoryCommands}) and partner sessions ({@link PartnerMembers}):
 * invite, resend, accept, remove, change role and flags — each decided, journaled and idempotent. The membership
 * lifecycle is data, like every other in Partnerkit.
 */
final class Memberships {
  /** How long an invitation stays acceptable when the inviter names no end. */
  static final Duration DEFAULT_INVITATION_TTL = Duration.ofDays(14);

  /**
   * invited → active (the invited person accepts); invited → removed (the invitation is withdrawn); active → removed;
   * removed → invited (invited again). Only operators remove.
   */
  static final Lifecycle<MembershipStatus> LIFECYCLE = Lifecycle.builder(MembershipStatus.class, INVITED)
      .allow(INVITED, ACTIVE, PARTNER_MEMBER)
      .allow(INVITED, REMOVED, OPERATOR)
      .allow(ACTIVE, REMOVED, OPERATOR)
      .allow(REMOVED, INVITED, OPERATOR, PARTNER_MEMBER)
      .build();

  private Memberships() {}

  /** Invites a person (a new membership, or a removed one invited again). */
  static CommandResult invite(WorkspaceEngine engine, String key, Acting acting, OccasionId occasionId,
      MemberInvite invite) {
    Checks.required("invite", invite);
    Map<String, Object> payload = payload("invite_member", invite.partnerId(), invite.userId());
    payload.put("invite", invite);
    payload.put("occasionId", occasionId);
    return engine.run(acting.tenantId, key, acting, payload, now -> {
      Actor actor = engine.actor(acting);
      requireOwnPartner(acting, invite.partnerId());
      requirePartner(engine, acting.tenantId, invite.partnerId());
      if (actor instanceof PartnerMember inviter) {
        requireNoMoreThanOwn("invite.canInvite", invite.canInvite(), inviter.canInvite());
        requireNoMoreThanOwn("invite.canViewMetrics", invite.canViewMetrics(), inviter.canViewMetrics());
        requireNoMoreThanOwn("invite.canManageEvents", invite.canManageEvents(), inviter.canManageEvents());
        Checks.check(invite.membershipRole() == MembershipRole.MEMBER || inviter.membershipRole()
            == MembershipRole.OWNER, "invite.membershipRole", "invite.membershipRole must be member for an invitation"
            + " by a member who is not an owner, but was " + invite.membershipRole().wireName());
      }
      PartnerMember stored = engine.storage.directory().findMember(acting.tenantId, invite.partnerId(),
          invite.userId()).orElse(null);
      if (stored != null) {
        requireMove(stored, INVITED, actor);
      }
      Instant until = invite.expiresAt().orElse(now.plus(DEFAULT_INVITATION_TTL));
      Checks.check(until.isAfter(now), "invite.expiresAt", "invite.expiresAt must be in the future, but was " + until);
      PartnerMember invited = PartnerMember.builder().tenantId(acting.tenantId).partnerId(invite.partnerId())
          .userId(invite.userId()).displayName(invite.displayName()).membershipRole(invite.membershipRole())
          .canInvite(invite.canInvite()).canViewMetrics(invite.canViewMetrics())
          .canManageEvents(invite.canManageEvents()).status(INVITED).invitedBy(acting.actorKey()).invitedAt(now)
          .inviteExpiresAt(until).inviteOccasionId(occasionId)
          .version(stored == null ? 0 : stored.version() + 1).build();
      return prepared(engine, actor, acting, occasionId, invite.partnerId(), IntentKind.INVITE_MEMBER, at -> {
        if (stored == null) {
          engine.storage.directory().insertMember(invited);
        } else {
          engine.storage.directory().updateMember(invited);
        }
        return applied(engine, actor, occasionId, invited, "invited",
            "invited " + invited.displayName() + " to partner " + invited.partnerId() + " as "
                + invited.membershipRole().wireName() + " (acceptable until " + until + ")", at);
      });
    });
  }

  /** Sends an open invitation again, acceptable until {@code expiresAt} (or 14 days from now). */
  static CommandResult resend(WorkspaceEngine engine, String key, Acting acting, OccasionId occasionId,
      PartnerId partnerId, UserId userId, java.util.Optional<Instant> expiresAt) {
    Map<String, Object> payload = payload("resend_invitation", partnerId, userId);
    expiresAt.ifPresent(e -> payload.put("expiresAt", Checks.micros(e)));
    payload.put("occasionId", occasionId);
    return engine.run(acting.tenantId, key, acting, payload, now -> {
      Actor actor = engine.actor(acting);
      requireOwnPartner(acting, partnerId);
      PartnerMember stored = load(engine, acting.tenantId, partnerId, userId);
      if (stored.status() != INVITED) {
        throw new IllegalTransitionException("the membership of " + userId + " in partner " + partnerId + " is "
            + stored.status().wireName() + "; only an open invitation can be sent again");
      }
      Instant until = expiresAt.map(Checks::micros).orElse(now.plus(DEFAULT_INVITATION_TTL));
      Checks.check(until.isAfter(now), "expiresAt", "expiresAt must be in the future, but was " + until);
      PartnerMember resent = PartnerMember.builder().from(stored).invitedBy(acting.actorKey()).invitedAt(now)
          .inviteExpiresAt(until).inviteOccasionId(occasionId).version(stored.version() + 1).build();
      return prepared(engine, actor, acting, occasionId, partnerId, IntentKind.INVITE_MEMBER, at -> {
        engine.storage.directory().updateMember(resent);
        return applied(engine, actor, occasionId, resent, "invitation_resent", "sent the invitation of "
            + resent.displayName() + " to partner " + partnerId + " again (acceptable until " + until + ")", at);
      });
    });
  }

  /** The invited person accepts: invited → active, in the occasion the invitation was sent from. */
  static CommandResult accept(WorkspaceEngine engine, String key, Acting acting) {
    PartnerId partnerId = acting.partner().orElseThrow();
    Map<String, Object> payload = payload("accept_invitation", partnerId, null);
    return engine.run(acting.tenantId, key, acting, payload, now -> {
      Actor actor = engine.actor(acting);
      PartnerMember invitee = (PartnerMember) actor;
      OccasionId occasionId = invitee.inviteOccasionId().orElseThrow(() -> new RecordNotFoundException("userId",
          "invitation for", invitee.userId().value()));
      PartnerMember accepted = ImmutablePartnerMember.copyOf(invitee).withStatus(ACTIVE)
          .withVersion(invitee.version() + 1);
      return prepared(engine, actor, acting, occasionId, partnerId, IntentKind.ACCEPT_INVITATION, at -> {
        engine.storage.directory().updateMember(accepted);
        return applied(engine, actor, occasionId, accepted, "accepted", "accepted the invitation to partner "
            + partnerId, at);
      });
    });
  }

  /** Removes a member or withdraws an invitation: a safety action, never gated by product scope. */
  static CommandResult remove(WorkspaceEngine engine, String key, Acting acting, OccasionId occasionId,
      PartnerId partnerId, UserId userId) {
    Map<String, Object> payload = payload("remove_member", partnerId, userId);
    return change(engine, key, acting, occasionId, partnerId, userId, payload, IntentKind.REVOKE_ACCESS,
        m -> ImmutablePartnerMember.copyOf(m).withStatus(REMOVED), "removed", "removed");
  }

  /** Changes a membership's role and flags (operators). */
  static CommandResult change(WorkspaceEngine engine, String key, Acting acting, OccasionId occasionId,
      PartnerId partnerId, UserId userId, MembershipRole role, boolean canInvite, boolean canViewMetrics,
      boolean canManageEvents) {
    Checks.required("role", role);
    Map<String, Object> payload = payload("change_member", partnerId, userId);
    payload.put("role", role);
    payload.put("flags", java.util.List.of(canInvite, canViewMetrics, canManageEvents));
    return change(engine, key, acting, occasionId, partnerId, userId, payload, IntentKind.MANAGE_DIRECTORY,
        m -> ImmutablePartnerMember.copyOf(m).withMembershipRole(role).withCanInvite(canInvite)
            .withCanViewMetrics(canViewMetrics).withCanManageEvents(canManageEvents), "changed",
        "set role " + role.wireName() + " and flags can_invite=" + canInvite + ", can_view_metrics="
            + canViewMetrics + ", can_manage_events=" + canManageEvents + " for");
  }

  private static CommandResult change(WorkspaceEngine engine, String key, Acting acting, OccasionId occasionId,
      PartnerId partnerId, UserId userId, Map<String, Object> payload, IntentKind intent,
      UnaryOperator<PartnerMember> edit, String verb, String what) {
    payload.put("occasionId", occasionId);
    return engine.run(acting.tenantId, key, acting, payload, now -> {
      Actor actor = engine.actor(acting);
      PartnerMember stored = load(engine, acting.tenantId, partnerId, userId);
      PartnerMember changed = ImmutablePartnerMember.copyOf(edit.apply(stored)).withVersion(stored.version() + 1);
      if (changed.status() != stored.status()) {
        requireMove(stored, changed.status(), actor);
      }
      return prepared(engine, actor, acting, occasionId, partnerId, intent, at -> {
        engine.storage.directory().updateMember(changed);
        return applied(engine, actor, occasionId, changed, verb, what + " " + changed.displayName()
            + " of partner " + partnerId, at);
      });
    });
  }

  private static WorkspaceEngine.Prepared prepared(WorkspaceEngine engine, Actor actor, Acting acting,
      OccasionId occasionId, PartnerId partnerId, IntentKind intent, WorkspaceEngine.Change change) {
    AccessRequest request = AccessRequest.builder().actor(actor).tenantId(acting.tenantId).occasionId(occasionId)
        .intent(intent).build();
    DecisionFacts facts = acting.partner().isPresent()
        ? engine.partnerFacts(acting.tenantId, occasionId, partnerId, null)
        : engine.operatorFacts(acting.tenantId, occasionId, null);
    return new WorkspaceEngine.Prepared(request, facts, change);
  }

  private static WorkspaceEngine.Applied applied(WorkspaceEngine engine, Actor actor, OccasionId occasionId,
      PartnerMember member, String verb, String what, Instant at) {
    String id = member.partnerId() + "/" + member.userId();
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("partnerId", member.partnerId().value());
    event.put("userId", member.userId().value());
    event.put("status", member.status().wireName());
    event.put("role", member.membershipRole().wireName());
    event.put("version", member.version());
    String eventType = "partner_member." + verb;
    return new WorkspaceEngine.Applied(id, member.version(),
        engine.activity(member.tenantId(), Placement.builder().occasionId(occasionId).partnerId(member.partnerId())
            .build(), null, ActivityKind.AUDIT_EVENT, Visibility.PARTNER_VISIBLE, actor, actor.label() + " " + what
            + ".", eventType, at),
        engine.event(member.tenantId(), eventType, member.userId().value(), event, at));
  }

  static PartnerMember load(WorkspaceEngine engine, TenantId tenantId, PartnerId partnerId, UserId userId) {
    return engine.storage.directory().findMember(tenantId, partnerId, userId).orElseThrow(() ->
        new RecordNotFoundException("userId", "member of partner " + partnerId + " named", userId.value()));
  }

  static void requirePartner(WorkspaceEngine engine, TenantId tenantId, PartnerId partnerId) {
    if (engine.storage.directory().findPartner(tenantId, partnerId).isEmpty()) {
      throw new RecordNotFoundException("partnerId", "partner", partnerId.value());
    }
  }

  private static void requireOwnPartner(Acting acting, PartnerId partnerId) {
    if (acting.partner().isPresent() && !acting.partner().get().equals(partnerId)) {
      throw new InvalidValueException("partnerId", "partnerId must be the session's partner "
          + acting.partner().get() + ", but was " + Checks.show(partnerId));
    }
  }

  private static void requireNoMoreThanOwn(String field, boolean wanted, boolean own) {
    Checks.check(!wanted || own, field, field + " cannot be given by a member who lacks it");
  }

  private static void requireMove(PartnerMember stored, MembershipStatus to, Actor actor) {
    if (!LIFECYCLE.allows(stored.status(), to, actor.kind())) {
      throw new IllegalTransitionException("the membership of " + stored.userId() + " in partner "
          + stored.partnerId() + " cannot move from " + stored.status().wireName() + " to " + to.wireName()
          + (stored.status() == to ? "" : " for " + actor.kind().wireName().replace('_', ' ')));
    }
  }

  private static Map<String, Object> payload(String command, PartnerId partnerId, @org.jspecify.annotations.Nullable
      UserId userId) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("command", command);
    payload.put("partnerId", partnerId);
    if (userId != null) {
      payload.put("userId", userId);
    }
    return payload;
  }
}
