package dev.partnerkit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Grants keep their window to microseconds, the precision every store keeps: a window is normalised before it is
 * validated, so a grant that is valid in memory stays valid once stored, and one that would collapse is refused.
 */
class InstantPrecisionTest {
  private static final Instant T = Instant.parse("2026-11-01T00:00:00Z");

  private static ImmutableAccessGrant.Builder grant(Instant from, Instant until) {
    return AccessGrant.builder().grantId(GrantId.of("g-7")).tenantId(TenantId.of("toni-catering"))
        .partnerId(PartnerId.of("p-acme"))
        .scope(GrantScope.builder().occasionId(OccasionId.of("occ-wedding")).addSurfaces(Surface.TASKS).build())
        .status(GrantStatus.ACTIVE).validFrom(from).validUntil(until).issuedBy(UserId.of("u-maya"));
  }

  @Test
  void aWindowInsideOneMicrosecondIsRefusedNamingValidUntil() {
    ImmutableAccessGrant.Builder b = grant(T.plusNanos(100), T.plusNanos(900));
    InvalidValueException e = assertThrows(InvalidValueException.class, b::build);
    assertEquals("validUntil", e.field());
    assertTrue(e.getMessage().startsWith("validUntil must be after validFrom"), e.getMessage());
    assertTrue(e.getMessage().contains("microsecond"), "says why equal-looking instants collide: " + e.getMessage());
  }

  @Test
  void subMicrosecondPartsAreDroppedBeforeValidating() {
    AccessGrant g = grant(T.plusNanos(1_999), T.plusNanos(5_001)).build();
    assertEquals(T.plusNanos(1_000), g.validFrom());
    assertEquals(Optional.of(T.plusNanos(5_000)), g.validUntil());
    AccessGrant open = AccessGrant.builder().from(g).validUntil(Optional.empty()).validFrom(T.plusNanos(7)).build();
    assertEquals(T, open.validFrom());
    assertEquals(Optional.empty(), open.validUntil());
  }

  @Test
  void aOneMicrosecondWindowSurvives() {
    AccessGrant g = grant(T.plusNanos(900), T.plusNanos(1_100)).build();
    assertEquals(T, g.validFrom());
    assertEquals(Optional.of(T.plusNanos(1_000)), g.validUntil());
  }

  @Test
  void renewingWithNanosecondsIsNormalisedToo() {
    AccessGrant g = grant(T, T.plusSeconds(60)).build();
    AccessGrant renewed = g.renew(T.plusSeconds(120).plusNanos(999));
    assertEquals(Optional.of(T.plusSeconds(120)), renewed.validUntil());
    InvalidValueException e = assertThrows(InvalidValueException.class, () -> g.renew(T.plusNanos(999)));
    assertEquals("validUntil", e.field());
  }

  @Test
  void microsecondInstantsAreKeptAsGiven() {
    AccessGrant g = grant(T.plusNanos(3_000), T.plusNanos(4_000)).build();
    assertEquals(T.plusNanos(3_000), g.validFrom());
    assertEquals(Optional.of(T.plusNanos(4_000)), g.validUntil());
  }
}
