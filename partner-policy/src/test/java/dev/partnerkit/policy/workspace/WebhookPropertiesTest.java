package dev.partnerkit.policy.workspace;

import static dev.partnerkit.policy.workspace.WebhookWorld.ARTIFACT;
import static dev.partnerkit.policy.workspace.WebhookWorld.INKWELL;
import static dev.partnerkit.policy.workspace.WorkspaceWorld.ACME;
import static dev.partnerkit.policy.workspace.WorkspaceWorld.CEREMONY;
import static dev.partnerkit.policy.workspace.WorkspaceWorld.RECEPTION;
import static dev.partnerkit.policy.workspace.WorkspaceWorld.TENANT;
import static dev.partnerkit.policy.workspace.WorkspaceWorld.WEDDING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.quicktheories.QuickTheory.qt;

import dev.partnerkit.domain.AccessGrant;
import dev.partnerkit.domain.DataClass;
import dev.partnerkit.domain.Decision;
import dev.partnerkit.domain.EventId;
import dev.partnerkit.domain.GrantId;
import dev.partnerkit.domain.GrantScope;
import dev.partnerkit.domain.GrantStatus;
import dev.partnerkit.domain.Placement;
import dev.partnerkit.domain.ReasonCode;
import dev.partnerkit.domain.Surface;
import dev.partnerkit.domain.UserId;
import dev.partnerkit.spi.WebhookSubscription;
import dev.partnerkit.spi.memory.InMemoryStorage;
import dev.partnerkit.tck.WebhookReceiver;
import dev.partnerkit.tck.WebhookReceiver.Receipt;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

/**
 * Over random grants of Inkwell's integration principal and random events: a forbidden data class never reaches the
 * principal, neither in a read nor in a webhook, and a webhook arrives exactly when a read of the same resource is
 * allowed (webhooks are filtered by the same grants as the portal), as a model computed here from the generated data
 * alone predicts.
 */
class WebhookPropertiesTest {
  private static final long SEED = Long.getLong("partnerkit.seed", 20261201L);
  private static final List<DataClass> CLASSES = List.of(DataClass.values());
  private static final List<DataClass> ALLOWED_CLASSES = CLASSES.stream().filter(c -> !c.forbiddenForIntegrations())
      .toList();
  private static final List<EventId> EVENTS = List.of(RECEPTION, CEREMONY);
  private static final List<GrantStatus> STATUSES = List.of(GrantStatus.ACTIVE, GrantStatus.ACTIVE,
      GrantStatus.SUSPENDED, GrantStatus.REVOKED, GrantStatus.PENDING);
  private static final WebhookReceiver RECEIVER = WebhookReceiver.start();
  private static final AtomicInteger ENDPOINTS = new AtomicInteger();

  private record G(GrantStatus status, Set<EventId> events, Set<DataClass> classes) {}

  /** An event of a class, in one event of the occasion or in none. */
  private record E(DataClass dataClass, Optional<EventId> event) {}

  private record Case(List<G> grants, List<E> events) {}

  @AfterAll
  static void stop() {
    RECEIVER.close();
  }

  private static int between(RandomnessSource in, int lo, int hi) {
    return Generate.range(lo, hi).generate(in);
  }

  private static Gen<Case> cases() {
    return in -> {
      List<G> grants = new ArrayList<>();
      for (int i = between(in, 0, 3); i > 0; i--) {
        Set<EventId> events = new java.util.HashSet<>();
        EVENTS.forEach(e -> {
          if (between(in, 0, 2) == 0) {
            events.add(e);
          }
        });
        Set<DataClass> classes = EnumSet.noneOf(DataClass.class);
        ALLOWED_CLASSES.forEach(c -> {
          if (between(in, 0, 3) == 0) {
            classes.add(c);
          }
        });
        grants.add(new G(STATUSES.get(between(in, 0, STATUSES.size() - 1)), events, classes));
      }
      List<E> events = new ArrayList<>();
      for (int i = between(in, 1, 6); i > 0; i--) {
        int where = between(in, 0, 2);
        events.add(new E(CLASSES.get(between(in, 0, CLASSES.size() - 1)),
            where == 2 ? Optional.empty() : Optional.of(EVENTS.get(where))));
      }
      return new Case(grants, events);
    };
  }

  /** The model: an active grant of the principal whose events and named classes cover the event; never forbidden. */
  private static boolean covered(Case c, E e) {
    if (e.dataClass().forbiddenForIntegrations()) {
      return false;
    }
    return c.grants().stream().anyMatch(g -> g.status() == GrantStatus.ACTIVE && g.classes().contains(e.dataClass())
        && (g.events().isEmpty() || e.event().map(g.events()::contains).orElse(false)));
  }

  @Test
  void forbiddenClassesNeverReachAPrincipalAndWebhooksFollowTheSameGrantsAsReads() {
    qt().withFixedSeed(SEED).withExamples(60).forAll(cases()).checkAssert(c -> {
      WebhookWorld world = new WebhookWorld(InMemoryStorage.create());
      Instant from = world.clock.instant().minusSeconds(3600);
      int n = 0;
      for (G g : c.grants()) {
        world.storage.grants().insert(AccessGrant.builder().grantId(GrantId.of("g-" + (++n))).tenantId(TENANT)
            .partnerId(ACME).integrationPrincipal(INKWELL).scope(GrantScope.builder().occasionId(WEDDING)
                .events(g.events()).addSurfaces(Surface.DOCUMENTS).dataClasses(g.classes()).build())
            .status(g.status()).validFrom(from).issuedBy(UserId.of("u-maya")).build());
      }
      String name = "prop-" + ENDPOINTS.incrementAndGet();
      WebhookSubscription s = world.subscribe(RECEIVER.endpoint(name, WebhookReceiver.Behaviour.ok()));
      RECEIVER.accept(name, s.secret());
      List<String> subjects = new ArrayList<>();
      for (int i = 0; i < c.events().size(); i++) {
        E e = c.events().get(i);
        String subject = "ev-" + i;
        subjects.add(subject);
        world.workspace.events().publish(TENANT, BusinessEvent.builder().type(BusinessEvent.PRINTABLE_GENERATED)
            .placement(Placement.builder().occasionId(WEDDING).eventId(e.event()).resourceId(ARTIFACT).build())
            .dataClass(e.dataClass()).subjectId(subject).build());
      }
      try (WebhookRelay relay = world.relay().build()) {
        relay.runOnce();
      }
      List<Receipt> got = RECEIVER.receipts(name);
      Optional<PartnerSession> session = world.workspace.openIntegrationSession(TENANT, INKWELL, WEDDING).session();
      for (int i = 0; i < c.events().size(); i++) {
        E e = c.events().get(i);
        String subject = subjects.get(i);
        long received = got.stream().filter(r -> r.body().contains("\"subjectId\":\"" + subject + "\"")).count();
        Decision read = session.map(p -> p.readResource(Placement.builder().occasionId(WEDDING).eventId(e.event())
            .resourceId(ARTIFACT).build(), e.dataClass())).orElse(null);
        boolean readAllowed = read != null && read.allowed();
        boolean expected = covered(c, e);
        assertEquals(expected ? 1 : 0, received, () -> "webhook of " + e + " under " + c);
        assertEquals(expected, readAllowed, () -> "read of " + e + " under " + c);
        if (e.dataClass().forbiddenForIntegrations()) {
          assertEquals(0, received);
          assertFalse(readAllowed);
          if (read != null) {
            assertEquals(ReasonCode.DATA_CLASS_FORBIDDEN, read.reason());
          }
        }
      }
      assertEquals(true, got.stream().allMatch(Receipt::verified));
    });
  }
}
