package dev.partnerkit.policy;

import static dev.partnerkit.policy.DecisionPropertiesTest.theory;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnerkit.domain.AccessGrant;
import dev.partnerkit.domain.Decision;
import dev.partnerkit.domain.DecisionCheck;
import dev.partnerkit.domain.PartnerId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The indexed grant loop (only the grants that can cover the request's occasion and event are looked at, the others
 * only when a block must name the grant that got furthest) decides exactly as deciding with one grant at a time
 * says it must: the lowest grant id that passes checks 3 to 5 allows; when none does, the decision is the one its
 * furthest grant (highest reason code, then lowest grant id) makes on its own — same reason, same words.
 */
class GrantLoopOracleTest {
  private static final Set<DecisionCheck> LOOP = EnumSet.of(DecisionCheck.GRANT, DecisionCheck.SCOPE,
      DecisionCheck.CAPABILITY);

  /** Partner-side worlds where most of the (up to eight) grants are the actor's, on the request's occasion. */
  private static Gen<Generators.World> manyAlignedGrants() {
    return in -> {
      Generators.World w = Generators.world(in, Generators.partnerSideActor(in));
      List<AccessGrant> grants = new ArrayList<>(w.grants());
      for (int i = 0; i < grants.size(); i++) {
        if (Generators.chance(in, 70)) {
          grants.set(i, Generators.alignedWith(in, grants.get(i), w.request().actor(), w.request().occasionId()));
        }
      }
      int more = Generators.between(in, 0, 4);
      for (int i = 0; i < more; i++) {
        AccessGrant extra = Generators.grant(in, "g-x" + i);
        grants.add(Generators.chance(in, 70) ? Generators.alignedWith(in, extra, w.request().actor(),
            w.request().occasionId()) : extra);
      }
      return w.withGrants(grants);
    };
  }

  @Test
  void theIndexedLoopDecidesAsOneGrantAtATime() {
    AtomicInteger allowedByLater = new AtomicInteger();
    AtomicInteger blockedByOther = new AtomicInteger();
    theory().forAll(manyAlignedGrants()).checkAssert(w -> {
      Decision decided = w.decide();
      Decision alone = w.decideWith(List.of());
      if (alone.failedCheck().map(c -> c.ordinal() < DecisionCheck.GRANT.ordinal()).orElse(false)) {
        assertEquals(alone, decided, "decided before any grant is looked at");
        return;
      }
      PartnerId partner = w.request().actor().actingPartner().orElseThrow();
      List<AccessGrant> mine = new ArrayList<>();
      for (AccessGrant g : w.grants()) {
        if (g.tenantId().equals(w.request().tenantId()) && g.partnerId().equals(partner)
            && mine.stream().noneMatch(m -> m.grantId().equals(g.grantId()))) {
          mine.add(g);
        }
      }
      mine.sort(Comparator.comparing(AccessGrant::grantId));
      Decision expected = alone;
      int furthest = -1;
      for (AccessGrant g : mine) {
        Decision one = w.decideWith(List.of(g));
        boolean passes = one.failedCheck().map(c -> !LOOP.contains(c)).orElse(true);
        if (passes) {
          expected = one;
          if (g != mine.get(0)) {
            allowedByLater.incrementAndGet();
          }
          break;
        }
        if (one.reason().ordinal() > furthest) {
          furthest = one.reason().ordinal();
          expected = one;
        }
      }
      if (!decided.allowed() && expected != alone && !expected.explanation().contains(" " + mine.get(0).grantId()
          + " ")) {
        blockedByOther.incrementAndGet();
      }
      assertEquals(expected, decided, () -> "grants " + mine);
    });
    assertTrue(allowedByLater.get() > DecisionPropertiesTest.EXAMPLES / 100, "allowed by a grant other than the first: " + allowedByLater);
    assertTrue(blockedByOther.get() > DecisionPropertiesTest.EXAMPLES / 100, "blocked, explaining a grant other than the first: " + blockedByOther);
  }
}
