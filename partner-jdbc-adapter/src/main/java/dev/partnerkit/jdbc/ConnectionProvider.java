package dev.partnerkit.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Where the adapter's units of work get their connection, and who ends the transaction on it. Two modes:
 *
 * <ul>
 *   <li><b>standalone</b> ({@link #standalone(DataSource)}, the default): every unit of work takes a connection of
 *       its own from the data source, turns auto-commit off, commits or rolls back itself, and closes the connection.
 *       A serialization failure or deadlock (SQLState {@code 40001}, {@code 40P01}) makes the adapter run the whole
 *       unit of work again, a bounded number of times (see
 *       {@link JdbcStorage.Builder#retryTransactionConflicts(int, java.time.Duration)}).
 *   <li><b>joined</b> ({@link #joined(HostConnection, HostRelease)}): every unit of work runs on the connection of
 *       the transaction the host has open on the current thread. The adapter never commits, rolls back or closes
 *       that connection, and never changes its auto-commit mode: the host's commit commits Partnerkit's rows, the
 *       host's rollback removes them. Partnerkit's work runs inside a savepoint; when it fails, the adapter rolls
 *       back to that savepoint (undoing only Partnerkit's part; on PostgreSQL this also clears the aborted state a
 *       failed statement leaves) and throws, so the host's connection stays usable. A conflict is not retried: it
 *       throws {@link TransactionConflictException} for the host to run its whole transaction again.
 * </ul>
 *
 * <p>A host with Spring's {@code DataSourceTransactionManager} joins its transactions like this (no Spring type is
 * needed by Partnerkit itself):
 *
 * <pre>{@code
 * JdbcStorage storage = JdbcStorage.builder(dataSource)
 *     .connections(ConnectionProvider.joined(
 *         () -> DataSourceUtils.getConnection(dataSource),
 *         connection -> DataSourceUtils.releaseConnection(connection, dataSource)))
 *     .build();
 * }</pre>
 *
 * <p>A host may implement this interface itself (a JTA-managed connection, say); {@link #joinsHostTransaction()}
 * then tells the adapter which of the two disciplines to follow.
 */
public interface ConnectionProvider {
  /**
   * @return the connection for one unit of work: a fresh one in standalone mode, the host transaction's in joined
   *     mode
   * @throws SQLException when no connection can be had
   */
  Connection acquire() throws SQLException;

  /**
   * Hands back the connection of a unit of work that has ended: standalone providers close it (to the pool), joined
   * providers give it back to the host without closing it.
   *
   * @param connection what {@link #acquire()} returned
   * @throws SQLException when the connection cannot be handed back; the adapter logs it and goes on
   */
  void release(Connection connection) throws SQLException;

  /**
   * @return {@code true} when the connection belongs to a transaction the host owns: the adapter then never commits,
   *     rolls back, closes it or changes its auto-commit mode, and refuses a connection in auto-commit mode
   */
  boolean joinsHostTransaction();

  /**
   * @param dataSource the data source every unit of work takes its own connection from; the adapter never closes it
   * @return the standalone provider: own connection, own commit
   */
  static ConnectionProvider standalone(DataSource dataSource) {
    Objects.requireNonNull(dataSource, "dataSource");
    return new ConnectionProvider() {
      @Override
      public Connection acquire() throws SQLException {
        return Objects.requireNonNull(dataSource.getConnection(), "the data source returned no connection");
      }

      @Override
      public void release(Connection connection) throws SQLException {
        connection.close();
      }

      @Override
      public boolean joinsHostTransaction() {
        return false;
      }

      @Override
      public String toString() {
        return "ConnectionProvider.standalone(" + dataSource + ")";
      }
    };
  }

  /**
   * @param current gives the connection of the host's transaction open on the calling thread
   * @param release gives a connection from {@code current} back to the host (for Spring,
   *     {@code DataSourceUtils.releaseConnection}); called once per unit of work, also when the adapter refuses the
   *     connection because no transaction is open on it
   * @return the joined provider: the host's connection, the host's commit
   */
  static ConnectionProvider joined(HostConnection current, HostRelease release) {
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(release, "release");
    return new ConnectionProvider() {
      @Override
      public Connection acquire() throws SQLException {
        return Objects.requireNonNull(current.current(), "the host gave no connection");
      }

      @Override
      public void release(Connection connection) throws SQLException {
        release.release(connection);
      }

      @Override
      public boolean joinsHostTransaction() {
        return true;
      }

      @Override
      public String toString() {
        return "ConnectionProvider.joined(" + current + ")";
      }
    };
  }

  /**
   * @param current gives the connection of the host's transaction open on the calling thread; the host keeps it
   *     (nothing is handed back)
   * @return the joined provider
   */
  static ConnectionProvider joined(HostConnection current) {
    return joined(current, connection -> { });
  }

  /** The connection of the host's transaction open on the calling thread. */
  @FunctionalInterface
  interface HostConnection {
    /**
     * @return the connection, with auto-commit off (a transaction is open on it)
     * @throws SQLException when it cannot be had
     */
    Connection current() throws SQLException;
  }

  /** Gives a connection of the host's transaction back to the host, without ending the transaction. */
  @FunctionalInterface
  interface HostRelease {
    /**
     * @param connection a connection {@link HostConnection#current()} gave
     * @throws SQLException when it cannot be given back
     */
    void release(Connection connection) throws SQLException;
  }
}
