package dev.partnerkit.jdbc;

import dev.partnerkit.domain.PartnerkitException;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * A database failure that is not a {@link dev.partnerkit.spi.VersionConflictException}: the connection could not be
 * had, a statement failed, or a commit failed. The cause is the driver's {@link SQLException}. When thrown inside a
 * unit of work, the unit of work is rolled back.
 */
public class JdbcStorageException extends PartnerkitException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what the adapter was doing
   * @param cause the driver's exception
   */
  public JdbcStorageException(String message, SQLException cause) {
    super(message + ": " + cause.getMessage(), cause);
  }

  /** @return the SQLState of the driver's exception, when it gave one */
  public @Nullable String sqlState() {
    Throwable cause = getCause();
    return cause instanceof SQLException ? ((SQLException) cause).getSQLState() : null;
  }
}
