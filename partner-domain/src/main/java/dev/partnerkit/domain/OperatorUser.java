package dev.partnerkit.domain;

import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.internal.Checks;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/** Internal staff of a tenant, with one or more {@link OperatorRole roles}. */
@Value.Immutable
@JsonTypeName("operator")
@JsonSerialize(as = ImmutableOperatorUser.class)
@JsonDeserialize(as = ImmutableOperatorUser.class)
public non-sealed abstract class OperatorUser implements Actor {
  /** @return the person */
  public abstract UserId userId();

  /** @return the tenant the operator works for */
  public abstract TenantId tenantId();

  /** @return the name shown in explanations */
  public abstract String displayName();

  /** @return the roles; at least one */
  public abstract Set<OperatorRole> roles();

  @Override
  public final String actorId() {
    return userId().value();
  }

  @Override
  public final Optional<PartnerId> actingPartner() {
    return Optional.empty();
  }

  @Override
  public final ActorKind kind() {
    return ActorKind.OPERATOR;
  }

  @Override
  public String label() {
    return displayName() + " (operator)";
  }

  /** @return whether the operator holds {@code role} */
  public boolean hasRole(OperatorRole role) {
    return roles().contains(role);
  }

  @Value.Check
  protected void check() {
    Checks.text("displayName", displayName(), Checks.MAX_NAME_LENGTH);
    Checks.check(!roles().isEmpty(), "roles", "roles must hold at least one operator role, but was []");
  }

  /** @return a new builder */
  public static ImmutableOperatorUser.Builder builder() {
    return ImmutableOperatorUser.builder();
  }
}
