package dev.partnerkit.policy.workspace;

import dev.partnerkit.domain.Decision;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a read returns: the decision and, when allowed, the records the reader may see — exactly those a per-record
 * view decision allows — and, when more may follow, the cursor of the next page. A blocked read returns no records.
 *
 * @param <T> the record type
 */
public final class ReadResult<T> {
  private final Decision decision;
  private final List<T> items;
  private final @Nullable String nextCursor;

  ReadResult(Decision decision, List<T> items, @Nullable String nextCursor) {
    this.decision = decision;
    this.items = List.copyOf(items);
    this.nextCursor = nextCursor;
  }

  /** @return the decision behind the read */
  public Decision decision() {
    return decision;
  }

  /** @return the visible records; empty when the read was blocked */
  public List<T> items() {
    return items;
  }

  /** @return the cursor to pass for the next page, when the store may hold more */
  public Optional<String> nextCursor() {
    return Optional.ofNullable(nextCursor);
  }

  /**
   * @param items the same records in another form (e.g. typed records as task views), one for one
   * @return a result with the same decision and cursor
   */
  public <U> ReadResult<U> map(List<U> items) {
    if (items.size() != this.items.size()) {
      throw new IllegalArgumentException("map must keep one item per record: " + this.items.size() + " became "
          + items.size());
    }
    return new ReadResult<>(decision, items, nextCursor);
  }

  @Override
  public String toString() {
    return "ReadResult[" + decision.reason().wireName() + ", " + items.size() + " items]";
  }
}
