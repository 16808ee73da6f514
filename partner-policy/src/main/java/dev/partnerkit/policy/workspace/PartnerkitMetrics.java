package dev.partnerkit.policy.workspace;

import dev.partnerkit.domain.Decision;
import dev.partnerkit.domain.TenantId;
import java.time.Duration;

/**
 * A listener a host hands to {@link PartnerWorkspace.Builder#metrics(PartnerkitMetrics)} to count what the workspace
 * does, e.g. bridged to Micrometer counters, timers and gauges. Every method has an empty default, so a listener
 * implements only what it needs. Calls come on the thread of the command, after its unit of work has ended; a
 * listener must be quick and thread-safe, and whatever it throws is logged and ignored (it never fails a command).
 *
 * <p>Partnerkit itself depends on no metrics library.
 */
public interface PartnerkitMetrics {
  /** The listener that does nothing (the default). */
  PartnerkitMetrics NONE = new PartnerkitMetrics() {};

  /**
   * A decision was written to the decision log and its unit of work ended: one per command that decided (not for a
   * replay), per read and per session opening. Count it by {@link Decision#reason()} (and
   * {@link Decision#allowed()}); the tenant is in {@link Decision#tenantId()}.
   *
   * @param decision the decision
   */
  default void decided(Decision decision) {}

  /**
   * A command ended.
   *
   * @param command the command's name, e.g. {@code issue_grant}, {@code transition}, {@code contribute}
   * @param outcome how it ended
   * @param latency how long it took, retries of its unit of work included
   */
  default void commandCompleted(String command, CommandOutcome outcome, Duration latency) {}

  /**
   * The tenant's outbox events still pending delivery, as counted by {@link Retention#purge}.
   *
   * @param tenantId the tenant
   * @param pending how many are pending
   */
  default void outboxBacklog(TenantId tenantId, long pending) {}

  /** How a command ended. */
  enum CommandOutcome {
    /** Allowed and applied. */
    ALLOWED,
    /** Blocked: only its decision-log row (and idempotency record) was written. */
    BLOCKED,
    /** A retry with the same key: the first outcome was returned and nothing was written. */
    REPLAYED,
    /** It threw: nothing was written. */
    FAILED
  }
}
