package dev.partnerkit.tck;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.ActorKind;
import dev.partnerkit.domain.EventId;
import dev.partnerkit.domain.Lifecycle;
import dev.partnerkit.domain.internal.PartnerkitStyle;
import dev.partnerkit.domain.RecordType;
import dev.partnerkit.domain.Surface;
import dev.partnerkit.domain.WireNamed;
import dev.partnerkit.domain.internal.Checks;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Three record types of the kit's own making, so that it runs before the policy module defines the real ones: a note
 * with a three-status lifecycle and optional fields, a checklist item whose prerequisites must be done first, and a
 * pin with a Java record body and a lifecycle of one status.
 */
final class SampleTypes {
  private SampleTypes() {}

  /** A status enum whose wire names are its constant names in lower case. */
  interface LowerCaseName extends WireNamed {
    /** @return the constant's name, as {@link Enum#name()} */
    String name();

    @Override
    default String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Statuses of a note. */
  enum NoteStatus implements LowerCaseName {
    DRAFT, SHARED, ARCHIVED
  }

  /** The body of a note: a title, and optionally a text, a reminder and tags. */
  @Value.Immutable
  @PartnerkitStyle
  @JsonSerialize(as = ImmutableNoteBody.class)
  @JsonDeserialize(as = ImmutableNoteBody.class)
  abstract static class NoteBody {
    abstract String title();

    abstract Optional<String> text();

    abstract Optional<Instant> remindAt();

    abstract List<String> tags();

    @Value.Check
    protected void check() {
      Checks.text("title", title(), Checks.MAX_NAME_LENGTH);
      text().ifPresent(t -> Checks.text("text", t, Checks.MAX_TEXT_LENGTH));
    }
  }

  /** Statuses of a checklist item. */
  enum ItemStatus implements LowerCaseName {
    OPEN, DONE
  }

  /** The body of a checklist item: a title, and optionally a quantity and the event it is for. */
  @Value.Immutable
  @PartnerkitStyle
  @JsonSerialize(as = ImmutableItemBody.class)
  @JsonDeserialize(as = ImmutableItemBody.class)
  abstract static class ItemBody {
    abstract String title();

    abstract Optional<Integer> quantity();

    abstract Optional<EventId> forEvent();
  }

  /** The one status of a pin. */
  enum PinStatus implements LowerCaseName {
    PINNED
  }

  /** The body of a pin, a Java record: a label and an optional note. */
  record PinBody(String label, Optional<String> note) {
    PinBody {
      Checks.text("label", label, Checks.MAX_NAME_LENGTH);
      note = note == null ? Optional.empty() : note; // an absent JSON field arrives as null
    }
  }

  /** A note with every optional field set, tags in a non-alphabetical order, and text that needs escaping. */
  static final RecordType<NoteBody, NoteStatus> NOTE = RecordType.builder("tck_note", Surface.COMMENTS,
          NoteBody.class, Lifecycle.builder(NoteStatus.class, NoteStatus.DRAFT)
              .allow(NoteStatus.DRAFT, NoteStatus.SHARED, ActorKind.OPERATOR, ActorKind.PARTNER_MEMBER)
              .allow(NoteStatus.SHARED, NoteStatus.ARCHIVED, ActorKind.OPERATOR)
              .allow(NoteStatus.ARCHIVED, NoteStatus.SHARED, ActorKind.OPERATOR)
              .build())
      .noun("note").relation("answers").title(NoteBody::title)
      .example(ImmutableNoteBody.builder().title("Load-in at dock B").text("Caf\u00e9 \"quoted\" \u2713\nline two")
          .remindAt(Instant.parse("2026-11-12T08:30:00.000001Z")).addTags("zeta", "alpha", "mu").build())
      .build();

  /** A checklist item with a prerequisite relation; its example leaves the optional fields empty. */
  static final RecordType<ItemBody, ItemStatus> CHECKLIST_ITEM = RecordType.builder("tck_checklist_item",
          Surface.TASKS, ItemBody.class, Lifecycle.builder(ItemStatus.class, ItemStatus.OPEN)
              .allow(ItemStatus.OPEN, ItemStatus.DONE, ActorKind.OPERATOR, ActorKind.PARTNER_MEMBER)
              .allow(ItemStatus.DONE, ItemStatus.OPEN, ActorKind.OPERATOR)
              .prerequisitesClosedFor(ItemStatus.DONE).closed(ItemStatus.DONE)
              .build())
      .noun("checklist item").prerequisiteRelation("requires").relation("blocks").title(ItemBody::title)
      .example(ImmutableItemBody.builder().title("Count chairs").build())
      .build();

  /** A pin with a Java record body and a single status. */
  static final RecordType<PinBody, PinStatus> PIN = RecordType.builder("tck_pin", Surface.DOCUMENTS, PinBody.class,
          Lifecycle.builder(PinStatus.class, PinStatus.PINNED).build())
      .title(PinBody::label).example(new PinBody("Floorplan v3", Optional.of("the one with the stage")))
      .build();

  /** @return the three types */
  static List<RecordType<?, ?>> all() {
    return List.of(NOTE, CHECKLIST_ITEM, PIN);
  }
}
