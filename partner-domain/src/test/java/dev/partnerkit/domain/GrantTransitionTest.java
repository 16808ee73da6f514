package dev.partnerkit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every (from, to) pair of grant statuses against the listed transitions, and renew semantics. */
class GrantTransitionTest {
  private static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
  private static final Instant UNTIL = Instant.parse("2026-12-01T00:00:00Z");
  private static final Instant LATER = Instant.parse("2027-01-01T00:00:00Z");

  /** The state machine as documented, written out independently of {@link GrantTransition}. */
  private static final Map<GrantStatus, Set<GrantStatus>> LEGAL = new EnumMap<>(GrantStatus.class);

  static {
    LEGAL.put(GrantStatus.PENDING, EnumSet.of(GrantStatus.ACTIVE, GrantStatus.REVOKED));
    LEGAL.put(GrantStatus.ACTIVE,
        EnumSet.of(GrantStatus.SUSPENDED, GrantStatus.REVOKED, GrantStatus.EXPIRED, GrantStatus.ACTIVE));
    LEGAL.put(GrantStatus.SUSPENDED, EnumSet.of(GrantStatus.ACTIVE, GrantStatus.REVOKED, GrantStatus.EXPIRED));
    LEGAL.put(GrantStatus.EXPIRED, EnumSet.of(GrantStatus.ACTIVE, GrantStatus.REVOKED));
    LEGAL.put(GrantStatus.REVOKED, EnumSet.noneOf(GrantStatus.class));
  }

  static AccessGrant grant(GrantStatus status) {
    return AccessGrant.builder().grantId(GrantId.of("g-7")).tenantId(TenantId.of("toni-catering"))
        .partnerId(PartnerId.of("p-acme"))
        .scope(GrantScope.builder().occasionId(OccasionId.of("occ-wedding")).addSurfaces(Surface.TASKS).build())
        .addCapabilities(PartnerCapability.MANAGE_TASK).status(status).validFrom(FROM).validUntil(UNTIL)
        .issuedBy(UserId.of("u-maya")).version(3).build();
  }

  static Stream<Arguments> allPairs() {
    List<Arguments> out = new ArrayList<>();
    for (GrantStatus from : GrantStatus.values()) {
      for (GrantStatus to : GrantStatus.values()) {
        out.add(Arguments.of(from, to));
      }
    }
    return out.stream();
  }

  @Test
  void everyStatusIsInTheExpectedTableAndTwentyFivePairsAreChecked() {
    assertEquals(EnumSet.allOf(GrantStatus.class), LEGAL.keySet());
    assertEquals(25, allPairs().count());
    assertEquals(11, LEGAL.values().stream().mapToInt(Set::size).sum());
    assertEquals(11, GrantTransition.values().length);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("allPairs")
  void moveToFollowsTheListedTransitions(GrantStatus from, GrantStatus to) {
    AccessGrant before = grant(from);
    boolean legal = LEGAL.get(from).contains(to);
    assertEquals(legal, from.canMoveTo(to), "canMoveTo");
    if (legal) {
      GrantTransition t = GrantTransition.require(from, to);
      assertEquals(from, t.from());
      assertEquals(to, t.to());
      AccessGrant after = before.moveTo(to);
      assertEquals(to, after.status());
      assertEquals(before.version() + 1, after.version(), "a listed move raises the version by one");
      assertEquals(ImmutableAccessGrant.copyOf(before).withStatus(to).withVersion(before.version() + 1), after,
          "nothing else changes");
      assertEquals(from, before.status(), "the original grant is untouched");
    } else {
      IllegalTransitionException e = assertThrows(IllegalTransitionException.class, () -> before.moveTo(to));
      assertTrue(e.getMessage().contains("from " + from.wireName() + " to " + to.wireName()), e.getMessage());
      assertThrows(IllegalTransitionException.class, () -> GrantTransition.require(from, to));
      assertEquals(3, before.version());
    }
  }

  @Test
  void revokedIsFinal() {
    for (GrantStatus to : GrantStatus.values()) {
      assertFalse(GrantStatus.REVOKED.canMoveTo(to), to.wireName());
    }
  }

  @ParameterizedTest
  @EnumSource(value = GrantStatus.class, names = {"ACTIVE", "EXPIRED"})
  void renewMakesAnActiveOrExpiredGrantActiveWithTheNewWindow(GrantStatus status) {
    AccessGrant before = grant(status);
    AccessGrant renewed = before.renew(LATER);
    assertEquals(GrantStatus.ACTIVE, renewed.status());
    assertEquals(Optional.of(LATER), renewed.validUntil());
    assertEquals(before.validFrom(), renewed.validFrom());
    assertEquals(before.version() + 1, renewed.version());
    assertEquals(before.scope(), renewed.scope());
    assertEquals(before.capabilities(), renewed.capabilities());
    assertEquals(status, before.status(), "the original grant is untouched");
    assertEquals(Optional.of(UNTIL), before.validUntil());
  }

  @ParameterizedTest
  @EnumSource(value = GrantStatus.class, names = {"PENDING", "SUSPENDED", "REVOKED"})
  void renewRefusesPendingSuspendedAndRevokedGrants(GrantStatus status) {
    AccessGrant before = grant(status);
    IllegalTransitionException e = assertThrows(IllegalTransitionException.class, () -> before.renew(LATER));
    assertTrue(e.getMessage().contains(status.wireName()), e.getMessage());
  }

  @Test
  void renewNeedsAnEndAfterTheStart() {
    AccessGrant active = grant(GrantStatus.ACTIVE);
    InvalidValueException before = assertThrows(InvalidValueException.class,
        () -> active.renew(Instant.parse("2026-10-01T00:00:00Z")));
    assertEquals("validUntil", before.field());
    assertTrue(before.getMessage().contains("validUntil must be after validFrom"), before.getMessage());
    InvalidValueException same = assertThrows(InvalidValueException.class, () -> active.renew(FROM));
    assertEquals("validUntil", same.field());
    InvalidValueException missing = assertThrows(InvalidValueException.class, () -> active.renew(null));
    assertTrue(missing.getMessage().contains("newValidUntil"), missing.getMessage());
  }

  @Test
  void renewCanShortenAnActiveWindowButAlwaysRaisesTheVersion() {
    AccessGrant active = grant(GrantStatus.ACTIVE);
    AccessGrant twice = active.renew(LATER).renew(UNTIL);
    assertEquals(Optional.of(UNTIL), twice.validUntil());
    assertEquals(active.version() + 2, twice.version());
  }
}
