package dev.partnerkit.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The values' own validation: identifiers, texts, keys, and builders that fail as a whole in build(). */
class ValueValidationTest {
  private static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");

  static Stream<Arguments> identifierTypes() {
    return Stream.of(
        Arguments.of("tenantId", (Function<String, Object>) TenantId::of),
        Arguments.of("grantId", (Function<String, Object>) GrantId::of),
        Arguments.of("partnerId", (Function<String, Object>) PartnerId::of),
        Arguments.of("userId", (Function<String, Object>) UserId::of),
        Arguments.of("eventId", (Function<String, Object>) EventId::of),
        Arguments.of("occasionId", (Function<String, Object>) OccasionId::of),
        Arguments.of("resourceId", (Function<String, Object>) ResourceId::of),
        Arguments.of("jobId", (Function<String, Object>) JobId::of),
        Arguments.of("integrationPrincipalId", (Function<String, Object>) IntegrationPrincipalId::of));
  }

  private static InvalidValueException rejects(Function<String, Object> of, String value) {
    return assertThrows(InvalidValueException.class, () -> of.apply(value), () -> "accepted " + value);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("identifierTypes")
  void identifiersRejectHostileText(String field, Function<String, Object> of) {
    assertEquals("ok-1", of.apply("ok-1").toString());
    assertEquals(64, of.apply("x".repeat(64)).toString().length());

    InvalidValueException nul = rejects(of, "a\u0000b");
    assertEquals(field, nul.field());
    assertTrue(nul.getMessage().startsWith(field + " "), nul.getMessage());
    assertTrue(nul.getMessage().contains("U+0000"), nul.getMessage());
    assertTrue(nul.getMessage().contains("at index 1"), nul.getMessage());

    InvalidValueException bidi = rejects(of, "acme\u202Eslx");
    assertTrue(bidi.getMessage().contains(field) && bidi.getMessage().contains("U+202E"), bidi.getMessage());
    assertTrue(bidi.getMessage().contains("'acme\\u202Eslx'"), "shown escaped: " + bidi.getMessage());

    InvalidValueException zeroWidth = rejects(of, "ac\u200Bme");
    assertTrue(zeroWidth.getMessage().contains(field) && zeroWidth.getMessage().contains("U+200B"),
        zeroWidth.getMessage());

    InvalidValueException tooLong = rejects(of, "x".repeat(65));
    assertTrue(tooLong.getMessage().contains(field) && tooLong.getMessage().contains("at most 64")
        && tooLong.getMessage().contains("65 characters"), tooLong.getMessage());
    assertTrue(tooLong.getMessage().contains("... (65 characters)"), "shortened: " + tooLong.getMessage());

    for (String blank : List.of("", " ", "\t", "   \n ")) {
      InvalidValueException e = rejects(of, blank);
      assertEquals(field, e.field());
      assertTrue(e.getMessage().contains(field + " must not be blank"), e.getMessage());
    }
    InvalidValueException padded = rejects(of, " acme");
    assertTrue(padded.getMessage().contains("whitespace"), padded.getMessage());
    InvalidValueException lineSep = rejects(of, "a\u2028b");
    assertTrue(lineSep.getMessage().contains("U+2028"), lineSep.getMessage());
    InvalidValueException missing = rejects(of, null);
    assertEquals(field + " is required, but was null", missing.getMessage());
  }

  @Test
  void tenantIdNamesTheFieldAndTheCodePoint() {
    InvalidValueException e = assertThrows(InvalidValueException.class, () -> TenantId.of("a\u0000b"));
    assertTrue(e.getMessage().contains("tenantId"), e.getMessage());
    assertTrue(e.getMessage().contains("U+0000"), e.getMessage());
  }

  @Test
  void aTenMegabyteIdentifierIsRejectedWithAShortMessage() {
    String huge = "a".repeat(10 * 1024 * 1024);
    InvalidValueException e = assertThrows(InvalidValueException.class, () -> PartnerId.of(huge));
    assertTrue(e.getMessage().contains("partnerId"), e.getMessage());
    assertTrue(e.getMessage().length() < 300, "message stays short: " + e.getMessage().length());
  }

  @Test
  void textAllowsRightToLeftNamesButNoControlCharacters() {
    Tenant arabic = Tenant.of(TenantId.of("t-1"), "\u0645\u0637\u0639\u0645 \u200F\u0627\u0644\u0646\u0648\u0631",
        ZoneId.of("Asia/Dubai"));
    assertTrue(arabic.name().startsWith("\u0645"));
    InvalidValueException e = assertThrows(InvalidValueException.class,
        () -> Tenant.of(TenantId.of("t-1"), "Toni\u0007Catering", ZoneId.of("UTC")));
    assertEquals("name", e.field());
    assertTrue(e.getMessage().contains("U+0007"), e.getMessage());
    InvalidValueException lone = assertThrows(InvalidValueException.class,
        () -> Tenant.of(TenantId.of("t-1"), "Toni\uD800", ZoneId.of("UTC")));
    assertTrue(lone.getMessage().contains("U+D800"), lone.getMessage());
    InvalidValueException tooLong = assertThrows(InvalidValueException.class,
        () -> Tenant.of(TenantId.of("t-1"), "n".repeat(201), ZoneId.of("UTC")));
    assertTrue(tooLong.getMessage().contains("name must be at most 200"), tooLong.getMessage());
  }

  @Test
  void keysMustBeDottedLowerCase() {
    assertEquals("feature.multi_user_support", Entitlement.of("feature.multi_user_support").key());
    InvalidValueException e = assertThrows(InvalidValueException.class, () -> Entitlement.of("Feature.Multi"));
    assertEquals("entitlement", e.field());
    assertTrue(e.getMessage().contains("'Feature.Multi'"), e.getMessage());
    InvalidValueException p = assertThrows(InvalidValueException.class, () -> ProductCapability.of("vendor access"));
    assertTrue(p.getMessage().contains("productCapability"), p.getMessage());
  }

  @Test
  void wireNamesParseStrictly() {
    assertEquals(GrantStatus.ACTIVE, WireNamed.parse(GrantStatus.class, "status", "active"));
    assertEquals(Surface.RUN_OF_SHOW, WireNamed.parse(Surface.class, "surface", "run-of-show"));
    InvalidValueException e = assertThrows(InvalidValueException.class,
        () -> WireNamed.parse(GrantStatus.class, "status", "approved_by_partner"));
    assertEquals("status", e.field());
    assertTrue(e.getMessage().contains("[pending, active, suspended, revoked, expired]"), e.getMessage());
    assertTrue(e.getMessage().contains("'approved_by_partner'"), e.getMessage());
    assertThrows(InvalidValueException.class, () -> WireNamed.parse(GrantStatus.class, "status", "ACTIVE"));
    assertThrows(InvalidValueException.class, () -> WireNamed.parse(GrantStatus.class, "status", null));
  }

  // --- builders fail as a whole, from build(), and nothing escapes ---

  private static <T> InvalidValueException failsInBuild(Supplier<T> build) {
    Object[] escaped = new Object[1];
    InvalidValueException e = assertThrows(InvalidValueException.class, () -> escaped[0] = build.get());
    assertNull(escaped[0], "no instance escapes a failed build");
    StackTraceElement thrower = null;
    for (StackTraceElement el : e.getStackTrace()) {
      if (el.getMethodName().equals("build")) {
        thrower = el;
        break;
      }
    }
    assertTrue(thrower != null && thrower.getClassName().startsWith("dev.partnerkit.domain.Immutable"),
        "thrown from the generated build(): " + e);
    return e;
  }

  private static ImmutableAccessGrant.Builder grantBuilder() {
    return AccessGrant.builder().grantId(GrantId.of("g-7")).tenantId(TenantId.of("toni-catering"))
        .partnerId(PartnerId.of("p-acme"))
        .scope(GrantScope.builder().occasionId(OccasionId.of("occ-wedding")).addSurfaces(Surface.TASKS).build())
        .addCapabilities(PartnerCapability.MANAGE_TASK).status(GrantStatus.ACTIVE).validFrom(FROM)
        .issuedBy(UserId.of("u-maya"));
  }

  @Test
  void grantWithWindowEndingBeforeItStartsFailsInBuild() {
    ImmutableAccessGrant.Builder b = assertDoesNotThrow(
        () -> grantBuilder().validUntil(Instant.parse("2026-10-31T00:00:00Z")));
    InvalidValueException e = failsInBuild(b::build);
    assertEquals("validUntil", e.field());
    assertTrue(e.getMessage().contains("validUntil must be after validFrom (2026-11-01T00:00:00Z)"), e.getMessage());
    // the builder stays usable: fixing the fault builds a valid grant
    assertEquals(GrantStatus.ACTIVE, b.validUntil(Instant.parse("2026-12-01T00:00:00Z")).build().status());
  }

  @Test
  void grantMissingRequiredAttributesNamesThem() {
    InvalidValueException e = failsInBuild(() -> AccessGrant.builder().grantId(GrantId.of("g-7")).build());
    for (String attribute : List.of("tenantId", "partnerId", "scope", "status", "validFrom", "issuedBy")) {
      assertTrue(e.getMessage().contains(attribute), attribute + " in " + e.getMessage());
    }
  }

  @Test
  void grantForAnIntegrationCannotAlsoNameMembers() {
    InvalidValueException e = failsInBuild(() -> grantBuilder()
        .integrationPrincipal(IntegrationPrincipalId.of("ip-acme-sync")).addMembers(UserId.of("u-dana")).build());
    assertEquals("members", e.field());
    assertTrue(e.getMessage().contains("ip-acme-sync"), e.getMessage());
  }

  @Test
  void negativeVersionAndTooManyMembersFailInBuild() {
    assertEquals("version", failsInBuild(() -> grantBuilder().version(-1).build()).field());
    ImmutableAccessGrant.Builder many = grantBuilder();
    for (int i = 0; i <= AccessGrant.MAX_MEMBERS; i++) {
      many.addMembers(UserId.of("u-" + i));
    }
    InvalidValueException e = failsInBuild(many::build);
    assertTrue(e.getMessage().contains("members must hold at most 200 entries, but held 201"), e.getMessage());
  }

  @Test
  void scopeWithoutSurfacesFailsInBuild() {
    InvalidValueException e = failsInBuild(
        () -> GrantScope.builder().occasionId(OccasionId.of("occ-wedding")).build());
    assertEquals("scope.surfaces", e.field());
  }

  @Test
  void nullElementsAreRejectedNamingTheAttribute() {
    InvalidValueException e = assertThrows(InvalidValueException.class,
        () -> grantBuilder().addMembers((UserId) null));
    assertTrue(e.getMessage().contains("members"), e.getMessage());
    InvalidValueException s = assertThrows(InvalidValueException.class,
        () -> grantBuilder().capabilities(java.util.Arrays.asList(PartnerCapability.COMMENT, null)));
    assertTrue(s.getMessage().contains("capabilities"), s.getMessage());
  }

  @Test
  void requestInvariantsFailInBuild() {
    PartnerMember dana = PartnerMember.builder().userId(UserId.of("u-dana")).partnerId(PartnerId.of("p-acme"))
        .displayName("Dana").status(MembershipStatus.ACTIVE).build();
    TenantId t = TenantId.of("toni-catering");
    OccasionId o = OccasionId.of("occ-wedding");
    InvalidValueException noSurface = failsInBuild(() -> AccessRequest.builder().actor(dana).tenantId(t)
        .occasionId(o).intent(IntentKind.CONTRIBUTE).build());
    assertEquals("surface", noSurface.field());
    InvalidValueException noRecord = failsInBuild(() -> AccessRequest.builder().actor(dana).tenantId(t)
        .occasionId(o).surface(Surface.TASKS).intent(IntentKind.TRANSITION).build());
    assertEquals("record", noRecord.field());
    RecordAction withoutTarget = RecordAction.builder().type("partner_task").recordId("t-1").build();
    InvalidValueException noTarget = failsInBuild(() -> AccessRequest.onRecord(dana, t, IntentKind.TRANSITION,
        Surface.TASKS, Placement.inOccasion(o), withoutTarget).build());
    assertEquals("record.toStatus", noTarget.field());
    InvalidValueException internalView = failsInBuild(() -> AccessRequest.view(dana, t, o, Surface.COMMENTS)
        .internalOnly(true).build());
    assertEquals("internalOnly", internalView.field());
  }

  @Test
  void operatorNeedsARoleAndPrincipalTriggersAreChecked() {
    InvalidValueException roles = failsInBuild(() -> OperatorUser.builder().userId(UserId.of("u-maya"))
        .tenantId(TenantId.of("toni-catering")).displayName("Maya").build());
    assertEquals("roles", roles.field());
    InvalidValueException trigger = failsInBuild(() -> IntegrationPrincipal.builder()
        .principalId(IntegrationPrincipalId.of("ip-1")).partnerId(PartnerId.of("p-acme")).name("Sync")
        .addTriggers("Printable Generated").build());
    assertEquals("triggers", trigger.field());
    assertTrue(trigger.getMessage().contains("'Printable Generated'"), trigger.getMessage());
  }

  @Test
  void entitlementMappingResolvesAndCopiesInnerSets() {
    java.util.Set<ProductCapability> mutable = new java.util.HashSet<>(Set.of(ProductCapability.VENDOR_ACCESS));
    EntitlementMapping mapping = EntitlementMapping.builder().putRules(Entitlement.of("plan.pro"), mutable).build();
    mutable.clear();
    assertTrue(mapping.resolve(OccasionId.of("occ-1"), Set.of(Entitlement.of("plan.pro"))).vendorAccessEnabled());
    assertTrue(EntitlementMapping.defaults()
        .resolve(OccasionId.of("occ-1"), Set.of(Entitlement.MULTI_USER_SUPPORT)).vendorAccessEnabled());
    assertTrue(!EntitlementMapping.defaults()
        .resolve(OccasionId.of("occ-1"), Set.of(Entitlement.of("feature.other"))).vendorAccessEnabled());
  }
}
