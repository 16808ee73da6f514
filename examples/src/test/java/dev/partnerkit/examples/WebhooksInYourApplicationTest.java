package dev.partnerkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
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
import dev.partnerkit.jdbc.JdbcStorage;
import dev.partnerkit.jdbc.SchemaInstaller;
import dev.partnerkit.policy.workspace.BusinessEvent;
import dev.partnerkit.policy.workspace.CommandResult;
import dev.partnerkit.policy.workspace.DirectoryCommands;
import dev.partnerkit.policy.workspace.GrantDraft;
import dev.partnerkit.policy.workspace.OperatorConsole;
import dev.partnerkit.policy.workspace.PartnerWorkspace;
import dev.partnerkit.policy.workspace.SubscriptionDraft;
import dev.partnerkit.policy.workspace.WebhookRelay;
import dev.partnerkit.spi.PartnerkitStorage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * The README's webhook blocks, run: {@code webhooks} (subscribe, grant from the printer preset, publish in the
 * host's unit of work, run a relay) and {@code verify-webhook} (a receiver's check in plain javax.crypto), each the
 * body of a method here, compared with the README line by line.
 */
class WebhooksInYourApplicationTest {
  private static final Path SELF = Path.of("src/test/java/dev/partnerkit/examples/WebhooksInYourApplicationTest.java");
  private static final Path README = Path.of("..", "README.md");

  private record Request(Map<String, String> headers, String body) {}

  private static String deliver(PartnerkitStorage storage, PartnerWorkspace workspace, OperatorConsole ops,
      TenantId toni, OccasionId wedding, PartnerId inkwell, IntegrationPrincipalId inkwellSync, String endpointUrl) {
    // webhooks: begin
    // Maya subscribes the endpoint of Inkwell's print integration (a stored principal with the printer preset's
    // triggers) and issues its grant from the printer preset: read-only, print outputs of the wedding only.
    DirectoryCommands directory = ops.directory(wedding);
    CommandResult subscribed = directory.webhooks().subscribe("cmd-8a01", SubscriptionDraft.builder()
        .principalId(inkwellSync).endpointUrl(endpointUrl).addEventTypes(BusinessEvent.PRINTABLE_GENERATED).build());
    String secret = directory.webhooks().subscription(subscribed.recordId().orElseThrow()).orElseThrow().secret();
    CommandResult issued = ops.issuePresetGrant("cmd-8a02", IntegrationPreset.PRINTER, GrantDraft.builder()
        .partnerId(inkwell).integrationPrincipal(inkwellSync)
        .scope(IntegrationPreset.PRINTER.scope(wedding, Set.of())).validFrom(Instant.now()).build(), Optional.empty());
    ops.activateGrant("cmd-8a03", GrantId.of(issued.recordId().orElseThrow()));

    // Your service publishes its business event in its own unit of work (joined: inside your transaction).
    storage.unitOfWork().inTransaction(() -> workspace.events().publish(toni, BusinessEvent.builder()
        .type(BusinessEvent.PRINTABLE_GENERATED)
        .placement(Placement.builder().occasionId(wedding).resourceId(ResourceId.of("art-invitation-v3")).build())
        .dataClass(DataClass.PRINT_ASSET).subjectId("art-invitation-v3").data("{\"pages\":4}").build()));

    // Every instance may run relays; they share the work through the database.
    try (WebhookRelay relay = workspace.webhookRelay().allowLoopbackTargets(true).build()) {  // the receiver is local
      relay.runOnce();                       // or relay.start(Duration.ofSeconds(1)): a loop on a daemon thread
    }
    return secret;
    // webhooks: end
  }

  private static boolean verify(String secret, Map<String, String> headers, String body)
      throws GeneralSecurityException {
    // verify-webhook: begin
    String id = headers.get("webhook-id");
    String timestamp = headers.get("webhook-timestamp");
    if (Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) > 300) {
      return false;                          // older than five minutes (or from the future): refuse a replay
    }
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
    String expected = "v1," + Base64.getEncoder().encodeToString(
        mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    for (String signature : headers.get("webhook-signature").split(" ")) {   // two during a secret rotation
      if (MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
          signature.getBytes(StandardCharsets.UTF_8))) {
        return true;                         // then deduplicate by webhook-id: a retry repeats it
      }
    }
    return false;
    // verify-webhook: end
  }

  @Test
  void theBlocksDeliverASignedPrintableGeneratedThatTheReceiverVerifies() throws Exception {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:webhooks-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    SchemaInstaller.install(ds);
    PartnerkitStorage storage = JdbcStorage.builder((DataSource) ds).build();
    PartnerWorkspace workspace = PartnerWorkspace.builder().storage(storage).clock(Clock.systemUTC()).build();
    TenantId toni = TenantId.of("toni-catering");
    storage.directory().saveTenant(Tenant.of(toni, "Toni Catering", ZoneId.of("America/Chicago")));
    OccasionId wedding = OccasionId.of("occ-rivera-wedding");
    PartnerId inkwell = PartnerId.of("p-inkwell");
    IntegrationPrincipalId inkwellSync = IntegrationPrincipalId.of("ip-inkwell-sync");
    storage.directory().savePartner(Partner.builder().tenantId(toni).partnerId(inkwell).name("Inkwell Printing")
        .kind(PartnerKind.PRINTER).build());
    storage.directory().insertPrincipal(IntegrationPrincipal.builder().tenantId(toni).principalId(inkwellSync)
        .partnerId(inkwell).name("Inkwell print sync").triggers(IntegrationPreset.PRINTER.triggers()).build());
    OperatorConsole ops = workspace.operator(OperatorUser.builder().userId(UserId.of("u-maya")).tenantId(toni)
        .displayName("Maya").addRoles(OperatorRole.OWNER_OPS_LEAD).build());
    ops.setEntitlements("cmd-8a00", wedding, Set.of(Entitlement.MULTI_USER_SUPPORT));

    List<Request> received = new CopyOnWriteArrayList<>();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
    server.createContext("/inkwell", exchange -> {
      try (exchange) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, v.get(0)));
        received.add(new Request(headers, new String(exchange.getRequestBody().readAllBytes(),
            StandardCharsets.UTF_8)));
        exchange.sendResponseHeaders(204, -1);
      }
    });
    server.start();
    try {
      String secret = deliver(storage, workspace, ops, toni, wedding, inkwell, inkwellSync,
          "http://127.0.0.1:" + server.getAddress().getPort() + "/inkwell");
      assertEquals(1, received.size());
      Request r = received.get(0);
      assertTrue(verify(secret, r.headers(), r.body()), r.toString());
      assertFalse(verify(secret, r.headers(), r.body().replace("4", "5")), "a changed body fails");
      assertTrue(r.body().contains("\"type\":\"printable.generated\""), r.body());
    } finally {
      server.stop(0);
    }
  }

  @Test
  void theReadmeBlocksAreThisTestsCode() throws IOException {
    for (String marker : List.of("webhooks", "verify-webhook")) {
      assertEquals(ownBlock(marker), readmeBlock(marker), "README.md's " + marker + " block and this test differ");
    }
  }

  private static List<String> ownBlock(String marker) throws IOException {
    List<String> lines = Files.readAllLines(SELF);
    int begin = lines.indexOf("    // " + marker + ": begin");
    int end = lines.indexOf("    // " + marker + ": end");
    assertTrue(begin > 0 && end > begin, "markers " + marker + " in " + SELF);
    List<String> block = new ArrayList<>();
    for (String line : lines.subList(begin + 1, end)) {
      assertTrue(line.isEmpty() || line.startsWith("    "), "indented: " + line);
      block.add(line.isEmpty() ? line : line.substring(4));
    }
    return block;
  }

  private static List<String> readmeBlock(String marker) throws IOException {
    Matcher m = Pattern.compile("<!-- " + marker + ": begin[^>]*-->\\s*```java\\n(.*?)\\n```\\s*<!-- " + marker
        + ": end -->", Pattern.DOTALL).matcher(Files.readString(README));
    assertTrue(m.find(), "README has a java block between the " + marker + " markers");
    return List.of(m.group(1).split("\n", -1));
  }
}
