package dev.partnerkit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The kernel's shared words: actors and their keys, placements, and the one not-found answer. */
class KernelVocabularyTest {
  private static final PartnerId ACME = PartnerId.of("p-acme");

  private static final OperatorUser MAYA = OperatorUser.builder().userId(UserId.of("u-1"))
      .tenantId(TenantId.of("toni-catering")).displayName("Maya").addRoles(OperatorRole.ADMIN).build();
  private static final PartnerMember DANA = PartnerMember.builder().tenantId(TenantId.of("t-1")).userId(UserId.of("u-1")).partnerId(ACME)
      .displayName("Dana").status(MembershipStatus.ACTIVE).build();
  private static final IntegrationPrincipal BOT = IntegrationPrincipal.builder().tenantId(TenantId.of("t-1"))
      .principalId(IntegrationPrincipalId.of("u-1")).partnerId(ACME).name("Acme sync").build();

  @Test
  void actorsAreExactlyTheThreeKinds() {
    assertTrue(Actor.class.isSealed());
    assertEquals(Set.of(OperatorUser.class, PartnerMember.class, IntegrationPrincipal.class),
        Set.of(Actor.class.getPermittedSubclasses()));
  }

  @Test
  void theActorKeyIsKindAndIdSoTheSameIdNeverMeansTwoActors() {
    assertEquals("operator:u-1", MAYA.actorKey());
    assertEquals("partner_member:u-1", DANA.actorKey());
    assertEquals("integration:u-1", BOT.actorKey());
    assertEquals(3, Set.of(MAYA.actorKey(), DANA.actorKey(), BOT.actorKey()).size());
    assertEquals("u-1", MAYA.actorId());
    assertEquals("u-1", BOT.actorId());
  }

  @Test
  void onlyPartnerSideActorsActForAPartner() {
    assertEquals(Optional.empty(), MAYA.actingPartner());
    assertEquals(Optional.of(ACME), DANA.actingPartner());
    assertEquals(Optional.of(ACME), BOT.actingPartner());
    assertEquals("Acme sync (integration of partner p-acme)", BOT.label());
    assertEquals("Maya (operator)", MAYA.label());
  }

  @Test
  void aPlacementInAnOccasionIsNowhereElse() {
    Placement p = Placement.inOccasion(OccasionId.of("occ-wedding"));
    assertEquals(OccasionId.of("occ-wedding"), p.occasionId());
    assertTrue(p.eventId().isEmpty() && p.resourceId().isEmpty() && p.partnerId().isEmpty()
        && p.parent().isEmpty());
  }

  @Test
  void notFoundSaysNothingAboutWhetherTheRecordExists() {
    RecordNotFoundException e = new RecordNotFoundException("taskId", "task", "t-9");
    assertEquals("no task t-9 is visible here", e.getMessage(), "the same words for missing and hidden records");
    assertEquals("taskId", e.field());
    assertTrue(e instanceof PartnerkitException);
  }
}
