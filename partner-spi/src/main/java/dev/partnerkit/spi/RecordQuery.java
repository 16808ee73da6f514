package dev.partnerkit.spi;

import dev.partnerkit.domain.EventId;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.RecordRef;
import dev.partnerkit.domain.Visibility;
import dev.partnerkit.domain.internal.Checks;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A filter and page over the records of one type in one occasion: optionally one event, one partner, one status, one
 * parent, one visibility. Pages are ordered by record id and continue strictly after {@link #afterId()}. The filters
 * are placement columns only; bodies are never filtered (a type that needs that gets a typed table).
 */
@Value.Immutable
public abstract class RecordQuery {
  /** Largest page. */
  public static final int MAX_LIMIT = 500;

  /** @return the record type's wire name */
  public abstract String type();

  /** @return the occasion */
  public abstract OccasionId occasionId();

  /** @return only records of this event, when present */
  public abstract Optional<EventId> eventId();

  /** @return only records with this partner, when present */
  public abstract Optional<PartnerId> partnerId();

  /** @return only records in this status (wire name), when present */
  public abstract Optional<String> status();

  /** @return only records under this parent, when present */
  public abstract Optional<RecordRef> parent();

  /** @return only records with this visibility, when present */
  public abstract Optional<Visibility> visibility();

  /** @return the id of the last record of the previous page */
  public abstract Optional<String> afterId();

  /** @return the page size, 1 to 500 */
  @Value.Default
  public int limit() {
    return 100;
  }

  @Value.Check
  protected void check() {
    Checks.check(RecordRef.isTypeName(type()), "type", "type must be a lower snake case record type name, but was "
        + Checks.show(type()));
    status().ifPresent(s -> Checks.identifier("status", s));
    afterId().ifPresent(a -> Checks.identifier("afterId", a));
    Checks.check(limit() >= 1 && limit() <= MAX_LIMIT, "limit",
        "limit must be between 1 and " + MAX_LIMIT + ", but was " + limit());
  }

  /** @return a new builder */
  public static ImmutableRecordQuery.Builder builder() {
    return ImmutableRecordQuery.builder();
  }

  /** @return a query for the records of {@code type} in {@code occasionId}, first page */
  public static ImmutableRecordQuery.Builder of(String type, OccasionId occasionId) {
    return builder().type(type).occasionId(occasionId);
  }
}
