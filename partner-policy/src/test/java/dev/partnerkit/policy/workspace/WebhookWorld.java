package dev.partnerkit.policy.workspace;

import static dev.partnerkit.policy.workspace.WorkspaceWorld.ACME;
import static dev.partnerkit.policy.workspace.WorkspaceWorld.FROM;
import static dev.partnerkit.policy.workspace.WorkspaceWorld.TENANT;
import static dev.partnerkit.policy.workspace.WorkspaceWorld.WEDDING;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnerkit.domain.DataClass;
import dev.partnerkit.domain.GrantId;
import dev.partnerkit.domain.IntegrationPreset;
import dev.partnerkit.domain.IntegrationPrincipal;
import dev.partnerkit.domain.IntegrationPrincipalId;
import dev.partnerkit.domain.Placement;
import dev.partnerkit.domain.ResourceId;
import dev.partnerkit.spi.PartnerkitStorage;
import dev.partnerkit.spi.WebhookSubscription;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** Inkwell's print integration (Acme's machine principal, printer preset) in the workspace world, and its webhook. */
class WebhookWorld extends WorkspaceWorld {
  static final IntegrationPrincipalId INKWELL = IntegrationPrincipalId.of("ip-inkwell");
  static final ResourceId ARTIFACT = ResourceId.of("art-invitation-v3");

  WebhookWorld(PartnerkitStorage storage) {
    super(storage);
    storage.directory().insertPrincipal(IntegrationPrincipal.builder().tenantId(TENANT).principalId(INKWELL)
        .partnerId(ACME).name("Inkwell print sync").triggers(IntegrationPreset.PRINTER.triggers()).build());
  }

  /** Issues and activates Inkwell's grant from the printer preset, for the whole wedding. */
  GrantId printerGrant() {
    CommandResult issued = ops.issuePresetGrant(key(), IntegrationPreset.PRINTER, GrantDraft.builder()
        .partnerId(ACME).integrationPrincipal(INKWELL).scope(IntegrationPreset.PRINTER.scope(WEDDING, Set.of()))
        .validFrom(FROM).build(), Optional.empty());
    assertTrue(issued.applied(), issued.decision().render());
    GrantId id = GrantId.of(issued.recordId().orElseThrow());
    assertTrue(ops.activateGrant(key(), id).applied());
    return id;
  }

  WebhookCommands webhooks() {
    return ops.directory(WEDDING).webhooks();
  }

  /** Subscribes Inkwell's endpoint at {@code url} to printable.generated; returns the stored subscription. */
  WebhookSubscription subscribe(String url) {
    CommandResult subscribed = webhooks().subscribe(key(), SubscriptionDraft.builder().principalId(INKWELL)
        .endpointUrl(url).addEventTypes(BusinessEvent.PRINTABLE_GENERATED).build());
    assertTrue(subscribed.applied(), subscribed.decision().render());
    return webhooks().subscription(subscribed.recordId().orElseThrow()).orElseThrow();
  }

  /** Publishes printable.generated for the invitation artifact. */
  String printable(String pages) {
    return printable(DataClass.PRINT_ASSET, pages);
  }

  String printable(DataClass dataClass, String pages) {
    return workspace.events().publish(TENANT, BusinessEvent.builder().type(BusinessEvent.PRINTABLE_GENERATED)
        .placement(Placement.builder().occasionId(WEDDING).resourceId(ARTIFACT).build()).dataClass(dataClass)
        .subjectId(ARTIFACT.value()).data("{\"artifact\":\"" + ARTIFACT.value() + "\",\"pages\":" + pages + "}")
        .build());
  }

  /** A relay with the world's clock, fixed jitter, loopback allowed and short timeouts. */
  WebhookRelay.Builder relay() {
    return workspace.webhookRelay().relayId("relay-test").clock(clock).jitter(() -> 0.5)
        .allowLoopbackTargets(true).timeouts(Duration.ofMillis(500), Duration.ofMillis(400))
        .schedule(new RetrySchedule(Duration.ofSeconds(1), Duration.ofMinutes(1), 4, 0.5)).concurrency(2);
  }
}
