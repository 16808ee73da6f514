package dev.partnerkit.policy.surface;

import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.RecordRef;
import dev.partnerkit.domain.RecordType;
import dev.partnerkit.domain.WireNamed;
import dev.partnerkit.policy.workspace.ReadResult;
import dev.partnerkit.policy.workspace.RecordCommands;
import dev.partnerkit.spi.RecordQuery;
import dev.partnerkit.spi.TypedRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads the child records of surface views (a document's versions, a thread's comments): every page of a listing,
 * each page a decided and logged read that returns exactly what a per-record check allows, grouped by parent.
 */
public final class Children {
  private Children() {}

  /**
   * @param parent only records under this parent, when given
   * @return every record of {@code type} in the occasion that the reader may see, page after page
   */
  public static <B, S extends Enum<S> & WireNamed> List<TypedRecord<B, S>> all(RecordCommands records,
      RecordType<B, S> type, OccasionId occasion, @Nullable RecordRef parent) {
    List<TypedRecord<B, S>> out = new ArrayList<>();
    Optional<String> after = Optional.empty();
    do {
      RecordQuery query = RecordQuery.of(type.wireName(), occasion).parent(Optional.ofNullable(parent))
          .afterId(after).limit(RecordQuery.MAX_LIMIT).build();
      ReadResult<TypedRecord<B, S>> page = records.list(type, query);
      out.addAll(page.items());
      after = page.nextCursor();
    } while (after.isPresent());
    return out;
  }

  /** @return {@code records} grouped by their placement parent, in their order; records with no parent left out */
  public static <B, S extends Enum<S> & WireNamed> Map<RecordRef, List<TypedRecord<B, S>>> byParent(
      List<TypedRecord<B, S>> records) {
    Map<RecordRef, List<TypedRecord<B, S>>> out = new LinkedHashMap<>();
    for (TypedRecord<B, S> r : records) {
      r.placement().parent().ifPresent(p -> out.computeIfAbsent(p, k -> new ArrayList<>()).add(r));
    }
    return out;
  }
}
