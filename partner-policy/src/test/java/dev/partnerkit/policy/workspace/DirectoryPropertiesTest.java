package dev.partnerkit.policy.workspace;

import static dev.partnerkit.policy.workspace.EconomicsWorld.TENANT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import dev.partnerkit.domain.Partner;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.PartnerKind;
import dev.partnerkit.domain.PartnerStatus;
import dev.partnerkit.domain.UserId;
import dev.partnerkit.domain.economics.CommissionId;
import dev.partnerkit.domain.economics.CommissionStatus;
import dev.partnerkit.domain.economics.ReferralId;
import dev.partnerkit.domain.economics.ReferralStatus;
import dev.partnerkit.spi.ActivityEntry;
import dev.partnerkit.spi.DirectoryMetrics;
import dev.partnerkit.spi.PartnerQuery;
import dev.partnerkit.spi.memory.InMemoryStorage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

/**
 * The directory through the operator console, on random directories: the filtered, paged partner list, the three
 * hero metrics (active partners, pipeline value, owed commission, per currency) and a bulk status change of a random
 * set of partners are exact against a reference computed here from the generated data alone.
 */
class DirectoryPropertiesTest {
  private static final long SEED = Long.getLong("partnerkit.seed", 20261201L);
  private static final List<String> TIERS = List.of("gold", "silver");
  private static final List<String> REGIONS = List.of("Midwest", "South", "West");
  private static final List<UserId> OWNERS = List.of(UserId.of("u-maya"), UserId.of("u-omar"));
  private static final List<String> CURRENCIES = List.of("USD", "EUR");
  private static final Instant AT = Instant.parse("2026-10-02T15:00:00Z");
  /** Referral statuses, and the moves that reach each from open. */
  private static final List<List<ReferralStatus>> PATHS = List.of(List.of(),
      List.of(ReferralStatus.CONTACTED), List.of(ReferralStatus.CONTACTED, ReferralStatus.QUALIFIED),
      List.of(ReferralStatus.CONTACTED, ReferralStatus.QUALIFIED, ReferralStatus.WON), List.of(ReferralStatus.LOST));

  private record P(int status, int tier, int owner, int region) {}

  private record Row(int partner, int status, int minor, int currency) {}

  private record World(List<P> partners, List<Row> referrals, List<Row> commissions) {}

  private record Ask(int status, int tier, int owner, int region, int limit, List<Integer> bulk, int bulkStatus) {}

  private static int between(RandomnessSource in, int lo, int hi) {
    return Generate.range(lo, hi).generate(in);
  }

  private static Gen<World> worlds() {
    return in -> {
      int n = between(in, 1, 9);
      List<P> partners = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        partners.add(new P(between(in, 0, 1), between(in, 0, 2), between(in, 0, 2), between(in, 0, 3)));
      }
      List<Row> referrals = new ArrayList<>();
      List<Row> commissions = new ArrayList<>();
      int rows = between(in, 0, 10);
      for (int i = 0; i < rows; i++) {
        referrals.add(new Row(between(in, 0, n - 1), between(in, 0, 4), between(in, 0, 5_000_000),
            between(in, 0, 1)));
        if (between(in, 0, 1) == 1) {
          commissions.add(new Row(i, between(in, 0, 2), between(in, 1, 500_000), between(in, 0, 1)));
        }
      }
      return new World(partners, referrals, commissions);
    };
  }

  private static Gen<Ask> asks() {
    return in -> {
      List<Integer> bulk = new ArrayList<>();
      int size = between(in, 1, 4);
      for (int i = 0; i < size; i++) {
        bulk.add(between(in, 0, 8));
      }
      return new Ask(between(in, 0, 2), between(in, 0, 2), between(in, 0, 2), between(in, 0, 3), between(in, 1, 4),
          bulk, between(in, 0, 1));
    };
  }

  private static <T> Optional<T> pick(List<T> values, int index) {
    return index == 0 ? Optional.empty() : Optional.of(values.get(index - 1));
  }

  @Test
  void filtersPagesMetricsAndBulkStatusAreExact() {
    qt().withFixedSeed(SEED).withExamples(100).forAll(worlds(), asks()).checkAssert((w, ask) -> {
      EconomicsWorld world = new EconomicsWorld(InMemoryStorage.create());
      OperatorEconomics economics = world.economics;
      // the world's own two partners are replaced by the generated ones
      Map<PartnerId, Partner> reference = new TreeMap<>();
      for (Partner p : world.storage.directory().listPartners(TENANT)) {
        reference.put(p.partnerId(), p);
      }
      for (int i = 0; i < w.partners().size(); i++) {
        P s = w.partners().get(i);
        Partner p = Partner.builder().tenantId(TENANT).partnerId(PartnerId.of(String.format("q-%02d", i)))
            .name("Partner " + i).kind(PartnerKind.OTHER)
            .status(s.status() == 0 ? PartnerStatus.ACTIVE : PartnerStatus.INACTIVE).tier(pick(TIERS, s.tier()))
            .ownerUserId(pick(OWNERS, s.owner())).region(pick(REGIONS, s.region())).build();
        world.storage.directory().savePartner(p);
        reference.put(p.partnerId(), p);
      }
      List<PartnerId> generated = reference.keySet().stream().filter(id -> id.value().startsWith("q-")).toList();

      // referrals and commissions through the console, moved to their generated statuses
      record Money(PartnerId partner, String status, long minor, String currency) {}
      List<Money> referrals = new ArrayList<>();
      List<ReferralId> referralIds = new ArrayList<>();
      for (Row r : w.referrals()) {
        PartnerId partner = generated.get(r.partner());
        String currency = CURRENCIES.get(r.currency());
        ReferralId id = world.referral(partner, "Client " + referralIds.size(), r.minor(), currency, AT);
        for (ReferralStatus to : PATHS.get(r.status())) {
          assertTrue(economics.moveReferral(world.key(), id, to).applied());
        }
        referralIds.add(id);
        ReferralStatus status = r.status() == 0 ? ReferralStatus.OPEN : PATHS.get(r.status())
            .get(PATHS.get(r.status()).size() - 1);
        referrals.add(new Money(partner, status.wireName(), r.minor(), currency));
      }
      List<Money> commissions = new ArrayList<>();
      for (Row c : w.commissions()) {
        String currency = CURRENCIES.get(c.currency());
        CommissionId id = world.commission(referralIds.get(c.partner()), c.minor(), currency, AT);
        CommissionStatus status = CommissionStatus.values()[c.status()];
        if (status == CommissionStatus.PAID) {
          assertTrue(economics.markCommissionPaid(world.key(), id, AT.plusSeconds(1)).applied());
        } else if (status == CommissionStatus.VOID) {
          assertTrue(economics.voidCommission(world.key(), id).applied());
        }
        commissions.add(new Money(referrals.get(c.partner()).partner(), status.wireName(), c.minor(), currency));
      }

      PartnerQuery query = PartnerQuery.builder()
          .status(ask.status() == 0 ? Optional.empty()
              : Optional.of(ask.status() == 1 ? PartnerStatus.ACTIVE : PartnerStatus.INACTIVE))
          .tier(pick(TIERS, ask.tier())).ownerUserId(pick(OWNERS, ask.owner())).region(pick(REGIONS, ask.region()))
          .limit(ask.limit()).build();
      Runnable check = () -> {
        List<Partner> expected = reference.values().stream().filter(p ->
            (query.status().isEmpty() || query.status().get() == p.status())
                && (query.tier().isEmpty() || query.tier().equals(p.tier()))
                && (query.ownerUserId().isEmpty() || query.ownerUserId().equals(p.ownerUserId()))
                && (query.region().isEmpty() || query.region().equals(p.region()))).toList();
        List<Partner> seen = new ArrayList<>();
        PartnerQuery page = query;
        for (int i = 0; i <= expected.size(); i++) {
          ReadResult<Partner> r = economics.partners(page);
          assertTrue(r.decision().allowed());
          seen.addAll(r.items());
          if (r.nextCursor().isEmpty()) {
            break;
          }
          page = PartnerQuery.builder().from(page).afterPartnerId(PartnerId.of(r.nextCursor().get())).build();
        }
        assertEquals(expected, seen, () -> "pages of " + query);
        TreeSet<PartnerId> selected = new TreeSet<>();
        expected.forEach(p -> selected.add(p.partnerId()));
        Map<String, Long> pipeline = new HashMap<>();
        for (Money m : referrals) {
          if (selected.contains(m.partner()) && List.of("open", "contacted", "qualified").contains(m.status())) {
            pipeline.merge(m.currency(), m.minor(), Long::sum);
          }
        }
        Map<String, Long> owed = new HashMap<>();
        for (Money m : commissions) {
          if (selected.contains(m.partner()) && m.status().equals("owed")) {
            owed.merge(m.currency(), m.minor(), Long::sum);
          }
        }
        long active = expected.stream().filter(p -> p.status() == PartnerStatus.ACTIVE).count();
        assertEquals(DirectoryMetrics.builder().activePartners(active).pipelineValue(pipeline)
            .owedCommission(owed).build(), economics.metrics(query).items().get(0), () -> "metrics of " + query);
      };
      check.run();

      // a bulk status change of a random set of partners: exact, one entry per partner that changed
      PartnerStatus target = ask.bulkStatus() == 0 ? PartnerStatus.ACTIVE : PartnerStatus.INACTIVE;
      TreeSet<PartnerId> bulk = new TreeSet<>();
      for (int index : ask.bulk()) {
        bulk.add(generated.get(index % generated.size()));
      }
      long changing = bulk.stream().filter(id -> reference.get(id).status() != target).count();
      long before = world.timeline().stream().filter(e -> e.eventType().equals("partner.status_changed")).count();
      CommandResult result = economics.changePartnerStatus(world.key(), bulk, target);
      assertTrue(result.applied(), result.decision().render());
      for (PartnerId id : bulk) {
        Partner was = reference.get(id);
        reference.put(id, was.status() == target ? was
            : Partner.builder().from(was).status(target).version(was.version() + 1).build());
      }
      assertEquals(new ArrayList<>(reference.values()), world.storage.directory().listPartners(TENANT));
      List<ActivityEntry> changed = world.timeline().stream()
          .filter(e -> e.eventType().equals("partner.status_changed")).toList();
      assertEquals(before + changing, changed.size(), "one entry per partner that changed");
      check.run();
    });
  }
}
