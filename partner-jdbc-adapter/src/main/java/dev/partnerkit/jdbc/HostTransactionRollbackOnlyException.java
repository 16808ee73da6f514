package dev.partnerkit.jdbc;

import java.sql.SQLException;

/**
 * A unit of work in joined mode failed, and the adapter could not roll back to the savepoint it set when the unit of
 * work began: part of Partnerkit's work may still be in the host's transaction, which must therefore roll back and
 * must not commit. The cause is the driver's failure to roll back to the savepoint; the failure of the work itself is
 * attached as a suppressed exception.
 *
 * <p>When the savepoint can be restored (the normal case), the adapter rethrows the work's own failure instead and
 * the host's transaction holds exactly what it held before the unit of work began.
 */
public class HostTransactionRollbackOnlyException extends JdbcStorageException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what the adapter was doing
   * @param cause the driver's failure to roll back to the savepoint
   */
  public HostTransactionRollbackOnlyException(String message, SQLException cause) {
    super(message, cause);
  }
}
