package dev.partnerkit.domain;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Optional;

/**
 * Whoever makes a request: an {@link OperatorUser} (internal staff), a {@link PartnerMember} (a person acting through
 * a partner membership) or an {@link IntegrationPrincipal} (a partner's machine identity). In JSON the field
 * {@code kind} tells which ({@code operator}, {@code partner_member}, {@code integration}); no other type names are
 * ever accepted.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = OperatorUser.class, name = "operator"),
    @JsonSubTypes.Type(value = PartnerMember.class, name = "partner_member"),
    @JsonSubTypes.Type(value = IntegrationPrincipal.class, name = "integration")})
public sealed interface Actor permits OperatorUser, PartnerMember, IntegrationPrincipal {
  /**
   * @return which kind of actor this is
   */
  ActorKind kind();

  /**
   * @return a short label for explanations and logs, e.g. "Maya (operator)"
   */
  String label();

  /** @return the id of the person or machine: the user id, or the integration principal id */
  String actorId();

  /** @return the partner the actor acts for; empty for operators */
  Optional<PartnerId> actingPartner();

  /** @return kind and id, e.g. {@code partner_member:u-dana}: the actor's key in idempotency and audit records */
  default String actorKey() {
    return kind().wireName() + ":" + actorId();
  }
}
