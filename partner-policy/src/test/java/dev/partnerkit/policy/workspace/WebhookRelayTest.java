package dev.partnerkit.policy.workspace;

import static dev.partnerkit.policy.workspace.WebhookWorld.INKWELL;
import static dev.partnerkit.policy.workspace.WorkspaceWorld.ACME;
import static dev.partnerkit.policy.workspace.WorkspaceWorld.DANA;
import static dev.partnerkit.policy.workspace.WorkspaceWorld.TENANT;
import static dev.partnerkit.policy.workspace.WorkspaceWorld.VERA;
import static dev.partnerkit.policy.workspace.WorkspaceWorld.WEDDING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnerkit.domain.DataClass;
import dev.partnerkit.domain.GrantId;
import dev.partnerkit.domain.IntegrationPrincipalId;
import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.domain.ReasonCode;
import dev.partnerkit.spi.DeliveryAttempt;
import dev.partnerkit.spi.DeliveryQuery;
import dev.partnerkit.spi.DeliveryStatus;
import dev.partnerkit.spi.WebhookDelivery;
import dev.partnerkit.spi.WebhookSubscription;
import dev.partnerkit.spi.memory.InMemoryStorage;
import dev.partnerkit.tck.WebhookReceiver;
import dev.partnerkit.tck.WebhookReceiver.Behaviour;
import dev.partnerkit.tck.WebhookReceiver.Receipt;
import dev.partnerkit.tck.WebhookReceiver.Reply;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The relay against a real local HTTP receiver that verifies signatures with its own code and fails on purpose. */
class WebhookRelayTest {
  private final WebhookWorld world = new WebhookWorld(InMemoryStorage.create());
  private final WebhookReceiver receiver = WebhookReceiver.start();

  @AfterEach
  void stop() {
    receiver.close();
  }

  private String endpoint(String name, Behaviour behaviour) {
    String url = receiver.endpoint(name, behaviour);
    return url;
  }

  private WebhookSubscription subscribed(String name, Behaviour behaviour) {
    WebhookSubscription s = world.subscribe(endpoint(name, behaviour));
    receiver.accept(name, s.secret());
    return s;
  }

  private List<DeliveryAttempt> log() {
    return world.webhooks().attempts(DeliveryQuery.builder().build());
  }

  private WebhookDelivery only() {
    List<WebhookDelivery> all = world.webhooks().deliveries(DeliveryQuery.builder().build());
    assertEquals(1, all.size(), all.toString());
    return all.get(0);
  }

  @Test
  void printableGeneratedArrivesSignedPerStandardWebhooksAndIsLoggedForTheOperatorAndItsPartnerOnly() {
    world.printerGrant();
    WebhookSubscription s = subscribed("inkwell", Behaviour.ok());
    assertTrue(s.secret().startsWith("whsec_"));
    world.printable("4");
    try (WebhookRelay relay = world.relay().build()) {
      RelayRun run = relay.runOnce();
      assertEquals(1, run.deliveriesCreated());
      assertEquals(1, run.delivered());
    }
    List<Receipt> got = receiver.receipts("inkwell");
    assertEquals(1, got.size());
    Receipt r = got.get(0);
    assertTrue(r.verified(), r.toString());
    assertEquals(1, r.signatures().size());
    assertTrue(r.signatures().get(0).startsWith("v1,"));
    assertTrue(r.webhookId().startsWith("msg_"));
    assertEquals(Long.toString(world.clock.instant().getEpochSecond()), r.timestamp());
    assertTrue(r.body().contains("\"type\":\"printable.generated\"") && r.body().contains("\"pages\":4")
        && r.body().contains("\"dataClass\":\"print_asset\""), r.body());
    assertTrue(WebhookSignatures.verify(s.secret(), r.webhookId(), r.timestamp(), r.body(),
        String.join(" ", r.signatures()), world.clock.instant(), WebhookSignatures.DEFAULT_TOLERANCE));
    assertFalse(WebhookSignatures.verify(s.secret(), r.webhookId(), r.timestamp(), r.body() + " ",
        String.join(" ", r.signatures()), world.clock.instant(), WebhookSignatures.DEFAULT_TOLERANCE));
    assertFalse(WebhookSignatures.verify(s.secret(), r.webhookId(), r.timestamp(), r.body(),
        String.join(" ", r.signatures()), world.clock.instant().plusSeconds(301),
        WebhookSignatures.DEFAULT_TOLERANCE));

    assertEquals(DeliveryStatus.DELIVERED, only().status());
    DeliveryAttempt attempt = log().get(0);
    assertEquals(Optional.of(204), attempt.statusCode());
    assertEquals(DeliveryAttempt.Outcome.SUCCEEDED, attempt.outcome());
    assertEquals(r.webhookId(), attempt.deliveryId());

    world.wideGrant(ACME);
    world.wideGrant(WorkspaceWorld.VENUE);
    ReadResult<DeliveryAttempt> own = world.session(DANA).webhookAttempts(DeliveryQuery.builder().build());
    assertEquals(List.of(attempt), own.items());
    ReadResult<DeliveryAttempt> other = world.session(VERA).webhookAttempts(DeliveryQuery.builder()
        .partnerId(ACME).build());
    assertEquals(List.of(), other.items(), "a partner reads only its own endpoints' log, whatever it asks");
  }

  @Test
  void failuresAreRetriedWithTheSameIdOnTheExponentialScheduleThenDeadThenReplayed() {
    world.printerGrant();
    subscribed("down", Behaviour.always(503));
    world.printable("2");
    try (WebhookRelay relay = world.relay().build()) {
      for (int i = 0; i < 10; i++) {
        relay.runOnce();
        world.clock.set(world.clock.instant().plusSeconds(60));
      }
      List<Receipt> got = receiver.receipts("down");
      assertEquals(4, got.size(), "maxAttempts 4, then the dead letter");
      assertEquals(1, got.stream().map(Receipt::webhookId).distinct().count(), "the same webhook-id every time");
      assertTrue(got.stream().allMatch(Receipt::verified));
      WebhookDelivery dead = only();
      assertEquals(DeliveryStatus.DEAD, dead.status());
      assertEquals(4, dead.attempts());
      List<DeliveryAttempt> attempts = log();
      RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(1), Duration.ofMinutes(1), 4, 0.5);
      for (int n = 1; n <= 3; n++) {
        DeliveryAttempt a = attempts.get(n - 1);
        assertEquals(n, a.attempt());
        assertEquals(Optional.of(a.attemptedAt().plus(schedule.delayAfter(n, 0.5))), a.nextAttemptAt());
        assertTrue(a.error().orElseThrow().startsWith("HTTP 503"), a.error().toString());
      }
      assertEquals(Duration.ofMillis(1250), schedule.delayAfter(1, 0.5));
      assertEquals(Duration.ofMillis(2500), schedule.delayAfter(2, 0.5));
      assertEquals(Duration.ofMillis(5000), schedule.delayAfter(3, 0.5));
      assertEquals(Optional.empty(), attempts.get(3).nextAttemptAt(), "the last attempt schedules nothing");

      receiver.behave("down", Behaviour.ok());
      assertTrue(world.webhooks().replay(world.key(), dead.deliveryId()).applied());
      relay.runOnce();
      assertEquals(5, receiver.receipts("down").size());
      assertEquals(dead.deliveryId(), receiver.receipts("down").get(4).webhookId());
      assertEquals(DeliveryStatus.DELIVERED, only().status());
      assertEquals(5, log().get(4).attempt());

      Instant before = world.clock.instant().plusSeconds(1);
      assertTrue(world.webhooks().replayRange(world.key(), before.minus(Duration.ofDays(1)), before,
          Optional.empty()).applied());
      relay.runOnce();
      assertEquals(6, receiver.receipts("down").size(), "a range replay sends the delivery once more");

      // a replay never takes a delivery away from a relay that holds its lease (it may be sending it right now)
      assertTrue(world.webhooks().replay(world.key(), dead.deliveryId()).applied());
      Instant now = world.clock.instant();
      assertEquals(1, world.storage.unitOfWork().inTransaction(() -> world.storage.webhooks().claimDue(now,
          "relay-x", now.plusSeconds(600), 10)).size());
      assertTrue(world.webhooks().replay(world.key(), dead.deliveryId()).applied());
      assertEquals(Optional.of("relay-x"), only().leaseOwner(), "the live lease is kept");
      relay.runOnce();
      assertEquals(6, receiver.receipts("down").size(), "no second relay sends a leased delivery");
    }
  }

  @Test
  void anEndpointThatKeepsFailingIsDisabledExactlyAtTheThresholdAndResumesWhenEnabled() {
    world.printerGrant();
    WebhookSubscription s = subscribed("flaky", Behaviour.always(500));
    world.printable("1");
    try (WebhookRelay relay = world.relay().disableAfter(3, Duration.ofSeconds(2))
        .schedule(new RetrySchedule(Duration.ofSeconds(1), Duration.ofMinutes(1), 10, 0.5)).build()) {
      for (int i = 0; i < 8; i++) {
        relay.runOnce();
        world.clock.set(world.clock.instant().plusSeconds(30));
      }
      assertEquals(3, receiver.receipts("flaky").size(), "disabled at the third failure in a row");
      WebhookSubscription disabled = world.webhooks().subscription(s.subscriptionId()).orElseThrow();
      assertFalse(disabled.enabled());
      assertTrue(disabled.disabledReason().orElseThrow().contains("3 failed attempts in a row"),
          disabled.disabledReason().toString());
      world.printable("2");
      relay.runOnce();
      assertEquals(3, receiver.receipts("flaky").size(), "a disabled endpoint receives nothing");
      assertEquals(2, world.webhooks().deliveries(DeliveryQuery.builder().build()).size(), "but nothing is lost");

      receiver.behave("flaky", Behaviour.ok());
      assertTrue(world.webhooks().enable(world.key(), s.subscriptionId()).applied());
      relay.runOnce();
      assertEquals(5, receiver.receipts("flaky").size());
      assertTrue(world.webhooks().deliveries(DeliveryQuery.builder().build()).stream()
          .allMatch(d -> d.status() == DeliveryStatus.DELIVERED));
    }
  }

  @Test
  void duringARotationBothSecretsSignAndAfterTheOverlapOnlyTheNewOne() {
    world.printerGrant();
    WebhookSubscription s = subscribed("rotating", Behaviour.ok());
    assertTrue(world.webhooks().rotateSecret(world.key(), s.subscriptionId(), Duration.ofHours(1)).applied());
    WebhookSubscription rotated = world.webhooks().subscription(s.subscriptionId()).orElseThrow();
    assertEquals(Optional.of(s.secret()), rotated.previousSecret());
    try (WebhookRelay relay = world.relay().build()) {
      receiver.accept("rotating", s.secret());
      world.printable("1");
      relay.runOnce();
      receiver.accept("rotating", rotated.secret());
      world.printable("2");
      relay.runOnce();
      world.clock.set(world.clock.instant().plus(Duration.ofHours(2)));
      world.printable("3");
      relay.runOnce();
    }
    List<Receipt> got = receiver.receipts("rotating");
    assertEquals(3, got.size());
    assertEquals(2, got.get(0).signatures().size());
    assertTrue(got.get(0).verified(), "the old secret still verifies during the overlap");
    assertTrue(got.get(1).verified(), "the new one does too");
    assertEquals(1, got.get(2).signatures().size(), "after the overlap, one signature");
    assertTrue(got.get(2).verified());
  }

  @Test
  void timeoutsSlowBodiesRefusedConnectionsAndPrivateTargetsFailCleanly() {
    world.printerGrant();
    subscribed("late", (n, id, body) -> Reply.late(1500));
    subscribed("dribble", (n, id, body) -> Reply.slowBody(200, 20, 100));
    WebhookSubscription refused = world.subscribe(WebhookReceiver.refusingUrl());
    WebhookSubscription internal = world.subscribe("http://10.1.2.3/hook");
    WebhookSubscription metadata = world.subscribe("http://169.254.169.254/latest");
    world.printable("1");
    long started = System.nanoTime();
    try (WebhookRelay relay = world.relay().maxResponseBytes(2048).concurrency(5).build()) {
      RelayRun run = relay.runOnce();
      assertEquals(5, run.attempted());
      assertEquals(1, run.delivered(), "a slow body after a 2xx still delivers");
    }
    assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() < 4000, "nothing waits past its timeouts");
    List<DeliveryAttempt> attempts = log();
    String late = errorOf(attempts, receiverSub("late"));
    assertTrue(late.contains("timed out"), late);
    assertTrue(errorOf(attempts, refused.subscriptionId()).startsWith("connection refused"),
        errorOf(attempts, refused.subscriptionId()));
    assertTrue(errorOf(attempts, internal.subscriptionId()).contains("a private address 10.1.2.3"));
    assertTrue(errorOf(attempts, metadata.subscriptionId()).contains("link-local"));
    assertEquals(1, receiver.receipts("dribble").size());
    assertEquals(1, receiver.receipts("late").size());

    WebhookSubscription loopback = world.subscribe(receiver.endpoint("strict", Behaviour.ok()));
    world.printable("2");
    try (WebhookRelay strict = world.workspace.webhookRelay().clock(world.clock).build()) {
      strict.runOnce();
    }
    assertEquals(0, receiver.receipts("strict").size(), "loopback is refused unless the host allows it");
    assertTrue(errorOf(log(), loopback.subscriptionId()).contains("a loopback address"));
  }

  private String receiverSub(String name) {
    return world.webhooks().subscriptions(DeliveryQuery.builder().build()).stream()
        .filter(s -> s.endpointUrl().endsWith("/" + name)).findFirst().orElseThrow().subscriptionId();
  }

  private static String errorOf(List<DeliveryAttempt> attempts, String subscriptionId) {
    return attempts.stream().filter(a -> a.subscriptionId().equals(subscriptionId)).findFirst().orElseThrow()
        .error().orElse("");
  }

  @Test
  void aRevokedGrantReceivesNothingAfterTheRevocationCommits() {
    GrantId grant = world.printerGrant();
    subscribed("revoked", Behaviour.failFirst(1, 503));
    world.printable("1");
    try (WebhookRelay relay = world.relay().build()) {
      relay.runOnce();
      assertEquals(1, receiver.receipts("revoked").size(), "the first attempt, before the revocation");
      assertTrue(world.ops.revokeGrant(world.key(), grant).applied());
      world.printable("2");
      for (int i = 0; i < 5; i++) {
        world.clock.set(world.clock.instant().plusSeconds(60));
        relay.runOnce();
      }
    }
    assertEquals(1, receiver.receipts("revoked").size(), "nothing after the revocation committed");
    assertEquals(DeliveryStatus.SUPPRESSED, only().status(), "the retry was suppressed; the new event fanned out to "
        + "no delivery");
    assertTrue(world.storage.decisions().recent(TENANT, 50).stream().anyMatch(r ->
        r.decision().reason() == ReasonCode.GRANT_REVOKED && r.actorId().equals(INKWELL.value())));
  }

  @Test
  void forbiddenClassesOtherTypesAndOtherPartnersEventsNeverReachTheEndpoint() {
    world.printerGrant();
    subscribed("picky", Behaviour.ok());
    for (DataClass forbidden : DataClass.forbiddenForIntegrationPrincipals()) {
      world.printable(forbidden, "1");
    }
    world.printable(DataClass.RAW_RSVP_TABLE, "1");
    world.workspace.events().publish(TENANT, BusinessEvent.builder().type(BusinessEvent.SEATING_PLAN_PUBLISHED)
        .placement(dev.partnerkit.domain.Placement.inOccasion(WEDDING)).dataClass(DataClass.PRINT_ASSET)
        .subjectId("plan-1").build());
    world.workspace.events().publish(TENANT, BusinessEvent.builder().type(BusinessEvent.PRINTABLE_GENERATED)
        .placement(dev.partnerkit.domain.Placement.builder().occasionId(WEDDING).partnerId(WorkspaceWorld.VENUE)
            .build()).dataClass(DataClass.PRINT_ASSET).subjectId("art-venue").build());
    try (WebhookRelay relay = world.relay().build()) {
      RelayRun run = relay.runOnce();
      assertTrue(run.eventsRouted() >= 8, run.toString());
      assertEquals(0, run.deliveriesCreated());
    }
    assertEquals(0, receiver.receipts("picky").size());
    assertTrue(world.storage.decisions().recent(TENANT, 50).stream().anyMatch(r ->
        r.decision().reason() == ReasonCode.DATA_CLASS_FORBIDDEN));
  }

  @Test
  void partnerVisibleRecordEventsReachOnlyTheirPartnersCoveredIntegrations() {
    IntegrationPrincipalId taskSync = IntegrationPrincipalId.of("ip-acme-tasks");
    world.storage.directory().insertPrincipal(dev.partnerkit.domain.IntegrationPrincipal.builder().tenantId(TENANT)
        .principalId(taskSync).partnerId(ACME).name("Acme task sync")
        .addTriggers("partner_task.created", "partner_task.moved").build());
    CommandResult issued = world.ops.issuePresetGrant(world.key(), dev.partnerkit.domain.IntegrationPreset.PRINTER,
        GrantDraft.builder().partnerId(ACME).integrationPrincipal(taskSync).scope(dev.partnerkit.domain.GrantScope.builder()
            .occasionId(WEDDING).addSurfaces(dev.partnerkit.domain.Surface.TASKS)
            .addDataClasses(DataClass.PARTNER_RECORD).build())
        .addCapabilities(dev.partnerkit.domain.PartnerCapability.MANAGE_TASK).validFrom(WorkspaceWorld.FROM)
        .build(), java.util.Optional.of("the task sync mirrors partner tasks"));
    assertTrue(world.ops.activateGrant(world.key(), GrantId.of(issued.recordId().orElseThrow())).applied());
    String url = receiver.endpoint("tasks", Behaviour.ok());
    CommandResult subscribed = world.webhooks().subscribe(world.key(), SubscriptionDraft.builder()
        .principalId(taskSync).endpointUrl(url).addEventTypes("partner_task.created").build());
    receiver.accept("tasks", world.webhooks().subscription(subscribed.recordId().orElseThrow()).orElseThrow()
        .secret());
    dev.partnerkit.policy.surface.tasks.TaskId acmeTask = world.task(ACME, WorkspaceWorld.RECEPTION);
    world.task(WorkspaceWorld.VENUE, WorkspaceWorld.RECEPTION);
    try (WebhookRelay relay = world.relay().build()) {
      relay.runOnce();
    }
    List<Receipt> got = receiver.receipts("tasks");
    assertEquals(1, got.size(), "Lakeside's task is not Acme's integration's business");
    assertTrue(got.get(0).verified());
    String body = got.get(0).body();
    assertTrue(body.contains("\"type\":\"partner_task.created\"") && body.contains(acmeTask.value())
        && body.contains("\"dataClass\":\"partner_record\""), body);
  }

  @Test
  void aRecordEventReachesOnlyAGrantThatOpensTheRecordsSurface() {
    IntegrationPrincipalId taskSync = IntegrationPrincipalId.of("ip-acme-tasks");
    world.storage.directory().insertPrincipal(dev.partnerkit.domain.IntegrationPrincipal.builder().tenantId(TENANT)
        .principalId(taskSync).partnerId(ACME).name("Acme task sync").addTriggers("partner_task.created").build());
    // partner records on the documents surface only: the portal would show this principal no task
    CommandResult issued = world.ops.issuePresetGrant(world.key(), dev.partnerkit.domain.IntegrationPreset.PRINTER,
        GrantDraft.builder().partnerId(ACME).integrationPrincipal(taskSync).scope(dev.partnerkit.domain.GrantScope
            .builder().occasionId(WEDDING).addSurfaces(dev.partnerkit.domain.Surface.DOCUMENTS)
            .addDataClasses(DataClass.PARTNER_RECORD).build()).validFrom(WorkspaceWorld.FROM).build(),
        java.util.Optional.of("documents only"));
    assertTrue(world.ops.activateGrant(world.key(), GrantId.of(issued.recordId().orElseThrow())).applied());
    String url = receiver.endpoint("documents-only", Behaviour.ok());
    CommandResult subscribed = world.webhooks().subscribe(world.key(), SubscriptionDraft.builder()
        .principalId(taskSync).endpointUrl(url).addEventTypes("partner_task.created").build());
    receiver.accept("documents-only", world.webhooks().subscription(subscribed.recordId().orElseThrow())
        .orElseThrow().secret());
    world.task(ACME, WorkspaceWorld.RECEPTION);
    RelayRun run;
    try (WebhookRelay relay = world.relay().build()) {
      run = relay.runOnce();
    }
    assertEquals(0, receiver.receipts("documents-only").size(), run::toString);
    assertTrue(world.storage.decisions().recent(TENANT, 50).stream().anyMatch(r ->
        r.decision().reason() == ReasonCode.SURFACE_NOT_GRANTED), "the blocked fan-out is logged");
  }

  @Test
  void noAttemptStartsWithTooLittleOfItsLeaseLeftSoASecondRelayNeverSendsItAgain() {
    world.printerGrant();
    subscribed("slow", (n, id, body) -> new Reply(204, 300, "", 1, 0));
    for (int i = 0; i < 15; i++) {
      world.printable(Integer.toString(i));
    }
    java.time.Clock real = java.time.Clock.systemUTC();
    RelayRun first;
    try (WebhookRelay a = world.relay().clock(real).concurrency(1).batchSize(15).relayId("relay-a").build();
        WebhookRelay b = world.relay().clock(real).concurrency(4).relayId("relay-b").build()) {
      first = a.runOnce();
      RelayRun second = b.runOnce();
      assertEquals(15, first.delivered() + second.delivered(), first + " then " + second);
    }
    assertTrue(first.delivered() < 15, "the lease of 5.8 s holds about 9 attempts of 0.3 s with 2.9 s to spare: "
        + first);
    List<Receipt> got = receiver.receipts("slow");
    assertEquals(15, got.size());
    assertEquals(15, got.stream().map(Receipt::webhookId).distinct().count(), "no delivery sent twice");
  }

  @Test
  void aSubscriptionNamesOnlyThePrincipalsTriggersAndAValidUrl() {
    InvalidValueException e = assertThrows(InvalidValueException.class, () -> world.webhooks().subscribe(
        world.key(), SubscriptionDraft.builder().principalId(INKWELL).endpointUrl("https://print.example/hook")
            .addEventTypes("rsvp.submitted").build()));
    assertEquals("draft.eventTypes", e.field());
    assertTrue(e.getMessage().contains("rsvp.submitted"), e.getMessage());
    InvalidValueException url = assertThrows(InvalidValueException.class, () -> SubscriptionDraft.builder()
        .principalId(INKWELL).endpointUrl("ftp://print.example/hook").addEventTypes("printable.generated").build());
    assertEquals("endpointUrl", url.field());
    assertEquals(List.of(), world.webhooks().subscriptions(DeliveryQuery.builder().build()));
    InvalidValueException data = assertThrows(InvalidValueException.class, () -> world.workspace.events().publish(
        TENANT, BusinessEvent.builder().type("printable.generated").placement(
            dev.partnerkit.domain.Placement.inOccasion(WEDDING)).dataClass(DataClass.PRINT_ASSET).subjectId("a")
            .data("[1]").build()));
    assertEquals("event.data", data.field());
    InvalidValueException lease = assertThrows(InvalidValueException.class, () -> world.relay()
        .lease(Duration.ofMillis(100)).build());
    assertEquals("lease", lease.field());
    assertEquals(Set.of(), Set.copyOf(world.storage.outbox().claimPending(TENANT, 500).stream()
        .filter(ev -> ev.type().equals("printable.generated")).toList()));
  }
}
