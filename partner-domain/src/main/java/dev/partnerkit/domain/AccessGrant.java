package dev.partnerkit.domain;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.internal.Checks;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * An operator's grant to a partner: scope, capabilities, status and validity window. Optionally narrowed to named
 * members or to exactly one integration principal (machines are covered only by grants that name them). Only an
 * {@code active} grant inside its window can allow anything. Status changes follow {@link GrantTransition}; every
 * change raises {@link #version()} by one.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableAccessGrant.class)
@JsonDeserialize(as = ImmutableAccessGrant.class)
public abstract class AccessGrant {
  /** Most members one grant may be narrowed to. */
  public static final int MAX_MEMBERS = 200;

  /** @return the grant */
  public abstract GrantId grantId();

  /** @return the tenant that issued it */
  public abstract TenantId tenantId();

  /** @return the partner it is for */
  public abstract PartnerId partnerId();

  /** @return the members it is narrowed to; empty means every active member of the partner */
  public abstract Set<UserId> members();

  /** @return the one integration principal it is for; when present, it covers no person */
  public abstract Optional<IntegrationPrincipalId> integrationPrincipal();

  /** @return what it reaches */
  public abstract GrantScope scope();

  /** @return the capabilities it gives */
  public abstract Set<PartnerCapability> capabilities();

  /** @return the lifecycle status */
  public abstract GrantStatus status();

  /** @return the first instant it is valid */
  public abstract Instant validFrom();

  /** @return the instant it stops being valid (exclusive); empty means open-ended */
  public abstract Optional<Instant> validUntil();

  /** @return the operator who issued it */
  public abstract UserId issuedBy();

  /** @return optimistic-locking version, raised by one at every change */
  @Value.Default
  public long version() {
    return 0;
  }

  /**
   * Normalises the validity window to microseconds (the precision every store keeps) before validating it, so a
   * window that is valid here stays valid once stored.
   */
  @Value.Check
  protected AccessGrant normalize() {
    if (Checks.finerThanMicros(validFrom()) || validUntil().map(Checks::finerThanMicros).orElse(false)) {
      return ImmutableAccessGrant.copyOf(this).withValidFrom(Checks.micros(validFrom()))
          .withValidUntil(validUntil().map(Checks::micros));
    }
    check();
    return this;
  }

  private void check() {
    Checks.maxSize("members", members(), MAX_MEMBERS);
    Checks.nonNegative("version", version());
    Checks.window(validFrom(), validUntil());
    Checks.check(integrationPrincipal().isEmpty() || members().isEmpty(), "members",
        "members must be empty when the grant is for integration principal " + integrationPrincipal().orElse(null)
            + ", but held " + members().size() + " members");
    if (integrationPrincipal().isPresent()) {
      for (DataClass dataClass : scope().dataClasses()) {
        Checks.check(!dataClass.forbiddenForIntegrations(), "scope.dataClasses",
            "scope.dataClasses must not name a class forbidden to integration principals (guest tokens, guest"
                + " profiles, planner notes, private threads, internal tasks), but held " + dataClass.wireName());
      }
    }
  }

  /**
   * @param target the new status
   * @return a copy in {@code target} status with the version raised by one
   * @throws IllegalTransitionException when {@link GrantTransition} lists no such move
   */
  public AccessGrant moveTo(GrantStatus target) {
    GrantTransition.require(status(), target);
    return ImmutableAccessGrant.copyOf(this).withStatus(target).withVersion(version() + 1);
  }

  /**
   * Renews the grant: an active or expired grant becomes active with a new end of its window.
   *
   * @param newValidUntil the new end of the validity window (exclusive); must be after {@link #validFrom()}
   * @return the renewed copy with the version raised by one
   * @throws IllegalTransitionException when the grant is pending, suspended or revoked
   */
  public AccessGrant renew(Instant newValidUntil) {
    Checks.required("newValidUntil", newValidUntil);
    GrantTransition.require(status(), GrantStatus.ACTIVE);
    if (status() == GrantStatus.PENDING || status() == GrantStatus.SUSPENDED) {
      throw new IllegalTransitionException("access grant " + grantId() + " is " + status().wireName()
          + "; only an active or expired grant can be renewed");
    }
    return ImmutableAccessGrant.copyOf(this).withStatus(GrantStatus.ACTIVE).withValidUntil(newValidUntil)
        .withVersion(version() + 1);
  }

  /** @return a new builder */
  public static ImmutableAccessGrant.Builder builder() {
    return ImmutableAccessGrant.builder();
  }
}
