package dev.partnerkit.domain.economics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.partnerkit.domain.EventId;
import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.UserId;
import dev.partnerkit.domain.json.PartnerkitJson;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The {@code jakarta.validation} constraints of the input values, run by Hibernate Validator as a host framework
 * would ({@code validateValue} per component, {@code validate} on a built value), say what the values' constructors
 * say: the same verdict, and the constructor's message among the validator's (a value that breaks two constraints,
 * such as a blank e-mail address, gets both messages from the validator and the first from the constructor), for
 * each component on its own and, for client e-mail addresses, on random strings.
 */
class InputConstraintsTest {
  private static final long SEED = Long.getLong("partnerkit.seed", 20261201L);
  private static final Instant AT = Instant.parse("2026-10-02T15:00:00Z");
  private static ValidatorFactory factory;
  private static Validator validator;

  @BeforeAll
  static void startValidator() {
    // the parameter interpolator needs no expression language: our messages are plain text
    factory = Validation.byDefaultProvider().configure().messageInterpolator(new ParameterMessageInterpolator())
        .buildValidatorFactory();
    validator = factory.getValidator();
  }

  @AfterAll
  static void closeValidator() {
    factory.close();
  }

  /** @return the messages Hibernate Validator gives for {@code value} as {@code property} of {@code type} */
  private static <T> Set<String> violations(Class<T> type, String property, Object value) {
    return validator.validateValue(type, property, value).stream().map(ConstraintViolation::getMessage)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** Asserts the constructor refuses the value and the validator names the constructor's message too. */
  private static <T> void sameMessage(Class<T> type, String property, Object value, Supplier<?> construct) {
    InvalidValueException e = assertThrows(InvalidValueException.class, construct::get);
    Set<String> said = violations(type, property, value);
    assertTrue(said.contains(e.getMessage()), () -> property + " = " + value + ": " + e.getMessage() + " not in "
        + said);
    assertTrue(said.stream().allMatch(m -> m.startsWith(property + " ")), () -> said.toString());
    assertEquals(property, e.field());
  }

  private static ReferralDraft referral(String name, String email, Money value) {
    return new ReferralDraft(PartnerId.of("p-acme"), name, email, value, AT);
  }

  @Test
  void aValidDraftHasNoViolation() {
    assertEquals(Set.of(), validator.validate(referral("Rosa Díaz", "rosa.diaz+events@mail.example.com",
        Money.of(0, "USD"))));
    assertEquals(Set.of(), validator.validate(new CommissionDraft(ReferralId.of("ref-1"), 1, "JPY", AT)));
    assertEquals(Set.of(), validator.validate(new PlanQuota("invites.monthly", "Invites", 0, 0, null)));
    assertEquals(Set.of(), validator.validate(new InviteDraft(InviteId.of("inv-1"), OccasionId.of("occ"),
        EventId.of("ev"), PartnerId.of("p"), "partner:p-acme", UserId.of("u"), AT, true, true, AT)));
  }

  @Test
  void referralComponentsFailWithTheConstraintMessages() {
    Money ok = Money.of(1, "USD");
    for (String name : new String[] {"", "   ", "\t\n", "x".repeat(201), "Rosa\u0000", "Rosa\u0007", "\ud800x"}) {
      sameMessage(ReferralDraft.class, "clientName", name, () -> referral(name, "a@b.co", ok));
    }
    for (String email : new String[] {"", "rosa", "rosa@", "@example.com", "rosa@example", "rosa..d@example.com",
        ".rosa@example.com", "rosa@-example.com", "rosa@example.c0m", "ro sa@example.com", "rosa@exa_mple.com",
        "x".repeat(65) + "@example.com", "a@" + "b".repeat(250) + ".com"}) {
      sameMessage(ReferralDraft.class, "clientEmail", email, () -> referral("Rosa", email, ok));
    }
    sameMessage(ReferralDraft.class, "estimatedValue", null, () -> referral("Rosa", "a@b.co", null));
    sameMessage(ReferralDraft.class, "partnerId", null,
        () -> new ReferralDraft(null, "Rosa", "a@b.co", ok, AT));
    sameMessage(ReferralDraft.class, "referredAt", null,
        () -> new ReferralDraft(PartnerId.of("p"), "Rosa", "a@b.co", ok, null));
    // a nested Money is validated through @Valid
    assertEquals(Set.of(), validator.validate(referral("Rosa", "a@b.co", ok)));
  }

  @Test
  void moneyAndCommissionAmountsFailWithTheConstraintMessages() {
    sameMessage(Money.class, "amountMinor", -1L, () -> Money.of(-1, "USD"));
    sameMessage(Money.class, "amountMinor", Money.MAX_AMOUNT_MINOR + 1, () -> Money.of(Money.MAX_AMOUNT_MINOR + 1,
        "USD"));
    for (String code : new String[] {"usd", "US", "USDX", "", "U$D", "ÜSD"}) {
      sameMessage(Money.class, "currency", code, () -> Money.of(1, code));
    }
    sameMessage(Money.class, "currency", null, () -> Money.of(1, null));
    ReferralId ref = ReferralId.of("ref-1");
    sameMessage(CommissionDraft.class, "amountMinor", 0L, () -> new CommissionDraft(ref, 0, "USD", AT));
    sameMessage(CommissionDraft.class, "amountMinor", -5L, () -> new CommissionDraft(ref, -5, "USD", AT));
    sameMessage(CommissionDraft.class, "currency", "eur", () -> new CommissionDraft(ref, 5, "eur", AT));
    sameMessage(CommissionDraft.class, "referralId", null, () -> new CommissionDraft(null, 5, "EUR", AT));
    sameMessage(CommissionDraft.class, "earnedAt", null, () -> new CommissionDraft(ref, 5, "EUR", null));
  }

  @Test
  void planQuotaAndInviteComponentsFailWithTheConstraintMessages() {
    for (String key : new String[] {"", "Invites", "invites..monthly", "1invites", "invites.", "x".repeat(65)}) {
      sameMessage(PlanQuota.class, "key", key, () -> new PlanQuota(key, "Invites", 1, 0, null));
    }
    sameMessage(PlanQuota.class, "label", " ", () -> new PlanQuota("seats", " ", 1, 0, null));
    sameMessage(PlanQuota.class, "limit", -1L, () -> new PlanQuota("seats", "Seats", -1, 0, null));
    sameMessage(PlanQuota.class, "used", -1L, () -> new PlanQuota("seats", "Seats", 1, -1, null));
    for (String principal : new String[] {"", " partner", "partner p", "-partner", "partner\u200b",
        "p".repeat(65)}) {
      sameMessage(InviteDraft.class, "inviterPrincipal", principal, () -> new InviteDraft(InviteId.of("inv-1"),
          OccasionId.of("occ"), EventId.of("ev"), PartnerId.of("p"), principal, UserId.of("u"), AT, false, false,
          null));
    }
  }

  @Test
  void inviteAcceptanceMustAgree() {
    InvalidValueException credited = assertThrows(InvalidValueException.class, () -> new InviteDraft(
        InviteId.of("inv-1"), OccasionId.of("occ"), EventId.of("ev"), PartnerId.of("p"), "p", UserId.of("u"), AT,
        false, true, null));
    assertEquals("creditedAcceptance", credited.field());
    InvalidValueException when = assertThrows(InvalidValueException.class, () -> new InviteDraft(
        InviteId.of("inv-1"), OccasionId.of("occ"), EventId.of("ev"), PartnerId.of("p"), "p", UserId.of("u"), AT,
        true, true, null));
    assertEquals("acceptedAt", when.field());
    InvalidValueException early = assertThrows(InvalidValueException.class, () -> new InviteDraft(
        InviteId.of("inv-1"), OccasionId.of("occ"), EventId.of("ev"), PartnerId.of("p"), "p", UserId.of("u"), AT,
        true, false, AT.minusSeconds(1)));
    assertEquals("acceptedAt", early.field());
  }

  /** Strings near the shape of an address: pieces of an alphabet, of local parts and of domains. */
  private static Gen<String> addressLike() {
    List<String> pieces = List.of("a", "Z", "9", ".", "-", "_", "+", "%", "@", " ", "\u00e9", "co", "example",
        "mail.", ".com", "@example.com", "a@b.co", "x-", "-x", "..", "@@", "\u0000", "\u200b");
    return lists().of(integers().between(0, pieces.size() - 1)).ofSizeBetween(0, 8)
        .map(indexes -> indexes.stream().map(pieces::get).collect(Collectors.joining()));
  }

  /** On random address-like strings, the validator and the constructor accept and refuse exactly the same ones. */
  @Test
  void emailVerdictsAgreeOnRandomStrings() {
    qt().withFixedSeed(SEED).withExamples(3000).forAll(addressLike()).checkAssert(email -> {
      Set<String> said = violations(ReferralDraft.class, "clientEmail", email);
      boolean built;
      String message = null;
      try {
        referral("Rosa", email, Money.of(1, "USD"));
        built = true;
      } catch (InvalidValueException e) {
        built = false;
        message = e.getMessage();
      }
      assertEquals(built, said.isEmpty(), () -> "verdicts differ for " + email + ": " + said);
      if (!built) {
        String thrown = message;
        assertTrue(said.contains(thrown), () -> "messages differ for " + email + ": " + thrown + " / " + said);
      }
    });
  }

  @Test
  void draftsReadFromStrictJsonAndFailNamingTheField() {
    PartnerkitJson json = PartnerkitJson.create();
    ReferralDraft read = json.read("{\"partnerId\":\"p-acme\",\"clientName\":\"Rosa\",\"clientEmail\":\"rosa@ex.com\","
        + "\"estimatedValue\":{\"amountMinor\":250000,\"currency\":\"USD\"},\"referredAt\":\"2026-10-02T15:00:00Z\"}",
        ReferralDraft.class);
    assertEquals(referral("Rosa", "rosa@ex.com", Money.of(250_000, "USD")), read);
    assertEquals(read, json.read(json.write(read), ReferralDraft.class));
    InvalidValueException bad = assertThrows(InvalidValueException.class, () -> json.read("{\"partnerId\":\"p\","
        + "\"clientName\":\"Rosa\",\"clientEmail\":\"rosa\",\"estimatedValue\":{\"amountMinor\":1,"
        + "\"currency\":\"USD\"},\"referredAt\":\"2026-10-02T15:00:00Z\"}", ReferralDraft.class));
    assertTrue(bad.getMessage().contains("clientEmail must be a valid e-mail address"), bad.getMessage());
    assertThrows(InvalidValueException.class, () -> json.read("{\"amountMinor\":1.5,\"currency\":\"USD\"}",
        Money.class));
  }
}
