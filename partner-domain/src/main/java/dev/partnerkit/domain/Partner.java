package dev.partnerkit.domain;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.internal.Checks;
import java.util.Optional;
import org.immutables.value.Value;

/** An outside organisation in a tenant's partner directory. */
@Value.Immutable
@JsonSerialize(as = ImmutablePartner.class)
@JsonDeserialize(as = ImmutablePartner.class)
public abstract class Partner {
  /** @return the tenant whose directory holds the partner */
  public abstract TenantId tenantId();

  /** @return the partner */
  public abstract PartnerId partnerId();

  /** @return the name used in explanations, e.g. "Acme Rentals" */
  public abstract String name();

  /** @return what kind of organisation it is */
  public abstract PartnerKind kind();

  /** @return whether the tenant works with the partner now */
  @Value.Default
  public PartnerStatus status() {
    return PartnerStatus.ACTIVE;
  }

  /** @return the partner tier, if the tenant uses tiers */
  public abstract Optional<String> tier();

  /** @return the region, if known */
  public abstract Optional<String> region();

  /** @return the operator who owns the relationship, if any */
  public abstract Optional<UserId> ownerUserId();

  /** @return optimistic-locking version, raised by one at every change */
  @Value.Default
  public long version() {
    return 0;
  }

  @Value.Check
  protected void check() {
    Checks.text("name", name(), Checks.MAX_NAME_LENGTH);
    tier().ifPresent(t -> Checks.text("tier", t, Checks.MAX_IDENTIFIER_LENGTH));
    region().ifPresent(r -> Checks.text("region", r, Checks.MAX_NAME_LENGTH));
    Checks.nonNegative("version", version());
  }

  /** @return a new builder */
  public static ImmutablePartner.Builder builder() {
    return ImmutablePartner.builder();
  }
}
