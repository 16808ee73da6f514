package dev.partnerkit.examples;

import dev.partnerkit.domain.Decision;
import dev.partnerkit.domain.Entitlement;
import dev.partnerkit.domain.EventId;
import dev.partnerkit.domain.GrantId;
import dev.partnerkit.domain.GrantScope;
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
import dev.partnerkit.domain.RecordRef;
import dev.partnerkit.policy.surface.ArtifactPin;
import dev.partnerkit.policy.surface.annotations.AnnotationAnchor;
import dev.partnerkit.policy.surface.annotations.AnnotationDraft;
import dev.partnerkit.policy.surface.annotations.AnnotationId;
import dev.partnerkit.policy.surface.annotations.AnnotationRegion;
import dev.partnerkit.policy.surface.annotations.Annotations;
import dev.partnerkit.policy.surface.approvals.ApprovalDraft;
import dev.partnerkit.policy.surface.approvals.ApprovalEvidence;
import dev.partnerkit.policy.surface.approvals.ApprovalOutcome;
import dev.partnerkit.policy.surface.approvals.ApprovalRequest;
import dev.partnerkit.policy.surface.approvals.ApprovalRequestId;
import dev.partnerkit.policy.surface.approvals.ApprovalRequirement;
import dev.partnerkit.policy.surface.approvals.DecisionDraft;
import dev.partnerkit.policy.surface.documents.DocumentId;
import dev.partnerkit.policy.surface.documents.DocumentKind;
import dev.partnerkit.policy.surface.documents.DocumentLinkTarget;
import dev.partnerkit.policy.surface.documents.DocumentUpload;
import dev.partnerkit.policy.surface.documents.Documents;
import dev.partnerkit.policy.surface.documents.PartnerDocumentDraft;
import dev.partnerkit.policy.surface.tasks.PartnerTask;
import dev.partnerkit.domain.ResourceId;
import dev.partnerkit.domain.SourceTruth;
import dev.partnerkit.domain.Surface;
import dev.partnerkit.policy.surface.tasks.TaskId;
import dev.partnerkit.policy.surface.tasks.TaskStatus;
import dev.partnerkit.domain.Tenant;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.UserId;
import dev.partnerkit.jdbc.JdbcStorage;
import dev.partnerkit.jdbc.SchemaInstaller;
import dev.partnerkit.policy.workspace.CommandResult;
import dev.partnerkit.policy.workspace.Contribution;
import dev.partnerkit.domain.economics.Money;
import dev.partnerkit.domain.economics.ReferralDraft;
import dev.partnerkit.policy.workspace.DirectoryCommands;
import dev.partnerkit.spi.DirectoryMetrics;
import dev.partnerkit.spi.PartnerQuery;
import dev.partnerkit.policy.workspace.GrantDraft;
import dev.partnerkit.policy.workspace.MemberInvite;
import dev.partnerkit.policy.workspace.PartnerDraft;
import dev.partnerkit.policy.workspace.PrincipalDraft;
import dev.partnerkit.policy.workspace.OperatorConsole;
import dev.partnerkit.policy.workspace.PartnerSession;
import dev.partnerkit.policy.workspace.PartnerSessionOpening;
import dev.partnerkit.policy.workspace.PartnerWorkspace;
import dev.partnerkit.policy.workspace.ReadResult;
import dev.partnerkit.policy.surface.tasks.TaskDraft;
import dev.partnerkit.spi.ActivityEntry;
import dev.partnerkit.spi.ActivityQuery;
import dev.partnerkit.spi.PartnerkitStorage;
import dev.partnerkit.domain.Visibility;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import com.sun.net.httpserver.HttpServer;
import dev.partnerkit.domain.DataClass;
import dev.partnerkit.domain.IntegrationPreset;
import dev.partnerkit.domain.Placement;
import dev.partnerkit.policy.workspace.BusinessEvent;
import dev.partnerkit.policy.workspace.RelayRun;
import dev.partnerkit.policy.workspace.SubscriptionDraft;
import dev.partnerkit.policy.workspace.WebhookCommands;
import dev.partnerkit.policy.workspace.WebhookRelay;
import dev.partnerkit.policy.workspace.WebhookSignatures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The Toni Catering story, run through the workspace services on an embedded H2 database: Maya builds the partner
 * directory, invites Dana, and Dana accepts; a partner sees nothing before its grant is active, moves a task through its states, tries to approve it, tries again after its grant
 * expired; vendor_access is switched off for the occasion; an integration tries to accept a proposal;
 * printable.generated is delivered, signed, to Inkwell's endpoint; the operator approves the task; Lakeside Hall's
 * floor plan is annotated and approved on version 2, and version 3 makes that approval stale. It ends with the
 * activity timeline as the operator sees it and as the partner sees it.
 */
public final class PartnerkitDemo {
  private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MMM d HH:mm");

  private final PrintStream out;
  private final List<Decision> decisions = new ArrayList<>();
  private final StoryClock clock = new StoryClock(Instant.parse("2026-11-02T15:00:00Z"));

  private final TenantId toni = TenantId.of("toni-catering");
  private final OccasionId wedding = OccasionId.of("occ-rivera-wedding");
  private final EventId rehearsal = EventId.of("ev-rehearsal-dinner");
  private final EventId reception = EventId.of("ev-reception");
  private final OperatorUser maya = OperatorUser.builder().userId(UserId.of("u-maya")).tenantId(toni)
      .displayName("Maya").addRoles(OperatorRole.OWNER_OPS_LEAD).build();
  private final PartnerId acme = PartnerId.of("p-acme-rentals");
  private final PartnerId lakeside = PartnerId.of("p-lakeside-hall");
  private final PartnerId inkwell = PartnerId.of("p-inkwell-print");
  private final UserId dana = UserId.of("u-dana");
  private final UserId vera = UserId.of("u-vera");
  private final IntegrationPrincipalId inkwellSync = IntegrationPrincipalId.of("ip-inkwell-sync");

  private PartnerkitDemo(PrintStream out) {
    this.out = out;
  }

  /**
   * Runs the story on a fresh in-memory H2 database and prints it.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    run(new PrintStream(System.out, true, StandardCharsets.UTF_8));
  }

  /**
   * Runs the story, printing to {@code out}.
   *
   * @param out where the story is printed
   * @return every decision of the story, in order
   */
  public static List<Decision> run(PrintStream out) {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:partnerkit-demo-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    SchemaInstaller.install(dataSource);
    PartnerkitDemo demo = new PartnerkitDemo(out);
    demo.tell(JdbcStorage.builder(dataSource).build());
    return List.copyOf(demo.decisions);
  }

  private void tell(PartnerkitStorage storage) {
    AtomicLong sequence = new AtomicLong();
    PartnerWorkspace workspace = PartnerWorkspace.builder().storage(storage).clock(clock)
        .idGenerator(() -> String.format("rec-%04d", sequence.incrementAndGet())).build();
    OperatorConsole ops = workspace.operator(maya);

    heading("Toni Catering (America/Chicago): the Rivera wedding, a rehearsal dinner and a reception");
    storage.directory().saveTenant(Tenant.of(toni, "Toni Catering", CHICAGO));
    command("Maya enables the collaboration entitlement for the wedding",
        ops.setEntitlements("cmd-01", wedding, Set.of(Entitlement.MULTI_USER_SUPPORT)));
    DirectoryCommands directory = ops.directory(wedding);
    command("Maya adds Acme Rentals to the partner directory",
        directory.createPartner("dir-01", partner(acme, "Acme Rentals", PartnerKind.RENTAL_COMPANY)));
    directory.createPartner("dir-02", partner(lakeside, "Lakeside Hall", PartnerKind.VENUE));
    directory.createPartner("dir-03", partner(inkwell, "Inkwell Printers", PartnerKind.PRINTER));
    line("Partners: Acme Rentals (rental company), Lakeside Hall (venue), Inkwell Printers (printer).");
    command("Maya invites Dana into Acme Rentals", directory.inviteMember("dir-04", MemberInvite.builder()
        .partnerId(acme).userId(dana).displayName("Dana").canInvite(true).build()));
    decision("Dana opens the portal before accepting", workspace.openPartnerSession(toni, dana, acme, wedding)
        .decision());
    command("Dana accepts the invitation", workspace.acceptInvitation("dana-00", toni, dana, acme));
    command("Dana accepts it again (a second tap)", workspace.acceptInvitation("dana-00b", toni, dana, acme));
    directory.createPrincipal("dir-05", PrincipalDraft.builder().principalId(inkwellSync).partnerId(inkwell)
        .name("Inkwell print sync").addTriggers("printable.generated").build());
    directory.grantWriteAccess("dir-06", inkwellSync);
    line("Inkwell's machine identity, Inkwell print sync, is stored (enabled, with write access).");
    ops.economics().recordReferral("eco-01", new ReferralDraft(acme, "Rivera family", "rivera@example.com",
        Money.of(1_250_000, "USD"), clock.instant()));
    ops.economics().recordReferral("eco-02", new ReferralDraft(lakeside, "Chen wedding", "chen@example.com",
        Money.of(800_000, "USD"), clock.instant()));
    DirectoryMetrics metrics = ops.economics().metrics(PartnerQuery.all()).items().get(0);
    line("Directory metrics: " + metrics.activePartners() + " active partners, pipeline value (minor units) "
        + metrics.pipelineValue() + ", owed commission " + metrics.owedCommission() + ".");
    line("Partners Dana may manage: " + workspace.partnersManagedBy(toni, dana).size()
        + " (she is a member, not an owner or manager).");
    GrantId acmeGrant = GrantId.of(command("Maya issues a grant to Acme Rentals (pending until activated)",
        ops.issueGrant("cmd-02", GrantDraft.builder().partnerId(acme)
            .scope(GrantScope.builder().occasionId(wedding).addEvents(rehearsal, reception)
                .addSurfaces(Surface.TASKS, Surface.ACTIVITY, Surface.COMMENTS).build())
            .addCapabilities(PartnerCapability.MANAGE_TASK, PartnerCapability.VIEW_ACTIVITY,
                PartnerCapability.COMMENT)
            .validFrom(Instant.parse("2026-11-01T06:00:00Z")).validUntil(Instant.parse("2026-11-15T06:00:00Z"))
            .build())).recordId().orElseThrow());
    GrantId lakesideGrant = GrantId.of(ops.issueGrant("cmd-03", GrantDraft.builder().partnerId(lakeside)
        .scope(GrantScope.builder().occasionId(wedding).addEvents(reception).addSurfaces(Surface.VENUE_PLANS).build())
        .addCapabilities(PartnerCapability.MANAGE_VENUE_PLAN).validFrom(Instant.parse("2026-11-01T06:00:00Z"))
        .build()).recordId().orElseThrow());
    ops.activateGrant("cmd-04", lakesideGrant);
    GrantId inkwellGrant = GrantId.of(ops.issuePresetGrant("cmd-05", IntegrationPreset.PRINTER, GrantDraft.builder()
        .partnerId(inkwell).integrationPrincipal(inkwellSync)
        .scope(GrantScope.builder().occasionId(wedding).addSurfaces(Surface.PROPOSAL_OPTIONS).build())
        .addCapabilities(PartnerCapability.RECOMMEND_PROPOSAL_OPTION)
        .validFrom(Instant.parse("2026-11-01T06:00:00Z")).build(),
        Optional.of("Inkwell recommends print options on the wedding's proposals")).recordId().orElseThrow());
    ops.activateGrant("cmd-06", inkwellGrant);
    line("Lakeside Hall and Inkwell's integration get active grants of their own.");
    TaskId linen = TaskId.of(command("Maya creates a task for Acme Rentals",
        ops.tasks().create("cmd-07", TaskDraft.builder().occasionId(wedding).eventId(reception).partnerId(acme)
            .assignee(dana).title("Deliver linen and attach the rental proof")
            .dueAt(Instant.parse("2026-11-13T22:00:00Z")).build())).recordId().orElseThrow());

    heading("1. Before its grant is active, Acme Rentals sees nothing");
    PartnerSessionOpening refused = workspace.openPartnerSession(toni, dana, acme, wedding);
    decision("Dana opens the partner portal for the wedding", refused.decision());
    line("Session opened: " + refused.session().isPresent() + ".");

    heading("2. Maya activates the grant; Dana moves the linen task through its states");
    command("Maya activates the grant", ops.activateGrant("cmd-08", acmeGrant));
    PartnerSessionOpening opening = workspace.openPartnerSession(toni, dana, acme, wedding);
    decision("Dana opens the partner portal for the wedding", opening.decision());
    PartnerSession session = opening.session().orElseThrow();
    ReadResult<PartnerTask> tasks = session.tasks().list();
    decision("Dana lists her tasks", tasks.decision());
    tasks.items().forEach(t -> line("  - " + t.title() + " [" + t.status().wireName() + "]"));
    String[] keys = {"dana-01", "dana-02", "dana-03", "dana-04"};
    List<TaskStatus> path = List.of(TaskStatus.IN_PROGRESS, TaskStatus.BLOCKED, TaskStatus.IN_PROGRESS,
        TaskStatus.SUBMITTED);
    for (int i = 0; i < path.size(); i++) {
      clock.advanceMinutes(45);
      command("Dana moves the task to " + path.get(i).wireName(), session.tasks().move(keys[i], linen, path.get(i)));
    }
    CommandResult retry = session.tasks().move("dana-04", linen, TaskStatus.SUBMITTED);
    line("Dana's app retries the last move with the same key: replayed=" + retry.replayed()
        + ", nothing written twice.");

    heading("3. Dana tries to approve the task herself");
    command("Dana moves the task to approved", session.tasks().move("dana-05", linen, TaskStatus.APPROVED));

    heading("4. Two weeks later the grant has run out; Dana tries again");
    Instant monday = clock.instant();
    clock.set(Instant.parse("2026-11-16T15:00:00Z"));
    command("Dana moves the task to approved", session.tasks().move("dana-06", linen, TaskStatus.APPROVED));
    clock.set(monday.plusSeconds(3600));

    heading("5. vendor_access is switched off for the wedding (the plan lost feature.multi_user_support)");
    command("Maya's billing admin removes the entitlement", ops.setEntitlements("cmd-09", wedding, Set.of()));
    decision("Dana opens the partner portal for the wedding",
        workspace.openPartnerSession(toni, dana, acme, wedding).decision());
    ReadResult<PartnerTask> operatorRead = ops.tasks().list(wedding);
    decision("Maya reads the wedding's partner tasks", operatorRead.decision());
    command("Maya approves the task", ops.tasks().approve("cmd-10", linen));
    command("The entitlement is restored", ops.setEntitlements("cmd-11", wedding,
        Set.of(Entitlement.MULTI_USER_SUPPORT)));

    heading("6. Inkwell's integration tries to accept a proposal option");
    PartnerSession machine = workspace.openIntegrationSession(toni, inkwellSync, wedding).session().orElseThrow();
    command("Inkwell print sync accepts option B", machine.contribute("ink-01", Contribution.builder()
        .surface(Surface.PROPOSAL_OPTIONS).resourceId(ResourceId.of("optset-7-b"))
        .summary("Accept option B (letterpress invitations)").addEffects(SourceTruth.PROPOSAL_ACCEPTANCE).build()));
    command("Inkwell print sync recommends option B instead", machine.contribute("ink-02", Contribution.builder()
        .surface(Surface.PROPOSAL_OPTIONS).resourceId(ResourceId.of("optset-7-b"))
        .summary("We recommend option B: letterpress fits the print window.").build()));

    heading("7. printable.generated reaches Inkwell's endpoint, signed");
    deliverPrintable(workspace, ops);

    heading("8. Maya approves the submitted task");
    ops.addNote("cmd-12", wedding, Optional.of(acme), "Acme's linen invoice is 8% over quote; discuss privately.",
        Visibility.INTERNAL_ONLY);
    CommandResult approved = command("Maya approves the task", ops.tasks().approve("cmd-13", linen));
    line("Job readiness untouched: the approval " + (approved.decision().allowed() ? "records evidence only" : "failed")
        + "; readiness is cleared by the readiness service with its own proof.");

    floorPlanScene(workspace, ops, directory);

    heading("Activity timeline as the operator sees it");
    printTimeline(ops.activity(wedding, ActivityQuery.builder().limit(100).build()).items());
    heading("Activity timeline as Acme Rentals sees it (internal-only rows hidden)");
    clock.set(Instant.parse("2026-11-10T15:00:00Z"));
    PartnerSession again = workspace.openPartnerSession(toni, dana, acme, wedding).session().orElseThrow();
    printTimeline(again.activity(ActivityQuery.builder().limit(100).build()).items());
  }

  /**
   * Inkwell's endpoint (a JDK HTTP server on this machine) is subscribed to printable.generated; Inkwell's principal
   * gets a grant from the printer preset; the host publishes the event and one relay delivers it. The endpoint prints
   * the signed request and verifies it with the subscription's secret.
   */
  private void deliverPrintable(PartnerWorkspace workspace, OperatorConsole ops) {
    List<String> seen = new ArrayList<>();
    String[] secret = new String[1];
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/inkwell/webhooks", exchange -> {
      try (exchange) {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        var headers = exchange.getRequestHeaders();
        seen.add("POST /inkwell/webhooks");
        for (String name : List.of("webhook-id", "webhook-timestamp", "webhook-signature", "content-type")) {
          seen.add("  " + name + ": " + headers.getFirst(name));
        }
        seen.add("  body: " + body);
        boolean verified = WebhookSignatures.verify(secret[0], headers.getFirst("webhook-id"),
            headers.getFirst("webhook-timestamp"), body, headers.getFirst("webhook-signature"), clock.instant(),
            WebhookSignatures.DEFAULT_TOLERANCE);
        seen.add("  verified with the subscription's secret: " + verified);
        exchange.sendResponseHeaders(verified ? 204 : 401, -1);
      }
    });
    server.start();
    try {
      WebhookCommands webhooks = ops.directory(wedding).webhooks();
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/inkwell/webhooks";
      CommandResult subscribed = command("Maya subscribes Inkwell's endpoint to printable.generated",
          webhooks.subscribe("hook-01", SubscriptionDraft.builder().principalId(inkwellSync).endpointUrl(url)
              .addEventTypes(BusinessEvent.PRINTABLE_GENERATED).build()));
      secret[0] = webhooks.subscription(subscribed.recordId().orElseThrow()).orElseThrow().secret();
      line("The signing secret (whsec_..., shown once to Inkwell) is stored with the subscription.");
      CommandResult issued = command("Maya issues Inkwell's print grant from the printer preset",
          ops.issuePresetGrant("hook-02", IntegrationPreset.PRINTER, GrantDraft.builder().partnerId(inkwell)
              .integrationPrincipal(inkwellSync).scope(IntegrationPreset.PRINTER.scope(wedding, Set.of()))
              .validFrom(Instant.parse("2026-11-01T06:00:00Z")).build(), Optional.empty()));
      command("Maya activates it", ops.activateGrant("hook-03", GrantId.of(issued.recordId().orElseThrow())));
      line("Printer preset: data classes " + IntegrationPreset.PRINTER.dataClasses().stream()
          .map(DataClass::wireName).toList() + " (summaries and published outputs only), read-only, triggers "
          + IntegrationPreset.PRINTER.triggers() + ".");
      workspace.events().publish(toni, BusinessEvent.builder().type(BusinessEvent.PRINTABLE_GENERATED)
          .placement(Placement.builder().occasionId(wedding).resourceId(ResourceId.of("art-invitation-v3")).build())
          .dataClass(DataClass.PRINT_ASSET).subjectId("art-invitation-v3")
          .data("{\"artifact\":\"art-invitation-v3\",\"pages\":4,\"finish\":\"letterpress\"}").build());
      workspace.events().publish(toni, BusinessEvent.builder().type(BusinessEvent.PRINTABLE_GENERATED)
          .placement(Placement.inOccasion(wedding)).dataClass(DataClass.GUEST_PROFILE).subjectId("guest-list")
          .data("{\"guests\":212}").build());
      line("The host publishes printable.generated for the invitation (print_asset), and one carrying guest profiles.");
      try (WebhookRelay relay = workspace.webhookRelay().relayId("relay-demo").clock(clock)
          .allowLoopbackTargets(true).build()) {
        RelayRun run = relay.runOnce();
        line("The relay ran: " + run.deliveriesCreated() + " delivery created, " + run.delivered() + " delivered.");
      }
      seen.forEach(this::line);
      PartnerSession machine = workspace.openIntegrationSession(toni, inkwellSync, wedding).session().orElseThrow();
      Decision guests = machine.readResource(Placement.inOccasion(wedding), DataClass.GUEST_PROFILE);
      line("The guest-profile event went nowhere; Inkwell asking for guest profiles: " + guests.reason().wireName()
          + ". " + guests.explanation());
    } finally {
      server.stop(0);
    }
  }

  /**
   * Lakeside uploads a floor plan, Maya links it to the reception and asks for approval of version 2, Lakeside
   * annotates and approves, and version 3 makes that approval stale.
   */
  private void floorPlanScene(PartnerWorkspace workspace, OperatorConsole ops, DirectoryCommands directory) {
    heading("9. Lakeside Hall's floor plan: an exact version, an annotation, an approval that goes stale");
    directory.inviteMember("dir-07", MemberInvite.builder().partnerId(lakeside).userId(vera).displayName("Vera")
        .build());
    workspace.acceptInvitation("vera-00", toni, vera, lakeside);
    GrantId artifacts = GrantId.of(ops.issueGrant("cmd-14", GrantDraft.builder().partnerId(lakeside)
        .scope(GrantScope.builder().occasionId(wedding).addSurfaces(Surface.DOCUMENTS, Surface.APPROVALS,
            Surface.ANNOTATIONS).build())
        .addCapabilities(PartnerCapability.APPROVE_ARTIFACT, PartnerCapability.ANNOTATE_ARTIFACT)
        .validFrom(Instant.parse("2026-11-01T06:00:00Z")).build()).recordId().orElseThrow());
    ops.activateGrant("cmd-15", artifacts);
    PartnerSession venue = workspace.openPartnerSession(toni, vera, lakeside, wedding).session().orElseThrow();
    DocumentId plan = DocumentId.of(command("Vera registers Lakeside's reception floor plan", venue.documents()
        .create("vera-01", PartnerDocumentDraft.builder().title("Reception floor plan").kind(DocumentKind.FLOOR_PLAN)
            .build())).recordId().orElseThrow());
    for (int n = 1; n <= 2; n++) {
      command("Vera uploads version " + n, venue.documents().upload("vera-0" + (n + 1), plan, floorPlan(n)));
    }
    line("Event identity before the link: " + ops.documents().context(plan).items().get(0).eventIdentity()
        .wireName() + ".");
    command("Maya links the floor plan to the reception", ops.documents().link("cmd-16", plan,
        DocumentLinkTarget.event(reception)));
    line("Event identity after the link: " + ops.documents().context(plan).items().get(0).eventIdentity()
        .wireName() + ".");
    RecordRef version2 = Documents.VERSION.ref(plan.value() + "-2");
    ApprovalRequestId asked = ApprovalRequestId.of(command("Maya asks Lakeside to approve version 2",
        ops.approvals().request("cmd-17", ApprovalDraft.builder().pin(ArtifactPin.of(version2))
            .title("Approve the reception floor plan, version 2")
            .addRequirements(ApprovalRequirement.of("exits", "Fire exits stay clear")).build())).recordId()
        .orElseThrow());
    AnnotationId redline = AnnotationId.of(command("Vera annotates the bar on page 1 of version 2",
        venue.annotations().annotate("vera-04", AnnotationDraft.builder().pin(ArtifactPin.of(version2))
            .anchor(AnnotationAnchor.region(1, AnnotationRegion.of(6000, 2000, 2500, 1500)))
            .text("We will move the bar two metres towards the terrace").build())).recordId().orElseThrow());
    command("Vera approves version 2 with changes", venue.approvals().decide("vera-05", asked, DecisionDraft
        .builder().versionNumber(2).outcome(ApprovalOutcome.APPROVE_WITH_CHANGES)
        .addChanges("Bar two metres to the terrace").addEvidence(ApprovalEvidence.builder().requirement("exits")
            .note("See the redline").record(Annotations.TYPE.ref(redline.value())).build()).build()));
    line("Request state: " + ops.approvals().get(asked).items().get(0).state().wireName()
        + " (evidence only: no proposal accepted, no readiness cleared).");
    command("Vera uploads version 3", venue.documents().upload("vera-06", plan, floorPlan(3)));
    ApprovalRequest request = ops.approvals().get(asked).items().get(0);
    line("Request state: " + request.state().wireName() + "; the approval of version 2 is stale="
        + request.decisions().get(0).stale() + " (kept, not deleted); a decision is needed on version "
        + request.needsDecisionOn().orElseThrow().versionNumber() + ".");
    line("The redline stays on version " + venue.annotations().get(redline).items().get(0).target().version()
        .versionNumber() + ".");
  }

  private static DocumentUpload floorPlan(int n) {
    return DocumentUpload.builder().title("floor-plan-v" + n + ".pdf").mediaType("application/pdf")
        .sizeBytes(120_000 + n).contentHash("sha256:" + String.valueOf((char) ('a' + n)).repeat(64))
        .storageKey("lakeside/floor-plan/v" + n).build();
  }

  private static PartnerDraft partner(PartnerId id, String name, PartnerKind kind) {
    return PartnerDraft.builder().partnerId(id).name(name).kind(kind).build();
  }

  private CommandResult command(String what, CommandResult result) {
    decision(what, result.decision());
    return result;
  }

  private void decision(String what, Decision decision) {
    decisions.add(decision);
    out.println("> " + what);
    out.println(decision.render().indent(2).stripTrailing());
  }

  private void printTimeline(List<ActivityEntry> entries) {
    for (ActivityEntry e : entries) {
      out.println("  " + TIME.format(LocalDateTime.ofInstant(e.occurredAt(), CHICAGO)) + "  "
          + (e.visibility() == Visibility.INTERNAL_ONLY ? "[internal] " : "") + e.summary());
    }
  }

  private void heading(String text) {
    out.println();
    out.println("== " + text);
  }

  private void line(String text) {
    out.println(text);
  }

  /** The story's clock: moves only when the story says so. */
  private static final class StoryClock extends Clock {
    private Instant now;

    StoryClock(Instant now) {
      this.now = now;
    }

    void set(Instant instant) {
      now = instant;
    }

    void advanceMinutes(long minutes) {
      now = now.plusSeconds(minutes * 60);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
