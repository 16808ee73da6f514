package dev.partnerkit.policy;

import static dev.partnerkit.policy.Fixtures.ACME;
import static dev.partnerkit.policy.Fixtures.ACME_BOT;
import static dev.partnerkit.policy.Fixtures.ACME_PARTNER;
import static dev.partnerkit.policy.Fixtures.CEREMONY;
import static dev.partnerkit.policy.Fixtures.DANA;
import static dev.partnerkit.policy.Fixtures.DISABLED;
import static dev.partnerkit.policy.Fixtures.ENABLED;
import static dev.partnerkit.policy.Fixtures.FIELD_NOTE;
import static dev.partnerkit.policy.Fixtures.LINEN;
import static dev.partnerkit.policy.Fixtures.MAYA;
import static dev.partnerkit.policy.Fixtures.NOW;
import static dev.partnerkit.policy.Fixtures.OCCASION;
import static dev.partnerkit.policy.Fixtures.OTHER_OCCASION;
import static dev.partnerkit.policy.Fixtures.OTHER_TENANT;
import static dev.partnerkit.policy.Fixtures.RECEPTION;
import static dev.partnerkit.policy.Fixtures.TENANT;
import static dev.partnerkit.policy.Fixtures.TONI;
import static dev.partnerkit.policy.Fixtures.VENUE;
import static dev.partnerkit.policy.Fixtures.createNote;
import static dev.partnerkit.policy.Fixtures.createTask;
import static dev.partnerkit.policy.Fixtures.facts;
import static dev.partnerkit.policy.Fixtures.move;
import static dev.partnerkit.policy.Fixtures.taskFacts;
import static dev.partnerkit.policy.Fixtures.wideGrant;
import static dev.partnerkit.policy.Fixtures.withType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnerkit.domain.AccessGrant;
import dev.partnerkit.domain.AccessRequest;
import dev.partnerkit.domain.Actor;
import dev.partnerkit.domain.ActorKind;
import dev.partnerkit.domain.DataClass;
import dev.partnerkit.domain.Decision;
import dev.partnerkit.domain.Placement;
import dev.partnerkit.domain.DecisionCheck;
import dev.partnerkit.domain.GrantScope;
import dev.partnerkit.domain.GrantStatus;
import dev.partnerkit.domain.ImmutableIntegrationPrincipal;
import dev.partnerkit.domain.ImmutablePartnerMember;
import dev.partnerkit.domain.IntegrationPrincipalId;
import dev.partnerkit.domain.IntentKind;
import dev.partnerkit.domain.MembershipStatus;
import dev.partnerkit.domain.NextStepOwner;
import dev.partnerkit.domain.OperatorRole;
import dev.partnerkit.domain.OperatorUser;
import dev.partnerkit.domain.PartnerCapability;
import dev.partnerkit.domain.PartnerStatus;
import dev.partnerkit.domain.ImmutablePartner;
import dev.partnerkit.domain.ReasonCode;
import dev.partnerkit.domain.RecordAction;
import dev.partnerkit.domain.RecordRef;
import dev.partnerkit.domain.ResourceId;
import dev.partnerkit.domain.SourceTruth;
import dev.partnerkit.domain.Surface;
import dev.partnerkit.domain.UserId;
import dev.partnerkit.policy.surface.documents.Documents;
import dev.partnerkit.policy.surface.annotations.Annotations;
import dev.partnerkit.policy.surface.approvals.Approvals;
import dev.partnerkit.policy.surface.runofshow.RunsOfShow;
import dev.partnerkit.policy.surface.tasks.TaskStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.jspecify.annotations.Nullable;

/**
 * For every reason code: a request blocked with exactly that code, and a closely related request (the same setup
 * with the fault fixed) that is allowed. Every example asserts the reason, the allowed flag, the failed check, the
 * checks that ran, the next-step owner and the specific words of the explanation.
 */
class ReasonCodeExamplesTest {
  private static final AccessDecider DECIDER = AccessDecider.create();
  private static final List<DecisionCheck> PARTNER_PIPELINE = List.of(DecisionCheck.PRODUCT_SCOPE,
      DecisionCheck.ACTOR, DecisionCheck.GRANT, DecisionCheck.SCOPE, DecisionCheck.CAPABILITY,
      DecisionCheck.SURFACE_MODE, DecisionCheck.SURFACE_RULE, DecisionCheck.SOURCE_TRUTH);
  private static final List<DecisionCheck> OPERATOR_PIPELINE =
      List.of(DecisionCheck.PRODUCT_SCOPE, DecisionCheck.ACTOR, DecisionCheck.SURFACE_RULE);
  /** A member acting on its own memberships: no grant is asked, but source truth is still guarded. */
  private static final List<DecisionCheck> ORGANISATION_PIPELINE = List.of(DecisionCheck.PRODUCT_SCOPE,
      DecisionCheck.ACTOR, DecisionCheck.SURFACE_RULE, DecisionCheck.SOURCE_TRUTH);

  /** One request to decide. */
  record Case(AccessRequest request, DecisionFacts facts, Instant now) {
    static Case of(AccessRequest request, DecisionFacts facts) {
      return new Case(request, facts, NOW);
    }

    Decision decide() {
      return DECIDER.decide(request, facts, now);
    }
  }

  /** A blocked example, its fixed twin, and what both must say. */
  record Scenario(String name, ReasonCode code, Case blocked, NextStepOwner owner, List<String> says, Case fixed,
      ReasonCode fixedCode, List<String> fixedSays) {
    @Override
    public String toString() {
      return code.wireName() + ": " + name;
    }
  }

  private static Scenario scenario(String name, ReasonCode code, Case blocked, NextStepOwner owner,
      List<String> says, Case fixed, List<String> fixedSays) {
    ReasonCode fixedCode = fixed.request().actor().kind() == ActorKind.OPERATOR
        ? ReasonCode.ALLOWED_FOR_OPERATOR : ReasonCode.ALLOWED_BY_GRANT;
    return new Scenario(name, code, blocked, owner, says, fixed, fixedCode, fixedSays);
  }

  /** The same scenario, fixed by a member acting on its own memberships (no grant involved). */
  private static Scenario member(Scenario s) {
    return new Scenario(s.name(), s.code(), s.blocked(), s.owner(), s.says(), s.fixed(),
        ReasonCode.ALLOWED_FOR_MEMBER, s.fixedSays());
  }

  private static AccessRequest view(Actor actor, Surface surface) {
    return AccessRequest.view(actor, TENANT, OCCASION, surface).build();
  }

  private static AccessRequest contribute(Actor actor, Surface surface) {
    return AccessRequest.contribute(actor, TENANT, OCCASION, surface).build();
  }

  private static AccessRequest manage(Actor actor, IntentKind intent) {
    return AccessRequest.builder().actor(actor).tenantId(TENANT).occasionId(OCCASION).intent(intent).build();
  }

  private static OperatorUser operator(OperatorRole... roles) {
    return OperatorUser.builder().userId(UserId.of("u-sam")).tenantId(TENANT).displayName("Sam").addRoles(roles)
        .build();
  }

  /** {@code actor} annotates the floor plan: on its version {@code version}, or (null) on the document itself. */
  private static AccessRequest annotate(Actor actor, @Nullable String version) {
    Placement placement = Placement.builder().occasionId(OCCASION).eventId(RECEPTION).partnerId(ACME)
        .parent(version == null ? RecordRef.of("partner_document", "doc-floor")
            : RecordRef.of("document_version", version))
        .resourceId(java.util.Optional.ofNullable(version).map(ResourceId::of)).build();
    return AccessRequest.onRecord(actor, TENANT, IntentKind.CREATE, Surface.ANNOTATIONS, placement,
        RecordAction.builder().type(Annotations.TYPE.wireName()).title("Move the bar").partnerId(ACME).build())
        .build();
  }

  /** {@code actor} revises, or moves to {@code to}, Acme's proposed run-of-show version 2. */
  private static AccessRequest onVersion(Actor actor, IntentKind intent, @Nullable String to) {
    Placement placement = Placement.builder().occasionId(OCCASION).eventId(RECEPTION).partnerId(ACME)
        .parent(RunsOfShow.TYPE.ref("ros-1")).resourceId(ResourceId.of("ros-1-v2")).build();
    dev.partnerkit.domain.ImmutableRecordAction.Builder action = RecordAction.builder()
        .type(RunsOfShow.VERSION.wireName()).recordId("ros-1-v2").title("v2: Later pickup").partnerId(ACME)
        .parentStatus("active");
    if (to != null) {
      action.fromStatus("proposed").toStatus(to);
    }
    return AccessRequest.onRecord(actor, TENANT, intent, Surface.RUN_OF_SHOW, placement, action.build()).build();
  }

  /** {@code actor} approves version 2 of the floor plan, on an approval request in {@code requestStatus}. */
  private static AccessRequest decide(Actor actor, String requestStatus) {
    Placement placement = Placement.builder().occasionId(OCCASION).eventId(RECEPTION).partnerId(ACME)
        .parent(Approvals.REQUEST.ref("ar-1")).resourceId(ResourceId.of("dv-floor-2")).build();
    return AccessRequest.onRecord(actor, TENANT, IntentKind.CREATE, Surface.APPROVALS, placement,
        RecordAction.builder().type(Approvals.DECISION.wireName()).title("approve on version 2").partnerId(ACME)
            .parentStatus(requestStatus).build()).build();
  }

  static List<Scenario> scenarios() {
    AccessGrant g7 = wideGrant("g-7").build();
    ImmutablePartnerMember dana = ImmutablePartnerMember.copyOf(DANA);
    ImmutableIntegrationPrincipal bot = ImmutableIntegrationPrincipal.copyOf(ACME_BOT);
    AccessGrant botGrant = wideGrant("g-bot").integrationPrincipal(ACME_BOT.principalId()).build();
    List<Scenario> s = new ArrayList<>();

    s.add(scenario("vendor_access is not in the product", ReasonCode.PRODUCT_SCOPE_UNAVAILABLE,
        Case.of(view(DANA, Surface.TASKS), DecisionFacts.builder().from(facts(g7)).productScope(DISABLED).build()),
        NextStepOwner.BILLING_ADMIN, List.of("vendor_access", "occasion occ-wedding", "not a permission problem",
            "unavailable"),
        Case.of(view(DANA, Surface.TASKS), facts(g7)), List.of("g-7", "Acme Rentals", "tasks", "manage_task")));
    s.add(scenario("operator change without vendor_access", ReasonCode.PRODUCT_SCOPE_UNAVAILABLE,
        Case.of(contribute(MAYA, Surface.COMMENTS),
            DecisionFacts.builder().tenant(TONI).productScope(DISABLED).build()),
        NextStepOwner.BILLING_ADMIN, List.of("vendor_access", "Existing partner records stay readable"),
        Case.of(contribute(MAYA, Surface.COMMENTS), DecisionFacts.builder().tenant(TONI).productScope(ENABLED)
            .build()), List.of("Maya", "Toni Catering", "comments")));

    s.add(scenario("invited member", ReasonCode.ACTOR_NOT_RESOLVED,
        Case.of(view(dana.withStatus(MembershipStatus.INVITED), Surface.TASKS), facts(g7)),
        NextStepOwner.PARTNER, List.of("Dana", "Acme Rentals", "invited, not active"),
        Case.of(view(dana, Surface.TASKS), facts(g7)), List.of("g-7", "Acme Rentals")));
    s.add(scenario("inactive partner", ReasonCode.ACTOR_NOT_RESOLVED,
        Case.of(view(DANA, Surface.TASKS), DecisionFacts.builder().from(facts(g7))
            .partner(ImmutablePartner.copyOf(ACME_PARTNER).withStatus(PartnerStatus.INACTIVE)).build()),
        NextStepOwner.OPERATOR, List.of("Acme Rentals is inactive", "Toni Catering"),
        Case.of(view(DANA, Surface.TASKS), facts(g7)), List.of("g-7", "Acme Rentals")));
    s.add(scenario("disabled integration", ReasonCode.ACTOR_NOT_RESOLVED,
        Case.of(view(bot.withEnabled(false), Surface.TASKS), facts(botGrant)),
        NextStepOwner.OPERATOR, List.of("integration Acme sync is disabled"),
        Case.of(view(bot, Surface.TASKS), facts(botGrant)), List.of("g-bot", "Acme Rentals")));
    s.add(scenario("member of another tenant with the same partner id", ReasonCode.ACTOR_NOT_RESOLVED,
        Case.of(view(dana.withTenantId(OTHER_TENANT), Surface.TASKS), facts(g7)), NextStepOwner.OPERATOR,
        List.of("Dana belongs to another tenant's directory", "Toni Catering"),
        Case.of(view(dana, Surface.TASKS), facts(g7)), List.of("g-7", "Acme Rentals")));
    s.add(scenario("operator of another tenant", ReasonCode.ACTOR_NOT_RESOLVED,
        Case.of(view(OperatorUser.builder().from(MAYA).tenantId(OTHER_TENANT).build(), Surface.TASKS), facts()),
        NextStepOwner.OPERATOR, List.of("Maya is not an operator of Toni Catering"),
        Case.of(view(MAYA, Surface.TASKS), facts()), List.of("Maya", "Toni Catering")));

    s.add(scenario("partner manages grants", ReasonCode.OPERATOR_ONLY_ACTION,
        Case.of(manage(DANA, IntentKind.MANAGE_GRANTS), facts(g7)), NextStepOwner.OPERATOR,
        List.of("managing access grants is an operator action", "Dana", "Acme Rentals", "Toni Catering"),
        Case.of(manage(MAYA, IntentKind.MANAGE_GRANTS), facts(g7)), List.of("Maya", "manage access grants")));

    s.add(scenario("coordinator manages grants", ReasonCode.OPERATOR_ROLE_MISSING,
        Case.of(manage(operator(OperatorRole.COORDINATOR), IntentKind.MANAGE_GRANTS), facts()),
        NextStepOwner.OPERATOR, List.of("Sam has the roles [coordinator]", "[owner_ops_lead, admin]"),
        Case.of(manage(operator(OperatorRole.COORDINATOR, OperatorRole.ADMIN), IntentKind.MANAGE_GRANTS),
            facts()), List.of("Sam", "Toni Catering")));

    AccessGrant botClasses = wideGrant("g-bot").integrationPrincipal(ACME_BOT.principalId())
        .scope(GrantScope.builder().occasionId(OCCASION).addSurfaces(Surface.DOCUMENTS)
            .addDataClasses(DataClass.RSVP_AGGREGATE).build()).build();
    s.add(scenario("integration asks for guest tokens", ReasonCode.DATA_CLASS_FORBIDDEN,
        Case.of(AccessRequest.readResource(bot, TENANT, Placement.inOccasion(OCCASION), DataClass.GUEST_TOKEN)
            .surface(Surface.DOCUMENTS).build(), facts(botClasses)), NextStepOwner.OPERATOR,
        List.of("guest_token data is never shared with an integration", "Acme sync"),
        Case.of(AccessRequest.readResource(bot, TENANT, Placement.inOccasion(OCCASION), DataClass.RSVP_AGGREGATE)
            .surface(Surface.DOCUMENTS).build(), facts(botClasses)), List.of("g-bot")));

    s.add(scenario("no grant at all", ReasonCode.NO_GRANT,
        Case.of(view(DANA, Surface.TASKS), facts()), NextStepOwner.OPERATOR,
        List.of("Acme Rentals has no access grant for this occasion"),
        Case.of(view(DANA, Surface.TASKS), facts(g7)), List.of("g-7", "Acme Rentals")));
    s.add(scenario("only a grant of another tenant", ReasonCode.NO_GRANT,
        Case.of(view(DANA, Surface.TASKS), facts(wideGrant("g-7").tenantId(OTHER_TENANT).build())),
        NextStepOwner.OPERATOR, List.of("Acme Rentals has no access grant"),
        Case.of(view(DANA, Surface.TASKS), facts(g7)), List.of("g-7")));

    AccessGrant pending = wideGrant("g-7").status(GrantStatus.PENDING).build();
    s.add(scenario("pending grant", ReasonCode.GRANT_PENDING,
        Case.of(view(DANA, Surface.TASKS), facts(pending)), NextStepOwner.OPERATOR,
        List.of("the grant g-7 for Acme Rentals is pending"),
        Case.of(view(DANA, Surface.TASKS), facts(pending.moveTo(GrantStatus.ACTIVE))), List.of("g-7")));

    AccessGrant suspended = g7.moveTo(GrantStatus.SUSPENDED);
    s.add(scenario("suspended grant", ReasonCode.GRANT_SUSPENDED,
        Case.of(view(DANA, Surface.TASKS), facts(suspended)), NextStepOwner.OPERATOR,
        List.of("the grant g-7 for Acme Rentals is suspended"),
        Case.of(view(DANA, Surface.TASKS), facts(suspended.moveTo(GrantStatus.ACTIVE))), List.of("g-7")));

    AccessGrant revoked = g7.moveTo(GrantStatus.REVOKED);
    s.add(scenario("revoked grant", ReasonCode.GRANT_REVOKED,
        Case.of(view(DANA, Surface.TASKS), facts(revoked)), NextStepOwner.OPERATOR,
        List.of("the grant g-7 for Acme Rentals was revoked"),
        Case.of(view(DANA, Surface.TASKS), facts(revoked, wideGrant("g-8").build())), List.of("g-8")));

    AccessGrant ranOut = wideGrant("g-7").validUntil(Instant.parse("2026-11-02T03:00:00Z")).build();
    s.add(scenario("window ran out (date in America/Chicago)", ReasonCode.GRANT_EXPIRED,
        Case.of(view(DANA, Surface.TASKS), facts(ranOut)), NextStepOwner.OPERATOR,
        List.of("the grant g-7 for Acme Rentals expired on 2026-11-01."),
        Case.of(view(DANA, Surface.TASKS), facts(ranOut.renew(Instant.parse("2026-12-01T00:00:00Z")))),
        List.of("g-7")));
    s.add(scenario("expired by status", ReasonCode.GRANT_EXPIRED,
        Case.of(view(DANA, Surface.TASKS), facts(g7.moveTo(GrantStatus.EXPIRED))), NextStepOwner.OPERATOR,
        List.of("the grant g-7 for Acme Rentals expired on 2026-11-30."),
        Case.of(view(DANA, Surface.TASKS), facts(g7.moveTo(GrantStatus.EXPIRED)
            .renew(Instant.parse("2027-01-01T00:00:00Z")))), List.of("g-7")));

    AccessGrant later = wideGrant("g-7").validFrom(Instant.parse("2026-11-15T12:00:00Z")).build();
    s.add(scenario("window not started", ReasonCode.GRANT_NOT_YET_VALID,
        Case.of(view(DANA, Surface.TASKS), facts(later)), NextStepOwner.OPERATOR,
        List.of("the grant g-7 for Acme Rentals only becomes valid on 2026-11-15."),
        new Case(view(DANA, Surface.TASKS), facts(later), Instant.parse("2026-11-16T00:00:00Z")),
        List.of("g-7")));

    AccessGrant forLee = wideGrant("g-7").addMembers(UserId.of("u-lee")).build();
    s.add(scenario("narrowed to another member", ReasonCode.GRANT_NOT_FOR_ACTOR,
        Case.of(view(DANA, Surface.TASKS), facts(forLee)), NextStepOwner.OPERATOR,
        List.of("the grant g-7 for Acme Rentals is narrowed to other members, not Dana"),
        Case.of(view(DANA, Surface.TASKS), facts(wideGrant("g-7").addMembers(UserId.of("u-lee"),
            DANA.userId()).build())), List.of("g-7")));
    s.add(scenario("people grant for a machine", ReasonCode.GRANT_NOT_FOR_ACTOR,
        Case.of(view(ACME_BOT, Surface.TASKS), facts(g7)), NextStepOwner.OPERATOR,
        List.of("covers people, not the integration Acme sync"),
        Case.of(view(ACME_BOT, Surface.TASKS), facts(g7, botGrant)), List.of("g-bot")));
    s.add(scenario("grant for another principal", ReasonCode.GRANT_NOT_FOR_ACTOR,
        Case.of(view(ACME_BOT, Surface.TASKS), facts(wideGrant("g-bot")
            .integrationPrincipal(IntegrationPrincipalId.of("ip-other")).build())), NextStepOwner.OPERATOR,
        List.of("is for another integration principal, not Acme sync"),
        Case.of(view(ACME_BOT, Surface.TASKS), facts(botGrant)), List.of("g-bot")));
    s.add(scenario("machine grant for a person", ReasonCode.GRANT_NOT_FOR_ACTOR,
        Case.of(view(DANA, Surface.TASKS), facts(botGrant)), NextStepOwner.OPERATOR,
        List.of("is for an integration principal, not for people"),
        Case.of(view(DANA, Surface.TASKS), facts(botGrant, g7)), List.of("g-7")));

    AccessGrant ceremonyOnly = wideGrant("g-7").scope(GrantScope.builder().occasionId(OCCASION)
        .addEvents(CEREMONY).addSurfaces(Surface.values()).build()).build();
    AccessRequest receptionTasks = AccessRequest.view(DANA, TENANT, OCCASION, Surface.TASKS).eventId(RECEPTION)
        .build();
    s.add(scenario("other event", ReasonCode.OUT_OF_SCOPE,
        Case.of(receptionTasks, facts(ceremonyOnly)), NextStepOwner.OPERATOR,
        List.of("the grant g-7 for Acme Rentals does not cover occasion occ-wedding, event ev-reception."),
        Case.of(receptionTasks, facts(wideGrant("g-7").scope(GrantScope.builder().occasionId(OCCASION)
            .addEvents(CEREMONY, RECEPTION).addSurfaces(Surface.values()).build()).build())), List.of("g-7")));
    s.add(scenario("other occasion", ReasonCode.OUT_OF_SCOPE,
        Case.of(view(DANA, Surface.TASKS), facts(wideGrant("g-7").scope(GrantScope.builder()
            .occasionId(OTHER_OCCASION).addSurfaces(Surface.values()).build()).build())), NextStepOwner.OPERATOR,
        List.of("does not cover occasion occ-wedding."),
        Case.of(view(DANA, Surface.TASKS), facts(g7)), List.of("g-7")));
    AccessGrant oneArtifact = wideGrant("g-7").scope(GrantScope.builder().occasionId(OCCASION)
        .addResources(ResourceId.of("art-menu-v3")).addSurfaces(Surface.values()).build()).build();
    s.add(scenario("other resource", ReasonCode.OUT_OF_SCOPE,
        Case.of(AccessRequest.view(DANA, TENANT, OCCASION, Surface.ANNOTATIONS)
            .resourceId(ResourceId.of("art-menu-v2")).build(), facts(oneArtifact)), NextStepOwner.OPERATOR,
        List.of("does not cover occasion occ-wedding, resource art-menu-v2."),
        Case.of(AccessRequest.view(DANA, TENANT, OCCASION, Surface.ANNOTATIONS)
            .resourceId(ResourceId.of("art-menu-v3")).build(), facts(oneArtifact)), List.of("g-7", "annotations")));

    AccessGrant commentsOnly = wideGrant("g-7").scope(GrantScope.builder().occasionId(OCCASION)
        .addSurfaces(Surface.COMMENTS).build()).build();
    s.add(scenario("surface not named", ReasonCode.SURFACE_NOT_GRANTED,
        Case.of(view(DANA, Surface.TASKS), facts(commentsOnly)), NextStepOwner.OPERATOR,
        List.of("the grant g-7 for Acme Rentals does not open the tasks surface"),
        Case.of(view(DANA, Surface.TASKS), facts(wideGrant("g-7").scope(GrantScope.builder().occasionId(OCCASION)
            .addSurfaces(Surface.COMMENTS, Surface.TASKS).build()).build())), List.of("g-7")));

    Set<PartnerCapability> noTasks = EnumSet.allOf(PartnerCapability.class);
    noTasks.remove(PartnerCapability.MANAGE_TASK);
    s.add(scenario("capability missing", ReasonCode.CAPABILITY_MISSING,
        Case.of(view(DANA, Surface.TASKS), facts(wideGrant("g-7").capabilities(noTasks).build())),
        NextStepOwner.OPERATOR,
        List.of("the grant g-7 for Acme Rentals does not include the manage_task capability that tasks needs"),
        Case.of(view(DANA, Surface.TASKS), facts(g7)), List.of("g-7", "manage_task")));

    s.add(scenario("write to a read-only portal surface", ReasonCode.READ_ONLY_SURFACE,
        Case.of(contribute(DANA, Surface.ACTIVITY), facts(g7)), NextStepOwner.OPERATOR,
        List.of("the partner portal side of activity is read-only (GET only)"),
        Case.of(view(DANA, Surface.ACTIVITY), facts(g7)), List.of("g-7", "activity", "view_activity")));

    s.add(scenario("read-only integration writes", ReasonCode.INTEGRATION_READ_ONLY,
        Case.of(contribute(bot.withWriteEnabled(false), Surface.COMMENTS), facts(botGrant)), NextStepOwner.OPERATOR,
        List.of("the integration Acme sync is read-only"),
        Case.of(contribute(bot, Surface.COMMENTS), facts(botGrant)), List.of("g-bot", "comments")));

    s.add(scenario("scorecard without can_view_metrics", ReasonCode.MEMBER_FLAG_MISSING,
        Case.of(view(dana.withCanViewMetrics(false), Surface.SCORECARD), facts(g7)), NextStepOwner.PARTNER,
        List.of("the membership of Dana in Acme Rentals lacks can_view_metrics"),
        Case.of(view(dana, Surface.SCORECARD), facts(g7)), List.of("g-7", "scorecard")));

    s.add(scenario("run-of-show change without can_manage_events", ReasonCode.MEMBER_FLAG_MISSING,
        Case.of(contribute(dana, Surface.RUN_OF_SHOW), facts(g7)), NextStepOwner.PARTNER,
        List.of("lacks can_manage_events", "run-of-show"),
        Case.of(contribute(dana.withCanManageEvents(true), Surface.RUN_OF_SHOW), facts(g7)),
        List.of("g-7", "run-of-show")));
    Instant sent = NOW.minusSeconds(3600);
    ImmutablePartnerMember invited = dana.withStatus(MembershipStatus.INVITED).withInvitedAt(sent)
        .withInviteExpiresAt(NOW.plusSeconds(86_400)).withInvitedBy("operator:u-maya");
    s.add(member(scenario("invite without can_invite", ReasonCode.MEMBER_FLAG_MISSING,
        Case.of(manage(dana, IntentKind.INVITE_MEMBER), facts()), NextStepOwner.PARTNER,
        List.of("lacks can_invite, which inviting needs"),
        Case.of(manage(dana.withCanInvite(true), IntentKind.INVITE_MEMBER), facts()),
        List.of("Dana is an active member of Acme Rentals with can_invite"))));
    s.add(member(scenario("accepting twice", ReasonCode.INVITATION_NOT_OPEN,
        Case.of(manage(dana, IntentKind.ACCEPT_INVITATION), facts()), NextStepOwner.PARTNER,
        List.of("no open invitation from Acme Rentals", "accepted already"),
        Case.of(manage(invited, IntentKind.ACCEPT_INVITATION), facts()),
        List.of("holds an open invitation from Acme Rentals"))));
    s.add(member(scenario("accepting late", ReasonCode.INVITATION_EXPIRED,
        Case.of(manage(invited.withInviteExpiresAt(NOW.minusSeconds(60)), IntentKind.ACCEPT_INVITATION), facts()),
        NextStepOwner.PARTNER, List.of("invitation of Dana to Acme Rentals expired on 2026-11-10"),
        Case.of(manage(invited, IntentKind.ACCEPT_INVITATION), facts()),
        List.of("holds an open invitation from Acme Rentals"))));

    String linen = "task '" + LINEN + "'";
    s.add(scenario("task of another partner", ReasonCode.RECORD_NOT_FOR_PARTNER,
        Case.of(move(DANA, VENUE, TaskStatus.TO_DO, TaskStatus.IN_PROGRESS), taskFacts(g7)), NextStepOwner.OPERATOR,
        List.of(linen + " is not with Acme Rentals"),
        Case.of(move(DANA, TaskStatus.TO_DO, TaskStatus.IN_PROGRESS), taskFacts(g7)),
        List.of("g-7", "moving a task", "manage_task")));

    s.add(scenario("partner approves", ReasonCode.OPERATOR_ONLY_TRANSITION,
        Case.of(move(DANA, TaskStatus.SUBMITTED, TaskStatus.APPROVED), taskFacts(g7)), NextStepOwner.OPERATOR,
        List.of("moving " + linen + " from submitted to approved is an operator-controlled step"),
        Case.of(move(MAYA, TaskStatus.SUBMITTED, TaskStatus.APPROVED), taskFacts(g7)),
        List.of("Maya", "may approve " + linen, "does not clear job readiness")));
    s.add(scenario("integration sends back", ReasonCode.OPERATOR_ONLY_TRANSITION,
        Case.of(move(ACME_BOT, TaskStatus.SUBMITTED, TaskStatus.IN_PROGRESS), taskFacts(botGrant)),
        NextStepOwner.OPERATOR, List.of("from submitted to in progress is an operator-controlled step"),
        Case.of(move(MAYA, TaskStatus.SUBMITTED, TaskStatus.IN_PROGRESS), taskFacts(botGrant)),
        List.of("Maya", "may move " + linen + " from submitted to in progress")));

    s.add(scenario("skip a step", ReasonCode.TRANSITION_NOT_ALLOWED,
        Case.of(move(DANA, TaskStatus.TO_DO, TaskStatus.SUBMITTED), taskFacts(g7)), NextStepOwner.PARTNER,
        List.of(linen + " cannot move from to do to submitted; from to do it can move to in progress."),
        Case.of(move(DANA, TaskStatus.TO_DO, TaskStatus.IN_PROGRESS), taskFacts(g7)), List.of("g-7")));
    s.add(scenario("operator reopens an approved task", ReasonCode.TRANSITION_NOT_ALLOWED,
        Case.of(move(MAYA, TaskStatus.APPROVED, TaskStatus.IN_PROGRESS), taskFacts(g7)), NextStepOwner.OPERATOR,
        List.of(linen + " cannot move from approved to in progress; approved is final for Maya"),
        Case.of(move(MAYA, TaskStatus.SUBMITTED, TaskStatus.IN_PROGRESS), taskFacts(g7)),
        List.of("Maya", "from submitted to in progress")));

    s.add(scenario("submit with an open dependency", ReasonCode.PREREQUISITES_OPEN,
        Case.of(move(DANA, TaskStatus.IN_PROGRESS, TaskStatus.SUBMITTED, "t-tables"), taskFacts(g7)),
        NextStepOwner.OPERATOR, List.of(linen + " waits on the task t-tables, which is not closed yet"),
        Case.of(move(DANA, TaskStatus.IN_PROGRESS, TaskStatus.SUBMITTED), taskFacts(g7)),
        List.of("g-7", "moving a task")));
    s.add(scenario("operator approves with open dependencies", ReasonCode.PREREQUISITES_OPEN,
        Case.of(move(MAYA, TaskStatus.SUBMITTED, TaskStatus.APPROVED, "t-tables", "t-chairs"), taskFacts(g7)),
        NextStepOwner.OPERATOR, List.of("waits on the tasks t-chairs, t-tables, which are not closed yet"),
        Case.of(move(MAYA, TaskStatus.SUBMITTED, TaskStatus.APPROVED), taskFacts(g7)), List.of("Maya", LINEN)));

    s.add(scenario("partner creates a task", ReasonCode.OPERATOR_ONLY_ACTION,
        Case.of(createTask(DANA), taskFacts(g7)), NextStepOwner.OPERATOR,
        List.of("creating a task is an operator action", "Dana acts for Acme Rentals"),
        Case.of(createTask(MAYA), taskFacts(g7)), List.of("Maya", "may create the task")));
    s.add(scenario("integration creates a task", ReasonCode.OPERATOR_ONLY_ACTION,
        Case.of(createTask(ACME_BOT), taskFacts(botGrant)), NextStepOwner.OPERATOR,
        List.of("creating a task is an operator action", "Acme sync acts for Acme Rentals"),
        Case.of(createNote(ACME_BOT).build(), withType(facts(botGrant), FIELD_NOTE)),
        List.of("g-bot", "creating a field note", "report_issue")));

    s.add(scenario("annotation on a document, not on one of its versions", ReasonCode.EXACT_ARTIFACT_VERSION_REQUIRED,
        Case.of(annotate(DANA, null), withType(facts(g7), Annotations.TYPE)), NextStepOwner.PARTNER,
        List.of("annotation 'Move the bar' must attach to an exact artifact version", "names none"),
        Case.of(annotate(DANA, "dv-floor-2"), withType(facts(g7), Annotations.TYPE)),
        List.of("g-7", "creating an annotation", "annotate_artifact")));
    s.add(scenario("operator annotation without a version", ReasonCode.EXACT_ARTIFACT_VERSION_REQUIRED,
        Case.of(annotate(MAYA, null), withType(facts(), Annotations.TYPE)), NextStepOwner.OPERATOR,
        List.of("must attach to an exact artifact version"),
        Case.of(annotate(MAYA, "dv-floor-2"), withType(facts(), Annotations.TYPE)),
        List.of("Maya", "create the annotation")));

    s.add(scenario("operator revises a run-of-show version", ReasonCode.RECORD_IMMUTABLE,
        Case.of(onVersion(MAYA, IntentKind.REVISE, null), withType(facts(), RunsOfShow.VERSION)),
        NextStepOwner.OPERATOR, List.of("run-of-show version 'v2: Later pickup' never changes once recorded"),
        Case.of(onVersion(MAYA, IntentKind.TRANSITION, "published"), withType(facts(), RunsOfShow.VERSION)),
        List.of("Maya", "may move run-of-show version 'v2: Later pickup' from proposed to published")));

    s.add(scenario("decision on a closed approval request", ReasonCode.APPROVAL_REQUEST_NOT_OPEN,
        Case.of(decide(DANA, "closed"), withType(facts(g7), Approvals.DECISION)), NextStepOwner.OPERATOR,
        List.of("the approval request behind approval decision 'approve on version 2' is closed"),
        Case.of(decide(DANA, "open"), withType(facts(g7), Approvals.DECISION)),
        List.of("g-7", "creating an approval decision", "approve_artifact")));

    s.add(scenario("internal-only partner comment", ReasonCode.PARTNER_RECORD_CANNOT_BE_INTERNAL,
        Case.of(AccessRequest.contribute(DANA, TENANT, OCCASION, Surface.COMMENTS).internalOnly(true).build(),
            facts(g7)), NextStepOwner.PARTNER, List.of("partners cannot create internal-only records"),
        Case.of(contribute(DANA, Surface.COMMENTS), facts(g7)), List.of("g-7", "comment")));
    s.add(scenario("internal-only record of a type partners may create", ReasonCode.PARTNER_RECORD_CANNOT_BE_INTERNAL,
        Case.of(createNote(DANA).internalOnly(true).build(), withType(facts(g7), FIELD_NOTE)), NextStepOwner.PARTNER,
        List.of("partners cannot create internal-only records"),
        Case.of(createNote(DANA).build(), withType(facts(g7), FIELD_NOTE)),
        List.of("g-7", "creating a field note", "report_issue")));

    s.add(scenario("mention of someone who cannot see the record", ReasonCode.PERSON_CANNOT_SEE_RECORD,
        Case.of(createNote(DANA).record(RecordAction.builder().type(FIELD_NOTE.wireName())
            .title("Loading dock closed").partnerId(Fixtures.ACME)
            .addAudienceOutOfReach(RecordRef.of("partner_member", "u-zed")).build()).build(),
            withType(facts(g7), FIELD_NOTE)), NextStepOwner.PARTNER,
        List.of("u-zed cannot see field note 'Loading dock closed'", "can only name people who can already see it"),
        Case.of(createNote(DANA).build(), withType(facts(g7), FIELD_NOTE)),
        List.of("g-7", "creating a field note")));

    AccessRequest reviseVersion = AccessRequest.onRecord(MAYA, TENANT, IntentKind.REVISE, Surface.DOCUMENTS,
        Placement.inOccasion(OCCASION), RecordAction.builder().type(Documents.VERSION.wireName()).recordId("d-1-2")
            .title("floorplan-v2.pdf").build()).build();
    AccessRequest withdrawVersion = AccessRequest.onRecord(MAYA, TENANT, IntentKind.TRANSITION, Surface.DOCUMENTS,
        Placement.inOccasion(OCCASION), RecordAction.builder().type(Documents.VERSION.wireName()).recordId("d-1-2")
            .title("floorplan-v2.pdf").fromStatus("available").toStatus("withdrawn").build()).build();
    s.add(scenario("operator edits an exact document version", ReasonCode.RECORD_IMMUTABLE,
        Case.of(reviseVersion, withType(facts(), Documents.VERSION)), NextStepOwner.OPERATOR,
        List.of("document version 'floorplan-v2.pdf' never changes once recorded", "a change is a new document version"),
        Case.of(withdrawVersion, withType(facts(), Documents.VERSION)),
        List.of("Maya", "may move document version 'floorplan-v2.pdf' from available to withdrawn")));

    s.add(scenario("partner would accept a proposal", ReasonCode.SOURCE_TRUTH_PROTECTED,
        Case.of(AccessRequest.contribute(DANA, TENANT, OCCASION, Surface.PROPOSAL_OPTIONS)
            .addEffects(SourceTruth.PROPOSAL_ACCEPTANCE).build(), facts(g7)), NextStepOwner.OPERATOR,
        List.of("this command would change proposal acceptance", "Toni Catering",
            "Partner input is evidence for review, never source truth"),
        Case.of(contribute(DANA, Surface.PROPOSAL_OPTIONS), facts(g7)),
        List.of("g-7", "recommend_proposal_option")));
    s.add(scenario("integration would clear readiness", ReasonCode.SOURCE_TRUTH_PROTECTED,
        Case.of(AccessRequest.contribute(ACME_BOT, TENANT, OCCASION, Surface.BLOCKERS)
            .addEffects(SourceTruth.READINESS_CLEARANCE, SourceTruth.BLOCKER_WAIVER).build(), facts(botGrant)),
        NextStepOwner.OPERATOR, List.of("would change job readiness clearance, blocker waiver"),
        Case.of(contribute(ACME_BOT, Surface.BLOCKERS), facts(botGrant)), List.of("g-bot", "respond_blocker")));
    return s;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void blockedWithExactlyThisCode(Scenario s) {
    Decision d = s.blocked().decide();
    String why = d.explanation();
    assertEquals(s.code(), d.reason(), why);
    assertFalse(d.allowed());
    DecisionCheck failed = s.code().check();
    assertEquals(failed, d.failedCheck().orElseThrow());
    List<DecisionCheck> pipeline = s.blocked().request().actor().kind() == ActorKind.OPERATOR ? OPERATOR_PIPELINE
        : s.blocked().request().intent().onOrganisation() ? ORGANISATION_PIPELINE : PARTNER_PIPELINE;
    assertEquals(pipeline.subList(0, pipeline.indexOf(failed) + 1), d.checks(), "checks ran up to the failing one");
    assertEquals(s.owner(), d.nextStepOwner());
    assertTrue(why.startsWith("Blocked because "), why);
    for (String words : s.says()) {
      assertTrue(why.contains(words), () -> "expected \"" + words + "\" in: " + why);
    }
    assertTrue(d.grantId().isEmpty() && d.capability().isEmpty());
    assertFalse(d.nextSafeAction().isBlank());
    assertFalse(d.proofNeeded().isBlank());
    assertEquals(s.blocked().now(), d.decidedAt());
    assertTrue(d.render().startsWith("BLOCKED " + s.code().wireName() + ": Blocked because"), d.render());
    assertTrue(d.render().endsWith(failed.wireName() + " (failed)"), d.render());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void theSameSetupWithTheFaultFixedIsAllowed(Scenario s) {
    Decision d = s.fixed().decide();
    String why = d.explanation();
    assertTrue(d.allowed(), () -> d.render());
    assertEquals(s.fixedCode(), d.reason());
    assertTrue(d.failedCheck().isEmpty());
    boolean operator = s.fixed().request().actor().kind() == ActorKind.OPERATOR;
    boolean organisation = s.fixed().request().intent().onOrganisation(); // a member's own memberships: no grant
    assertEquals(operator ? OPERATOR_PIPELINE : organisation ? ORGANISATION_PIPELINE : PARTNER_PIPELINE, d.checks());
    assertEquals(operator ? NextStepOwner.OPERATOR : NextStepOwner.PARTNER, d.nextStepOwner());
    assertTrue(why.startsWith("Allowed because "), why);
    for (String words : s.fixedSays()) {
      assertTrue(why.contains(words), () -> "expected \"" + words + "\" in: " + why);
    }
    if (organisation) {
      assertTrue(why.contains("Acme Rentals") && d.grantId().isEmpty(), why);
    } else if (!operator) {
      assertTrue(why.contains("Acme Rentals"), why);
      assertEquals(why.contains("grant " + d.grantId().orElseThrow().value()), true, why);
      Surface surface = s.fixed().request().surface().orElseThrow();
      assertEquals(surface.requiredCapability(), d.capability());
    } else {
      assertTrue(d.grantId().isEmpty());
    }
  }

  @Test
  void expiryIsDatedInTheTenantZoneNotInUtc() {
    AccessGrant ranOut = wideGrant("g-7").validUntil(Instant.parse("2026-11-02T03:00:00Z")).build();
    Decision d = DECIDER.decide(view(DANA, Surface.TASKS), facts(ranOut), NOW);
    assertEquals(ReasonCode.GRANT_EXPIRED, d.reason());
    assertTrue(d.explanation().endsWith("expired on 2026-11-01."), d.explanation());
    assertFalse(d.explanation().contains("2026-11-02"), d.explanation());
    assertEquals("ask the operator to renew grant g-7.", d.nextSafeAction());
    assertTrue(d.proofNeeded().contains("Grant g-7 renewed") && d.proofNeeded().contains("2026-11-10"),
        d.proofNeeded());
    // the same instant in a tenant east of UTC is the next day
    DecisionFacts tokyo = DecisionFacts.builder().from(facts(ranOut))
        .tenant(dev.partnerkit.domain.Tenant.of(TENANT, "Toni Catering", java.time.ZoneId.of("Asia/Tokyo")))
        .build();
    assertTrue(DECIDER.decide(view(DANA, Surface.TASKS), tokyo, NOW).explanation().endsWith("expired on 2026-11-02."));
    // exactly at validUntil the grant is expired (the end is exclusive); one second before it is not
    assertEquals(ReasonCode.GRANT_EXPIRED,
        DECIDER.decide(view(DANA, Surface.TASKS), facts(ranOut), Instant.parse("2026-11-02T03:00:00Z")).reason());
    assertEquals(ReasonCode.ALLOWED_BY_GRANT,
        DECIDER.decide(view(DANA, Surface.TASKS), facts(ranOut), Instant.parse("2026-11-02T02:59:59Z")).reason());
  }

  @Test
  void allowedTaskMoveNamesTheTaskInTheNextStep() {
    Decision d = DECIDER.decide(move(DANA, TaskStatus.IN_PROGRESS, TaskStatus.SUBMITTED),
        taskFacts(wideGrant("g-7").build()), NOW);
    assertTrue(d.allowed());
    assertEquals("Allowed because the active grant g-7 for Acme Rentals covers moving a task with the manage_task"
        + " capability.", d.explanation());
    assertEquals("move task '" + LINEN + "' from in progress to submitted; the move is recorded as evidence and"
        + " changes no source truth.", d.nextSafeAction());
    assertTrue(d.proofNeeded().contains("handoff evidence"), d.proofNeeded());
  }

  @Test
  void amongSeveralFailingGrantsTheOneThatGotFurthestIsExplained() {
    AccessGrant pending = wideGrant("g-1").status(GrantStatus.PENDING).build();
    AccessGrant noCapability = wideGrant("g-2").capabilities(List.of(PartnerCapability.COMMENT)).build();
    AccessGrant revoked = wideGrant("g-3").build().moveTo(GrantStatus.REVOKED);
    Decision d = DECIDER.decide(view(DANA, Surface.TASKS), facts(revoked, noCapability, pending), NOW);
    assertEquals(ReasonCode.CAPABILITY_MISSING, d.reason());
    assertTrue(d.explanation().contains("grant g-2"), d.explanation());
  }

  @Test
  void everyReasonCodeHasAnExample() {
    List<Scenario> all = scenarios();
    Set<ReasonCode> blocked = all.stream().map(Scenario::code).collect(Collectors.toSet());
    Set<ReasonCode> allowed = all.stream().map(Scenario::fixedCode).collect(Collectors.toSet());
    for (ReasonCode code : ReasonCode.values()) {
      if (code.allows()) {
        assertTrue(allowed.contains(code), "no allowed example with " + code.wireName());
      } else {
        assertTrue(blocked.contains(code), "no blocked example for " + code.wireName());
      }
    }
    // each blocked example also has a fixed twin: checked by the parameterized tests over the same list
    assertEquals(all.size(), Stream.of(all.toArray()).distinct().count());
  }
}
