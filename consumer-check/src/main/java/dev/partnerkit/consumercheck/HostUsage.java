package dev.partnerkit.consumercheck;

import dev.partnerkit.domain.AccessGrant;
import dev.partnerkit.domain.AccessRequest;
import dev.partnerkit.domain.Decision;
import dev.partnerkit.domain.Entitlement;
import dev.partnerkit.domain.EntitlementMapping;
import dev.partnerkit.domain.GrantId;
import dev.partnerkit.domain.GrantScope;
import dev.partnerkit.domain.GrantStatus;
import dev.partnerkit.domain.MembershipStatus;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.Partner;
import dev.partnerkit.domain.PartnerCapability;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.PartnerKind;
import dev.partnerkit.domain.PartnerMember;
import dev.partnerkit.domain.Surface;
import dev.partnerkit.domain.Tenant;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.UserId;
import dev.partnerkit.jdbc.JdbcStorage;
import dev.partnerkit.policy.AccessDecider;
import dev.partnerkit.policy.DecisionFacts;
import dev.partnerkit.policy.GrantIndex;
import dev.partnerkit.domain.json.PartnerkitJson;
import dev.partnerkit.policy.workspace.PartnerWorkspace;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * What a host writes against Partnerkit: values from the generated builders, a decision, the strict JSON mapper and
 * the JDBC storage. Only compiled (with {@code -Xlint:all -Werror} and without Immutables on the classpath), never
 * run: the library modules' own tests run the same calls.
 */
public final class HostUsage {
  private static final TenantId TONI = TenantId.of("toni-catering");
  private static final OccasionId WEDDING = OccasionId.of("occ-rivera-wedding");
  private static final PartnerId ACME = PartnerId.of("p-acme-rentals");

  private HostUsage() {}

  /**
   * Decides whether Dana of Acme Rentals may view the wedding's tasks under an active grant.
   *
   * @param now the time to decide at
   * @return the decision, explained
   */
  public static Decision decide(Instant now) {
    PartnerMember dana = PartnerMember.builder().userId(UserId.of("u-dana")).partnerId(ACME)
        .displayName("Dana").status(MembershipStatus.ACTIVE).build();
    AccessGrant grant = AccessGrant.builder().grantId(GrantId.of("g-7")).tenantId(TONI).partnerId(ACME)
        .scope(GrantScope.builder().occasionId(WEDDING).addSurfaces(Surface.TASKS).build())
        .addCapabilities(PartnerCapability.MANAGE_TASK).status(GrantStatus.ACTIVE)
        .validFrom(now.minusSeconds(3600)).issuedBy(UserId.of("u-maya")).build();
    DecisionFacts facts = DecisionFacts.builder()
        .tenant(Tenant.of(TONI, "Toni Catering", ZoneId.of("America/Chicago")))
        .productScope(EntitlementMapping.defaults().resolve(WEDDING, Set.of(Entitlement.MULTI_USER_SUPPORT)))
        .partner(Partner.builder().tenantId(TONI).partnerId(ACME).name("Acme Rentals")
            .kind(PartnerKind.RENTAL_COMPANY).build())
        .grants(GrantIndex.of(List.of(grant)))
        .build();
    return AccessDecider.create().decide(AccessRequest.view(dana, TONI, WEDDING, Surface.TASKS).build(), facts, now);
  }

  /**
   * Writes a decision with the strict mapper and reads it back.
   *
   * @param decision the decision to round-trip
   * @return the decision read back
   */
  public static Decision roundTrip(Decision decision) {
    PartnerkitJson json = PartnerkitJson.create();
    return json.read(json.write(decision), Decision.class);
  }

  /**
   * Builds the workspace services over the host's database.
   *
   * @param dataSource the host's pool
   * @return the workspace, storing in {@code dataSource}
   */
  public static PartnerWorkspace workspace(DataSource dataSource) {
    return PartnerWorkspace.builder()
        .storage(JdbcStorage.builder(dataSource).build())
        .clock(Clock.systemUTC())
        .build();
  }
}
