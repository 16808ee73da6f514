package dev.partnerkit.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnerkit.domain.DataClass;
import dev.partnerkit.domain.Entitlement;
import dev.partnerkit.domain.GrantId;
import dev.partnerkit.domain.IntegrationPreset;
import dev.partnerkit.domain.IntegrationPrincipal;
import dev.partnerkit.domain.IntegrationPrincipalId;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.OperatorRole;
import dev.partnerkit.domain.OperatorUser;
import dev.partnerkit.domain.Partner;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.PartnerKind;
import dev.partnerkit.domain.Placement;
import dev.partnerkit.domain.ResourceId;
import dev.partnerkit.domain.Tenant;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.UserId;
import dev.partnerkit.policy.workspace.BusinessEvent;
import dev.partnerkit.policy.workspace.CommandResult;
import dev.partnerkit.policy.workspace.GrantDraft;
import dev.partnerkit.policy.workspace.OperatorConsole;
import dev.partnerkit.policy.workspace.PartnerWorkspace;
import dev.partnerkit.policy.workspace.RetrySchedule;
import dev.partnerkit.policy.workspace.SubscriptionDraft;
import dev.partnerkit.policy.workspace.WebhookRelay;
import dev.partnerkit.spi.DeliveryAttempt;
import dev.partnerkit.spi.DeliveryQuery;
import dev.partnerkit.spi.WebhookSubscription;
import dev.partnerkit.tck.WebhookReceiver;
import dev.partnerkit.tck.WebhookReceiver.Behaviour;
import dev.partnerkit.tck.WebhookReceiver.Receipt;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * H2's equivalent of the PostgreSQL claim: relays on two instances over one H2 database (whose row locks make a
 * second claim wait rather than skip) still send every event once, and every failed first attempt is retried once,
 * with the same webhook-id.
 */
class WebhookRelayH2Test {
  private static final OccasionId WEDDING = OccasionId.of("occ-wedding");
  private static final int EVENTS = 400;

  @Test
  void twoInstancesOnH2DeliverEveryEventOnceAndRetryWithTheSameId() throws Exception {
    DataSource database = TestDatabases.freshH2();
    SchemaInstaller.install(database);
    Clock clock = Clock.systemUTC();
    JdbcStorage a = JdbcStorage.builder(database).build();
    JdbcStorage b = JdbcStorage.builder(database).build();
    PartnerWorkspace instanceA = PartnerWorkspace.builder().storage(a).clock(clock).build();
    PartnerWorkspace instanceB = PartnerWorkspace.builder().storage(b).clock(clock).build();
    TenantId tenant = TenantId.of("toni-catering");
    a.directory().saveTenant(Tenant.of(tenant, "Toni Catering", ZoneId.of("America/Chicago")));
    PartnerId inkwell = PartnerId.of("p-inkwell");
    IntegrationPrincipalId sync = IntegrationPrincipalId.of("ip-inkwell");
    a.directory().savePartner(Partner.builder().tenantId(tenant).partnerId(inkwell).name("Inkwell")
        .kind(PartnerKind.PRINTER).build());
    a.directory().insertPrincipal(IntegrationPrincipal.builder().tenantId(tenant).principalId(sync)
        .partnerId(inkwell).name("Inkwell sync").triggers(IntegrationPreset.PRINTER.triggers()).build());
    OperatorConsole ops = instanceA.operator(OperatorUser.builder().userId(UserId.of("u-maya")).tenantId(tenant)
        .displayName("Maya").addRoles(OperatorRole.OWNER_OPS_LEAD).build());
    assertTrue(ops.setEntitlements("k-1", WEDDING, Set.of(Entitlement.MULTI_USER_SUPPORT)).applied());
    CommandResult issued = ops.issuePresetGrant("k-2", IntegrationPreset.PRINTER, GrantDraft.builder()
        .partnerId(inkwell).integrationPrincipal(sync).scope(IntegrationPreset.PRINTER.scope(WEDDING, Set.of()))
        .validFrom(clock.instant().minusSeconds(60)).build(), Optional.empty());
    assertTrue(ops.activateGrant("k-3", GrantId.of(issued.recordId().orElseThrow())).applied());
    try (WebhookReceiver receiver = WebhookReceiver.start()) {
      String url = receiver.endpoint("h2", Behaviour.failFirstTimeWhere("\"retry\":true", 503));
      CommandResult subscribed = ops.directory(WEDDING).webhooks().subscribe("k-4", SubscriptionDraft.builder()
          .principalId(sync).endpointUrl(url).addEventTypes(BusinessEvent.PRINTABLE_GENERATED).build());
      WebhookSubscription s = ops.directory(WEDDING).webhooks().subscription(subscribed.recordId().orElseThrow())
          .orElseThrow();
      receiver.accept("h2", s.secret());
      for (int i = 0; i < EVENTS; i++) {
        (i % 2 == 0 ? instanceA : instanceB).events().publish(tenant, BusinessEvent.builder()
            .type(BusinessEvent.PRINTABLE_GENERATED).placement(Placement.builder().occasionId(WEDDING)
                .resourceId(ResourceId.of("art-" + i)).build()).dataClass(DataClass.PRINT_ASSET)
            .subjectId("art-" + i).data("{\"retry\":" + (i % 4 == 0) + "}").build());
      }
      List<WebhookRelay> relays = List.of(relay(instanceA, "h2-a", clock), relay(instanceB, "h2-b", clock));
      relays.forEach(r -> r.start(Duration.ofMillis(10)));
      long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
      try {
        while (receiver.receipts("h2").size() < EVENTS + EVENTS / 4 && System.nanoTime() < deadline) {
          Thread.sleep(100);
        }
        Thread.sleep(500);
      } finally {
        relays.forEach(WebhookRelay::close);
      }
      List<Receipt> got = receiver.receipts("h2");
      assertEquals(EVENTS + EVENTS / 4, got.size(), "every event once, every failed first attempt once more");
      Map<String, Long> perId = got.stream().collect(Collectors.groupingBy(Receipt::webhookId,
          Collectors.counting()));
      assertEquals(EVENTS, perId.size());
      assertEquals(EVENTS / 4, perId.values().stream().filter(n -> n == 2).count());
      assertTrue(got.stream().allMatch(Receipt::verified));
      List<DeliveryAttempt> log = ops.directory(WEDDING).webhooks().attempts(DeliveryQuery.builder()
          .limit(DeliveryQuery.MAX_LIMIT).build());
      assertEquals(got.size(), log.size(), "one logged attempt per request");
    }
  }

  private static WebhookRelay relay(PartnerWorkspace workspace, String id, Clock clock) {
    return workspace.webhookRelay().relayId(id).clock(clock).jitter(() -> 0.5).allowLoopbackTargets(true)
        .schedule(new RetrySchedule(Duration.ofMillis(50), Duration.ofSeconds(1), 4, 0.5))
        .timeouts(Duration.ofSeconds(1), Duration.ofSeconds(2)).batchSize(50).build();
  }
}
