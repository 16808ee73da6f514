package dev.partnerkit.policy;

import static dev.partnerkit.policy.Fixtures.ACME;
import static dev.partnerkit.policy.Fixtures.ACME_BOT;
import static dev.partnerkit.policy.Fixtures.DANA;
import static dev.partnerkit.policy.Fixtures.NOW;
import static dev.partnerkit.policy.Fixtures.OCCASION;
import static dev.partnerkit.policy.Fixtures.OTHER_TENANT;
import static dev.partnerkit.policy.Fixtures.TENANT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnerkit.domain.AccessRequest;
import dev.partnerkit.domain.ActorKind;
import dev.partnerkit.domain.Decision;
import dev.partnerkit.domain.DecisionCheck;
import dev.partnerkit.domain.ImmutableIntegrationPrincipal;
import dev.partnerkit.domain.ImmutablePartnerMember;
import dev.partnerkit.domain.IntentKind;
import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.domain.MembershipStatus;
import dev.partnerkit.domain.Placement;
import dev.partnerkit.domain.ReasonCode;
import dev.partnerkit.domain.RecordAction;
import dev.partnerkit.domain.RecordRef;
import dev.partnerkit.domain.RecordType;
import dev.partnerkit.domain.SourceTruth;
import dev.partnerkit.domain.Surface;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The decision core's rules about people and records one by one: organisation intents (inviting, accepting), member
 * flags, linker rights on a create, entries of no record type, audiences, and the facts' record type.
 */
class DecisionRulesTest {
  private static final AccessDecider DECIDER = AccessDecider.create();
  private static final DecisionFacts FACTS = Fixtures.facts(Fixtures.wideGrant("g-1").build());

  private static Decision decide(AccessRequest request, DecisionFacts facts) {
    return DECIDER.decide(request, facts, NOW);
  }

  private static AccessRequest organisation(dev.partnerkit.domain.Actor actor, IntentKind intent) {
    return AccessRequest.builder().actor(actor).tenantId(TENANT).occasionId(OCCASION).intent(intent).build();
  }

  private static ImmutablePartnerMember dana() {
    return ImmutablePartnerMember.copyOf(DANA);
  }

  // ---------------------------------------------------------------- inviting and accepting

  @Test
  void invitingNeedsAnActiveMemberOfThisTenantWithCanInvite() {
    Decision allowed = decide(organisation(dana().withCanInvite(true), IntentKind.INVITE_MEMBER), FACTS);
    assertEquals(ReasonCode.ALLOWED_FOR_MEMBER, allowed.reason());
    assertEquals(List.of(DecisionCheck.PRODUCT_SCOPE, DecisionCheck.ACTOR, DecisionCheck.SURFACE_RULE,
        DecisionCheck.SOURCE_TRUTH), allowed.checks());
    assertEquals(ReasonCode.MEMBER_FLAG_MISSING,
        decide(organisation(dana().withCanInvite(false), IntentKind.INVITE_MEMBER), FACTS).reason());
    assertEquals(ReasonCode.ACTOR_NOT_RESOLVED, decide(organisation(dana().withCanInvite(true)
        .withStatus(MembershipStatus.INVITED), IntentKind.INVITE_MEMBER), FACTS).reason(), "not yet a member");
    assertEquals(ReasonCode.ACTOR_NOT_RESOLVED, decide(organisation(dana().withCanInvite(true)
        .withTenantId(OTHER_TENANT), IntentKind.INVITE_MEMBER), FACTS).reason(), "a membership of another tenant");
    assertEquals(ReasonCode.ACTOR_NOT_RESOLVED, decide(organisation(dana().withCanInvite(true),
        IntentKind.INVITE_MEMBER), DecisionFacts.builder().from(FACTS).partner(Optional.empty()).build()).reason());
    assertEquals(ReasonCode.OPERATOR_ONLY_ACTION,
        decide(organisation(ACME_BOT, IntentKind.INVITE_MEMBER), FACTS).reason(), "machines never invite");
    assertEquals(ReasonCode.PRODUCT_SCOPE_UNAVAILABLE, decide(organisation(dana().withCanInvite(true),
        IntentKind.INVITE_MEMBER), DecisionFacts.builder().from(FACTS).productScope(Fixtures.DISABLED).build())
        .reason());
    assertEquals(ReasonCode.SOURCE_TRUTH_PROTECTED, decide(AccessRequest.builder().from(organisation(
        dana().withCanInvite(true), IntentKind.INVITE_MEMBER)).addEffects(SourceTruth.PAYMENT_SETTLEMENT).build(),
        FACTS).reason());
  }

  @Test
  void acceptingNeedsAnOpenInvitationBeforeItsExpiry() {
    ImmutablePartnerMember invited = dana().withStatus(MembershipStatus.INVITED)
        .withInvitedAt(NOW.minus(java.time.Duration.ofDays(1)));
    assertEquals(ReasonCode.ALLOWED_FOR_MEMBER,
        decide(organisation(invited, IntentKind.ACCEPT_INVITATION), FACTS).reason(), "no expiry");
    assertEquals(ReasonCode.ALLOWED_FOR_MEMBER, decide(organisation(invited.withInviteExpiresAt(NOW.plusMillis(1)),
        IntentKind.ACCEPT_INVITATION), FACTS).reason(), "just before the expiry");
    assertEquals(ReasonCode.INVITATION_EXPIRED, decide(organisation(invited.withInviteExpiresAt(NOW),
        IntentKind.ACCEPT_INVITATION), FACTS).reason(), "at the expiry");
    assertEquals(ReasonCode.INVITATION_NOT_OPEN,
        decide(organisation(dana(), IntentKind.ACCEPT_INVITATION), FACTS).reason(), "accepted already");
    assertEquals(ReasonCode.INVITATION_NOT_OPEN, decide(organisation(dana().withStatus(MembershipStatus.REMOVED),
        IntentKind.ACCEPT_INVITATION), FACTS).reason());
    assertEquals(ReasonCode.ACTOR_NOT_RESOLVED, decide(organisation(invited.withTenantId(OTHER_TENANT),
        IntentKind.ACCEPT_INVITATION), FACTS).reason());
  }

  // ---------------------------------------------------------------- the acting people, resolved

  @Test
  void aPartnerSideActorResolvesOnlyInTheRequestsTenant() {
    AccessRequest read = AccessRequest.view(DANA, TENANT, OCCASION, Surface.TASKS).build();
    assertTrue(decide(read, FACTS).allowed());
    assertEquals(ReasonCode.ACTOR_NOT_RESOLVED, decide(AccessRequest.view(dana().withTenantId(OTHER_TENANT), TENANT,
        OCCASION, Surface.TASKS).build(), FACTS).reason());
    assertEquals(ReasonCode.ACTOR_NOT_RESOLVED, decide(AccessRequest.view(dana().withStatus(MembershipStatus.INVITED),
        TENANT, OCCASION, Surface.TASKS).build(), FACTS).reason());
    ImmutableIntegrationPrincipal bot = ImmutableIntegrationPrincipal.copyOf(ACME_BOT);
    assertEquals(ReasonCode.ACTOR_NOT_RESOLVED, decide(AccessRequest.view(bot.withTenantId(OTHER_TENANT), TENANT,
        OCCASION, Surface.TASKS).build(), FACTS).reason());
    assertEquals(ReasonCode.ACTOR_NOT_RESOLVED, decide(AccessRequest.view(bot.withEnabled(false), TENANT,
        OCCASION, Surface.TASKS).build(), FACTS).reason());
  }

  // ---------------------------------------------------------------- member flags

  @Test
  void writingEventPlansNeedsCanManageEventsAndTheScorecardCanViewMetrics() {
    for (Surface surface : List.of(Surface.RUN_OF_SHOW, Surface.VENUE_PLANS)) {
      AccessRequest write = AccessRequest.contribute(dana().withCanManageEvents(false), TENANT, OCCASION, surface)
          .build();
      assertEquals(ReasonCode.MEMBER_FLAG_MISSING, decide(write, FACTS).reason(), surface::wireName);
      assertTrue(decide(AccessRequest.contribute(dana().withCanManageEvents(true), TENANT, OCCASION, surface)
          .build(), FACTS).allowed(), surface::wireName);
      assertTrue(decide(AccessRequest.view(dana().withCanManageEvents(false), TENANT, OCCASION, surface).build(),
          FACTS).allowed(), "reading needs no flag");
    }
    assertTrue(decide(AccessRequest.contribute(dana().withCanManageEvents(false), TENANT, OCCASION, Surface.ISSUES)
        .build(), FACTS).allowed(), "other surfaces need no flag");
    assertEquals(ReasonCode.MEMBER_FLAG_MISSING, decide(AccessRequest.view(dana().withCanViewMetrics(false),
        TENANT, OCCASION, Surface.SCORECARD).build(), FACTS).reason());
    assertTrue(decide(AccessRequest.view(dana().withCanViewMetrics(true), TENANT, OCCASION, Surface.SCORECARD)
        .build(), FACTS).allowed());
    assertTrue(decide(AccessRequest.view(dana().withCanViewMetrics(false), TENANT, OCCASION, Surface.TASKS)
        .build(), FACTS).allowed(), "only the scorecard needs can_view_metrics");
    assertTrue(decide(AccessRequest.contribute(ImmutableIntegrationPrincipal.copyOf(ACME_BOT).withWriteEnabled(true),
        TENANT, OCCASION, Surface.VENUE_PLANS).build(), Fixtures.facts(Fixtures.wideGrant("g-bot")
        .integrationPrincipal(ACME_BOT.principalId()).build())).allowed(), "integrations have no member flags");
  }

  // ---------------------------------------------------------------- records

  private static final RecordType<Fixtures.Note, Fixtures.NoteStatus> LINKED_NOTE = RecordType.builder("linked_note",
      Surface.ISSUES, Fixtures.Note.class, Fixtures.FIELD_NOTE.lifecycle()).noun("linked note")
      .relation("about").creators(ActorKind.PARTNER_MEMBER, ActorKind.OPERATOR).linkers(ActorKind.OPERATOR)
      .title(Fixtures.Note::text).example(new Fixtures.Note("x")).build();

  private static AccessRequest createLinkedNote(dev.partnerkit.domain.Actor actor, boolean withLinks,
      List<RecordRef> audience) {
    return AccessRequest.onRecord(actor, TENANT, IntentKind.CREATE, Surface.ISSUES, Fixtures.taskPlacement(ACME),
        RecordAction.builder().type(LINKED_NOTE.wireName()).title("Dock").partnerId(ACME)
            .linkRelations(withLinks ? List.of("about") : List.of()).audienceOutOfReach(audience).build()).build();
  }

  @Test
  void aPartnersCreateWithLinksNeedsLinkerRightsToo() {
    DecisionFacts facts = Fixtures.withType(FACTS, LINKED_NOTE);
    assertTrue(decide(createLinkedNote(DANA, false, List.of()), facts).allowed());
    Decision linked = decide(createLinkedNote(DANA, true, List.of()), facts);
    assertEquals(ReasonCode.OPERATOR_ONLY_ACTION, linked.reason());
    assertEquals(Optional.of(DecisionCheck.ACTOR), linked.failedCheck());
    assertTrue(decide(createLinkedNote(Fixtures.MAYA, true, List.of()), facts).allowed(), "operators link");
    DecisionFacts partnerLinks = Fixtures.withType(FACTS, RecordType.builder("linked_note", Surface.ISSUES,
        Fixtures.Note.class, Fixtures.FIELD_NOTE.lifecycle()).relation("about")
        .creators(ActorKind.PARTNER_MEMBER).linkers(ActorKind.PARTNER_MEMBER).title(Fixtures.Note::text)
        .example(new Fixtures.Note("x")).build());
    assertTrue(decide(createLinkedNote(DANA, true, List.of()), partnerLinks).allowed());
  }

  @Test
  void everyoneARecordNamesMustBeAbleToSeeIt() {
    DecisionFacts facts = Fixtures.withType(FACTS, LINKED_NOTE);
    Decision d = decide(createLinkedNote(DANA, false, List.of(RecordRef.of("partner_member", "u-lee"))), facts);
    assertEquals(ReasonCode.PERSON_CANNOT_SEE_RECORD, d.reason());
    assertEquals(ReasonCode.PERSON_CANNOT_SEE_RECORD, decide(createLinkedNote(Fixtures.MAYA, false,
        List.of(RecordRef.of("partner_member", "u-lee"))), facts).reason(), "operators too");
  }

  @Test
  void anEntryOfNoRecordTypeIsOnlyThePartnersOwn() {
    Placement at = Fixtures.taskPlacement(ACME);
    AccessRequest own = AccessRequest.onRecord(DANA, TENANT, IntentKind.VIEW, Surface.ACTIVITY, at,
        RecordAction.builder().type("activity_entry").recordId("e-1").title("entry").partnerId(ACME).build()).build();
    assertTrue(decide(own, FACTS).allowed(), () -> decide(own, FACTS).render());
    AccessRequest other = AccessRequest.onRecord(DANA, TENANT, IntentKind.VIEW, Surface.ACTIVITY,
        Placement.builder().from(at).partnerId(Fixtures.VENUE).build(), RecordAction.builder().type("activity_entry")
            .recordId("e-2").title("entry").partnerId(Fixtures.VENUE).build()).build();
    assertEquals(ReasonCode.RECORD_NOT_FOR_PARTNER, decide(other, FACTS).reason());
    AccessRequest nobodys = AccessRequest.onRecord(DANA, TENANT, IntentKind.VIEW, Surface.ACTIVITY,
        Placement.builder().occasionId(OCCASION).eventId(Fixtures.RECEPTION).build(), RecordAction.builder()
            .type("activity_entry").recordId("e-3").title("entry").build()).build();
    assertEquals(ReasonCode.RECORD_NOT_FOR_PARTNER, decide(nobodys, FACTS).reason());
  }

  @Test
  void aRequestAboutARecordNeedsItsRecordTypeInTheFactsExceptAViewOfAnEntry() {
    AccessRequest create = Fixtures.createNote(DANA).build();
    assertThrows(InvalidValueException.class, () -> decide(create, FACTS), "no record type for a create");
    assertTrue(decide(create, Fixtures.withType(FACTS, Fixtures.FIELD_NOTE)).allowed());
    InvalidValueException wrong = assertThrows(InvalidValueException.class,
        () -> decide(create, Fixtures.withType(FACTS, LINKED_NOTE)));
    assertEquals("facts.recordType", wrong.field());
    RecordType<Fixtures.Note, Fixtures.NoteStatus> elsewhere = RecordType.builder("field_note", Surface.TASKS,
        Fixtures.Note.class, Fixtures.FIELD_NOTE.lifecycle()).creators(ActorKind.PARTNER_MEMBER)
        .title(Fixtures.Note::text).example(new Fixtures.Note("x")).build();
    assertThrows(InvalidValueException.class, () -> decide(create, Fixtures.withType(FACTS, elsewhere)),
        "the same wire name on another surface");
  }
}
