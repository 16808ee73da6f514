package dev.partnerkit.policy.workspace;

import static dev.partnerkit.policy.workspace.EconomicsWorld.ACME;
import static dev.partnerkit.policy.workspace.EconomicsWorld.CEREMONY;
import static dev.partnerkit.policy.workspace.EconomicsWorld.DANA;
import static dev.partnerkit.policy.workspace.EconomicsWorld.RECEPTION;
import static dev.partnerkit.policy.workspace.EconomicsWorld.VENUE;
import static dev.partnerkit.policy.workspace.EconomicsWorld.WEDDING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import dev.partnerkit.domain.EventId;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.UserId;
import dev.partnerkit.domain.economics.EventInvite;
import dev.partnerkit.domain.economics.InviteDraft;
import dev.partnerkit.domain.economics.InviteId;
import dev.partnerkit.spi.InviteGrouping;
import dev.partnerkit.spi.InviteQuery;
import dev.partnerkit.spi.InviteTally;
import dev.partnerkit.spi.memory.InMemoryStorage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

/**
 * Invite metrics on random invites, imported through the console (some accepted later, credited or not): a member
 * of the host partner sees, per inviter principal and per issuing user, exactly the counts computed here — invites
 * issued, and accepted only where the acceptance is credited — for that partner's invites of the event; the
 * drill-down lists exactly them; operators see every partner's.
 */
class InviteMetricsPropertiesTest {
  private static final long SEED = Long.getLong("partnerkit.seed", 20261201L);
  private static final List<String> PRINCIPALS = List.of("partner:p-acme", "user:u-dana", "user:u-lee");
  private static final List<UserId> ISSUERS = List.of(UserId.of("u-dana"), UserId.of("u-lee"), UserId.of("u-kim"));
  private static final List<EventId> EVENTS = List.of(RECEPTION, CEREMONY);
  private static final List<PartnerId> HOSTS = List.of(ACME, VENUE);
  private static final Instant ISSUED = Instant.parse("2026-11-02T10:00:00Z");

  /** One invite: host, event, principal, issuer, and 0 issued / 1 accepted / 2 credited, now or later. */
  private record Spec(int host, int event, int principal, int issuer, int answer, boolean later) {}

  private static int between(RandomnessSource in, int lo, int hi) {
    return Generate.range(lo, hi).generate(in);
  }

  private static Gen<List<Spec>> invites() {
    return in -> {
      List<Spec> out = new ArrayList<>();
      int n = between(in, 0, 30);
      for (int i = 0; i < n; i++) {
        out.add(new Spec(between(in, 0, 1), between(in, 0, 1), between(in, 0, 2), between(in, 0, 2),
            between(in, 0, 2), between(in, 0, 1) == 1));
      }
      return out;
    };
  }

  private static List<InviteTally> reference(List<EventInvite> invites, Function<EventInvite, String> key) {
    Map<String, long[]> counts = new TreeMap<>();
    for (EventInvite i : invites) {
      long[] c = counts.computeIfAbsent(key.apply(i), k -> new long[2]);
      c[0]++;
      if (i.creditedAcceptance()) {
        c[1]++;
      }
    }
    return counts.entrySet().stream().map(e -> InviteTally.of(e.getKey(), e.getValue()[0], e.getValue()[1]))
        .toList();
  }

  @Test
  void metricsMatchAReferenceCountOfCreditedAcceptances() {
    qt().withFixedSeed(SEED).withExamples(80).forAll(invites()).checkAssert(specs -> {
      EconomicsWorld world = new EconomicsWorld(InMemoryStorage.create());
      world.scorecardGrant(ACME, Set.of(), Optional.empty());
      List<EventInvite> expected = new ArrayList<>();
      for (EventId event : EVENTS) {
        List<InviteDraft> drafts = new ArrayList<>();
        List<Spec> later = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
          Spec s = specs.get(i);
          if (EVENTS.get(s.event()) != event) {
            continue;
          }
          boolean acceptedNow = s.answer() > 0 && !s.later();
          drafts.add(new InviteDraft(InviteId.of("inv-" + i), WEDDING, event, HOSTS.get(s.host()),
              PRINCIPALS.get(s.principal()), ISSUERS.get(s.issuer()), ISSUED, acceptedNow,
              acceptedNow && s.answer() == 2, acceptedNow ? ISSUED.plusSeconds(60) : null));
          if (s.answer() > 0 && s.later()) {
            later.add(s);
          }
        }
        if (!drafts.isEmpty()) {
          assertTrue(world.economics.recordInvites(world.key(), drafts).applied());
        }
        for (int i = 0; i < specs.size(); i++) {
          Spec s = specs.get(i);
          if (later.contains(s) && EVENTS.get(s.event()) == event) {
            assertTrue(world.economics.recordAcceptance(world.key(), InviteId.of("inv-" + i),
                ISSUED.plusSeconds(600), s.answer() == 2).applied());
          }
        }
      }
      for (int i = 0; i < specs.size(); i++) {
        Spec s = specs.get(i);
        boolean accepted = s.answer() > 0;
        expected.add(EventInvite.builder().tenantId(EconomicsWorld.TENANT).inviteId(InviteId.of("inv-" + i))
            .occasionId(WEDDING).eventId(EVENTS.get(s.event())).partnerId(HOSTS.get(s.host()))
            .inviterPrincipal(PRINCIPALS.get(s.principal())).issuedByUserId(ISSUERS.get(s.issuer()))
            .issuedAt(ISSUED).accepted(accepted).creditedAcceptance(s.answer() == 2)
            .acceptedAt(accepted ? Optional.of(ISSUED.plusSeconds(s.later() ? 600 : 60)) : Optional.empty())
            .version(accepted && s.later() ? 1 : 0).build());
      }

      PartnerEconomics dana = world.session(DANA).economics();
      for (EventId event : EVENTS) {
        List<EventInvite> acme = expected.stream().filter(i -> i.eventId().equals(event)
            && i.partnerId().equals(ACME)).sorted(java.util.Comparator.comparing(EventInvite::inviteId)).toList();
        assertEquals(reference(acme, EventInvite::inviterPrincipal),
            dana.inviteMetrics(event, InviteGrouping.INVITER_PRINCIPAL).items(), () -> "per principal, " + event);
        assertEquals(reference(acme, i -> i.issuedByUserId().value()),
            dana.inviteMetrics(event, InviteGrouping.ISSUED_BY_USER).items(), () -> "per issuer, " + event);
        assertEquals(acme, dana.invites(InviteQuery.builder().eventId(event).limit(InviteQuery.MAX_LIMIT).build())
            .items(), () -> "drill-down, " + event);
        List<EventInvite> all = expected.stream().filter(i -> i.eventId().equals(event)).toList();
        assertEquals(reference(all, i -> i.issuedByUserId().value()), world.economics.inviteMetrics(
            InviteQuery.of(event), InviteGrouping.ISSUED_BY_USER).items(), () -> "operator, " + event);
      }
    });
  }
}
