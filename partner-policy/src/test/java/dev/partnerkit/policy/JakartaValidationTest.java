package dev.partnerkit.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.partnerkit.domain.GrantScope;
import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.domain.Placement;
import dev.partnerkit.domain.Surface;
import dev.partnerkit.domain.json.InvalidJsonException;
import dev.partnerkit.domain.json.PartnerkitJson;
import dev.partnerkit.domain.json.PartnerkitModule;
import dev.partnerkit.policy.surface.tasks.TaskBody;
import dev.partnerkit.policy.surface.tasks.TaskDraft;
import dev.partnerkit.policy.surface.tasks.TaskId;
import dev.partnerkit.policy.workspace.Contribution;
import dev.partnerkit.domain.PartnerKind;
import dev.partnerkit.policy.workspace.GrantDraft;
import dev.partnerkit.policy.workspace.MemberInvite;
import dev.partnerkit.policy.workspace.PartnerDraft;
import dev.partnerkit.policy.workspace.PrincipalDraft;
import example.host.HostRequests.Contribute;
import example.host.HostRequests.CreateTask;
import example.host.HostRequests.IssueGrant;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.metadata.MethodDescriptor;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * The input values a host binds from request bodies carry {@code jakarta.validation} constraints on their accessors,
 * the same rules, in the same words, as their own validation; Hibernate Validator (what Spring's {@code @Valid} runs)
 * reads them and validates a host's body that holds them in cascade. Bad content for the values themselves never
 * becomes a value: reading the body (with {@link PartnerkitModule}) refuses it first, with the field named.
 */
class JakartaValidationTest {
  private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
  private static final Validator VALIDATOR = FACTORY.getValidator();
  private static final ObjectMapper HOST = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).addModule(new PartnerkitModule()).build();
  private static final long SEED = Long.getLong("partnerkit.seed", 20261110L);

  private static final TaskDraft DRAFT = TaskDraft.builder().occasionId(Fixtures.OCCASION).partnerId(Fixtures.ACME)
      .title("Deliver linen").build();
  private static final GrantDraft GRANT = GrantDraft.builder().partnerId(Fixtures.ACME)
      .scope(GrantScope.builder().occasionId(Fixtures.OCCASION).addSurfaces(Surface.TASKS).build())
      .validFrom(Fixtures.FROM).build();
  private static final Contribution EVIDENCE = Contribution.builder().surface(Surface.COMMENTS)
      .summary("The linen arrives at 9").build();

  @AfterAll
  static void close() {
    FACTORY.close();
  }

  /** @return "field: message" of every violation, sorted */
  private static Map<String, String> violations(Object body) {
    return VALIDATOR.validate(body).stream().collect(Collectors.toMap(v -> v.getPropertyPath().toString(),
        ConstraintViolation::getMessage, (a, b) -> a + " / " + b, TreeMap::new));
  }

  @Test
  void aHostBodyHoldingValidValuesIsValidInCascade() {
    assertEquals(Map.of(), violations(new CreateTask("k-1", DRAFT)));
    assertEquals(Map.of(), violations(new IssueGrant("k-2", GRANT)));
    assertEquals(Map.of(), violations(new Contribute("k-3", EVIDENCE, Placement.inOccasion(Fixtures.OCCASION))));
  }

  @Test
  void aHostBodyMissingItsValuesIsRejectedFieldByField() {
    assertEquals(Map.of("draft", "must not be null", "idempotencyKey", "must not be blank"),
        violations(new CreateTask(" ", null)));
    assertEquals(Map.of("contribution", "must not be null"), violations(new Contribute("k", null, null)));
  }

  @Test
  void validatorReadsTheConstraintsOfEveryInputValue() {
    // Hibernate Validator sees them (a malformed declaration would fail here), as return-value constraints of the
    // accessors: record-style accessors are no JavaBeans getters
    Map<Class<?>, List<String>> constrained = Map.of(
        TaskDraft.class, List.of("occasionId", "partnerId", "title", "description", "dependencies"),
        TaskBody.class, List.of("title", "description"),
        GrantDraft.class, List.of("partnerId", "scope", "validFrom"),
        GrantScope.class, List.of("occasionId", "events", "resources", "surfaces"),
        Contribution.class, List.of("surface", "summary"),
        Placement.class, List.of("occasionId"),
        PartnerDraft.class, List.of("partnerId", "name", "kind", "tier", "region"),
        MemberInvite.class, List.of("partnerId", "userId", "displayName"),
        PrincipalDraft.class, List.of("principalId", "partnerId", "name", "triggers"));
    constrained.forEach((type, accessors) -> {
      for (String accessor : accessors) {
        MethodDescriptor method = VALIDATOR.getConstraintsForClass(type).getConstraintsForMethod(accessor);
        assertTrue(method != null && method.getReturnValueDescriptor().hasConstraints()
            || method != null && method.getReturnValueDescriptor().isCascaded()
            || method != null && !method.getReturnValueDescriptor().getConstrainedContainerElementTypes().isEmpty(),
            type.getSimpleName() + "." + accessor + "() carries no constraint");
      }
    });
  }

  /** Messages of the accessor's constraints for {@code value}, as Hibernate Validator reports them. */
  private static <T> Set<String> constraintMessages(T instance, Class<? super T> type, String accessor,
      Object value) {
    try {
      Method method = type.getMethod(accessor);
      return VALIDATOR.forExecutables().validateReturnValue(instance, method, value).stream()
          .map(ConstraintViolation::getMessage).collect(Collectors.toSet());
    } catch (NoSuchMethodException e) {
      throw new AssertionError(e);
    }
  }

  /** The constructor's verdict: null when it accepts, its message when it refuses. */
  private static String constructorMessage(Supplier<?> build) {
    try {
      build.get();
      return null;
    } catch (InvalidValueException e) {
      return e.getMessage();
    }
  }

  /** Each constraint agrees with the value's own validation: it refuses what the constructor refuses, in its words. */
  private static void agree(Set<String> constraint, String constructor, Object value) {
    if (constraint.isEmpty()) {
      assertEquals(null, constructor, () -> "the constraints accept " + value + " but the constructor refuses it");
    } else {
      assertTrue(constructor != null, () -> "the constraints refuse " + value + " but the constructor accepts it");
      assertTrue(constraint.stream().anyMatch(constructor::startsWith),
          () -> "the constructor's \"" + constructor + "\" does not start with one of " + constraint);
    }
  }

  /** Text of every length around the limits, from letters and the whitespace the two agree on. */
  private static Gen<String> texts(int max) {
    Gen<Integer> lengths = SourceDSL.integers().between(0, 8).mix(SourceDSL.integers().between(max - 3, max + 3), 40);
    Gen<Character> chars = SourceDSL.arbitrary().pick(List.of('a', 'Z', ' ', '\t', '\n', '\u00e9', '7'));
    return lengths.flatMap(n -> SourceDSL.lists().of(chars).ofSize(n))
        .map(cs -> cs.stream().map(String::valueOf).collect(Collectors.joining()));
  }

  @Test
  void titleConstraintsAreTheConstructorsRules() {
    qt().withFixedSeed(SEED).withExamples(300).forAll(texts(200)).checkAssert(title -> {
      agree(constraintMessages(DRAFT, TaskDraft.class, "title", title),
          constructorMessage(() -> TaskDraft.builder().from(DRAFT).title(title).build()), title);
      agree(constraintMessages(TaskBody.builder().title("t").build(), TaskBody.class, "title", title),
          constructorMessage(() -> TaskBody.builder().title(title).build()), title);
    });
  }

  @Test
  void directoryDraftConstraintsAreTheConstructorsRules() {
    PartnerDraft partner = PartnerDraft.builder().partnerId(Fixtures.ACME).name("Acme Rentals")
        .kind(PartnerKind.RENTAL_COMPANY).build();
    MemberInvite invite = MemberInvite.builder().partnerId(Fixtures.ACME).userId(Fixtures.DANA.userId())
        .displayName("Dana").build();
    PrincipalDraft principal = PrincipalDraft.builder().principalId(Fixtures.ACME_BOT.principalId())
        .partnerId(Fixtures.ACME).name("Acme sync").build();
    qt().withFixedSeed(SEED).withExamples(300).forAll(texts(200)).checkAssert(name -> {
      agree(constraintMessages(partner, PartnerDraft.class, "name", name),
          constructorMessage(() -> PartnerDraft.builder().from(partner).name(name).build()), name);
      agree(constraintMessages(partner, PartnerDraft.class, "region", Optional.of(name)),
          constructorMessage(() -> PartnerDraft.builder().from(partner).region(name).build()), name);
      agree(constraintMessages(invite, MemberInvite.class, "displayName", name),
          constructorMessage(() -> MemberInvite.builder().from(invite).displayName(name).build()), name);
      agree(constraintMessages(principal, PrincipalDraft.class, "name", name),
          constructorMessage(() -> PrincipalDraft.builder().from(principal).name(name).build()), name);
    });
    qt().withFixedSeed(SEED).withExamples(300).forAll(texts(64)).checkAssert(tier ->
        agree(constraintMessages(partner, PartnerDraft.class, "tier", Optional.of(tier)),
            constructorMessage(() -> PartnerDraft.builder().from(partner).tier(tier).build()), tier));
  }

  @Test
  void descriptionAndSummaryConstraintsAreTheConstructorsRules() {
    qt().withFixedSeed(SEED).withExamples(200).forAll(texts(4000)).checkAssert(text -> {
      agree(constraintMessages(DRAFT, TaskDraft.class, "description", Optional.of(text)),
          constructorMessage(() -> TaskDraft.builder().from(DRAFT).description(text).build()), text.length());
      agree(constraintMessages(EVIDENCE, Contribution.class, "summary", text),
          constructorMessage(() -> Contribution.builder().from(EVIDENCE).summary(text).build()), text.length());
    });
  }

  @Test
  void sizeConstraintsAreTheConstructorsRules() {
    qt().withFixedSeed(SEED).withExamples(60).forAll(SourceDSL.integers().between(95, 105)).checkAssert(n -> {
      Set<TaskId> dependencies = IntStream.range(0, n).mapToObj(i -> TaskId.of("t-" + i))
          .collect(Collectors.toSet());
      agree(constraintMessages(DRAFT, TaskDraft.class, "dependencies", dependencies),
          constructorMessage(() -> TaskDraft.builder().from(DRAFT).dependencies(dependencies).build()), n);
    });
    GrantScope scope = GRANT.scope();
    agree(constraintMessages(scope, GrantScope.class, "surfaces", Set.of()),
        constructorMessage(() -> GrantScope.builder().occasionId(Fixtures.OCCASION).build()), "no surfaces");
  }

  @Test
  void badContentForAValueIsRefusedWhileReadingTheBodyNamingTheField() throws Exception {
    String body = "{\"idempotencyKey\":\"k-1\",\"draft\":" + PartnerkitJson.create().write(DRAFT) + "}";
    CreateTask read = HOST.readValue(body, CreateTask.class);
    assertEquals(Map.of(), violations(read));
    InvalidJsonException blank = assertThrows(InvalidJsonException.class, () -> HOST.readValue(
        body.replace("\"Deliver linen\"", "\"  \""), CreateTask.class));
    assertEquals("draft.title", blank.field());
    assertEquals("invalid JSON at draft.title: title must not be blank, but was '  '", blank.getMessage());
    InvalidJsonException missing = assertThrows(InvalidJsonException.class, () -> HOST.readValue(
        body.replace("\"partnerId\":\"p-acme\",", ""), CreateTask.class));
    assertEquals("draft.partnerId", missing.field());
    assertTrue(missing.getMessage().contains("partnerId is required"), missing.getMessage());
    // the host's own field is the validator's to refuse, as usual
    assertEquals(Map.of("idempotencyKey", "must not be blank"),
        violations(HOST.readValue(body.replace("\"k-1\"", "\"\""), CreateTask.class)));
  }
}
