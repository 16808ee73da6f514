package dev.partnerkit.domain;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.internal.Checks;
import java.time.ZoneId;
import org.immutables.value.Value;

/** The operator's organisation, with the time zone its explanations speak in. */
@Value.Immutable
@JsonSerialize(as = ImmutableTenant.class)
@JsonDeserialize(as = ImmutableTenant.class)
public abstract class Tenant {
  /** @return the tenant */
  public abstract TenantId tenantId();

  /** @return the name, e.g. "Toni Catering" */
  public abstract String name();

  /** @return the zone dates are shown in, e.g. America/Chicago */
  public abstract ZoneId zone();

  @Value.Check
  protected void check() {
    Checks.text("name", name(), Checks.MAX_NAME_LENGTH);
  }

  /** @return a tenant */
  public static Tenant of(TenantId tenantId, String name, ZoneId zone) {
    return ImmutableTenant.builder().tenantId(tenantId).name(name).zone(zone).build();
  }
}
