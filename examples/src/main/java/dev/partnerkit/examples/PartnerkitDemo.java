package dev.partnerkit.examples;

import dev.partnerkit.domain.AccessGrant;
import dev.partnerkit.domain.AccessRequest;
import dev.partnerkit.domain.Decision;
import dev.partnerkit.domain.Entitlement;
import dev.partnerkit.domain.EntitlementMapping;
import dev.partnerkit.domain.EventId;
import dev.partnerkit.domain.GrantId;
import dev.partnerkit.domain.GrantScope;
import dev.partnerkit.domain.GrantStatus;
import dev.partnerkit.domain.ImmutablePartnerTask;
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
import dev.partnerkit.domain.ProductScope;
import dev.partnerkit.domain.ResourceId;
import dev.partnerkit.domain.SourceTruth;
import dev.partnerkit.domain.Surface;
import dev.partnerkit.domain.TaskId;
import dev.partnerkit.domain.TaskMove;
import dev.partnerkit.domain.TaskStatus;
import dev.partnerkit.domain.Tenant;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.UserId;
import dev.partnerkit.policy.AccessDecider;
import dev.partnerkit.policy.DecisionFacts;
import dev.partnerkit.policy.GrantIndex;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The Toni Catering story, decided by the pure core and printed in calm-friction form: a partner sees nothing before
 * its grant is active, moves a task, tries to approve it, tries again after its grant expired; vendor_access is
 * switched off for the occasion; an integration tries to accept a proposal; the operator approves the task.
 */
public final class PartnerkitDemo {
  private final PrintStream out;
  private final AccessDecider decider = AccessDecider.create();
  private final List<Decision> decisions = new ArrayList<>();

  private final Tenant toni = Tenant.of(TenantId.of("toni-catering"), "Toni Catering", ZoneId.of("America/Chicago"));
  private final OccasionId wedding = OccasionId.of("occ-rivera-wedding");
  private final EventId rehearsal = EventId.of("ev-rehearsal-dinner");
  private final EventId reception = EventId.of("ev-reception");
  private final OperatorUser maya = OperatorUser.builder().userId(UserId.of("u-maya")).tenantId(toni.tenantId())
      .displayName("Maya").addRoles(OperatorRole.OWNER_OPS_LEAD).build();
  private final Partner acme = partner("p-acme-rentals", "Acme Rentals", PartnerKind.RENTAL_COMPANY);
  private final Partner lakeside = partner("p-lakeside-hall", "Lakeside Hall", PartnerKind.VENUE);
  private final Partner inkwell = partner("p-inkwell-print", "Inkwell Printers", PartnerKind.PRINTER);
  private final PartnerMember dana = PartnerMember.builder().userId(UserId.of("u-dana")).partnerId(acme.partnerId())
      .displayName("Dana").status(MembershipStatus.ACTIVE).build();
  private final IntegrationPrincipal inkwellSync = IntegrationPrincipal.builder()
      .principalId(IntegrationPrincipalId.of("ip-inkwell-sync")).partnerId(inkwell.partnerId())
      .name("Inkwell print sync").writeEnabled(true).addTriggers("printable.generated").build();

  private PartnerkitDemo(PrintStream out) {
    this.out = out;
  }

  /**
   * Runs the story and prints it.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    new PartnerkitDemo(new PrintStream(System.out, true, StandardCharsets.UTF_8)).run();
  }

  /**
   * Runs the story, printing to {@code out}.
   *
   * @param out where the story is printed
   * @return every decision of the story, in order
   */
  public static List<Decision> run(PrintStream out) {
    PartnerkitDemo demo = new PartnerkitDemo(out);
    demo.run();
    return List.copyOf(demo.decisions);
  }

  private void run() {
    Instant monday = Instant.parse("2026-11-02T15:00:00Z");
    ProductScope enabled = EntitlementMapping.defaults().resolve(wedding, Set.of(Entitlement.MULTI_USER_SUPPORT));
    ProductScope disabled = EntitlementMapping.defaults().resolve(wedding, Set.of());

    AccessGrant acmeGrant = AccessGrant.builder().grantId(GrantId.of("g-acme-wedding")).tenantId(toni.tenantId())
        .partnerId(acme.partnerId())
        .scope(GrantScope.builder().occasionId(wedding).addEvents(rehearsal, reception)
            .addSurfaces(Surface.TASKS, Surface.ACTIVITY, Surface.COMMENTS).build())
        .addCapabilities(PartnerCapability.MANAGE_TASK, PartnerCapability.VIEW_ACTIVITY, PartnerCapability.COMMENT)
        .status(GrantStatus.PENDING).validFrom(Instant.parse("2026-11-01T06:00:00Z"))
        .validUntil(Instant.parse("2026-11-15T06:00:00Z")).issuedBy(maya.userId()).build();
    AccessGrant lakesideGrant = AccessGrant.builder().grantId(GrantId.of("g-lakeside-reception"))
        .tenantId(toni.tenantId()).partnerId(lakeside.partnerId())
        .scope(GrantScope.builder().occasionId(wedding).addEvents(reception).addSurfaces(Surface.VENUE_PLANS).build())
        .addCapabilities(PartnerCapability.MANAGE_VENUE_PLAN).status(GrantStatus.ACTIVE)
        .validFrom(Instant.parse("2026-11-01T06:00:00Z")).issuedBy(maya.userId()).build();
    AccessGrant inkwellGrant = AccessGrant.builder().grantId(GrantId.of("g-inkwell-sync")).tenantId(toni.tenantId())
        .partnerId(inkwell.partnerId()).integrationPrincipal(inkwellSync.principalId())
        .scope(GrantScope.builder().occasionId(wedding).addSurfaces(Surface.PROPOSAL_OPTIONS).build())
        .addCapabilities(PartnerCapability.RECOMMEND_PROPOSAL_OPTION).status(GrantStatus.ACTIVE)
        .validFrom(Instant.parse("2026-11-01T06:00:00Z")).issuedBy(maya.userId()).build();

    PartnerTask linen = PartnerTask.builder().taskId(TaskId.of("t-linen")).tenantId(toni.tenantId())
        .occasionId(wedding).eventId(reception).partnerId(acme.partnerId()).assignee(dana.userId())
        .title("Deliver linen and attach the rental proof").dueAt(Instant.parse("2026-11-13T22:00:00Z"))
        .createdBy(maya.userId()).build();

    heading("Toni Catering (America/Chicago): the Rivera wedding, with a rehearsal dinner and a reception");
    line("Partners: Acme Rentals (rental company), Lakeside Hall (venue), Inkwell Printers (printer).");
    line("Grants: " + acmeGrant.grantId() + " (pending), " + lakesideGrant.grantId() + " (active), "
        + inkwellGrant.grantId() + " (active, for the integration Inkwell print sync only).");

    heading("1. Before the grant is active, Acme Rentals sees nothing");
    GrantIndex grants = GrantIndex.of(List.of(acmeGrant, lakesideGrant, inkwellGrant));
    decide(AccessRequest.view(dana, toni.tenantId(), wedding, Surface.TASKS).eventId(reception).build(),
        facts(enabled, acme, grants), monday);

    heading("2. Maya activates the grant; Dana moves the linen task through its states");
    acmeGrant = acmeGrant.moveTo(GrantStatus.ACTIVE);
    grants = GrantIndex.of(List.of(acmeGrant, lakesideGrant, inkwellGrant));
    decide(AccessRequest.view(dana, toni.tenantId(), wedding, Surface.TASKS).eventId(reception).build(),
        facts(enabled, acme, grants), monday);
    for (TaskStatus next : List.of(TaskStatus.IN_PROGRESS, TaskStatus.BLOCKED, TaskStatus.IN_PROGRESS,
        TaskStatus.SUBMITTED)) {
      Decision d = decide(AccessRequest.moveTask(dana, linen, TaskMove.of(linen, next, Set.of())).build(),
          facts(enabled, acme, grants), monday);
      if (d.allowed()) {
        linen = ImmutablePartnerTask.copyOf(linen).withStatus(next).withVersion(linen.version() + 1);
      }
    }

    heading("3. Dana tries to approve the task herself");
    decide(AccessRequest.moveTask(dana, linen, TaskMove.of(linen, TaskStatus.APPROVED, Set.of())).build(),
        facts(enabled, acme, grants), monday);

    heading("4. Two weeks later the grant has run out; Dana tries again");
    Instant later = Instant.parse("2026-11-16T15:00:00Z");
    decide(AccessRequest.moveTask(dana, linen, TaskMove.of(linen, TaskStatus.APPROVED, Set.of())).build(),
        facts(enabled, acme, grants), later);

    heading("5. vendor_access is switched off for the wedding (the plan lost feature.multi_user_support)");
    decide(AccessRequest.view(dana, toni.tenantId(), wedding, Surface.TASKS).eventId(reception).build(),
        facts(disabled, acme, grants), monday);
    decide(AccessRequest.view(maya, toni.tenantId(), wedding, Surface.TASKS).build(),
        facts(disabled, null, grants), monday);
    decide(AccessRequest.moveTask(maya, linen, TaskMove.of(linen, TaskStatus.APPROVED, Set.of())).build(),
        facts(disabled, null, grants), monday);

    heading("6. Inkwell's integration tries to accept a proposal option");
    decide(AccessRequest.contribute(inkwellSync, toni.tenantId(), wedding, Surface.PROPOSAL_OPTIONS)
        .resourceId(ResourceId.of("opt-set-7-option-b")).addEffects(SourceTruth.PROPOSAL_ACCEPTANCE).build(),
        facts(enabled, inkwell, grants), monday);
    line("Its recommendation, without the acceptance, is evidence for review:");
    decide(AccessRequest.contribute(inkwellSync, toni.tenantId(), wedding, Surface.PROPOSAL_OPTIONS)
        .resourceId(ResourceId.of("opt-set-7-option-b")).build(), facts(enabled, inkwell, grants), monday);

    heading("7. Maya approves the submitted task");
    Decision approval = decide(
        AccessRequest.moveTask(maya, linen, TaskMove.of(linen, TaskStatus.APPROVED, Set.of())).build(),
        facts(enabled, null, grants), monday);
    line("Job readiness untouched: the approval has " + (approval.allowed() ? "no" : "a") + " source-truth effect;"
        + " readiness is cleared only by the readiness service with its own proof.");
  }

  private Partner partner(String id, String name, PartnerKind kind) {
    return Partner.builder().tenantId(toni.tenantId()).partnerId(PartnerId.of(id)).name(name).kind(kind).build();
  }

  private DecisionFacts facts(ProductScope scope, @Nullable Partner partner, GrantIndex grants) {
    return DecisionFacts.builder().tenant(toni).productScope(scope).partner(Optional.ofNullable(partner))
        .grants(grants).build();
  }

  private Decision decide(AccessRequest request, DecisionFacts facts, Instant now) {
    Decision d = decider.decide(request, facts, now);
    decisions.add(d);
    out.println("> " + request.actor().label() + ": " + describe(request));
    out.println(d.render().indent(2).stripTrailing());
    out.println();
    return d;
  }

  private static String describe(AccessRequest request) {
    String surface = request.surface().map(Surface::wireName).orElse("-");
    return request.taskMove()
        .map(m -> "move task " + m.taskId() + " from " + m.fromStatus().wireName() + " to " + m.toStatus().wireName())
        .orElse(request.intent().wireName() + " " + surface
            + (request.effects().isEmpty() ? "" : " with effect "
            + request.effects().stream().map(SourceTruth::wireName).collect(Collectors.joining(", "))));
  }

  private void heading(String text) {
    out.println("== " + text);
  }

  private void line(String text) {
    out.println(text);
  }
}
