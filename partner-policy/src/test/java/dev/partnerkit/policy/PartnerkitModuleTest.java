package dev.partnerkit.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.partnerkit.domain.AccessGrant;
import dev.partnerkit.domain.Actor;
import dev.partnerkit.domain.GrantScope;
import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.domain.PartnerCapability;
import dev.partnerkit.domain.Surface;
import dev.partnerkit.domain.json.InvalidJsonException;
import dev.partnerkit.domain.json.PartnerkitJson;
import dev.partnerkit.domain.json.PartnerkitModule;
import dev.partnerkit.domain.JobId;
import dev.partnerkit.domain.Placement;
import dev.partnerkit.domain.RecordRef;
import dev.partnerkit.domain.SourceTruth;
import dev.partnerkit.policy.surface.tasks.TaskBody;
import dev.partnerkit.policy.surface.tasks.TaskDraft;
import dev.partnerkit.policy.surface.tasks.TaskId;
import dev.partnerkit.policy.workspace.Contribution;
import dev.partnerkit.domain.PartnerKind;
import dev.partnerkit.policy.workspace.MemberInvite;
import dev.partnerkit.policy.workspace.PartnerDraft;
import dev.partnerkit.policy.workspace.PrincipalDraft;
import dev.partnerkit.policy.workspace.RecordCommands;
import dev.partnerkit.policy.workspace.GrantDraft;
import example.host.HostBodies.Color;
import example.host.HostBodies.GrantEnvelope;
import example.host.HostBodies.IssueRequest;
import example.host.HostBodies.Order;
import example.host.HostBodies.TaskEnvelope;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A host's own, lenient mapper with {@link PartnerkitModule}: the host's types stay lenient, Partnerkit's values stay
 * strict, and what the host writes Partnerkit reads back.
 */
class PartnerkitModuleTest {
  /** Lenient like Spring Boot's mapper (unknown properties ignored) and more: unknown enum names read as null. */
  private static final ObjectMapper HOST = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
      .addModule(new PartnerkitModule())
      .build();
  private static final PartnerkitJson STRICT = PartnerkitJson.create();
  private static final AccessGrant GRANT = Fixtures.wideGrant("g-7").version(4).build();

  private static final String DRAFT = STRICT.write(GrantDraft.builder().partnerId(Fixtures.ACME)
      .scope(GrantScope.builder().occasionId(Fixtures.OCCASION).addSurfaces(Surface.TASKS).build())
      .addCapabilities(PartnerCapability.MANAGE_TASK).validFrom(Fixtures.FROM).build());

  @Test
  void theHostsOwnTypesStayLenient() throws JsonProcessingException {
    Order order = HOST.readValue("{\"note\":\"a\",\"note\":\"b\",\"count\":\"5\",\"rounded\":7.9,\"color\":\"mauve\","
        + "\"tags\":[1,true],\"unknown\":{\"x\":1}}", Order.class);
    assertEquals(new Order("b", 5, 7, null, List.of("1", "true")), order);
    IssueRequest request = HOST.readValue("{\"note\":\"n\",\"count\":\"3\",\"extra\":1,\"draft\":" + DRAFT + "}",
        IssueRequest.class);
    assertEquals(3, request.count());
    assertEquals(STRICT.read(DRAFT, GrantDraft.class), request.draft());
  }

  static Stream<Arguments> badDrafts() {
    return Stream.of(
        Arguments.of("unknown field", DRAFT.replace("{\"partnerId\"", "{\"isAdmin\":true,\"partnerId\""),
            "draft.isAdmin", "'isAdmin' is not a known field"),
        Arguments.of("duplicate key", DRAFT.replace("\"partnerId\":\"p-acme\"",
            "\"partnerId\":\"p-acme\",\"partnerId\":\"p-venue\""), "draft.partnerId", "duplicate field 'partnerId'"),
        Arguments.of("unknown enum wire name", DRAFT.replace("[\"manage_task\"]", "[\"manage_everything\"]"),
            "draft.capabilities[0]", "must be one of ["),
        Arguments.of("enum by index", DRAFT.replace("[\"manage_task\"]", "[0]"), "draft.capabilities[0]",
            "capabilities[0] must be one of ["),
        Arguments.of("number for an identifier", DRAFT.replace("\"p-acme\"", "7"), "draft.partnerId",
            "partnerId must be a string, but was a whole number"),
        Arguments.of("null for a required field", DRAFT.replace("\"p-acme\"", "null"), "draft.partnerId",
            "partnerId is required"),
        Arguments.of("missing field", DRAFT.replace("\"partnerId\":\"p-acme\",", ""), "draft.partnerId",
            "partnerId is required, but was missing"),
        Arguments.of("bad instant", DRAFT.replace("\"2026-11-01T00:00:00Z\"", "\"soon\""), "draft.validFrom",
            "validFrom must be an ISO-8601 text"),
        Arguments.of("broken invariant", DRAFT.replace("\"validUntil\":null",
            "\"validUntil\":\"2026-10-01T00:00:00Z\""), "draft.validUntil", "after validFrom"),
        Arguments.of("nested unknown field", DRAFT.replace("\"surfaces\"", "\"everything\":true,\"surfaces\""),
            "draft.scope.everything", "'everything' is not a known field"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badDrafts")
  void partnerkitValuesInAHostBodyStayStrict(String name, String draft, String field, String detail) {
    InvalidJsonException e = assertThrows(InvalidJsonException.class, () -> HOST.readValue(
        "{\"note\":\"n\",\"count\":\"3\",\"extra\":1,\"draft\":" + draft + "}", IssueRequest.class));
    assertEquals(field, e.field());
    assertTrue(e.getMessage().startsWith("invalid JSON at " + field + ": "), e.getMessage());
    assertTrue(e.getMessage().contains(detail), e.getMessage());
    assertEquals(e.getMessage(), e.getOriginalMessage(), "what Spring puts into HttpMessageNotReadableException");
    HostileJsonTest.assertNamesNoClass(e.getMessage(), draft);
    assertInstanceOf(InvalidValueException.class, e.getCause());
  }

  @Test
  void aPartnerkitValueReadOnItsOwnIsStrictToo() throws JsonProcessingException {
    assertEquals(STRICT.read(DRAFT, GrantDraft.class), HOST.readValue(DRAFT, GrantDraft.class));
    InvalidJsonException e = assertThrows(InvalidJsonException.class, () -> HOST.readValue(
        DRAFT.replace("{\"partnerId\"", "{\"isAdmin\":true,\"partnerId\""), GrantDraft.class));
    assertEquals("isAdmin", e.field());
    String task = "{\"occasionId\":\"occ-wedding\",\"partnerId\":\"p-acme\",\"title\":42}";
    assertEquals("title", assertThrows(InvalidJsonException.class, () -> HOST.readValue(task, TaskDraft.class))
        .field());
    InvalidJsonException blank = assertThrows(InvalidJsonException.class, () -> HOST.readValue(
        task.replace("42", "\" \""), TaskDraft.class));
    assertEquals("invalid JSON at title: title must not be blank, but was ' '", blank.getMessage());
  }

  /** Every input value a host binds from a request body reads from JSON, through the host's mapper and ours. */
  @Test
  void everyInputValueReadsFromJson() throws JsonProcessingException {
    List<Object> inputs = List.of(
        STRICT.read(DRAFT, GrantDraft.class),
        TaskDraft.builder().occasionId(Fixtures.OCCASION).eventId(Fixtures.RECEPTION).partnerId(Fixtures.ACME)
            .assignee(Fixtures.DANA.userId()).title("Linen").description("Two boxes")
            .addDependencies(TaskId.of("t-1")).dueAt(Fixtures.UNTIL).build(),
        TaskBody.builder().title("Linen").jobId(JobId.of("job-4")).build(),
        Contribution.builder().surface(Surface.COMMENTS).eventId(Fixtures.RECEPTION).summary("On time")
            .addEffects(SourceTruth.QUOTE).build(),
        Placement.builder().occasionId(Fixtures.OCCASION).eventId(Fixtures.RECEPTION).partnerId(Fixtures.ACME)
            .parent(RecordRef.of("partner_task", "t-1")).build(),
        new RecordCommands.NewLink("depends_on", RecordRef.of("partner_task", "t-2")),
        PartnerDraft.builder().partnerId(Fixtures.ACME).name("Acme Rentals").kind(PartnerKind.RENTAL_COMPANY)
            .tier("gold").region("Chicago").ownerUserId(Fixtures.DANA.userId()).build(),
        MemberInvite.builder().partnerId(Fixtures.ACME).userId(Fixtures.DANA.userId()).displayName("Dana")
            .expiresAt(Fixtures.UNTIL).build(),
        PrincipalDraft.builder().principalId(Fixtures.ACME_BOT.principalId()).partnerId(Fixtures.ACME)
            .name("Acme sync").addTriggers("timeline.updated").build());
    for (Object input : inputs) {
      String json = STRICT.write(input);
      Class<?> type = input instanceof RecordCommands.NewLink ? RecordCommands.NewLink.class
          : input.getClass().getSuperclass();
      assertEquals(input, STRICT.read(json, type), json);
      assertEquals(input, HOST.readValue(json, type), json);
      assertEquals(json, HOST.writeValueAsString(input));
    }
  }

  @Test
  void polymorphicValuesKeepTheirOwnTypeNames() throws JsonProcessingException {
    String draft = "{\"occasionId\":\"occ-wedding\",\"partnerId\":\"p-acme\",\"title\":\"Linen\"}";
    TaskEnvelope read = HOST.readValue("{\"note\":\"n\",\"draft\":" + draft + ",\"actor\":"
        + STRICT.write(Fixtures.DANA) + "}", TaskEnvelope.class);
    assertEquals(Fixtures.DANA, read.actor());
    InvalidJsonException e = assertThrows(InvalidJsonException.class, () -> HOST.readValue("{\"draft\":" + draft
        + ",\"actor\":" + STRICT.write(Fixtures.DANA).replace("partner_member", "operator") + "}",
        TaskEnvelope.class));
    assertTrue(e.field().startsWith("actor"), e.field());
  }

  @Test
  void whatTheHostWritesPartnerkitReadsBack() throws JsonProcessingException {
    // the host's mapper writes dates as timestamps and knows no java.time at all: Partnerkit's values do not care
    String written = HOST.writeValueAsString(GRANT);
    assertEquals(STRICT.write(GRANT), written);
    assertEquals(GRANT, STRICT.read(written, AccessGrant.class));
    String envelope = HOST.writeValueAsString(new GrantEnvelope("n", GRANT));
    assertEquals("{\"note\":\"n\",\"grant\":" + STRICT.write(GRANT) + "}", envelope);
    assertEquals(GRANT, HOST.readValue(envelope, GrantEnvelope.class).grant());
  }

  /** Every hostile grant of {@link HostileJsonTest}, inside a host's lenient body, is refused. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.partnerkit.policy.HostileJsonTest#hostileGrants")
  void hostileGrantsInsideAHostBodyAreRefused(String name, String json, List<String> named) {
    Object[] escaped = new Object[1];
    JsonProcessingException e = assertThrows(JsonProcessingException.class,
        () -> escaped[0] = HOST.readValue("{\"note\":\"n\",\"grant\":" + json + "}", GrantEnvelope.class));
    assertNull(escaped[0]);
    if (named.contains("$")) {
      return; // a document-level problem (trailing tokens, comments, not an object): the host's parser's to refuse
    }
    InvalidJsonException invalid = assertInstanceOf(InvalidJsonException.class, e, e::getMessage);
    assertTrue(invalid.field().startsWith("grant."), invalid.field());
    for (String word : named) {
      String w = word.startsWith("at ") ? word.substring(3) : word;
      assertTrue(invalid.getMessage().toLowerCase(Locale.ROOT).contains(w.toLowerCase(Locale.ROOT)),
          () -> "expected \"" + w + "\" in: " + invalid.getMessage());
    }
    HostileJsonTest.assertNamesNoClass(invalid.getMessage(), json);
  }
}
