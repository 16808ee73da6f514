package dev.partnerkit.policy.workspace;

import static dev.partnerkit.policy.workspace.EconomicsWorld.ACME;
import static dev.partnerkit.policy.workspace.EconomicsWorld.DANA;
import static dev.partnerkit.policy.workspace.EconomicsWorld.DREW;
import static dev.partnerkit.policy.workspace.EconomicsWorld.RECEPTION;
import static dev.partnerkit.policy.workspace.EconomicsWorld.TENANT;
import static dev.partnerkit.policy.workspace.EconomicsWorld.VENUE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import dev.partnerkit.domain.EventId;
import dev.partnerkit.domain.GrantId;
import dev.partnerkit.domain.PartnerCapability;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.PartnerMember;
import dev.partnerkit.domain.Surface;
import dev.partnerkit.domain.economics.Commission;
import dev.partnerkit.domain.economics.Referral;
import dev.partnerkit.domain.economics.ReferralId;
import dev.partnerkit.spi.CommissionQuery;
import dev.partnerkit.spi.ReferralQuery;
import dev.partnerkit.spi.memory.InMemoryStorage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

/**
 * Listing is checking, for a partner's economics, on random rows and random grants: a member reads exactly its own
 * partner's rows when one of its grants is active on the scorecard for the whole occasion and it holds
 * {@code can_view_metrics}, and nothing otherwise; the listing itself is allowed exactly when some active grant opens
 * the scorecard (narrowed or not) and the member holds the flag. The expectation is computed from the generated
 * shapes alone, not by the decision core.
 */
class PartnerEconomicsVisibilityTest {
  private static final long SEED = Long.getLong("partnerkit.seed", 20261201L);
  private static final Instant AT = Instant.parse("2026-10-02T15:00:00Z");

  /** Grant shapes on top of an activity-only grant (which opens the session but not the scorecard). */
  private enum Shape { NONE, WIDE, NARROWED, SUSPENDED, WIDE_AND_NARROWED }

  private record Case(List<Integer> rows, Shape shape, boolean flag, int pageSize) {}

  private static int between(RandomnessSource in, int lo, int hi) {
    return Generate.range(lo, hi).generate(in);
  }

  private static Gen<Case> cases() {
    return in -> {
      List<Integer> rows = new ArrayList<>();
      int n = between(in, 0, 12);
      for (int i = 0; i < n; i++) {
        rows.add(between(in, 0, 1));
      }
      return new Case(rows, Shape.values()[between(in, 0, Shape.values().length - 1)], between(in, 0, 1) == 1,
          between(in, 1, 5));
    };
  }

  @Test
  void aMemberReadsExactlyItsOwnRowsWhenItsGrantsAndFlagAllow() {
    qt().withFixedSeed(SEED).withExamples(50).forAll(cases()).checkAssert(c -> {
      EconomicsWorld world = new EconomicsWorld(InMemoryStorage.create());
      List<ReferralId> own = new ArrayList<>();
      for (int i = 0; i < c.rows().size(); i++) {
        PartnerId partner = c.rows().get(i) == 0 ? ACME : VENUE;
        ReferralId id = world.referral(partner, "Client " + i, i, "USD", AT);
        world.commission(id, 1 + i, "USD", AT);
        if (partner.equals(ACME)) {
          own.add(id);
        }
      }
      world.grant(ACME, Set.of(), Optional.empty(), Set.of(Surface.ACTIVITY), Set.of(PartnerCapability.VIEW_ACTIVITY));
      switch (c.shape()) {
        case WIDE -> world.scorecardGrant(ACME, Set.of(), Optional.empty());
        case NARROWED -> world.scorecardGrant(ACME, Set.of(RECEPTION), Optional.empty());
        case SUSPENDED -> {
          GrantId g = world.scorecardGrant(ACME, Set.of(), Optional.empty());
          assertTrue(world.ops.suspendGrant(world.key(), g).applied());
        }
        case WIDE_AND_NARROWED -> {
          world.scorecardGrant(ACME, Set.of(EventId.of("ev-other")), Optional.empty());
          world.scorecardGrant(ACME, Set.of(), Optional.empty());
        }
        case NONE -> { }
      }
      PartnerMember member = c.flag() ? DANA : DREW;
      PartnerEconomics economics = world.session(member).economics();

      boolean opens = c.flag() && c.shape() != Shape.NONE && c.shape() != Shape.SUSPENDED;
      boolean reaches = opens && (c.shape() == Shape.WIDE || c.shape() == Shape.WIDE_AND_NARROWED);
      List<ReferralId> seen = new ArrayList<>();
      ReferralQuery page = ReferralQuery.builder().limit(c.pageSize()).build();
      for (int i = 0; i <= c.rows().size(); i++) {
        ReadResult<Referral> r = economics.referrals(page);
        assertEquals(opens, r.decision().allowed(), () -> c + ": " + r.decision().render());
        r.items().forEach(x -> seen.add(x.referralId()));
        if (r.nextCursor().isEmpty()) {
          break;
        }
        page = ReferralQuery.builder().from(page).afterReferralId(ReferralId.of(r.nextCursor().get())).build();
      }
      List<ReferralId> expected = reaches ? own.stream().sorted().toList() : List.of();
      assertEquals(expected, seen, c::toString);
      List<ReferralId> commissions = economics.commissions(CommissionQuery.builder().build()).items().stream()
          .map(Commission::referralId).sorted().toList();
      assertEquals(expected, commissions, c::toString);
      assertTrue(seen.stream().allMatch(id -> world.storage.economics().findReferral(TENANT, id).orElseThrow()
          .partnerId().equals(ACME)), "never another partner's row");
    });
  }
}
