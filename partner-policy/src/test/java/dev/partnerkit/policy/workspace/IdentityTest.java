package dev.partnerkit.policy.workspace;

import static dev.partnerkit.policy.workspace.WorkspaceWorld.ACME;
import static dev.partnerkit.policy.workspace.WorkspaceWorld.DANA;
import static dev.partnerkit.policy.workspace.WorkspaceWorld.RECEPTION;
import static dev.partnerkit.policy.workspace.WorkspaceWorld.TENANT;
import static dev.partnerkit.policy.workspace.WorkspaceWorld.VENUE;
import static dev.partnerkit.policy.workspace.WorkspaceWorld.WEDDING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnerkit.domain.Entitlement;
import dev.partnerkit.domain.GrantId;
import dev.partnerkit.domain.GrantScope;
import dev.partnerkit.domain.IllegalTransitionException;
import dev.partnerkit.domain.IntegrationPrincipalId;
import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.domain.MembershipRole;
import dev.partnerkit.domain.MembershipStatus;
import dev.partnerkit.domain.OperatorRole;
import dev.partnerkit.domain.OperatorUser;
import dev.partnerkit.domain.PartnerCapability;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.PartnerKind;
import dev.partnerkit.domain.PartnerStatus;
import dev.partnerkit.domain.ReasonCode;
import dev.partnerkit.domain.SourceTruth;
import dev.partnerkit.domain.Surface;
import dev.partnerkit.domain.Tenant;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.UserId;
import dev.partnerkit.spi.memory.InMemoryStorage;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Identity comes from stored records: tenant-bound memberships and principals, reloaded on every call. */
class IdentityTest {
  static final TenantId OTHER = TenantId.of("other-caterer");
  static final OperatorUser OLGA = OperatorUser.builder().userId(UserId.of("u-olga")).tenantId(OTHER)
      .displayName("Olga").addRoles(OperatorRole.OWNER_OPS_LEAD).build();
  static final IntegrationPrincipalId SYNC = IntegrationPrincipalId.of("ip-acme-sync");

  final WorkspaceWorld w = new WorkspaceWorld(InMemoryStorage.create());
  final DirectoryCommands directory = w.ops.directory(WEDDING);

  private long decisions() {
    return w.storage.decisions().count(TENANT);
  }

  @Test
  void theSamePartnerIdInTwoTenantsNeverCrosses() {
    w.wideGrant(ACME);
    w.task(ACME, RECEPTION);
    // tenant B has an unrelated partner with the same id, with its own task and a grant
    w.storage.directory().saveTenant(Tenant.of(OTHER, "Other Caterer", ZoneId.of("Europe/Berlin")));
    OperatorConsole olga = w.workspace.operator(OLGA);
    assertTrue(olga.setEntitlements("o-1", WEDDING, Set.of(Entitlement.MULTI_USER_SUPPORT)).applied());
    assertTrue(olga.directory(WEDDING).createPartner("o-2", PartnerDraft.builder().partnerId(ACME)
        .name("Acme (Berlin)").kind(PartnerKind.RENTAL_COMPANY).build()).applied());
    GrantId theirs = GrantId.of(olga.issueGrant("o-3", GrantDraft.builder().partnerId(ACME)
        .scope(GrantScope.builder().occasionId(WEDDING).addSurfaces(Surface.TASKS).build())
        .addCapabilities(PartnerCapability.MANAGE_TASK).validFrom(WorkspaceWorld.FROM).build()).recordId()
        .orElseThrow());
    olga.activateGrant("o-4", theirs);
    assertTrue(olga.tasks().create("o-5", dev.partnerkit.policy.surface.tasks.TaskDraft.builder()
        .occasionId(WEDDING).partnerId(ACME).title("Berlin linen").build()).applied());

    // Dana is a member of tenant A's p-acme only: tenant B's portal does not open for her
    PartnerSessionOpening b = w.workspace.openPartnerSession(OTHER, DANA.userId(), ACME, WEDDING);
    assertFalse(b.session().isPresent());
    assertEquals(ReasonCode.ACTOR_NOT_RESOLVED, b.decision().reason());
    assertFalse(b.decision().explanation().contains("Berlin"), b.decision().explanation());
    // and tenant A's session lists tenant A's task only
    List<String> titles = w.session(DANA).tasks().list().items().stream().map(t -> t.title()).toList();
    assertEquals(List.of("Deliver linen"), titles);
  }

  @Test
  void aRemovedMemberIsBlockedOnTheVeryNextCallOfAnOpenSession() {
    w.wideGrant(ACME);
    w.task(ACME, RECEPTION);
    PartnerSession session = w.session(DANA);
    assertEquals(1, session.tasks().list().items().size());
    assertTrue(directory.removeMember(w.key(), ACME, DANA.userId()).applied());
    var next = session.tasks().list();
    assertEquals(ReasonCode.ACTOR_NOT_RESOLVED, next.decision().reason());
    assertTrue(next.items().isEmpty());
    assertEquals(MembershipStatus.REMOVED, session.actor() instanceof dev.partnerkit.domain.PartnerMember m
        ? m.status() : null);
  }

  @Test
  void aDisabledOrReadOnlyPrincipalIsBlockedOnItsNextCall() {
    assertTrue(directory.createPrincipal(w.key(), PrincipalDraft.builder().principalId(SYNC).partnerId(ACME)
        .name("Acme sync").addTriggers("timeline.updated").build()).applied());
    GrantId g = GrantId.of(w.ops.issuePresetGrant(w.key(), dev.partnerkit.domain.IntegrationPreset.PRINTER,
        GrantDraft.builder().partnerId(ACME).integrationPrincipal(SYNC)
        .scope(GrantScope.builder().occasionId(WEDDING).addSurfaces(Surface.PROPOSAL_OPTIONS).build())
        .addCapabilities(PartnerCapability.RECOMMEND_PROPOSAL_OPTION).validFrom(WorkspaceWorld.FROM).build(),
        java.util.Optional.of("the sync recommends proposal options")).recordId().orElseThrow());
    w.ops.activateGrant(w.key(), g);
    PartnerSession machine = w.workspace.openIntegrationSession(TENANT, SYNC, WEDDING).session().orElseThrow();
    Supplier<CommandResult> comment = () -> machine.contribute(w.key(), Contribution.builder()
        .surface(Surface.PROPOSAL_OPTIONS).summary("Option B fits the print window").build());
    assertEquals(ReasonCode.INTEGRATION_READ_ONLY, comment.get().decision().reason(), "stored read-only wins");
    assertTrue(directory.grantWriteAccess(w.key(), SYNC).applied());
    assertTrue(comment.get().applied());
    assertTrue(directory.withdrawWriteAccess(w.key(), SYNC).applied());
    assertEquals(ReasonCode.INTEGRATION_READ_ONLY, comment.get().decision().reason());
    assertTrue(directory.disablePrincipal(w.key(), SYNC).applied());
    assertEquals(ReasonCode.ACTOR_NOT_RESOLVED, comment.get().decision().reason());
    assertThrows(dev.partnerkit.domain.RecordNotFoundException.class,
        () -> w.workspace.openIntegrationSession(TENANT, IntegrationPrincipalId.of("ip-nobody"), WEDDING));
  }

  @Test
  void safetyActionsWorkWithVendorAccessOffAndOtherDirectoryChangesDoNot() {
    GrantId suspendMe = w.wideGrant(ACME);
    GrantId revokeMe = w.wideGrant(ACME);
    directory.createPrincipal(w.key(), PrincipalDraft.builder().principalId(SYNC).partnerId(ACME).name("Acme sync")
        .build());
    directory.grantWriteAccess(w.key(), SYNC);
    assertTrue(w.ops.setEntitlements(w.key(), WEDDING, Set.of()).applied());

    assertTrue(w.ops.suspendGrant(w.key(), suspendMe).applied(), "suspend a grant");
    assertTrue(w.ops.revokeGrant(w.key(), revokeMe).applied(), "revoke a grant");
    assertTrue(directory.removeMember(w.key(), ACME, DANA.userId()).applied(), "remove a member");
    assertTrue(directory.withdrawWriteAccess(w.key(), SYNC).applied(), "withdraw write access");
    assertTrue(directory.disablePrincipal(w.key(), SYNC).applied(), "disable a principal");
    assertTrue(directory.setPartnerStatus(w.key(), VENUE, PartnerStatus.INACTIVE).applied(), "deactivate a partner");

    for (CommandResult gated : List.of(
        directory.createPartner(w.key(), PartnerDraft.builder().partnerId(PartnerId.of("p-new")).name("New")
            .kind(PartnerKind.OTHER).build()),
        directory.inviteMember(w.key(), MemberInvite.builder().partnerId(ACME).userId(UserId.of("u-eve"))
            .displayName("Eve").build()),
        directory.enablePrincipal(w.key(), SYNC),
        w.ops.activateGrant(w.key(), suspendMe))) {
      assertEquals(ReasonCode.PRODUCT_SCOPE_UNAVAILABLE, gated.decision().reason(), gated.decision()::render);
    }
    assertEquals(2, directory.members(ACME).size() + directory.principals(ACME).size(), "reads keep working");
    // turning vendor_access back on does not revive anything
    assertTrue(w.ops.setEntitlements(w.key(), WEDDING, Set.of(Entitlement.MULTI_USER_SUPPORT)).applied());
    assertFalse(w.opening(DANA, WEDDING).session().isPresent());
  }

  @Test
  void everyDirectoryCommandIsDecidedJournaledAndIdempotent() {
    long decisions = decisions();
    long activity = w.activityCount();
    long events = w.storage.outbox().countPending(TENANT);
    MemberInvite eve = MemberInvite.builder().partnerId(ACME).userId(UserId.of("u-eve")).displayName("Eve").build();
    List<Supplier<CommandResult>> commands = List.of(
        () -> directory.createPartner("d-1", PartnerDraft.builder().partnerId(PartnerId.of("p-new")).name("New")
            .kind(PartnerKind.OTHER).build()),
        () -> directory.editPartner("d-2", PartnerDraft.builder().partnerId(PartnerId.of("p-new")).name("Newer")
            .kind(PartnerKind.OTHER).tier("gold").build()),
        () -> directory.inviteMember("d-3", eve),
        () -> directory.resendInvitation("d-4", ACME, UserId.of("u-eve"), Optional.empty()),
        () -> directory.changeMember("d-5", ACME, DANA.userId(), MembershipRole.MANAGER, true, true, false),
        () -> directory.createPrincipal("d-6", PrincipalDraft.builder().principalId(SYNC).partnerId(ACME)
            .name("Acme sync").build()),
        () -> directory.grantWriteAccess("d-7", SYNC),
        () -> directory.removeMember("d-8", ACME, UserId.of("u-eve")));
    for (Supplier<CommandResult> c : commands) {
      CommandResult first = c.get();
      assertTrue(first.applied(), first.decision()::render);
      CommandResult again = c.get();
      assertTrue(again.replayed());
      assertEquals(first.decision(), again.decision());
    }
    int n = commands.size();
    assertEquals(decisions + n, decisions(), "one decision row each");
    assertEquals(activity + n, w.activityCount(), "one activity entry each");
    assertEquals(events + n, w.storage.outbox().countPending(TENANT), "one outbox event each");
    assertEquals("Newer", directory.partner(PartnerId.of("p-new")).name());
    assertThrows(IdempotencyKeyReusedException.class, () -> directory.inviteMember("d-3",
        MemberInvite.builder().from(eve).displayName("Eva").build()));
  }

  @Test
  void anInvitationIsAcceptedOnceBeforeItExpires() {
    w.wideGrant(ACME);
    UserId eve = UserId.of("u-eve");
    Instant until = w.clock.instant().plusSeconds(3600);
    assertTrue(directory.inviteMember(w.key(), MemberInvite.builder().partnerId(ACME).userId(eve).displayName("Eve")
        .expiresAt(until).build()).applied());
    assertEquals(ReasonCode.ACTOR_NOT_RESOLVED,
        w.workspace.openPartnerSession(TENANT, eve, ACME, WEDDING).decision().reason(), "invited is not active");
    w.clock.set(until.plusSeconds(1));
    CommandResult late = w.workspace.acceptInvitation("e-1", TENANT, eve, ACME);
    assertEquals(ReasonCode.INVITATION_EXPIRED, late.decision().reason());
    assertTrue(directory.resendInvitation(w.key(), ACME, eve, Optional.empty()).applied());
    CommandResult accepted = w.workspace.acceptInvitation("e-2", TENANT, eve, ACME);
    assertTrue(accepted.applied(), accepted.decision()::render);
    assertTrue(w.workspace.acceptInvitation("e-2", TENANT, eve, ACME).replayed(), "a retry replays");
    assertEquals(ReasonCode.INVITATION_NOT_OPEN, w.workspace.acceptInvitation("e-3", TENANT, eve, ACME).decision()
        .reason(), "no double acceptance");
    assertTrue(w.workspace.openPartnerSession(TENANT, eve, ACME, WEDDING).session().isPresent());
    assertThrows(IllegalTransitionException.class, () -> directory.resendInvitation(w.key(), ACME, eve,
        Optional.empty()), "only an open invitation is sent again");
  }

  @Test
  void membersInviteOnlyWithCanInviteAndGiveNoMoreThanTheyHold() {
    w.wideGrant(ACME);
    PartnerSession session = w.session(DANA);
    MemberInvite eve = MemberInvite.builder().partnerId(ACME).userId(UserId.of("u-eve")).displayName("Eve").build();
    CommandResult refused = session.members().invite(w.key(), eve);
    assertEquals(ReasonCode.MEMBER_FLAG_MISSING, refused.decision().reason());
    assertTrue(refused.decision().explanation().contains("can_invite"), refused.decision().explanation());
    assertTrue(directory.changeMember(w.key(), ACME, DANA.userId(), MembershipRole.MEMBER, true, false, false)
        .applied());
    assertTrue(session.members().invite(w.key(), eve).applied(), "flags are reloaded on the next call");
    InvalidValueException more = assertThrows(InvalidValueException.class, () -> session.members().invite(w.key(),
        MemberInvite.builder().partnerId(ACME).userId(UserId.of("u-fay")).displayName("Fay").canViewMetrics(true)
            .build()));
    assertEquals("invite.canViewMetrics", more.field());
    assertThrows(InvalidValueException.class, () -> session.members().invite(w.key(),
        MemberInvite.builder().from(eve).partnerId(VENUE).userId(UserId.of("u-gus")).build()),
        "only into the session's own partner");
    assertEquals(2, session.members().list().size(), "Dana and the invited Eve");
  }

  @Test
  void aPersonMayManageSeveralPartnersAndAPartnerHaveSeveralManagers() {
    UserId olive = UserId.of("u-olive");
    UserId max = UserId.of("u-max");
    for (PartnerId p : List.of(ACME, VENUE)) {
      for (UserId u : List.of(olive, max)) {
        directory.inviteMember(w.key(), MemberInvite.builder().partnerId(p).userId(u).displayName(u.value())
            .membershipRole(p == ACME || u == olive ? MembershipRole.OWNER : MembershipRole.MEMBER).build());
        assertTrue(w.workspace.acceptInvitation(w.key(), TENANT, u, p).applied());
      }
    }
    assertEquals(List.of(ACME, VENUE), w.workspace.partnersManagedBy(TENANT, olive).stream()
        .map(dev.partnerkit.domain.Partner::partnerId).toList());
    assertEquals(List.of(ACME), w.workspace.partnersManagedBy(TENANT, max).stream()
        .map(dev.partnerkit.domain.Partner::partnerId).toList());
    assertEquals(List.of(), w.workspace.partnersManagedBy(OTHER, olive), "and nothing in another tenant");
  }

  @Test
  void aMemberInvitationCarriesNoSourceTruth() {
    // the organisation pipeline still guards source truth
    var request = dev.partnerkit.domain.AccessRequest.builder().actor(dev.partnerkit.domain.ImmutablePartnerMember.copyOf(DANA).withCanInvite(true)).tenantId(TENANT)
        .occasionId(WEDDING).intent(dev.partnerkit.domain.IntentKind.INVITE_MEMBER)
        .addEffects(SourceTruth.PAYMENT_SETTLEMENT).build();
    var facts = dev.partnerkit.policy.DecisionFacts.builder().tenant(w.storage.directory().findTenant(TENANT)
            .orElseThrow()).productScope(dev.partnerkit.domain.ProductScope.of(WEDDING,
            Set.of(dev.partnerkit.domain.ProductCapability.VENDOR_ACCESS)))
        .partner(w.storage.directory().findPartner(TENANT, ACME)).build();
    assertEquals(ReasonCode.SOURCE_TRUTH_PROTECTED,
        dev.partnerkit.policy.AccessDecider.create().decide(request, facts, w.clock.instant()).reason());
  }
}
