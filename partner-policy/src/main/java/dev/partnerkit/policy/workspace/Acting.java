package dev.partnerkit.policy.workspace;

import dev.partnerkit.domain.Actor;
import dev.partnerkit.domain.ActorKind;
import dev.partnerkit.domain.IntegrationPrincipal;
import dev.partnerkit.domain.IntegrationPrincipalId;
import dev.partnerkit.domain.MembershipStatus;
import dev.partnerkit.domain.OperatorUser;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.PartnerMember;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.UserId;
import dev.partnerkit.spi.PartnerkitStorage;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Who acts, by the ids the host authenticated: an operator (the host vouches for its roles), a person through one
 * membership, or an integration principal. The membership or principal is loaded from the store by
 * {@link #resolve(PartnerkitStorage)}, inside the unit of work that decides, every time: a removed member or disabled
 * principal is blocked on the very next call of an open session.
 */
final class Acting {
  final TenantId tenantId;
  final ActorKind kind;
  final @Nullable PartnerId partnerId;
  private final @Nullable OperatorUser operator;
  private final @Nullable UserId userId;
  private final @Nullable IntegrationPrincipalId principalId;

  private Acting(TenantId tenantId, ActorKind kind, @Nullable PartnerId partnerId, @Nullable OperatorUser operator,
      @Nullable UserId userId, @Nullable IntegrationPrincipalId principalId) {
    this.tenantId = tenantId;
    this.kind = kind;
    this.partnerId = partnerId;
    this.operator = operator;
    this.userId = userId;
    this.principalId = principalId;
  }

  static Acting operator(OperatorUser operator) {
    return new Acting(operator.tenantId(), ActorKind.OPERATOR, null, operator, null, null);
  }

  static Acting member(TenantId tenantId, PartnerId partnerId, UserId userId) {
    return new Acting(tenantId, ActorKind.PARTNER_MEMBER, partnerId, null, userId, null);
  }

  static Acting principal(TenantId tenantId, PartnerId partnerId, IntegrationPrincipalId principalId) {
    return new Acting(tenantId, ActorKind.INTEGRATION, partnerId, null, null, principalId);
  }

  /** @return the actor key idempotency records and audit rows are kept under */
  String actorKey() {
    String id = operator != null ? operator.userId().value()
        : userId != null ? userId.value() : java.util.Objects.requireNonNull(principalId).value();
    return kind.wireName() + ":" + id;
  }

  /** @return the partner the actor acts for; empty for operators */
  Optional<PartnerId> partner() {
    return Optional.ofNullable(partnerId);
  }

  /**
   * Loads the actor as stored now. A membership that does not exist resolves like a removed one, and a principal that
   * is gone like a disabled one: blocked, with no word on whether it ever existed.
   */
  Actor resolve(PartnerkitStorage storage) {
    if (operator != null) {
      return operator;
    }
    PartnerId partner = java.util.Objects.requireNonNull(partnerId);
    if (userId != null) {
      return storage.directory().findMember(tenantId, partner, userId).orElseGet(() -> PartnerMember.builder()
          .tenantId(tenantId).partnerId(partner).userId(userId).displayName(userId.value())
          .status(MembershipStatus.REMOVED).build());
    }
    IntegrationPrincipalId id = java.util.Objects.requireNonNull(principalId);
    return storage.directory().findPrincipal(tenantId, id).filter(p -> p.partnerId().equals(partner))
        .map(p -> (Actor) p).orElseGet(() -> IntegrationPrincipal.builder().tenantId(tenantId).principalId(id)
            .partnerId(partner).name(id.value()).enabled(false).build());
  }
}
