package dev.partnerkit.policy.workspace;

import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.domain.internal.Checks;
import java.time.Duration;

/**
 * When a failed webhook attempt is tried again: exponential backoff with jitter, and a dead letter after the last
 * attempt. After failed attempt {@code n} (from 1) of a run, the next is due {@code base + base * jitter * r} later,
 * where {@code base = min(max, initial * 2^(n-1))} and {@code r} in [0, 1) comes from the relay's jitter source, in
 * whole milliseconds; after failed attempt {@link #maxAttempts()} the delivery is dead. A replay starts a new run.
 *
 * @param initial the base delay after the first failure; positive
 * @param max the largest base delay; at least {@code initial}
 * @param maxAttempts attempts per run, the first included; at least 1
 * @param jitter the share of the base delay added at most; from 0 to 1
 */
public record RetrySchedule(Duration initial, Duration max, int maxAttempts, double jitter) {
  /** Checks the schedule, naming the field and value. */
  public RetrySchedule {
    Checks.required("initial", initial);
    Checks.required("max", max);
    Checks.check(!initial.isNegative() && !initial.isZero(), "initial", "initial must be positive, but was " + initial);
    Checks.check(max.compareTo(initial) >= 0, "max", "max must be at least initial " + initial + ", but was " + max);
    Checks.check(maxAttempts >= 1 && maxAttempts <= 100, "maxAttempts",
        "maxAttempts must be between 1 and 100, but was " + maxAttempts);
    Checks.check(jitter >= 0 && jitter <= 1, "jitter", "jitter must be between 0 and 1, but was " + jitter);
  }

  /**
   * @return 8 attempts: 5 s, 10 s, 20 s, 40 s, 80 s, 160 s and 320 s apart, each plus up to 20 % jitter (about
   *     eleven minutes from the first attempt to the dead letter at the least)
   */
  public static RetrySchedule defaults() {
    return new RetrySchedule(Duration.ofSeconds(5), Duration.ofHours(10), 8, 0.2);
  }

  /**
   * @param failedAttempt the attempt of the run that failed, from 1 to {@link #maxAttempts()} - 1
   * @param random a number in [0, 1) from the jitter source
   * @return how long after that attempt the next one is due
   */
  public Duration delayAfter(int failedAttempt, double random) {
    if (failedAttempt < 1 || failedAttempt >= maxAttempts) {
      throw new InvalidValueException("failedAttempt", "failedAttempt must be between 1 and " + (maxAttempts - 1)
          + ", but was " + failedAttempt);
    }
    Checks.check(random >= 0 && random < 1, "random", "random must be in [0, 1), but was " + random);
    long baseMillis = initial.toMillis();
    for (int i = 1; i < failedAttempt && baseMillis < max.toMillis(); i++) {
      baseMillis *= 2;
    }
    baseMillis = Math.min(baseMillis, max.toMillis());
    return Duration.ofMillis(baseMillis + (long) Math.floor(baseMillis * jitter * random));
  }
}
