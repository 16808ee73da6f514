package dev.partnerkit.domain;

import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.internal.Checks;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * A partner's machine identity: a separate access path from its people, least privilege, read-only unless an
 * operator enables writes, fed by webhook triggers such as {@code printable.generated} or
 * {@code seating_plan.published}. Only grants that name the principal cover it. Stored and tenant-bound: Partnerkit
 * loads it inside every unit of work that decides, so disabling it blocks its very next call.
 */
@Value.Immutable
@JsonTypeName("integration")
@JsonSerialize(as = ImmutableIntegrationPrincipal.class)
@JsonDeserialize(as = ImmutableIntegrationPrincipal.class)
public non-sealed abstract class IntegrationPrincipal implements Actor {
  private static final Pattern TRIGGER = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+");

  /** @return the tenant whose directory holds the principal */
  public abstract TenantId tenantId();

  /** @return the machine identity */
  public abstract IntegrationPrincipalId principalId();

  /** @return the partner that owns the integration */
  public abstract PartnerId partnerId();

  /** @return the name shown in explanations */
  public abstract String name();

  /** @return whether writes are enabled; false by default (read-only) */
  @Value.Default
  public boolean writeEnabled() {
    return false;
  }

  /** @return whether the principal may act at all */
  @Value.Default
  public boolean enabled() {
    return true;
  }

  /** @return the webhook triggers it subscribes to, e.g. {@code printable.generated} */
  public abstract Set<String> triggers();

  /** @return optimistic-locking version, raised by one at every change */
  @Value.Default
  public long version() {
    return 0;
  }

  @Override
  public final String actorId() {
    return principalId().value();
  }

  @Override
  public final Optional<PartnerId> actingPartner() {
    return Optional.of(partnerId());
  }

  @Override
  public final ActorKind kind() {
    return ActorKind.INTEGRATION;
  }

  @Override
  public String label() {
    return name() + " (integration of partner " + partnerId() + ")";
  }

  @Value.Check
  protected void check() {
    Checks.text("name", name(), Checks.MAX_NAME_LENGTH);
    Checks.nonNegative("version", version());
    Checks.maxSize("triggers", triggers(), 64);
    for (String trigger : triggers()) {
      Checks.check(trigger.length() <= 64 && TRIGGER.matcher(trigger).matches(), "triggers",
          "triggers must be dotted lower-case event names like printable.generated, but held "
              + Checks.show(trigger));
    }
  }

  /** @return a new builder */
  public static ImmutableIntegrationPrincipal.Builder builder() {
    return ImmutableIntegrationPrincipal.builder();
  }
}
