package dev.partnerkit.jdbc;

import java.sql.SQLException;
import java.util.Set;

/**
 * The database rolled a unit of work back because it conflicted with a concurrent transaction: a serialization
 * failure (SQLState {@code 40001}) or a deadlock (SQLState {@code 40P01}). Nothing of the unit of work was written.
 * Running it again usually succeeds.
 *
 * <p>In standalone mode the adapter has already run the whole unit of work {@link #attempts()} times, backing off
 * between attempts, and gives up. In joined mode ({@link #hostMustRetry()}) the adapter did not retry, since it cannot
 * run the host's part of the transaction again: the host rolls its transaction back (or lets this exception do it)
 * and runs the whole transaction again.
 */
public class TransactionConflictException extends JdbcStorageException {
  private static final long serialVersionUID = 1L;

  /** The SQL states of a transaction the database rolled back for a concurrent one. */
  static final Set<String> STATES = Set.of("40001", "40P01");

  private final int attempts;
  private final boolean hostMustRetry;

  /**
   * @param message what the adapter did
   * @param cause the driver's exception, with SQLState 40001 or 40P01
   * @param attempts how many times the adapter ran the unit of work
   * @param hostMustRetry whether the unit of work joined a host's transaction, which the host must run again
   */
  public TransactionConflictException(String message, SQLException cause, int attempts, boolean hostMustRetry) {
    super(message, cause);
    this.attempts = attempts;
    this.hostMustRetry = hostMustRetry;
  }

  /** @return how many times the adapter ran the unit of work (1 in joined mode) */
  public int attempts() {
    return attempts;
  }

  /** @return whether the unit of work joined a host's transaction: the host runs its whole transaction again */
  public boolean hostMustRetry() {
    return hostMustRetry;
  }
}
