package dev.partnerkit.policy;

import static dev.partnerkit.policy.Generators.between;
import static dev.partnerkit.policy.Generators.oneOf;
import static dev.partnerkit.policy.Generators.partnerOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import dev.partnerkit.domain.AccessGrant;
import dev.partnerkit.domain.AccessRequest;
import dev.partnerkit.domain.Actor;
import dev.partnerkit.domain.ActorKind;
import dev.partnerkit.domain.Decision;
import dev.partnerkit.domain.GrantStatus;
import dev.partnerkit.domain.ImmutableAccessGrant;
import dev.partnerkit.domain.ImmutableAccessRequest;
import dev.partnerkit.domain.ImmutableIntegrationPrincipal;
import dev.partnerkit.domain.ImmutablePartnerMember;
import dev.partnerkit.domain.IntegrationPrincipal;
import dev.partnerkit.domain.PartnerCapability;
import dev.partnerkit.domain.PartnerMember;
import dev.partnerkit.domain.SourceTruth;
import dev.partnerkit.domain.Surface;
import dev.partnerkit.policy.surface.tasks.TaskStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Properties of the decision core over random grants and requests. */
class DecisionPropertiesTest {
  static final int EXAMPLES = Integer.getInteger("partnerkit.examples", 1000);
  /** Fixed so that a failure reproduces; change it (or set -Dpartnerkit.seed) to explore. */
  static final long SEED = Long.getLong("partnerkit.seed", 20261110L);
  private static final AtomicInteger ALLOWED_PARTNER_SIDE = new AtomicInteger();

  static QuickTheory theory() {
    return qt().withFixedSeed(SEED).withExamples(EXAMPLES);
  }

  /**
   * An independent statement of when one grant fully covers a partner-side request: active, inside its window, same
   * tenant, same partner, covering the actor, the occasion, event, resource and surface, and the capability. A read
   * about no record is a listing: the caller keeps only the records a per-record view allows, so event (resource)
   * narrowing binds only when the listing names an event (resource). A write, or a read about one record, must sit
   * exactly inside the narrowed scope: no event is outside every event-narrowed grant. A view without a surface opens
   * the occasion and needs no surface or capability.
   */
  static boolean covers(AccessGrant g, AccessRequest r, java.time.Instant now) {
    Actor actor = r.actor();
    if (g.status() != GrantStatus.ACTIVE || now.isBefore(g.validFrom())
        || g.validUntil().map(u -> !now.isBefore(u)).orElse(false)) {
      return false;
    }
    if (!g.tenantId().equals(r.tenantId()) || !g.partnerId().equals(partnerOf(actor))) {
      return false;
    }
    boolean actorCovered = actor instanceof IntegrationPrincipal
        ? g.integrationPrincipal().equals(java.util.Optional.of(((IntegrationPrincipal) actor).principalId()))
        : g.integrationPrincipal().isEmpty()
            && (g.members().isEmpty() || g.members().contains(((PartnerMember) actor).userId()));
    if (!actorCovered || !g.scope().occasionId().equals(r.occasionId())) {
      return false;
    }
    boolean listing = r.intent() == dev.partnerkit.domain.IntentKind.VIEW && r.record().isEmpty();
    if (!g.scope().events().isEmpty()
        && !r.eventId().map(g.scope().events()::contains).orElse(listing)) {
      return false;
    }
    if (!g.scope().resources().isEmpty()
        && !r.resourceId().map(g.scope().resources()::contains).orElse(listing)) {
      return false;
    }
    Surface surface = r.surface().orElse(null);
    if (surface == null) {
      return r.intent() == dev.partnerkit.domain.IntentKind.VIEW;
    }
    return g.scope().surfaces().contains(surface)
        && surface.requiredCapability().map(g.capabilities()::contains).orElse(true);
  }

  @Test
  void defaultDeny() {
    theory().forAll(Generators.partnerSideWorlds()).checkAssert(w -> {
      Decision d = w.decide();
      if (w.request().intent().onOrganisation()) {
        // a member's own memberships reach no occasion data: no grant is asked, and none is named
        assertTrue(d.grantId().isEmpty(), d::render);
        return;
      }
      boolean anyCovers = w.grants().stream().anyMatch(g -> covers(g, w.request(), w.now()));
      if (!anyCovers) {
        assertFalse(d.allowed(), d::render);
      }
      if (d.allowed()) {
        ALLOWED_PARTNER_SIDE.incrementAndGet();
        AccessGrant behind = w.grants().stream().filter(g -> g.grantId().equals(d.grantId().orElseThrow()))
            .findFirst().orElseThrow();
        assertTrue(covers(behind, w.request(), w.now()), "the grant behind an allow covers the request");
      }
    });
  }

  @Test
  void pendingSuspendedRevokedExpiredAndOtherTenantGrantsNeverAllow() {
    Gen<List<AccessGrant>> spoiled = in -> {
      List<AccessGrant> gs = Generators.grants(in);
      List<AccessGrant> out = new ArrayList<>();
      for (AccessGrant g : gs) {
        if (Generators.chance(in, 25)) {
          out.add(ImmutableAccessGrant.copyOf(g).withTenantId(Fixtures.OTHER_TENANT));
        } else {
          out.add(ImmutableAccessGrant.copyOf(g).withStatus(oneOf(in, List.of(GrantStatus.PENDING,
              GrantStatus.SUSPENDED, GrantStatus.REVOKED, GrantStatus.EXPIRED))));
        }
      }
      return out;
    };
    theory().forAll(Generators.partnerSideWorlds(), spoiled).checkAssert((w, grants) -> {
      Decision d = w.decideWith(grants);
      // inviting and accepting are decided on the stored membership, never on grants
      boolean organisation = w.request().intent() == dev.partnerkit.domain.IntentKind.INVITE_MEMBER
          || w.request().intent() == dev.partnerkit.domain.IntentKind.ACCEPT_INVITATION;
      assertFalse(d.allowed() && !(organisation && d.reason() == dev.partnerkit.domain.ReasonCode.ALLOWED_FOR_MEMBER),
          d::render);
    });
  }

  @Test
  void addingAGrantNeverTurnsAnAllowIntoABlock() {
    theory().forAll(Generators.worlds(), Generators.grants()).checkAssert((w, extra) -> {
      Decision before = w.decide();
      List<AccessGrant> more = new ArrayList<>(w.grants());
      more.add(ImmutableAccessGrant.copyOf(extra).withGrantId(dev.partnerkit.domain.GrantId.of("g-extra")));
      Decision after = w.decideWith(more);
      if (before.allowed()) {
        assertTrue(after.allowed(), after::render);
      }
    });
  }

  @Test
  void revokingAGrantNeverTurnsABlockIntoAnAllow() {
    theory().forAll(Generators.worlds(), Generate.range(0, 15)).checkAssert((w, mask) -> {
      Decision before = w.decide();
      List<AccessGrant> revoked = new ArrayList<>();
      for (int i = 0; i < w.grants().size(); i++) {
        AccessGrant g = w.grants().get(i);
        if ((mask & (1 << i)) == 0) {
          revoked.add(g);
        } else if (g.status().canMoveTo(GrantStatus.REVOKED)) {
          revoked.add(g.moveTo(GrantStatus.REVOKED));
        } else {
          revoked.add(ImmutableAccessGrant.copyOf(g).withStatus(GrantStatus.REVOKED));
        }
      }
      Decision after = w.decideWith(revoked);
      if (w.request().intent().onOrganisation()) {
        assertEquals(before.allowed(), after.allowed(), "grants do not decide a member's own memberships");
        return;
      }
      if (!before.allowed()) {
        assertFalse(after.allowed(), after::render);
      }
      if (after.allowed() && w.partnerSide()) {
        assertNotEquals(GrantStatus.REVOKED, revoked.stream()
            .filter(g -> g.grantId().equals(after.grantId().orElseThrow())).findFirst().orElseThrow().status());
      }
    });
  }

  @Test
  void decisionsDoNotDependOnGrantOrderOrDuplicates() {
    theory().forAll(Generators.worlds(), Generate.longRange(0, Long.MAX_VALUE)).checkAssert((w, seed) -> {
      Decision before = w.decide();
      Random random = new Random(seed);
      List<AccessGrant> shuffled = new ArrayList<>(w.grants());
      for (AccessGrant g : w.grants()) {
        if (random.nextBoolean()) {
          shuffled.add(g);
        }
      }
      Collections.shuffle(shuffled, random);
      assertEquals(before, w.decideWith(shuffled));
    });
  }

  @Test
  void equalRequestsGetEqualDecisionsWhateverTheOrderOfTheirPrerequisites() {
    AtomicInteger reordered = new AtomicInteger();
    theory().forAll(Generators.worlds()).checkAssert(w -> {
      dev.partnerkit.domain.RecordAction action = w.request().record().orElse(null);
      if (action == null || action.openPrerequisites().size() < 2) {
        return;
      }
      List<dev.partnerkit.domain.RecordRef> reversed = new ArrayList<>(action.openPrerequisites());
      Collections.reverse(reversed);
      AccessRequest same = ImmutableAccessRequest.copyOf(w.request()).withRecord(
          dev.partnerkit.domain.ImmutableRecordAction.copyOf(action).withOpenPrerequisites(reversed));
      assertEquals(w.request(), same);
      reordered.incrementAndGet();
      Decision d = w.decide();
      Decision again = w.withRequest(same).decide();
      assertEquals(d, again, () -> d.render() + "\n---\n" + again.render());
    });
    assertTrue(reordered.get() > 20, "requests with several prerequisites: " + reordered.get());
  }

  @Test
  void noPartnerSideSequenceOfMovesEverReachesApproved() {
    AccessGrant people = Fixtures.wideGrant("g-1").build();
    AccessGrant machines = Fixtures.wideGrant("g-2").integrationPrincipal(Fixtures.ACME_BOT.principalId()).build();
    DecisionFacts facts = Fixtures.taskFacts(people, machines);
    AccessDecider decider = AccessDecider.create();
    Gen<Actor> actors = in -> Generators.chance(in, 50)
        ? ImmutablePartnerMember.copyOf(Fixtures.DANA).withMembershipRole(oneOf(in,
            dev.partnerkit.domain.MembershipRole.class)).withCanManageEvents(Generators.chance(in, 50))
        : ImmutableIntegrationPrincipal.copyOf(Fixtures.ACME_BOT);
    Gen<List<TaskStatus>> targets = in -> {
      List<TaskStatus> out = new ArrayList<>();
      int n = between(in, 1, 16);
      for (int i = 0; i < n; i++) {
        out.add(oneOf(in, TaskStatus.class));
      }
      return out;
    };
    Gen<TaskStatus> starts = Generate.pick(List.of(TaskStatus.TO_DO, TaskStatus.IN_PROGRESS, TaskStatus.BLOCKED,
        TaskStatus.SUBMITTED));
    AtomicInteger moved = new AtomicInteger();
    theory().forAll(actors, starts, targets).checkAssert((actor, start, sequence) -> {
      TaskStatus status = start;
      for (TaskStatus to : sequence) {
        Decision d = decider.decide(Fixtures.move(actor, status, to), facts, Fixtures.NOW);
        if (d.allowed()) {
          moved.incrementAndGet();
          status = to;
        }
        assertNotEquals(TaskStatus.APPROVED, status, d::render);
      }
    });
    assertTrue(moved.get() > EXAMPLES, "the sequences do move tasks: " + moved.get());
  }

  @Test
  void noPartnerOrIntegrationRequestWithEffectsIsEverAllowed() {
    Gen<Set<SourceTruth>> effects = in -> {
      Set<SourceTruth> out = EnumSet.noneOf(SourceTruth.class);
      out.addAll(Generators.subset(in, List.of(SourceTruth.values())));
      if (out.isEmpty()) {
        out.add(oneOf(in, SourceTruth.class));
      }
      return out;
    };
    theory().forAll(Generators.partnerSideWorlds(), effects).checkAssert((w, truths) -> {
      AccessRequest request = ImmutableAccessRequest.copyOf(w.request()).withEffects(truths);
      Decision d = w.withRequest(request).decide();
      assertFalse(d.allowed(), d::render);
      // whenever every earlier check passes, source truth is what blocks
      Decision without = w.withRequest(ImmutableAccessRequest.copyOf(w.request()).withEffects(Set.of())).decide();
      if (without.allowed()) {
        assertEquals(dev.partnerkit.domain.ReasonCode.SOURCE_TRUTH_PROTECTED, d.reason());
      }
    });
  }

  @Test
  void decisionsAreDeterministic() {
    theory().forAll(Generators.worlds()).checkAssert(w -> {
      Decision first = w.decide();
      Decision second = AccessDecider.create().decide(w.request(), w.facts(), w.now());
      assertEquals(first, second);
      assertEquals(first.render(), second.render());
      assertEquals(w.now(), first.decidedAt());
      assertEquals(first.allowed(), first.reason().allows());
      if (!first.allowed()) {
        assertEquals(first.reason().check(), first.failedCheck().orElseThrow());
      }
      assertEquals(first.allowed() ? "Allowed because" : "Blocked because", first.explanation().substring(0, 15));
      if (first.allowed() && first.reason() == dev.partnerkit.domain.ReasonCode.ALLOWED_BY_GRANT) {
        assertEquals(w.request().surface().flatMap(Surface::requiredCapability), first.capability());
      }
    });
  }

  @Test
  void theGeneratorsReachBothAnswersForEveryActorKind() {
    int[][] seen = new int[ActorKind.values().length][2];
    Set<PartnerCapability> capabilities = EnumSet.noneOf(PartnerCapability.class);
    theory().forAll(Generators.worlds()).checkAssert(w -> {
      Decision d = w.decide();
      seen[w.request().actor().kind().ordinal()][d.allowed() ? 1 : 0]++;
      d.capability().ifPresent(capabilities::add);
    });
    for (ActorKind kind : ActorKind.values()) {
      int some = EXAMPLES / 100;
      assertTrue(seen[kind.ordinal()][0] > some && seen[kind.ordinal()][1] > some,
          kind + " blocked/allowed: " + seen[kind.ordinal()][0] + "/" + seen[kind.ordinal()][1]);
    }
  }

  @AfterAll
  static void defaultDenyWasNotVacuous() {
    int allowed = ALLOWED_PARTNER_SIDE.get();
    assertTrue(allowed == 0 || allowed > 20, "partner-side allows seen: " + allowed);
  }
}
