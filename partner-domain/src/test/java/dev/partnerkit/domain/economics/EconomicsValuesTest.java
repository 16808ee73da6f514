package dev.partnerkit.domain.economics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnerkit.domain.ActorKind;
import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.json.PartnerkitJson;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Money, the referral and commission values and their lifecycles, as data. */
class EconomicsValuesTest {
  private static final TenantId TENANT = TenantId.of("toni-catering");
  private static final Instant AT = Instant.parse("2026-10-02T15:00:00.123456789Z");

  @Test
  void moneyIsMinorUnitsAndACodeAddedExactly() {
    assertEquals("2500.00 USD", Money.of(250_000, "USD").toString());
    assertEquals("250000 JPY", Money.of(250_000, "JPY").toString());
    assertEquals(new BigDecimal("2.500"), Money.of(2500, "BHD").amount());
    assertEquals("7 XTS", Money.of(7, "XTS").toString(), "a code without minor units");
    assertEquals(2, Money.fractionDigits("ZZZ"), "a code the JDK lacks is shown with two digits");
    assertEquals(Long.MAX_VALUE, Money.addExact(Long.MAX_VALUE - 5, Money.of(5, "USD"), "USD"));
    assertThrows(ArithmeticException.class, () -> Money.addExact(Long.MAX_VALUE, Money.of(1, "USD"), "USD"));
    InvalidValueException mixed = assertThrows(InvalidValueException.class,
        () -> Money.addExact(0, Money.of(1, "EUR"), "USD"));
    assertEquals("currency", mixed.field());
    assertTrue(Money.of(1, "EUR").compareTo(Money.of(0, "USD")) < 0);
  }

  @Test
  void referralLifecycleEndsInWonOrLostAndOnlyOperatorsMoveIt() {
    var life = ReferralStatus.LIFECYCLE;
    assertEquals(ReferralStatus.OPEN, life.initial());
    assertTrue(life.allows(ReferralStatus.OPEN, ReferralStatus.CONTACTED, ActorKind.OPERATOR));
    assertTrue(life.allows(ReferralStatus.QUALIFIED, ReferralStatus.WON, ActorKind.OPERATOR));
    assertFalse(life.allows(ReferralStatus.OPEN, ReferralStatus.WON, ActorKind.OPERATOR), "won needs qualified");
    assertFalse(life.allows(ReferralStatus.OPEN, ReferralStatus.CONTACTED, ActorKind.PARTNER_MEMBER));
    for (ReferralStatus end : List.of(ReferralStatus.WON, ReferralStatus.LOST)) {
      assertFalse(end.inPipeline());
      for (ActorKind kind : ActorKind.values()) {
        assertEquals(List.of(), life.targets(end, kind), end + " is final");
      }
    }
    for (ReferralStatus s : List.of(ReferralStatus.OPEN, ReferralStatus.CONTACTED, ReferralStatus.QUALIFIED)) {
      assertTrue(s.inPipeline());
      assertTrue(life.allows(s, ReferralStatus.LOST, ActorKind.OPERATOR), s + " can be lost");
    }
  }

  @Test
  void commissionLifecycleAndTimestamps() {
    var life = CommissionStatus.LIFECYCLE;
    assertEquals(List.of(CommissionStatus.PAID, CommissionStatus.VOID),
        life.targets(CommissionStatus.OWED, ActorKind.OPERATOR));
    assertEquals(List.of(), life.targets(CommissionStatus.PAID, ActorKind.OPERATOR));
    Commission owed = Commission.builder().tenantId(TENANT).commissionId(CommissionId.of("com-1"))
        .partnerId(PartnerId.of("p-acme")).referralId(ReferralId.of("ref-1")).amount(Money.of(100, "USD"))
        .earnedAt(Instant.parse("2026-10-02T15:00:00Z")).build();
    Commission paid = owed.paid(AT);
    assertEquals(Instant.parse("2026-10-02T15:00:00.123456Z"), paid.paidAt().orElseThrow(), "kept to micros");
    assertEquals(1, paid.version());
    assertEquals("paidAt", assertThrows(InvalidValueException.class,
        () -> owed.paid(Instant.parse("2026-10-01T00:00:00Z"))).field(), "never paid before it was earned");
    assertEquals("paidAt", assertThrows(InvalidValueException.class,
        () -> Commission.builder().from(owed).paidAt(AT).build()).field(), "an owed commission has no paid time");
    assertEquals("amountMinor", assertThrows(InvalidValueException.class,
        () -> Commission.builder().from(owed).amount(Money.of(0, "USD")).build()).field());
    assertEquals(CommissionStatus.VOID, owed.voided().status());
  }

  @Test
  void storedValuesCheckWhatDraftsCheckAndRoundTrip() {
    ReferralDraft draft = new ReferralDraft(PartnerId.of("p-acme"), "Rosa", "rosa@example.com",
        Money.of(250_000, "USD"), AT);
    assertEquals(Instant.parse("2026-10-02T15:00:00.123456Z"), draft.referredAt());
    Referral r = Referral.of(TENANT, ReferralId.of("ref-1"), draft);
    assertEquals(ReferralStatus.OPEN, r.status());
    assertEquals("clientEmail", assertThrows(InvalidValueException.class,
        () -> Referral.builder().from(r).clientEmail("nope").build()).field());
    PartnerkitJson json = PartnerkitJson.create();
    assertEquals(r, json.read(json.write(r), Referral.class));
    Referral won = r.moveTo(ReferralStatus.CONTACTED).moveTo(ReferralStatus.QUALIFIED).moveTo(ReferralStatus.WON);
    assertEquals(3, won.version());
    assertEquals("referralId", assertThrows(InvalidValueException.class,
        () -> ReferralId.of("r".repeat(49))).field(), "48 characters at most, so referral:<id> fits an entry id");
  }
}
