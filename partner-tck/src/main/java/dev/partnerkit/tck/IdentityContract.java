package dev.partnerkit.tck;

import static dev.partnerkit.tck.Fixtures.ACME;
import static dev.partnerkit.tck.Fixtures.DANA;
import static dev.partnerkit.tck.Fixtures.LEE;
import static dev.partnerkit.tck.Fixtures.MAYA;
import static dev.partnerkit.tck.Fixtures.MAYA_KEY;
import static dev.partnerkit.tck.Fixtures.OCCASION;
import static dev.partnerkit.tck.Fixtures.OTHER_OCCASION;
import static dev.partnerkit.tck.Fixtures.VENUE;
import static dev.partnerkit.tck.Fixtures.activeMember;
import static dev.partnerkit.tck.Fixtures.at;
import static dev.partnerkit.tck.Fixtures.invitedMember;
import static dev.partnerkit.tck.Fixtures.minimalPartner;
import static dev.partnerkit.tck.Fixtures.minimalPrincipal;
import static dev.partnerkit.tck.Fixtures.partner;
import static dev.partnerkit.tck.Fixtures.principal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;

import dev.partnerkit.domain.ImmutableIntegrationPrincipal;
import dev.partnerkit.domain.ImmutablePartner;
import dev.partnerkit.domain.ImmutablePartnerMember;
import dev.partnerkit.domain.IntegrationPrincipal;
import dev.partnerkit.domain.IntegrationPrincipalId;
import dev.partnerkit.domain.MembershipRole;
import dev.partnerkit.domain.MembershipStatus;
import dev.partnerkit.domain.Partner;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.PartnerKind;
import dev.partnerkit.domain.PartnerMember;
import dev.partnerkit.domain.PartnerStatus;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.UserId;
import dev.partnerkit.spi.DirectoryStore;
import dev.partnerkit.spi.VersionConflictException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The identity contract: the stored, tenant-bound identities of the directory, that is versioned partners, the
 * memberships of people in them and their integration principals.
 *
 * <p>Covered: inserts at version 0 only; duplicate keys, stale, skipping and missing versions are
 * {@link VersionConflictException}s naming {@code partner}, {@code partner_member} (id {@code partner/user}) or
 * {@code integration_principal} and the id, and change nothing; every field round-trips exactly (invitation instants
 * to the microsecond, trigger sets, flags, roles, statuses); listing orders (members by user id, a person's
 * memberships by partner id, principals by id); tenant isolation of every find, list and update, with the same
 * partner, user and principal ids in two tenants; a principal's partner never changes through an update (a stale
 * conflict); the unit of work commits and rolls back identity writes together; and a property that random member
 * inserts and updates agree with a plain model.
 */
public abstract class IdentityContract extends ContractSupport {
  /** Examples of the membership property. */
  protected static final int PROPERTY_EXAMPLES = 40;
  /** Fixed so that a failure reproduces; set {@code -Dpartnerkit.seed} to explore. */
  protected static final long SEED = Long.getLong("partnerkit.seed", 20261110L);

  private static final String PARTNER = "partner";
  private static final String MEMBER = "partner_member";
  private static final String PRINCIPAL = "integration_principal";

  private DirectoryStore directory() {
    return storage.directory();
  }

  /** @return the id a membership's conflicts name: partner id, a slash, user id */
  private static String memberId(PartnerId partner, UserId user) {
    return partner + "/" + user;
  }

  private static IntegrationPrincipalId pid(String id) {
    return IntegrationPrincipalId.of(id);
  }

  /** @return the membership accepted, as its next version: active, with the expiry gone and metrics withdrawn */
  private static PartnerMember accepted(PartnerMember invited) {
    return ImmutablePartnerMember.copyOf(invited).withStatus(MembershipStatus.ACTIVE)
        .withInviteExpiresAt(Optional.empty()).withCanViewMetrics(false).withVersion(invited.version() + 1);
  }

  /** @return the membership removed, as its next version: a plain member without flags or invitation */
  private static PartnerMember removed(PartnerMember member) {
    return ImmutablePartnerMember.copyOf(member).withStatus(MembershipStatus.REMOVED)
        .withMembershipRole(MembershipRole.MEMBER).withCanInvite(false).withCanViewMetrics(false)
        .withCanManageEvents(false).withInvitedBy(Optional.empty()).withInvitedAt(Optional.empty())
        .withInviteExpiresAt(Optional.empty()).withInviteOccasionId(Optional.empty())
        .withVersion(member.version() + 1);
  }

  // ===============================================================================================================
  // partners

  @Test
  void partnersInsertAtVersionZeroThenUpdateVersionByVersion() {
    Partner v0 = partner(tenantA, ACME, "Acme Rentals");
    directory().insertPartner(v0);
    assertEquals(Optional.of(v0), directory().findPartner(tenantA, ACME));

    Partner v1 = ImmutablePartner.copyOf(minimalPartner(tenantA, ACME, "Acme Rentals LLC")).withVersion(1);
    directory().updatePartner(v1);
    assertEquals(Optional.of(v1), directory().findPartner(tenantA, ACME));
    Partner v2 = ImmutablePartner.copyOf(v1).withStatus(PartnerStatus.INACTIVE).withKind(PartnerKind.CATERER)
        .withTier("silver").withOwnerUserId(DANA).withVersion(2);
    directory().updatePartner(v2);
    assertEquals(Optional.of(v2), directory().findPartner(tenantA, ACME));
    assertEquals(List.of(v2), directory().listPartners(tenantA));
  }

  @Test
  void partnersInsertRequiresVersionZeroAndNeverOverwrites() {
    Partner v1 = ImmutablePartner.copyOf(partner(tenantA, ACME, "Acme Rentals")).withVersion(1);
    assertConflict(PARTNER, ACME.value(), () -> directory().insertPartner(v1));
    assertEquals(Optional.empty(), directory().findPartner(tenantA, ACME));

    Partner acme = partner(tenantA, ACME, "Acme Rentals");
    directory().insertPartner(acme);
    Partner again = minimalPartner(tenantA, ACME, "Another Acme");
    VersionConflictException e = assertConflict(PARTNER, ACME.value(), () -> directory().insertPartner(again));
    assertEquals(-1, e.expectedVersion());
    assertEquals(Optional.of(acme), directory().findPartner(tenantA, ACME));
    assertEquals(List.of(acme), directory().listPartners(tenantA));
  }

  @Test
  void partnersStaleSkippingOrMissingUpdateConflictsAndChangesNothing() {
    Partner ghost = ImmutablePartner.copyOf(partner(tenantA, ACME, "Acme Rentals")).withVersion(1);
    VersionConflictException missing = assertConflict(PARTNER, ACME.value(), () -> directory().updatePartner(ghost));
    assertEquals(0, missing.expectedVersion());
    assertEquals(List.of(), directory().listPartners(tenantA));

    Partner v0 = partner(tenantA, ACME, "Acme Rentals");
    directory().insertPartner(v0);
    Partner v1 = ImmutablePartner.copyOf(v0).withName("Acme Rentals LLC").withVersion(1);
    directory().updatePartner(v1);
    Partner stale = ImmutablePartner.copyOf(v0).withStatus(PartnerStatus.ACTIVE).withVersion(1);
    assertEquals(0, assertConflict(PARTNER, ACME.value(), () -> directory().updatePartner(stale)).expectedVersion());
    Partner skipping = ImmutablePartner.copyOf(v1).withVersion(3);
    assertEquals(2, assertConflict(PARTNER, ACME.value(), () -> directory().updatePartner(skipping))
        .expectedVersion());
    assertConflict(PARTNER, ACME.value(), () -> directory().updatePartner(v0));
    assertEquals(Optional.of(v1), directory().findPartner(tenantA, ACME));
  }

  @Test
  void partnersSavePartnerStoresWhateverVersionItIsGiven() {
    Partner imported = ImmutablePartner.copyOf(partner(tenantA, ACME, "Acme Rentals")).withVersion(3);
    directory().savePartner(imported);
    assertEquals(Optional.of(imported), directory().findPartner(tenantA, ACME));
    Partner v4 = ImmutablePartner.copyOf(imported).withRegion("Southwest").withVersion(4);
    directory().updatePartner(v4);
    assertConflict(PARTNER, ACME.value(), () -> directory().updatePartner(v4));
    assertConflict(PARTNER, ACME.value(), () -> directory().insertPartner(minimalPartner(tenantA, ACME, "Acme")));

    Partner reimported = minimalPartner(tenantA, ACME, "Acme Rentals");
    directory().savePartner(reimported); // version 0 over version 4: imports replace whatever is stored
    assertEquals(Optional.of(reimported), directory().findPartner(tenantA, ACME));
  }

  @Test
  void partnersVersionedWritesIsolateTenants() {
    Partner a = partner(tenantA, ACME, "Acme Rentals");
    Partner b = minimalPartner(tenantB, ACME, "Acme Staffing"); // an unrelated partner with the same id
    directory().insertPartner(a);
    directory().insertPartner(b);
    Partner b1 = ImmutablePartner.copyOf(b).withStatus(PartnerStatus.INACTIVE).withVersion(1);
    directory().updatePartner(b1);
    assertEquals(Optional.of(a), directory().findPartner(tenantA, ACME));
    assertEquals(Optional.of(b1), directory().findPartner(tenantB, ACME));

    Partner aVenue = minimalPartner(tenantA, VENUE, "The Venue");
    directory().insertPartner(aVenue);
    Partner crossing = ImmutablePartner.copyOf(aVenue).withTenantId(tenantB).withVersion(1);
    assertConflict(PARTNER, VENUE.value(), () -> directory().updatePartner(crossing));
    assertEquals(Optional.empty(), directory().findPartner(tenantB, VENUE));
    assertEquals(Optional.of(aVenue), directory().findPartner(tenantA, VENUE));
    assertEquals(List.of(a, aVenue), directory().listPartners(tenantA));
    assertEquals(List.of(b1), directory().listPartners(tenantB));
  }

  // ===============================================================================================================
  // memberships

  @Test
  void membersRoundTripEveryField() {
    List<PartnerMember> members = new ArrayList<>();
    members.add(invitedMember(tenantA, ACME, DANA));
    members.add(activeMember(tenantA, ACME, LEE));
    int i = 0;
    for (MembershipStatus status : MembershipStatus.values()) {
      for (MembershipRole role : MembershipRole.values()) {
        UserId user = UserId.of(String.format("u-%02d", i));
        members.add(ImmutablePartnerMember.copyOf(activeMember(tenantA, VENUE, user)).withStatus(status)
            .withMembershipRole(role).withCanInvite((i & 1) != 0).withCanViewMetrics((i & 2) != 0)
            .withCanManageEvents((i & 4) != 0));
        i++;
      }
    }
    members.forEach(directory()::insertMember);
    for (PartnerMember m : members) {
      assertEquals(Optional.of(m), directory().findMember(tenantA, m.partnerId(), m.userId()), m.userId().value());
    }
    PartnerMember dana = directory().findMember(tenantA, ACME, DANA).orElseThrow();
    assertEquals(Optional.of(at(30)), dana.invitedAt(), "invitedAt to the microsecond");
    assertEquals(Optional.of(at(30 + 7 * 86_400_000_000L + 1)), dana.inviteExpiresAt(),
        "inviteExpiresAt to the microsecond");
    assertEquals(members.subList(2, members.size()), directory().listMembers(tenantA, VENUE));
    assertEquals(Optional.empty(), directory().findMember(tenantA, ACME, MAYA));
    assertEquals(Optional.empty(), directory().findMember(tenantA, PartnerId.of("p-none"), DANA));
  }

  @Test
  void membersUpdateStoresTheNextVersion() {
    PartnerMember v0 = invitedMember(tenantA, ACME, DANA);
    directory().insertMember(v0);
    PartnerMember v1 = accepted(v0);
    directory().updateMember(v1);
    assertEquals(Optional.of(v1), directory().findMember(tenantA, ACME, DANA));
    PartnerMember v2 = removed(v1);
    directory().updateMember(v2);
    assertEquals(Optional.of(v2), directory().findMember(tenantA, ACME, DANA));
    PartnerMember v3 = ImmutablePartnerMember.copyOf(v2).withStatus(MembershipStatus.INVITED).withDisplayName("Dana")
        .withInvitedBy("operator:u-lee").withInvitedAt(at(1_000)).withInviteExpiresAt(at(1_001))
        .withInviteOccasionId(OTHER_OCCASION).withVersion(3);
    directory().updateMember(v3);
    assertEquals(Optional.of(v3), directory().findMember(tenantA, ACME, DANA));
    assertEquals(List.of(v3), directory().listMembers(tenantA, ACME));
    assertEquals(List.of(v3), directory().membershipsOf(tenantA, DANA));
  }

  @Test
  void membersInsertRequiresVersionZeroAndNeverOverwrites() {
    String id = memberId(ACME, DANA);
    PartnerMember v1 = ImmutablePartnerMember.copyOf(invitedMember(tenantA, ACME, DANA)).withVersion(1);
    assertConflict(MEMBER, id, () -> directory().insertMember(v1));
    assertEquals(Optional.empty(), directory().findMember(tenantA, ACME, DANA));

    PartnerMember dana = invitedMember(tenantA, ACME, DANA);
    directory().insertMember(dana);
    PartnerMember again = activeMember(tenantA, ACME, DANA);
    VersionConflictException e = assertConflict(MEMBER, id, () -> directory().insertMember(again));
    assertEquals(-1, e.expectedVersion());
    assertEquals(Optional.of(dana), directory().findMember(tenantA, ACME, DANA));
    assertEquals(List.of(dana), directory().listMembers(tenantA, ACME));
    assertEquals(List.of(dana), directory().membershipsOf(tenantA, DANA));
  }

  @Test
  void membersStaleSkippingOrMissingUpdateConflictsAndChangesNothing() {
    String id = memberId(ACME, DANA);
    PartnerMember ghost = accepted(invitedMember(tenantA, ACME, DANA));
    assertEquals(0, assertConflict(MEMBER, id, () -> directory().updateMember(ghost)).expectedVersion());
    assertEquals(Optional.empty(), directory().findMember(tenantA, ACME, DANA));
    assertEquals(List.of(), directory().listMembers(tenantA, ACME));
    assertEquals(List.of(), directory().membershipsOf(tenantA, DANA));

    PartnerMember v0 = invitedMember(tenantA, ACME, DANA);
    directory().insertMember(v0);
    PartnerMember v1 = accepted(v0);
    directory().updateMember(v1);
    PartnerMember stale = ImmutablePartnerMember.copyOf(v0).withStatus(MembershipStatus.REMOVED).withVersion(1);
    assertEquals(0, assertConflict(MEMBER, id, () -> directory().updateMember(stale)).expectedVersion());
    PartnerMember skipping = ImmutablePartnerMember.copyOf(v1).withVersion(3);
    assertEquals(2, assertConflict(MEMBER, id, () -> directory().updateMember(skipping)).expectedVersion());
    assertEquals(-1, assertConflict(MEMBER, id, () -> directory().updateMember(v0)).expectedVersion());
    assertEquals(Optional.of(v1), directory().findMember(tenantA, ACME, DANA));
    assertEquals(List.of(v1), directory().listMembers(tenantA, ACME));
  }

  @Test
  void membersOfTwoPartnersAreTwoMemberships() {
    PartnerMember acme = invitedMember(tenantA, ACME, DANA);
    PartnerMember venue = activeMember(tenantA, VENUE, DANA);
    directory().insertMember(acme);
    directory().insertMember(venue);
    PartnerMember acme1 = accepted(acme);
    directory().updateMember(acme1);
    assertEquals(Optional.of(venue), directory().findMember(tenantA, VENUE, DANA));
    assertEquals(List.of(acme1, venue), directory().membershipsOf(tenantA, DANA));

    // the partner is part of the key: an update naming a partner the person is not in finds nothing to replace
    PartnerId none = PartnerId.of("p-none");
    PartnerMember elsewhere = ImmutablePartnerMember.copyOf(venue).withPartnerId(none).withVersion(1);
    assertConflict(MEMBER, memberId(none, DANA), () -> directory().updateMember(elsewhere));
    assertEquals(Optional.empty(), directory().findMember(tenantA, none, DANA));
    assertEquals(List.of(acme1, venue), directory().membershipsOf(tenantA, DANA));
  }

  @Test
  void membersListIsOrderedByUserIdInEveryStatus() {
    List<String> users = List.of("u-c", "u-a", "u-d", "u-b");
    for (int i = 0; i < users.size(); i++) {
      MembershipStatus status = MembershipStatus.values()[i % MembershipStatus.values().length];
      directory().insertMember(ImmutablePartnerMember.copyOf(activeMember(tenantA, ACME, UserId.of(users.get(i))))
          .withStatus(status));
    }
    directory().insertMember(activeMember(tenantA, VENUE, UserId.of("u-0")));
    assertEquals(List.of("u-a", "u-b", "u-c", "u-d"),
        directory().listMembers(tenantA, ACME).stream().map(m -> m.userId().value()).toList());
    assertEquals(List.of(activeMember(tenantA, VENUE, UserId.of("u-0"))), directory().listMembers(tenantA, VENUE));
    assertEquals(List.of(), directory().listMembers(tenantA, PartnerId.of("p-none")));
  }

  @Test
  void membershipsOfAPersonAreOrderedByPartnerIdInEveryStatus() {
    List<String> partners = List.of("p-c", "p-a", "p-d", "p-b");
    for (int i = 0; i < partners.size(); i++) {
      MembershipStatus status = MembershipStatus.values()[i % MembershipStatus.values().length];
      directory().insertMember(ImmutablePartnerMember.copyOf(activeMember(tenantA, PartnerId.of(partners.get(i)),
          DANA)).withStatus(status));
    }
    PartnerMember lee = invitedMember(tenantA, PartnerId.of("p-a"), LEE);
    directory().insertMember(lee);
    assertEquals(List.of("p-a", "p-b", "p-c", "p-d"),
        directory().membershipsOf(tenantA, DANA).stream().map(m -> m.partnerId().value()).toList());
    assertEquals(List.of(lee), directory().membershipsOf(tenantA, LEE));
    assertEquals(List.of(), directory().membershipsOf(tenantA, UserId.of("u-none")));
  }

  /**
   * The defect this guards against: a member of tenant A's partner opened tenant B's portal, where B has an unrelated
   * partner with the same id. No find or list of one tenant may return another tenant's membership.
   */
  @Test
  void membersIsolateTenants() {
    directory().insertPartner(partner(tenantA, ACME, "Acme Rentals"));
    directory().insertPartner(minimalPartner(tenantB, ACME, "Acme Staffing"));
    PartnerMember aDana = activeMember(tenantA, ACME, DANA);
    PartnerMember bLee = invitedMember(tenantB, ACME, LEE);
    PartnerMember bDanaVenue = activeMember(tenantB, VENUE, DANA); // B has a person with the same user id too
    directory().insertMember(aDana);
    directory().insertMember(bLee);
    directory().insertMember(bDanaVenue);

    assertEquals(Optional.of(aDana), directory().findMember(tenantA, ACME, DANA));
    assertEquals(Optional.empty(), directory().findMember(tenantB, ACME, DANA));
    assertEquals(Optional.empty(), directory().findMember(tenantA, ACME, LEE));
    assertEquals(Optional.empty(), directory().findMember(tenantA, VENUE, DANA));
    assertEquals(List.of(aDana), directory().listMembers(tenantA, ACME));
    assertEquals(List.of(bLee), directory().listMembers(tenantB, ACME));
    assertEquals(List.of(), directory().listMembers(tenantA, VENUE));
    assertEquals(List.of(aDana), directory().membershipsOf(tenantA, DANA));
    assertEquals(List.of(bDanaVenue), directory().membershipsOf(tenantB, DANA));
    assertEquals(List.of(), directory().membershipsOf(tenantA, LEE));

    // the same partner and person in both tenants are two memberships, and updates stay in their tenant
    PartnerMember bDana = invitedMember(tenantB, ACME, DANA);
    directory().insertMember(bDana);
    PartnerMember bDana1 = accepted(bDana);
    directory().updateMember(bDana1);
    assertEquals(Optional.of(aDana), directory().findMember(tenantA, ACME, DANA));
    assertEquals(Optional.of(bDana1), directory().findMember(tenantB, ACME, DANA));
    assertEquals(List.of(bDana1, bLee), directory().listMembers(tenantB, ACME));
    assertEquals(List.of(aDana), directory().listMembers(tenantA, ACME));

    PartnerMember aLee = activeMember(tenantA, VENUE, LEE);
    directory().insertMember(aLee);
    PartnerMember crossing = ImmutablePartnerMember.copyOf(removed(aLee)).withTenantId(tenantB);
    assertConflict(MEMBER, memberId(VENUE, LEE), () -> directory().updateMember(crossing));
    assertEquals(Optional.of(aLee), directory().findMember(tenantA, VENUE, LEE));
    assertEquals(Optional.empty(), directory().findMember(tenantB, VENUE, LEE));
    assertEquals(List.of(bLee), directory().membershipsOf(tenantB, LEE));
  }

  // ===============================================================================================================
  // integration principals

  @Test
  void principalsRoundTripEveryField() {
    List<IntegrationPrincipal> principals = List.of(
        principal(tenantA, ACME, "ip-a"),
        minimalPrincipal(tenantA, ACME, "ip-b"),
        ImmutableIntegrationPrincipal.copyOf(minimalPrincipal(tenantA, ACME, "ip-c")).withWriteEnabled(true)
            .withTriggers(Set.of("printable.generated")),
        ImmutableIntegrationPrincipal.copyOf(minimalPrincipal(tenantA, ACME, "ip-d")).withEnabled(false));
    principals.forEach(directory()::insertPrincipal);
    for (IntegrationPrincipal p : principals) {
      assertEquals(Optional.of(p), directory().findPrincipal(tenantA, p.principalId()), p.principalId().value());
    }
    assertEquals(Set.of("seating_plan.published", "printable.generated", "task.moved_to_done"),
        directory().findPrincipal(tenantA, pid("ip-a")).orElseThrow().triggers());
    assertEquals(principals, directory().listPrincipals(tenantA, ACME));
    assertEquals(Optional.empty(), directory().findPrincipal(tenantA, pid("ip-none")));
  }

  @Test
  void principalsUpdateStoresTheNextVersion() {
    IntegrationPrincipal v0 = minimalPrincipal(tenantA, ACME, "ip-sync");
    directory().insertPrincipal(v0);
    IntegrationPrincipal v1 = ImmutableIntegrationPrincipal.copyOf(v0).withWriteEnabled(true)
        .withTriggers(Set.of("printable.generated", "task.created")).withVersion(1);
    directory().updatePrincipal(v1);
    assertEquals(Optional.of(v1), directory().findPrincipal(tenantA, v0.principalId()));
    IntegrationPrincipal v2 = ImmutableIntegrationPrincipal.copyOf(v1).withEnabled(false).withWriteEnabled(false)
        .withTriggers(Set.of()).withName("Sync (retired)").withVersion(2);
    directory().updatePrincipal(v2);
    assertEquals(Optional.of(v2), directory().findPrincipal(tenantA, v0.principalId()));
    assertEquals(List.of(v2), directory().listPrincipals(tenantA, ACME));
  }

  @Test
  void principalsInsertRequiresVersionZeroAndNeverOverwrites() {
    IntegrationPrincipal v1 = ImmutableIntegrationPrincipal.copyOf(principal(tenantA, ACME, "ip-sync")).withVersion(1);
    assertConflict(PRINCIPAL, "ip-sync", () -> directory().insertPrincipal(v1));
    assertEquals(Optional.empty(), directory().findPrincipal(tenantA, pid("ip-sync")));

    IntegrationPrincipal sync = principal(tenantA, ACME, "ip-sync");
    directory().insertPrincipal(sync);
    IntegrationPrincipal again = minimalPrincipal(tenantA, ACME, "ip-sync");
    assertEquals(-1, assertConflict(PRINCIPAL, "ip-sync", () -> directory().insertPrincipal(again))
        .expectedVersion());
    // principal ids are unique in the tenant, not per partner
    IntegrationPrincipal otherPartner = minimalPrincipal(tenantA, VENUE, "ip-sync");
    assertConflict(PRINCIPAL, "ip-sync", () -> directory().insertPrincipal(otherPartner));
    assertEquals(Optional.of(sync), directory().findPrincipal(tenantA, pid("ip-sync")));
    assertEquals(List.of(sync), directory().listPrincipals(tenantA, ACME));
    assertEquals(List.of(), directory().listPrincipals(tenantA, VENUE));
  }

  @Test
  void principalsStaleSkippingOrMissingUpdateConflictsAndChangesNothing() {
    IntegrationPrincipal ghost = ImmutableIntegrationPrincipal.copyOf(principal(tenantA, ACME, "ip-sync"))
        .withVersion(1);
    assertEquals(0, assertConflict(PRINCIPAL, "ip-sync", () -> directory().updatePrincipal(ghost))
        .expectedVersion());
    assertEquals(Optional.empty(), directory().findPrincipal(tenantA, pid("ip-sync")));
    assertEquals(List.of(), directory().listPrincipals(tenantA, ACME));

    IntegrationPrincipal v0 = principal(tenantA, ACME, "ip-sync");
    directory().insertPrincipal(v0);
    IntegrationPrincipal v1 = ImmutableIntegrationPrincipal.copyOf(v0).withEnabled(true).withVersion(1);
    directory().updatePrincipal(v1);
    IntegrationPrincipal stale = ImmutableIntegrationPrincipal.copyOf(v0).withTriggers(Set.of()).withVersion(1);
    assertEquals(0, assertConflict(PRINCIPAL, "ip-sync", () -> directory().updatePrincipal(stale))
        .expectedVersion());
    IntegrationPrincipal skipping = ImmutableIntegrationPrincipal.copyOf(v1).withVersion(3);
    assertEquals(2, assertConflict(PRINCIPAL, "ip-sync", () -> directory().updatePrincipal(skipping))
        .expectedVersion());
    assertConflict(PRINCIPAL, "ip-sync", () -> directory().updatePrincipal(v0));
    assertEquals(Optional.of(v1), directory().findPrincipal(tenantA, pid("ip-sync")));
  }

  @Test
  void principalsNeverMoveToAnotherPartner() {
    IntegrationPrincipal sync = principal(tenantA, ACME, "ip-sync");
    directory().insertPrincipal(sync);
    IntegrationPrincipal moved = ImmutableIntegrationPrincipal.copyOf(sync).withPartnerId(VENUE).withVersion(1);
    VersionConflictException e = assertConflict(PRINCIPAL, "ip-sync", () -> directory().updatePrincipal(moved));
    assertEquals(0, e.expectedVersion());
    assertEquals(Optional.of(sync), directory().findPrincipal(tenantA, sync.principalId()));
    assertEquals(List.of(sync), directory().listPrincipals(tenantA, ACME));
    assertEquals(List.of(), directory().listPrincipals(tenantA, VENUE));

    IntegrationPrincipal v1 = ImmutableIntegrationPrincipal.copyOf(sync).withEnabled(true).withVersion(1);
    directory().updatePrincipal(v1); // the refused move used up no version
    assertEquals(Optional.of(v1), directory().findPrincipal(tenantA, sync.principalId()));
  }

  @Test
  void principalsListIsFilteredByPartnerAndOrderedById() {
    for (String id : List.of("ip-c", "ip-a", "ip-d", "ip-b")) {
      directory().insertPrincipal(minimalPrincipal(tenantA, ACME, id));
    }
    IntegrationPrincipal venue = principal(tenantA, VENUE, "ip-0");
    directory().insertPrincipal(venue);
    assertEquals(List.of("ip-a", "ip-b", "ip-c", "ip-d"),
        directory().listPrincipals(tenantA, ACME).stream().map(p -> p.principalId().value()).toList());
    assertEquals(List.of(venue), directory().listPrincipals(tenantA, VENUE));
    assertEquals(List.of(), directory().listPrincipals(tenantA, PartnerId.of("p-none")));
  }

  @Test
  void principalsIsolateTenants() {
    IntegrationPrincipal a = principal(tenantA, ACME, "ip-sync");
    IntegrationPrincipal b = minimalPrincipal(tenantB, ACME, "ip-sync"); // same id, same partner id, other tenant
    IntegrationPrincipal bOther = minimalPrincipal(tenantB, ACME, "ip-other");
    IntegrationPrincipal aVenue = principal(tenantA, VENUE, "ip-venue");
    directory().insertPrincipal(a);
    directory().insertPrincipal(b);
    directory().insertPrincipal(bOther);
    directory().insertPrincipal(aVenue);

    assertEquals(Optional.of(a), directory().findPrincipal(tenantA, pid("ip-sync")));
    assertEquals(Optional.of(b), directory().findPrincipal(tenantB, pid("ip-sync")));
    assertEquals(Optional.empty(), directory().findPrincipal(tenantA, pid("ip-other")));
    assertEquals(Optional.empty(), directory().findPrincipal(tenantB, pid("ip-venue")));
    assertEquals(List.of(a), directory().listPrincipals(tenantA, ACME));
    assertEquals(List.of(bOther, b), directory().listPrincipals(tenantB, ACME));
    assertEquals(List.of(), directory().listPrincipals(tenantB, VENUE));

    IntegrationPrincipal b1 = ImmutableIntegrationPrincipal.copyOf(b).withEnabled(false).withVersion(1);
    directory().updatePrincipal(b1);
    assertEquals(Optional.of(a), directory().findPrincipal(tenantA, pid("ip-sync")));
    IntegrationPrincipal crossing = ImmutableIntegrationPrincipal.copyOf(aVenue).withTenantId(tenantB).withVersion(1);
    assertConflict(PRINCIPAL, "ip-venue", () -> directory().updatePrincipal(crossing));
    assertEquals(Optional.of(aVenue), directory().findPrincipal(tenantA, pid("ip-venue")));
    assertEquals(Optional.empty(), directory().findPrincipal(tenantB, pid("ip-venue")));
  }

  // ===============================================================================================================
  // unit of work

  /** A partner, a membership and a principal under tenant A, before the unit of work under test. */
  private final class Seed {
    final Partner acme = partner(tenantA, ACME, "Acme Rentals");
    final PartnerMember dana = invitedMember(tenantA, ACME, DANA);
    final IntegrationPrincipal sync = principal(tenantA, ACME, "ip-sync");

    Seed() {
      directory().insertPartner(acme);
      directory().insertMember(dana);
      directory().insertPrincipal(sync);
    }

    /** Inserts a partner, two memberships and a principal, and updates the seeded three. */
    void writeEverything() {
      directory().insertPartner(minimalPartner(tenantA, VENUE, "The Venue"));
      directory().updatePartner(ImmutablePartner.copyOf(acme).withName("Acme Rentals LLC").withVersion(1));
      directory().insertMember(activeMember(tenantA, ACME, LEE));
      directory().insertMember(activeMember(tenantA, VENUE, DANA));
      directory().updateMember(accepted(dana));
      directory().insertPrincipal(minimalPrincipal(tenantA, ACME, "ip-new"));
      directory().updatePrincipal(ImmutableIntegrationPrincipal.copyOf(sync).withEnabled(true).withVersion(1));
    }

    /** Asserts what {@link #writeEverything()} leaves. */
    void assertWritten() {
      assertEquals(1, directory().findPartner(tenantA, ACME).orElseThrow().version());
      assertEquals(List.of("p-acme", "p-venue"),
          directory().listPartners(tenantA).stream().map(p -> p.partnerId().value()).toList());
      assertEquals(Optional.of(accepted(dana)), directory().findMember(tenantA, ACME, DANA));
      assertEquals(List.of(accepted(dana), activeMember(tenantA, ACME, LEE)), directory().listMembers(tenantA, ACME));
      assertEquals(List.of(accepted(dana), activeMember(tenantA, VENUE, DANA)),
          directory().membershipsOf(tenantA, DANA));
      assertEquals(List.of("ip-new", "ip-sync"),
          directory().listPrincipals(tenantA, ACME).stream().map(p -> p.principalId().value()).toList());
      assertEquals(1, directory().findPrincipal(tenantA, sync.principalId()).orElseThrow().version());
    }

    /** Asserts that the directory holds the seed and nothing of {@link #writeEverything()}. */
    void assertUntouched() {
      assertEquals(Optional.of(acme), directory().findPartner(tenantA, ACME));
      assertEquals(Optional.empty(), directory().findPartner(tenantA, VENUE));
      assertEquals(List.of(acme), directory().listPartners(tenantA));
      assertEquals(Optional.of(dana), directory().findMember(tenantA, ACME, DANA));
      assertEquals(Optional.empty(), directory().findMember(tenantA, ACME, LEE));
      assertEquals(Optional.empty(), directory().findMember(tenantA, VENUE, DANA));
      assertEquals(List.of(dana), directory().listMembers(tenantA, ACME));
      assertEquals(List.of(), directory().listMembers(tenantA, VENUE));
      assertEquals(List.of(dana), directory().membershipsOf(tenantA, DANA));
      assertEquals(List.of(), directory().membershipsOf(tenantA, LEE));
      assertEquals(Optional.of(sync), directory().findPrincipal(tenantA, sync.principalId()));
      assertEquals(Optional.empty(), directory().findPrincipal(tenantA, pid("ip-new")));
      assertEquals(List.of(sync), directory().listPrincipals(tenantA, ACME));
    }
  }

  @Test
  void unitOfWorkCommitsIdentityWritesTogetherAndSeesThemBeforeCommit() {
    Seed seed = new Seed();
    String result = tx(() -> {
      seed.writeEverything();
      seed.assertWritten();
      return "done";
    });
    assertEquals("done", result);
    seed.assertWritten();
  }

  @Test
  void unitOfWorkRollsBackIdentityWritesWhenWorkThrows() {
    Seed seed = new Seed();
    RuntimeException boom = new IllegalStateException("boom after every identity write");
    assertSame(boom, assertThrows(IllegalStateException.class, () -> tx(() -> {
      seed.writeEverything();
      throw boom;
    })));
    seed.assertUntouched();
    seed.writeEverything(); // keys are free again and versions are as before
    seed.assertWritten();
  }

  @Test
  void unitOfWorkRollsBackIdentityWritesWhenAConflictEscapes() {
    Seed seed = new Seed();
    VersionConflictException conflict = assertThrows(VersionConflictException.class, () -> tx(() -> {
      seed.writeEverything();
      directory().insertMember(activeMember(tenantA, ACME, LEE)); // a duplicate of the one just written
      return null;
    }));
    assertEquals(MEMBER, conflict.recordType());
    assertEquals(memberId(ACME, LEE), conflict.recordId());
    seed.assertUntouched();
  }

  // ===============================================================================================================
  // a property over random member inserts and updates

  private static final List<PartnerId> PARTNERS = List.of(ACME, VENUE);
  private static final List<UserId> USERS = List.of(DANA, LEE, MAYA);

  /**
   * One random write: its tenant, partner and user pick the key; {@code method} picks insert (0), update (1) or the one
   * the model expects (2, 3); {@code skew} picks the version (0 to 2: the right one; 3: one less; 4: one more); the
   * others pick the values written.
   */
  private record Op(int tenant, int partner, int user, int method, int skew, int status, int role, int flags,
      int invitation) {}

  /** The key of a membership in the model: tenant index, partner, user. */
  private record Key(int tenant, PartnerId partner, UserId user) {}

  private static Gen<List<Op>> ops() {
    return in -> {
      List<Op> out = new ArrayList<>();
      int n = between(in, 0, 12);
      for (int i = 0; i < n; i++) {
        out.add(new Op(between(in, 0, 1), between(in, 0, 1), between(in, 0, 2), between(in, 0, 3),
            between(in, 0, 4), between(in, 0, 2), between(in, 0, 2), between(in, 0, 7), between(in, 0, 2)));
      }
      return out;
    };
  }

  /** @return the membership {@code op} writes at {@code version}, the {@code n}-th write of the sequence */
  private static PartnerMember written(TenantId tenant, Op op, long version, int n) {
    PartnerId partner = PARTNERS.get(op.partner());
    UserId user = USERS.get(op.user());
    ImmutablePartnerMember.Builder b = PartnerMember.builder().tenantId(tenant).partnerId(partner).userId(user)
        .displayName("Member " + user + " #" + n).status(MembershipStatus.values()[op.status()])
        .membershipRole(MembershipRole.values()[op.role()]).canInvite((op.flags() & 1) != 0)
        .canViewMetrics((op.flags() & 2) != 0).canManageEvents((op.flags() & 4) != 0).version(version);
    if (op.invitation() > 0) {
      b.invitedBy(MAYA_KEY).invitedAt(at(n)).inviteOccasionId(n % 2 == 0 ? OCCASION : OTHER_OCCASION);
    }
    if (op.invitation() > 1) {
      b.inviteExpiresAt(at(n + 86_400_000_000L));
    }
    return b.build();
  }

  private void write(boolean update, PartnerMember member) {
    if (update) {
      directory().updateMember(member);
    } else {
      directory().insertMember(member);
    }
  }

  @Test
  void memberWritesAgreeWithAPlainModel() {
    qt().withFixedSeed(SEED).withExamples(PROPERTY_EXAMPLES).forAll(ops()).checkAssert(ops -> {
      String run = UUID.randomUUID().toString().substring(0, 8);
      List<TenantId> tenants = List.of(TenantId.of("tck-pa-" + run), TenantId.of("tck-pb-" + run));
      Map<Key, PartnerMember> model = new HashMap<>();
      for (int n = 0; n < ops.size(); n++) {
        Op op = ops.get(n);
        Key key = new Key(op.tenant(), PARTNERS.get(op.partner()), USERS.get(op.user()));
        PartnerMember stored = model.get(key);
        boolean update = op.method() == 1 || op.method() > 1 && stored != null;
        long right = update ? (stored == null ? 1 : stored.version() + 1) : 0;
        long version = switch (op.skew()) {
          case 3 -> right - 1;
          case 4 -> right + 1;
          default -> right;
        };
        if (version < 0) {
          version = right + 2;
        }
        PartnerMember member = written(tenants.get(op.tenant()), op, version, n);
        boolean succeeds = update ? stored != null && stored.version() == version - 1
            : stored == null && version == 0;
        String step = "write " + n + " of " + ops;
        if (succeeds) {
          write(update, member);
          model.put(key, member);
        } else {
          VersionConflictException e = assertThrows(VersionConflictException.class,
              () -> write(update, member), step);
          assertEquals(MEMBER, e.recordType(), step);
          assertEquals(memberId(key.partner(), key.user()), e.recordId(), step);
        }
        tx(() -> { // reads in one unit of work: one connection for a JDBC store
          for (int t = 0; t < tenants.size(); t++) {
            assertEquals(Optional.ofNullable(model.get(new Key(t, key.partner(), key.user()))),
                directory().findMember(tenants.get(t), key.partner(), key.user()), step);
          }
          return null;
        });
      }
      tx(() -> {
        for (TenantId tenant : tenants) {
          for (PartnerId p : PARTNERS) {
            assertEquals(model.values().stream().filter(m -> m.tenantId().equals(tenant) && m.partnerId().equals(p))
                    .sorted(Comparator.comparing(PartnerMember::userId)).toList(),
                directory().listMembers(tenant, p), () -> "members of " + p + " after " + ops);
          }
          for (UserId u : USERS) {
            assertEquals(model.values().stream().filter(m -> m.tenantId().equals(tenant) && m.userId().equals(u))
                    .sorted(Comparator.comparing(PartnerMember::partnerId)).toList(),
                directory().membershipsOf(tenant, u), () -> "memberships of " + u + " after " + ops);
          }
        }
        return null;
      });
    });
  }
}
