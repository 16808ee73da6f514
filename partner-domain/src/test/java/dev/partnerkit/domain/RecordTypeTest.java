package dev.partnerkit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnerkit.domain.LifecycleTest.Step;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The record type descriptor: validated when built, fail-closed for intents it does not know. */
class RecordTypeTest {
  /** A test-only body. */
  record Note(String text) {}

  private static final Lifecycle<Step> LIFE = LifecycleTest.sample();

  private static RecordType.Builder<Note, Step> note() {
    return RecordType.builder("field_note", Surface.ISSUES, Note.class, LIFE).title(Note::text)
        .example(new Note("Loading dock closed"));
  }

  @Test
  void defaultsAreOperatorsOnlyAndTheWireNameInWords() {
    RecordType<Note, Step> type = note().build();
    assertEquals("field_note", type.wireName());
    assertEquals("field note", type.noun());
    assertEquals(Surface.ISSUES, type.surface());
    assertEquals(Note.class, type.bodyType());
    assertSame(LIFE, type.lifecycle());
    for (IntentKind intent : List.of(IntentKind.CREATE, IntentKind.REVISE, IntentKind.LINK, IntentKind.UNLINK)) {
      assertEquals(EnumSet.of(ActorKind.OPERATOR), type.actorsFor(intent), intent.wireName());
    }
    assertEquals(Set.of(), type.relations());
    assertEquals(Optional.empty(), type.prerequisiteRelation());
    assertEquals(List.of(), type.rules());
    assertEquals("Loading dock closed", type.titleOf(type.example()));
    assertEquals(RecordRef.of("field_note", "n-1"), type.ref("n-1"));
    assertEquals("RecordType[field_note on issues]", type.toString());
  }

  @Test
  void actorsForIsFailClosedForIntentsThatAreNotAboutRecords() {
    RecordType<Note, Step> type = note().creators(ActorKind.PARTNER_MEMBER, ActorKind.INTEGRATION)
        .revisers(ActorKind.PARTNER_MEMBER).linkers(ActorKind.INTEGRATION).build();
    for (IntentKind intent : IntentKind.values()) {
      Set<ActorKind> expected = switch (intent) {
        case CREATE -> EnumSet.of(ActorKind.PARTNER_MEMBER, ActorKind.INTEGRATION);
        case REVISE -> EnumSet.of(ActorKind.PARTNER_MEMBER);
        case LINK, UNLINK -> EnumSet.of(ActorKind.INTEGRATION);
        case VIEW, TRANSITION -> EnumSet.allOf(ActorKind.class);
        case CONTRIBUTE, MANAGE_GRANTS, MANAGE_ENTITLEMENTS, MANAGE_DIRECTORY, INVITE_MEMBER, ACCEPT_INVITATION,
            REVOKE_ACCESS -> Set.of();
      };
      assertEquals(expected, type.actorsFor(intent), intent.wireName());
    }
  }

  @Test
  void relationsAreSortedAndThePrerequisiteRelationIsOneOfThem() {
    RecordType<Note, Step> type = note().relation("mentions").prerequisiteRelation("depends_on")
        .relation("about_job").build();
    assertEquals(List.of("about_job", "depends_on", "mentions"), List.copyOf(type.relations()));
    assertEquals(Optional.of("depends_on"), type.prerequisiteRelation());
  }

  @Test
  void rulesRunInTheOrderGiven() {
    RecordRule first = request -> null;
    RecordRule second = request -> ReasonCode.EXACT_ARTIFACT_VERSION_REQUIRED;
    assertEquals(List.of(first, second), note().rule(first).rule(second).build().rules());
    assertEquals("rule", assertThrows(InvalidValueException.class, () -> note().rule(null)).field());
  }

  @Test
  void badNamesAreRefusedNamingTheField() {
    for (String bad : List.of("FieldNote", "field-note", "", "9notes", "n".repeat(49))) {
      InvalidValueException e = assertThrows(InvalidValueException.class,
          () -> RecordType.builder(bad, Surface.ISSUES, Note.class, LIFE), bad);
      assertEquals("wireName", e.field());
      assertTrue(e.getMessage().contains("lower snake case"), e.getMessage());
    }
    assertEquals("wireName", assertThrows(InvalidValueException.class,
        () -> RecordType.builder(null, Surface.ISSUES, Note.class, LIFE)).field());
    assertEquals("relation", assertThrows(InvalidValueException.class, () -> note().relation("Depends On"))
        .field());
    assertEquals("relation", assertThrows(InvalidValueException.class, () -> note().prerequisiteRelation("x-y"))
        .field());
    assertEquals("noun", assertThrows(InvalidValueException.class, () -> note().noun(" ")).field());
    assertEquals("noun", assertThrows(InvalidValueException.class, () -> note().noun("n".repeat(65))).field());
  }

  @Test
  void requiredPartsAreNamed() {
    assertEquals("surface", assertThrows(InvalidValueException.class,
        () -> RecordType.builder("field_note", null, Note.class, LIFE)).field());
    assertEquals("bodyType", assertThrows(InvalidValueException.class,
        () -> RecordType.builder("field_note", Surface.ISSUES, null, LIFE)).field());
    assertEquals("lifecycle", assertThrows(InvalidValueException.class,
        () -> RecordType.builder("field_note", Surface.ISSUES, Note.class, null)).field());
    InvalidValueException noTitle = assertThrows(InvalidValueException.class,
        () -> RecordType.builder("field_note", Surface.ISSUES, Note.class, LIFE).example(new Note("x")).build());
    assertEquals("title", noTitle.field());
    InvalidValueException noExample = assertThrows(InvalidValueException.class,
        () -> RecordType.builder("field_note", Surface.ISSUES, Note.class, LIFE).title(Note::text).build());
    assertEquals("example", noExample.field());
  }

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void theExampleMustBeABodyOfTheType() {
    RecordType.Builder raw = RecordType.builder("field_note", Surface.ISSUES, Note.class, LIFE);
    raw.title(b -> "x").example("not a note");
    InvalidValueException e = assertThrows(InvalidValueException.class, raw::build);
    assertEquals("example", e.field());
    assertTrue(e.getMessage().contains("example must be a Note"), e.getMessage());
  }

  @Test
  void aBuiltTypeDoesNotChangeWhenItsBuilderIsUsedAgain() {
    RecordType.Builder<Note, Step> b = note().relation("mentions");
    RecordType<Note, Step> built = b.build();
    b.relation("about_job").rule(request -> null).creators(ActorKind.PARTNER_MEMBER);
    assertEquals(Set.of("mentions"), built.relations());
    assertEquals(List.of(), built.rules());
    assertEquals(EnumSet.of(ActorKind.OPERATOR), built.creators());
  }
}
