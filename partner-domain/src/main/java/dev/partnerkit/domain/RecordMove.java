package dev.partnerkit.domain;

import dev.partnerkit.domain.internal.Checks;
import java.time.Instant;
import java.util.Optional;

/**
 * One move of a kernel record along its lifecycle, as a record type that keeps a trail writes it into the record's
 * body ({@link RecordType.Builder#trail}): the statuses it moved between, who moved it, when, and the note they gave.
 * The kernel makes it, from the stored record and the command; callers never do.
 *
 * @param from the status it moved from (wire name)
 * @param to the status it moved to (wire name)
 * @param actorKey the mover's actor key, e.g. {@code partner_member:u-vera}
 * @param actorLabel the mover's label for people, e.g. {@code Vera (member of partner p-venue)}
 * @param at when, at microsecond precision
 * @param note what the mover said about the move, if anything
 */
public record RecordMove(String from, String to, String actorKey, String actorLabel, Instant at,
    Optional<String> note) {
  /** Longest note on a move. */
  public static final int MAX_NOTE_LENGTH = 1000;

  /** Validates every part. */
  public RecordMove {
    Checks.identifier("from", from);
    Checks.identifier("to", to);
    Checks.text("actorKey", actorKey, 2 * Checks.MAX_IDENTIFIER_LENGTH);
    Checks.text("actorLabel", actorLabel, Checks.MAX_NAME_LENGTH);
    Checks.required("at", at);
    Checks.required("note", note).ifPresent(n -> Checks.text("note", n, MAX_NOTE_LENGTH));
  }
}
