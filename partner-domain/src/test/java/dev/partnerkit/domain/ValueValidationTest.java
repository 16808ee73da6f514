package dev.partnerkit.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
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

  private static final PartnerMember DANA = PartnerMember.builder().tenantId(TenantId.of("toni-catering")).userId(UserId.of("u-dana"))
      .partnerId(PartnerId.of("p-acme")).displayName("Dana").status(MembershipStatus.ACTIVE).build();
  private static final TenantId TENANT = TenantId.of("toni-catering");
  private static final OccasionId OCCASION = OccasionId.of("occ-wedding");

  private static ImmutableRecordAction.Builder task(String id) {
    return RecordAction.builder().type("partner_task").recordId(id).partnerId(PartnerId.of("p-acme"));
  }

  private static ImmutableAccessRequest.Builder onTask(IntentKind intent, RecordAction action) {
    return AccessRequest.onRecord(DANA, TENANT, intent, Surface.TASKS, Placement.inOccasion(OCCASION), action);
  }

  @Test
  void theOperationFollowsFromTheIntent() {
    for (IntentKind intent : IntentKind.values()) {
      assertEquals(intent == IntentKind.VIEW ? Operation.READ : Operation.WRITE, intent.operation(),
          intent.wireName());
    }
    assertEquals(Operation.READ, AccessRequest.view(DANA, TENANT, OCCASION, Surface.TASKS).build().operation());
    assertEquals(Operation.WRITE, AccessRequest.contribute(DANA, TENANT, OCCASION, Surface.TASKS).build()
        .operation());
  }

  @Test
  void exactScopeForWritesAndForReadsAboutOneRecord() {
    assertFalse(AccessRequest.view(DANA, TENANT, OCCASION, Surface.TASKS).build().exactScope(), "a listing");
    assertFalse(AccessRequest.openOccasion(DANA, TENANT, OCCASION).build().exactScope(), "opening the occasion");
    assertTrue(AccessRequest.view(DANA, TENANT, OCCASION, Surface.TASKS).record(task("t-1").build()).build()
        .exactScope(), "a per-record view");
    assertTrue(AccessRequest.contribute(DANA, TENANT, OCCASION, Surface.COMMENTS).build().exactScope());
    assertTrue(onTask(IntentKind.CREATE, RecordAction.builder().type("partner_task").build()).build()
        .exactScope());
  }

  @Test
  void onRecordTakesOccasionEventAndResourceFromThePlacement() {
    Placement placed = Placement.builder().occasionId(OccasionId.of("occ-gala")).eventId(EventId.of("ev-1"))
        .resourceId(ResourceId.of("art-1")).partnerId(PartnerId.of("p-acme")).build();
    AccessRequest r = AccessRequest.onRecord(DANA, TENANT, IntentKind.REVISE, Surface.TASKS, placed,
        task("t-1").build()).build();
    assertEquals(OccasionId.of("occ-gala"), r.occasionId());
    assertEquals(Optional.of(EventId.of("ev-1")), r.eventId());
    assertEquals(Optional.of(ResourceId.of("art-1")), r.resourceId());
    assertEquals(Optional.of(Surface.TASKS), r.surface());
    assertEquals(IntentKind.REVISE, r.intent());
  }

  @Test
  void requestInvariantsFailInBuild() {
    InvalidValueException noSurface = failsInBuild(() -> AccessRequest.builder().actor(DANA).tenantId(TENANT)
        .occasionId(OCCASION).intent(IntentKind.CONTRIBUTE).build());
    assertEquals("surface", noSurface.field());
    assertTrue(noSurface.getMessage().contains("surface is required for intent contribute"),
        noSurface.getMessage());
    InvalidValueException noRecord = failsInBuild(() -> AccessRequest.builder().actor(DANA).tenantId(TENANT)
        .occasionId(OCCASION).surface(Surface.TASKS).intent(IntentKind.TRANSITION).build());
    assertEquals("record", noRecord.field());
    assertTrue(noRecord.getMessage().contains("record is required for intent transition"), noRecord.getMessage());
    InvalidValueException recordOnContribution = failsInBuild(() -> AccessRequest.contribute(DANA, TENANT,
        OCCASION, Surface.COMMENTS).record(task("t-1").build()).build());
    assertEquals("record", recordOnContribution.field());
    InvalidValueException recordWithoutSurface = failsInBuild(() -> AccessRequest.openOccasion(DANA, TENANT,
        OCCASION).record(task("t-1").build()).build());
    assertEquals("surface", recordWithoutSurface.field());
    InvalidValueException internalView = failsInBuild(() -> AccessRequest.view(DANA, TENANT, OCCASION,
        Surface.COMMENTS).internalOnly(true).build());
    assertEquals("internalOnly", internalView.field());
  }

  @Test
  void recordActionMustFitTheIntent() {
    InvalidValueException noTarget = failsInBuild(() -> onTask(IntentKind.TRANSITION, task("t-1").build()).build());
    assertEquals("record.toStatus", noTarget.field());
    InvalidValueException targetOnRevise = failsInBuild(() -> onTask(IntentKind.REVISE,
        task("t-1").fromStatus("to_do").toStatus("in_progress").build()).build());
    assertEquals("record.toStatus", targetOnRevise.field());
    assertTrue(targetOnRevise.getMessage().contains("must be empty for intent revise"),
        targetOnRevise.getMessage());
    InvalidValueException noRelation = failsInBuild(() -> onTask(IntentKind.LINK, task("t-1").build()).build());
    assertEquals("record.relation", noRelation.field());
    InvalidValueException relationOnCreate = failsInBuild(() -> onTask(IntentKind.CREATE,
        RecordAction.builder().type("partner_task").relation("depends_on").build()).build());
    assertEquals("record.relation", relationOnCreate.field());
    InvalidValueException noId = failsInBuild(() -> onTask(IntentKind.UNLINK,
        RecordAction.builder().type("partner_task").relation("depends_on").build()).build());
    assertEquals("record.recordId", noId.field());
    assertTrue(noId.getMessage().contains("record.recordId is required for intent unlink"), noId.getMessage());
    assertTrue(onTask(IntentKind.CREATE, RecordAction.builder().type("partner_task").build()).build().record()
        .orElseThrow().recordId().isEmpty(), "a record being created has no id yet");
  }

  @Test
  void recordActionValidatesItsParts() {
    InvalidValueException type = failsInBuild(() -> RecordAction.builder().type("PartnerTask").build());
    assertEquals("type", type.field());
    assertTrue(type.getMessage().contains("'PartnerTask'"), type.getMessage());
    InvalidValueException half = failsInBuild(() -> task("t-1").fromStatus("to_do").build());
    assertEquals("toStatus", half.field());
    assertEquals("recordId", failsInBuild(() -> RecordAction.builder().type("partner_task").recordId("t\u00001")
        .build()).field());
    assertEquals("relation", failsInBuild(() -> task("t-1").relation("Depends On").build()).field());
    assertEquals("title", failsInBuild(() -> task("t-1").title(" ").build()).field());
    ImmutableRecordAction.Builder many = task("t-1");
    for (int i = 0; i <= RecordAction.MAX_PREREQUISITES; i++) {
      many.addOpenPrerequisites(RecordRef.of("partner_task", "t-" + (i + 100)));
    }
    InvalidValueException tooMany = failsInBuild(many::build);
    assertEquals("openPrerequisites", tooMany.field());
    assertTrue(tooMany.getMessage().contains("at most 100 entries, but held 101"), tooMany.getMessage());
  }

  @Test
  void recordRefsNameAValidTypeAndId() {
    assertEquals("partner_task:t-1", RecordRef.of("partner_task", "t-1").toString());
    InvalidValueException type = assertThrows(InvalidValueException.class, () -> RecordRef.of("Task", "t-1"));
    assertEquals("type", type.field());
    assertTrue(type.getMessage().contains("lower snake case") && type.getMessage().contains("'Task'"),
        type.getMessage());
    assertEquals("type", assertThrows(InvalidValueException.class, () -> RecordRef.of("t".repeat(49), "t-1"))
        .field());
    assertEquals("id", assertThrows(InvalidValueException.class, () -> RecordRef.of("job", " j-1")).field());
    assertEquals("type", assertThrows(InvalidValueException.class, () -> RecordRef.of(null, "j-1")).field());
    assertTrue(RecordRef.of("event", "ev-1").compareTo(RecordRef.of("job", "a")) < 0, "ordered by type first");
    assertTrue(RecordRef.of("job", "j-1").compareTo(RecordRef.of("job", "j-2")) < 0, "then by id");
    assertFalse(RecordRef.isTypeName(null));
    assertFalse(RecordRef.isTypeName("9lives"));
  }

  @Test
  void operatorNeedsARoleAndPrincipalTriggersAreChecked() {
    InvalidValueException roles = failsInBuild(() -> OperatorUser.builder().userId(UserId.of("u-maya"))
        .tenantId(TenantId.of("toni-catering")).displayName("Maya").build());
    assertEquals("roles", roles.field());
    InvalidValueException trigger = failsInBuild(() -> IntegrationPrincipal.builder()
        .tenantId(TenantId.of("toni-catering")).principalId(IntegrationPrincipalId.of("ip-1")).partnerId(PartnerId.of("p-acme")).name("Sync")
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
