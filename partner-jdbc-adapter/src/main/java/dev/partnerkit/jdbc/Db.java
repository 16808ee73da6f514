package dev.partnerkit.jdbc;

import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.spi.UnitOfWork;
import dev.partnerkit.spi.VersionConflictException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The unit of work and the statement helpers every store uses. One instance per {@link JdbcStorage}: its thread-local
 * holds the connection of the unit of work open on the current thread.
 *
 * <p>Inserts that may hit a primary key run inside a savepoint when they join a unit of work: on PostgreSQL a failed
 * statement aborts the whole transaction, so the savepoint is rolled back before the {@link VersionConflictException}
 * is thrown, and the caller's unit of work stays usable. Outside a unit of work the insert's own transaction is simply
 * rolled back.
 */
final class Db implements UnitOfWork {
  /** Work on a connection. */
  interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
  }

  /** Sets the parameters of a statement. */
  interface Binder {
    void bind(PreparedStatement statement) throws SQLException;
  }

  /** Reads one row. */
  interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  private static final String UNIQUE_VIOLATION = "23505";

  private final DataSource dataSource;
  private final JdbcDialect dialect;
  private final ThreadLocal<@Nullable Connection> current = new ThreadLocal<>();

  Db(DataSource dataSource, JdbcDialect dialect) {
    this.dataSource = dataSource;
    this.dialect = dialect;
  }

  JdbcDialect dialect() {
    return dialect;
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    Objects.requireNonNull(work, "work");
    if (current.get() != null) {
      return work.get();
    }
    Connection connection = open();
    boolean autoCommit;
    try {
      autoCommit = connection.getAutoCommit();
      if (autoCommit) {
        connection.setAutoCommit(false);
      }
    } catch (SQLException e) {
      JdbcStorageException failure = new JdbcStorageException("could not start a transaction", e);
      closeQuietly(connection, failure);
      throw failure;
    }
    current.set(connection);
    try {
      T result = work.get();
      commit(connection);
      return result;
    } catch (Throwable failure) {
      rollbackQuietly(connection, failure);
      throw failure;
    } finally {
      current.remove();
      release(connection, autoCommit);
    }
  }

  /** Runs {@code work} on the unit of work's connection, or in a transaction of its own outside one. */
  <T> T call(SqlWork<T> work) {
    Connection joined = current.get();
    if (joined != null) {
      return run(joined, work);
    }
    return inTransaction(() -> run(Objects.requireNonNull(current.get()), work));
  }

  /** Runs an update; returns the update count. */
  int update(String sql, Binder binder) {
    return call(c -> {
      try (PreparedStatement statement = c.prepareStatement(sql)) {
        binder.bind(statement);
        return statement.executeUpdate();
      }
    });
  }

  /**
   * Runs an insert; a taken primary or unique key becomes {@link VersionConflictException#duplicate} and leaves the
   * unit of work usable.
   */
  void insert(String recordType, String recordId, String sql, Binder binder) {
    Connection joined = current.get();
    if (joined == null) {
      inTransaction(() -> {
        insertOn(Objects.requireNonNull(current.get()), false, recordType, recordId, sql, binder);
        return null;
      });
    } else {
      insertOn(joined, true, recordType, recordId, sql, binder);
    }
  }

  private static void insertOn(Connection connection, boolean savepoint, String recordType, String recordId,
      String sql, Binder binder) {
    Savepoint point = null;
    try {
      if (savepoint) {
        point = connection.setSavepoint();
      }
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        binder.bind(statement);
        statement.executeUpdate();
      }
      if (point != null) {
        connection.releaseSavepoint(point);
      }
    } catch (SQLException e) {
      if (point != null) {
        try {
          connection.rollback(point);
        } catch (SQLException rollback) {
          e.addSuppressed(rollback);
        }
      }
      if (isUniqueViolation(e)) {
        throw VersionConflictException.duplicate(recordType, recordId);
      }
      throw new JdbcStorageException("could not insert " + recordType + " " + recordId, e);
    }
  }

  /** Runs a query; returns every row mapped. */
  <T> List<T> list(String sql, Binder binder, RowMapper<T> mapper) {
    return call(c -> {
      try (PreparedStatement statement = c.prepareStatement(sql)) {
        binder.bind(statement);
        try (ResultSet rows = statement.executeQuery()) {
          List<T> result = new ArrayList<>();
          while (rows.next()) {
            result.add(mapper.map(rows));
          }
          return result;
        }
      }
    });
  }

  /** Runs a query expected to find at most one row. */
  <T> Optional<T> one(String sql, Binder binder, RowMapper<T> mapper) {
    List<T> rows = list(sql, binder, mapper);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  /** Runs a {@code select count(*)}. */
  long count(String sql, Binder binder) {
    return one(sql, binder, row -> row.getLong(1)).orElse(0L);
  }

  /** Fails unless {@code limit} is at least one. */
  static int requirePositive(String field, int limit) {
    if (limit < 1) {
      throw new InvalidValueException(field, field + " must be at least 1, but was " + limit);
    }
    return limit;
  }

  static boolean isUniqueViolation(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException) {
        for (SQLException s = (SQLException) t; s != null; s = s.getNextException()) {
          if (UNIQUE_VIOLATION.equals(s.getSQLState())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static <T> T run(Connection connection, SqlWork<T> work) {
    try {
      return work.run(connection);
    } catch (SQLException e) {
      throw new JdbcStorageException("statement failed", e);
    }
  }

  private Connection open() {
    try {
      return Objects.requireNonNull(dataSource.getConnection(), "the data source returned no connection");
    } catch (SQLException e) {
      throw new JdbcStorageException("could not get a connection", e);
    }
  }

  private static void commit(Connection connection) {
    try {
      connection.commit();
    } catch (SQLException e) {
      throw new JdbcStorageException("could not commit the unit of work", e);
    }
  }

  private static void rollbackQuietly(Connection connection, Throwable failure) {
    try {
      connection.rollback();
    } catch (SQLException | RuntimeException e) {
      failure.addSuppressed(e);
    }
  }

  private static void closeQuietly(Connection connection, Throwable failure) {
    try {
      connection.close();
    } catch (SQLException | RuntimeException e) {
      failure.addSuppressed(e);
    }
  }

  /** Restores auto-commit and returns the connection; a failure here cannot undo a commit, so it is not thrown. */
  private static void release(Connection connection, boolean autoCommit) {
    try {
      if (autoCommit) {
        connection.setAutoCommit(true);
      }
    } catch (SQLException | RuntimeException ignored) {
      // the connection is closed below; a pool discards a connection it cannot reset
    } finally {
      try {
        connection.close();
      } catch (SQLException | RuntimeException ignored) {
        // nothing left to do: the transaction already ended
      }
    }
  }
}
