package dev.partnerkit.policy;

import dev.partnerkit.domain.AccessGrant;
import dev.partnerkit.domain.EventId;
import dev.partnerkit.domain.GrantId;
import dev.partnerkit.domain.GrantScope;
import dev.partnerkit.domain.GrantStatus;
import dev.partnerkit.domain.ImmutableAccessGrant;
import dev.partnerkit.domain.IntegrationPrincipal;
import dev.partnerkit.domain.IntegrationPrincipalId;
import dev.partnerkit.domain.MembershipStatus;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.OperatorRole;
import dev.partnerkit.domain.OperatorUser;
import dev.partnerkit.domain.Partner;
import dev.partnerkit.domain.PartnerCapability;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.PartnerKind;
import dev.partnerkit.domain.PartnerMember;
import dev.partnerkit.domain.PartnerTask;
import dev.partnerkit.domain.ProductCapability;
import dev.partnerkit.domain.ProductScope;
import dev.partnerkit.domain.Surface;
import dev.partnerkit.domain.TaskId;
import dev.partnerkit.domain.Tenant;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.UserId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/** Shared sample values: tenant Toni Catering, partner Acme Rentals, one occasion with two events. */
final class Fixtures {
  static final TenantId TENANT = TenantId.of("toni-catering");
  static final TenantId OTHER_TENANT = TenantId.of("other-caterer");
  static final Tenant TONI = Tenant.of(TENANT, "Toni Catering", ZoneId.of("America/Chicago"));
  static final OccasionId OCCASION = OccasionId.of("occ-wedding");
  static final OccasionId OTHER_OCCASION = OccasionId.of("occ-gala");
  static final EventId RECEPTION = EventId.of("ev-reception");
  static final EventId CEREMONY = EventId.of("ev-ceremony");
  static final PartnerId ACME = PartnerId.of("p-acme");
  static final PartnerId VENUE = PartnerId.of("p-venue");
  static final Instant NOW = Instant.parse("2026-11-10T15:00:00Z");
  static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
  static final Instant UNTIL = Instant.parse("2026-12-01T00:00:00Z");

  static final Partner ACME_PARTNER = Partner.builder().tenantId(TENANT).partnerId(ACME).name("Acme Rentals")
      .kind(PartnerKind.RENTAL_COMPANY).build();

  static final PartnerMember DANA = PartnerMember.builder().userId(UserId.of("u-dana")).partnerId(ACME)
      .displayName("Dana").status(MembershipStatus.ACTIVE).canViewMetrics(true).build();

  static final IntegrationPrincipal ACME_BOT = IntegrationPrincipal.builder()
      .principalId(IntegrationPrincipalId.of("ip-acme-sync")).partnerId(ACME).name("Acme sync")
      .writeEnabled(true).addTriggers("timeline.updated").build();

  static final OperatorUser MAYA = OperatorUser.builder().userId(UserId.of("u-maya")).tenantId(TENANT)
      .displayName("Maya").addRoles(OperatorRole.OWNER_OPS_LEAD).build();

  static final ProductScope ENABLED = ProductScope.of(OCCASION, Set.of(ProductCapability.VENDOR_ACCESS));
  static final ProductScope DISABLED = ProductScope.of(OCCASION, Set.of());

  private Fixtures() {}

  /** An active grant for Acme on the whole occasion, every surface, every capability. */
  static ImmutableAccessGrant.Builder wideGrant(String id) {
    return AccessGrant.builder().grantId(GrantId.of(id)).tenantId(TENANT).partnerId(ACME)
        .scope(GrantScope.builder().occasionId(OCCASION).addSurfaces(Surface.values()).build())
        .capabilities(List.of(PartnerCapability.values())).status(GrantStatus.ACTIVE).validFrom(FROM)
        .validUntil(UNTIL).issuedBy(MAYA.userId());
  }

  static DecisionFacts facts(AccessGrant... grants) {
    return DecisionFacts.builder().tenant(TONI).productScope(ENABLED).partner(ACME_PARTNER)
        .grants(GrantIndex.of(List.of(grants))).build();
  }

  static PartnerTask task(String id) {
    return PartnerTask.builder().taskId(TaskId.of(id)).tenantId(TENANT).occasionId(OCCASION).eventId(RECEPTION)
        .partnerId(ACME).title("Deliver linen for the reception").createdBy(MAYA.userId()).build();
  }
}
