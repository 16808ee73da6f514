package dev.partnerkit.policy.workspace;

import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.spi.RetentionStore;
import java.time.Duration;
import java.util.Objects;

/**
 * How long {@link Retention#purge} keeps each kind of journal row, and how many rows one batch deletes. Ages count back
 * from the workspace clock's now; a row exactly at the cutoff is kept.
 *
 * @param decisionLog how long decision-log rows are kept (by decision time); default {@link #DEFAULT_DECISION_LOG}
 * @param activity how long activity entries are kept (by occurrence time); default {@link #DEFAULT_ACTIVITY}
 * @param idempotencyRecords how long idempotency records are kept (by creation time): a retry with an older key runs
 *     as a new command, so keep them longer than any client retries; default {@link #DEFAULT_IDEMPOTENCY_RECORDS}
 * @param publishedOutboxEvents how long outbox events are kept after they were published (pending ones are never
 *     purged); default {@link #DEFAULT_PUBLISHED_OUTBOX_EVENTS}
 * @param batchSize rows deleted per batch, each batch in a unit of work of its own; default {@link #DEFAULT_BATCH_SIZE}
 */
public record RetentionPolicy(Duration decisionLog, Duration activity, Duration idempotencyRecords,
    Duration publishedOutboxEvents, int batchSize) {
  /** 400 days: a year of audit plus a margin. */
  public static final Duration DEFAULT_DECISION_LOG = Duration.ofDays(400);
  /** 730 days: the timeline operators and partners read covers two seasons. */
  public static final Duration DEFAULT_ACTIVITY = Duration.ofDays(730);
  /** 30 days: far longer than any client retries a command. */
  public static final Duration DEFAULT_IDEMPOTENCY_RECORDS = Duration.ofDays(30);
  /** 7 days after publication: time to re-deliver from the outbox by hand. */
  public static final Duration DEFAULT_PUBLISHED_OUTBOX_EVENTS = Duration.ofDays(7);
  /** 500 rows per batch: short transactions, short locks. */
  public static final int DEFAULT_BATCH_SIZE = 500;

  /**
   * @throws InvalidValueException when an age is not positive or the batch size is not between 1 and
   *     {@link RetentionStore#MAX_LIMIT}
   */
  public RetentionPolicy {
    positive("decisionLog", decisionLog);
    positive("activity", activity);
    positive("idempotencyRecords", idempotencyRecords);
    positive("publishedOutboxEvents", publishedOutboxEvents);
    if (batchSize < 1 || batchSize > RetentionStore.MAX_LIMIT) {
      throw new InvalidValueException("batchSize", "batchSize must be between 1 and " + RetentionStore.MAX_LIMIT
          + ", but was " + batchSize);
    }
  }

  private static void positive(String field, Duration age) {
    if (age == null || age.isZero() || age.isNegative()) {
      throw new InvalidValueException(field, field + " must be a positive duration, but was " + age);
    }
  }

  /** @return the documented defaults: 400 days, 730 days, 30 days, 7 days, batches of 500 */
  public static RetentionPolicy defaults() {
    return new RetentionPolicy(DEFAULT_DECISION_LOG, DEFAULT_ACTIVITY, DEFAULT_IDEMPOTENCY_RECORDS,
        DEFAULT_PUBLISHED_OUTBOX_EVENTS, DEFAULT_BATCH_SIZE);
  }

  /** @return a copy keeping decision-log rows for {@code age} */
  public RetentionPolicy withDecisionLog(Duration age) {
    return new RetentionPolicy(age, activity, idempotencyRecords, publishedOutboxEvents, batchSize);
  }

  /** @return a copy keeping activity entries for {@code age} */
  public RetentionPolicy withActivity(Duration age) {
    return new RetentionPolicy(decisionLog, age, idempotencyRecords, publishedOutboxEvents, batchSize);
  }

  /** @return a copy keeping idempotency records for {@code age} */
  public RetentionPolicy withIdempotencyRecords(Duration age) {
    return new RetentionPolicy(decisionLog, activity, age, publishedOutboxEvents, batchSize);
  }

  /** @return a copy keeping published outbox events for {@code age} after publication */
  public RetentionPolicy withPublishedOutboxEvents(Duration age) {
    return new RetentionPolicy(decisionLog, activity, idempotencyRecords, age, batchSize);
  }

  /** @return a copy deleting {@code size} rows per batch */
  public RetentionPolicy withBatchSize(int size) {
    return new RetentionPolicy(decisionLog, activity, idempotencyRecords, publishedOutboxEvents, size);
  }

  @Override
  public String toString() {
    return "RetentionPolicy[decisionLog=" + decisionLog + ", activity=" + activity + ", idempotencyRecords="
        + idempotencyRecords + ", publishedOutboxEvents=" + publishedOutboxEvents + ", batchSize=" + batchSize + "]";
  }

  static RetentionPolicy require(RetentionPolicy policy) {
    return Objects.requireNonNull(policy, "policy");
  }
}
