package dev.partnerkit.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnerkit.domain.AccessGrant;
import dev.partnerkit.domain.AccessRequest;
import dev.partnerkit.domain.Actor;
import dev.partnerkit.domain.Decision;
import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.domain.Partner;
import dev.partnerkit.domain.Surface;
import dev.partnerkit.domain.json.PartnerkitJson;
import dev.partnerkit.policy.surface.tasks.TaskStatus;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile JSON is rejected with an InvalidValueException whose message names the field or JSON path, and no Java
 * class.
 */
class HostileJsonTest {
  private static final PartnerkitJson JSON = PartnerkitJson.create();
  private static final String GRANT = JSON.write(Fixtures.wideGrant("g-7").version(4).build());
  private static final String REQUEST = JSON.write(
      AccessRequest.view(Fixtures.DANA, Fixtures.TENANT, Fixtures.OCCASION, Surface.TASKS).build());

  /** Replaces exactly one occurrence of {@code from} in the valid grant document. */
  private static String grantWith(String from, String to) {
    assertEquals(1, GRANT.split(java.util.regex.Pattern.quote(from), -1).length - 1, "unique: " + from);
    return GRANT.replace(from, to);
  }

  private static InvalidValueException rejected(String json, Class<?> type) {
    Object[] escaped = new Object[1];
    InvalidValueException e = assertThrows(InvalidValueException.class, () -> escaped[0] = JSON.read(json, type),
        () -> "accepted: " + (json.length() > 200 ? json.substring(0, 200) + "..." : json));
    assertNull(escaped[0], "nothing half-built escapes");
    assertTrue(e.getMessage().length() < 1200, "message stays short: " + e.getMessage().length());
    assertNamesNoClass(e.getMessage(), json);
    return e;
  }

  /**
   * Messages go back to partners and machines: they name fields, never a Java class or Jackson internals (unless
   * the input itself said it, e.g. a class name sent as a kind).
   */
  static void assertNamesNoClass(String message, String input) {
    for (String leak : List.of("dev.partnerkit", "Immutable", "java.", "$Json", "`", "Source:", "Enum class",
        "com.fasterxml", "Cannot build", "Cannot deserialize", "Cannot construct")) {
      assertTrue(!message.contains(leak) || input.contains(leak), () -> "names " + leak + ": " + message);
    }
  }

  /** {@link #rejected}, with a message that contains {@code words}. */
  private static InvalidValueException rejectedSaying(String json, Class<?> type, String words) {
    InvalidValueException e = rejected(json, type);
    assertTrue(e.getMessage().contains(words), () -> "expected \"" + words + "\" in: " + e.getMessage());
    return e;
  }

  static Stream<Arguments> hostileGrants() {
    return Stream.of(
        Arguments.of("unknown field", grantWith("\"version\":4", "\"version\":4,\"isAdmin\":true"),
            List.of("isAdmin")),
        Arguments.of("unknown enum value", grantWith("\"status\":\"active\"", "\"status\":\"approved_by_partner\""),
            List.of("status", "approved_by_partner")),
        Arguments.of("enum in upper case", grantWith("\"status\":\"active\"", "\"status\":\"ACTIVE\""),
            List.of("status", "ACTIVE")),
        Arguments.of("enum as a number", grantWith("\"status\":\"active\"", "\"status\":1"), List.of("status")),
        Arguments.of("null for a required field", grantWith("\"tenantId\":\"toni-catering\"", "\"tenantId\":null"),
            List.of("tenantId")),
        Arguments.of("required field missing", grantWith("\"issuedBy\":\"u-maya\",", ""), List.of("issuedBy")),
        Arguments.of("null for a primitive", grantWith("\"version\":4", "\"version\":null"), List.of("version")),
        Arguments.of("float for a long", grantWith("\"version\":4", "\"version\":7.9"), List.of("version")),
        Arguments.of("string for a long", grantWith("\"version\":4", "\"version\":\"7\""), List.of("version")),
        Arguments.of("boolean for a long", grantWith("\"version\":4", "\"version\":true"), List.of("version")),
        Arguments.of("negative version", grantWith("\"version\":4", "\"version\":-1"), List.of("version")),
        Arguments.of("overlong number", grantWith("\"version\":4", "\"version\":" + "9".repeat(60)),
            List.of("at version", "number value length")),
        Arguments.of("long that overflows", grantWith("\"version\":4", "\"version\":99999999999999999999"),
            List.of("version")),
        Arguments.of("duplicate key", grantWith("\"version\":4", "\"version\":4,\"version\":5"),
            List.of("version")),
        Arguments.of("duplicate key nested",
            grantWith("\"occasionId\":\"occ-wedding\"", "\"occasionId\":\"occ-wedding\",\"occasionId\":\"occ-x\""),
            List.of("occasionId")),
        Arguments.of("control character in an identifier",
            grantWith("\"grantId\":\"g-7\"", "\"grantId\":\"g-\\u00007\""), List.of("grantId", "U+0000")),
        Arguments.of("bidi override in an identifier",
            grantWith("\"partnerId\":\"p-acme\"", "\"partnerId\":\"p-\u202Eemca\""), List.of("partnerId", "U+202E")),
        Arguments.of("zero-width space in an identifier",
            grantWith("\"partnerId\":\"p-acme\"", "\"partnerId\":\"p-ac\\u200Bme\""),
            List.of("partnerId", "U+200B")),
        Arguments.of("65-character identifier",
            grantWith("\"grantId\":\"g-7\"", "\"grantId\":\"" + "g".repeat(65) + "\""),
            List.of("grantId", "at most 64")),
        Arguments.of("blank identifier", grantWith("\"grantId\":\"g-7\"", "\"grantId\":\"   \""),
            List.of("grantId", "blank")),
        Arguments.of("empty identifier", grantWith("\"issuedBy\":\"u-maya\"", "\"issuedBy\":\"\""),
            List.of("issuedBy")),
        Arguments.of("null inside a set", grantWith("\"capabilities\":[\"comment\"",
            "\"capabilities\":[null,\"comment\""), List.of("capabilities")),
        Arguments.of("identifier as a number", grantWith("\"grantId\":\"g-7\"", "\"grantId\":7"),
            List.of("grantId")),
        Arguments.of("window ends before it starts",
            grantWith("\"validUntil\":\"2026-12-01T00:00:00Z\"", "\"validUntil\":\"2026-10-01T00:00:00Z\""),
            List.of("validUntil", "after validFrom")),
        Arguments.of("malformed instant",
            grantWith("\"validFrom\":\"2026-11-01T00:00:00Z\"", "\"validFrom\":\"yesterday\""),
            List.of("validFrom")),
        Arguments.of("empty surfaces", grantWith(GRANT.substring(GRANT.indexOf("\"surfaces\":["),
            GRANT.indexOf(']', GRANT.indexOf("\"surfaces\":[")) + 1), "\"surfaces\":[]"), List.of("surfaces")),
        Arguments.of("trailing tokens", GRANT + " {}", List.of("$", "trailing")),
        Arguments.of("second document", GRANT + GRANT, List.of("$", "trailing")),
        Arguments.of("truncated document", GRANT.substring(0, GRANT.length() - 10), List.of("end-of-input")),
        Arguments.of("not an object", "[]", List.of("$")),
        Arguments.of("comments", "/* hi */" + GRANT, List.of("$")),
        Arguments.of("NaN", grantWith("\"version\":4", "\"version\":NaN"), List.of("at version", "NaN")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileGrants")
  void hostileGrantIsRejectedNamingTheField(String name, String json, List<String> named) {
    InvalidValueException e = rejected(json, AccessGrant.class);
    String message = e.getMessage();
    assertTrue(message.startsWith("invalid JSON at "), message);
    for (String word : named) {
      assertTrue(message.toLowerCase(Locale.ROOT).contains(word.toLowerCase(Locale.ROOT)),
          () -> "expected \"" + word + "\" in: " + message);
    }
    assertTrue(e.field() != null && !e.field().isBlank(), "field: " + e.field());
  }

  @Test
  void fieldIsTheJsonPathOfTheRejectedValue() {
    assertEquals("status", rejected(grantWith("\"status\":\"active\"", "\"status\":\"approved_by_partner\""),
        AccessGrant.class).field());
    assertEquals("version", rejected(grantWith("\"version\":4", "\"version\":7.9"), AccessGrant.class).field());
    assertEquals("scope.surfaces[0]", rejected(grantWith("\"surfaces\":[\"documents\"",
        "\"surfaces\":[\"dokuments\""), AccessGrant.class).field());
    assertEquals("$", rejected(GRANT + " 1", AccessGrant.class).field());
    assertEquals("version", rejected(grantWith("\"version\":4", "\"version\":4,\"version\":5"),
        AccessGrant.class).field());
    assertEquals("scope.occasionId", rejected(grantWith("\"occasionId\":\"occ-wedding\"",
        "\"occasionId\":\"occ-wedding\",\"occasionId\":\"occ-x\""), AccessGrant.class).field());
  }

  @Test
  void tenMegabyteStringIsRejected() {
    String huge = "x".repeat(10 * 1024 * 1024);
    InvalidValueException e = rejected(REQUEST.replace("\"displayName\":\"Dana\"",
        "\"displayName\":\"" + huge + "\""), AccessRequest.class);
    assertEquals("actor.displayName", e.field());
    assertTrue(e.getMessage().startsWith("invalid JSON at actor.displayName: "), e.getMessage());
    assertTrue(e.getMessage().contains("100000"), "names the limit: " + e.getMessage());
  }

  @Test
  void nestingDeeperThan32IsRejected() {
    // binding a Partnerkit value stops at the first token of the wrong shape, before the depth matters
    InvalidValueException typed = rejected("{\"actor\":" + "[".repeat(40) + "]".repeat(40) + "}",
        AccessRequest.class);
    assertEquals("actor", typed.field());
    // the parser itself refuses depth 33, even for a type that would take anything
    String deep = "{\"a\":".repeat(33) + "1" + "}".repeat(33);
    InvalidValueException e = rejected(deep, java.util.Map.class);
    assertTrue(e.getMessage().contains("nesting depth") && e.getMessage().contains("32"), e.getMessage());
    assertTrue(e.field().startsWith("a.a.a."), e.field());
    String arrays = "[".repeat(40) + "]".repeat(40);
    assertTrue(rejected(arrays, Object.class).getMessage().contains("32"));
    String ok = "{\"a\":".repeat(32) + "1" + "}".repeat(32);
    assertEquals(1, JSON.read(ok, java.util.Map.class).size(), "depth 32 itself is fine");
  }

  @Test
  void actorKindsAreAClosedList() {
    rejectedSaying(REQUEST.replace("\"kind\":\"partner_member\"",
        "\"kind\":\"dev.partnerkit.domain.ImmutableOperatorUser\""), AccessRequest.class, "actor");
    rejectedSaying(REQUEST.replace("\"kind\":\"partner_member\",", ""), AccessRequest.class, "actor");
    // a member dressed up with operator fields does not become an operator
    rejectedSaying(REQUEST.replace("\"kind\":\"partner_member\",",
        "\"kind\":\"partner_member\",\"roles\":[\"owner_ops_lead\"],"), AccessRequest.class, "roles");
    assertEquals(Fixtures.MAYA, JSON.read(JSON.write(Fixtures.MAYA), Actor.class));
  }

  @Test
  void requestInvariantsAreCheckedWhenRead() {
    assertTrue(REQUEST.contains("\"intent\":\"view\"") && !REQUEST.contains("operation"),
        "the operation follows from the intent and is not written: " + REQUEST);
    // a caller cannot declare the operation
    rejectedSaying(REQUEST.replace("\"intent\":\"view\"", "\"intent\":\"view\",\"operation\":\"write\""),
        AccessRequest.class, "operation");
    assertEquals("intent", rejectedSaying(REQUEST.replace("\"intent\":\"view\"", "\"intent\":\"move_task\""),
        AccessRequest.class, "move_task").field());
    rejectedSaying(REQUEST.replace("\"intent\":\"view\"", "\"intent\":\"transition\""), AccessRequest.class,
        "record is required for intent transition");
    rejectedSaying(REQUEST.replace("\"internalOnly\":false", "\"internalOnly\":\"no\""), AccessRequest.class,
        "internalOnly");
  }

  @Test
  void recordActionsAreCheckedWhenRead() {
    AccessRequest request = Fixtures.move(Fixtures.DANA, TaskStatus.TO_DO, TaskStatus.IN_PROGRESS, "t-tables");
    String move = JSON.write(request);
    assertEquals(request, JSON.read(move, AccessRequest.class));
    assertEquals("record.type", rejectedSaying(move.replace("\"type\":\"partner_task\",\"recordId\"",
        "\"type\":\"PartnerTask\",\"recordId\""), AccessRequest.class, "'PartnerTask'").field());
    rejectedSaying(move.replace("\"toStatus\":\"in_progress\",", ""), AccessRequest.class,
        "fromStatus and toStatus must be given together");
    rejectedSaying(move.replace("{\"type\":\"partner_task\",\"id\":\"t-tables\"}",
        "{\"type\":\"partner_task\",\"id\":\"t-tables\",\"owner\":\"p-venue\"}"), AccessRequest.class, "owner");
    rejectedSaying(move.replace("\"recordId\":\"t-linen\"", "\"recordId\":\"t-linen\",\"closed\":true"),
        AccessRequest.class, "closed");
  }

  @Test
  void decisionThatContradictsItselfIsRejected() {
    Decision blocked = AccessDecider.create().decide(
        AccessRequest.view(Fixtures.DANA, Fixtures.TENANT, Fixtures.OCCASION, Surface.TASKS).build(),
        Fixtures.facts(), Fixtures.NOW);
    String json = JSON.write(blocked);
    InvalidValueException e = rejected(json.replace("\"allowed\":false", "\"allowed\":true"), Decision.class);
    assertTrue(e.getMessage().contains("reason") && e.getMessage().contains("no_grant"), e.getMessage());
  }

  @Test
  void textControlCharactersAreRejectedButReadableNamesPass() {
    Partner acme = Fixtures.ACME_PARTNER;
    String json = JSON.write(acme);
    InvalidValueException e = rejected(json.replace("Acme Rentals", "Acme\\u0000Rentals"), Partner.class);
    assertTrue(e.getMessage().contains("name") && e.getMessage().contains("U+0000"), e.getMessage());
    assertEquals("Acme \u05E9\u05DC\u05D5\u05DD", JSON.read(json.replace("Acme Rentals", "Acme \u05E9\u05DC\u05D5\u05DD"),
        Partner.class).name());
  }

  @Test
  void nullArgumentsAreRejected() {
    assertTrue(assertThrows(InvalidValueException.class, () -> JSON.read(null, AccessGrant.class)).getMessage()
        .contains("json"));
    assertTrue(assertThrows(InvalidValueException.class, () -> JSON.read(GRANT, null)).getMessage()
        .contains("type"));
  }
}
