package dev.partnerkit.policy.workspace;

import dev.partnerkit.domain.Decision;
import java.util.List;

/**
 * What a read returns: the decision and, when allowed, the records the reader may see. A blocked read returns no
 * records at all.
 *
 * @param <T> the record type
 */
public final class ReadResult<T> {
  private final Decision decision;
  private final List<T> items;

  ReadResult(Decision decision, List<T> items) {
    this.decision = decision;
    this.items = List.copyOf(items);
  }

  /** @return the decision behind the read */
  public Decision decision() {
    return decision;
  }

  /** @return the visible records; empty when the read was blocked */
  public List<T> items() {
    return items;
  }

  @Override
  public String toString() {
    return "ReadResult[" + decision.reason().wireName() + ", " + items.size() + " items]";
  }
}
