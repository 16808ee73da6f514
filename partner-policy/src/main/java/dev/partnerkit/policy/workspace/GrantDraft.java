package dev.partnerkit.policy.workspace;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.GrantScope;
import dev.partnerkit.domain.IntegrationPrincipalId;
import dev.partnerkit.domain.PartnerCapability;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.UserId;
import dev.partnerkit.domain.internal.Checks;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** What an operator fills in to issue a grant; the workspace adds id, tenant, status (pending) and issuer. */
@Value.Immutable
@JsonSerialize(as = ImmutableGrantDraft.class)
@JsonDeserialize(as = ImmutableGrantDraft.class)
public abstract class GrantDraft {
  /** @return the partner */
  @NotNull(message = "partnerId is required")
  public abstract PartnerId partnerId();

  /** @return members to narrow to; empty means every active member */
  public abstract Set<UserId> members();

  /** @return the one integration principal the grant is for, if it is for a machine */
  public abstract Optional<IntegrationPrincipalId> integrationPrincipal();

  /** @return what it reaches */
  @NotNull(message = "scope is required")
  @Valid
  public abstract GrantScope scope();

  /** @return the capabilities it gives */
  public abstract Set<PartnerCapability> capabilities();

  /** @return the start of its window */
  @NotNull(message = "validFrom is required")
  public abstract Instant validFrom();

  /** @return the end of its window (exclusive), if any */
  public abstract Optional<Instant> validUntil();

  /** Normalises the window to microseconds (the stored precision) before validating it. */
  @Value.Check
  protected GrantDraft check() {
    if (Checks.finerThanMicros(validFrom()) || validUntil().map(Checks::finerThanMicros).orElse(false)) {
      return ImmutableGrantDraft.copyOf(this).withValidFrom(Checks.micros(validFrom()))
          .withValidUntil(validUntil().map(Checks::micros));
    }
    Checks.window(validFrom(), validUntil());
    return this;
  }

  /** @return a new builder */
  public static ImmutableGrantDraft.Builder builder() {
    return ImmutableGrantDraft.builder();
  }
}
