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
import java.util.Set;
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
 *
 * <p>Any other database failure inside a unit of work makes it rollback-only: should the work catch the
 * {@link JdbcStorageException} and return normally, the unit of work rolls back and throws instead of committing a
 * transaction that PostgreSQL has already aborted (or, on H2, committing half of the work).
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

  /**
   * The SQL states of an insert whose key is taken: a unique violation, or a wait for a key that another open unit of
   * work has inserted given up (H2 after its lock timeout, 2 s by default; PostgreSQL when lock_timeout is set).
   */
  private static final Set<String> TAKEN_KEY = Set.of("23505", "HYT00", "55P03");

  private final DataSource dataSource;
  private final JdbcDialect dialect;
  private final ThreadLocal<@Nullable Tx> current = new ThreadLocal<>();

  /** The unit of work open on a thread. */
  private static final class Tx {
    final Connection connection;
    /** The first database failure inside the unit of work; once set, the unit of work can only roll back. */
    @Nullable JdbcStorageException failure;

    Tx(Connection connection) {
      this.connection = connection;
    }
  }

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
    Tx tx = new Tx(connection);
    current.set(tx);
    try {
      T result = work.get();
      JdbcStorageException failure = tx.failure;
      if (failure != null) {
        throw new JdbcStorageException("the unit of work was rolled back: a statement inside it failed and the"
            + " work went on", (SQLException) Objects.requireNonNull(failure.getCause()));
      }
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
    Tx joined = current.get();
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
   * unit of work usable. So does giving up waiting for the key: another unit of work has inserted the same key and
   * has not ended yet (H2 waits for it up to its lock timeout only).
   */
  void insert(String recordType, String recordId, String sql, Binder binder) {
    Tx joined = current.get();
    if (joined == null) {
      inTransaction(() -> {
        insertOn(Objects.requireNonNull(current.get()), false, recordType, recordId, sql, binder);
        return null;
      });
    } else {
      insertOn(joined, true, recordType, recordId, sql, binder);
    }
  }

  private static void insertOn(Tx tx, boolean savepoint, String recordType, String recordId, String sql,
      Binder binder) {
    Connection connection = tx.connection;
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
      if (isTakenKey(e)) {
        throw VersionConflictException.duplicate(recordType, recordId);
      }
      throw failed(tx, new JdbcStorageException("could not insert " + recordType + " " + recordId, e));
    }
  }

  /**
   * Runs one statement of inserts whose keys are new ids (no conflict expected), with no savepoint: a taken key
   * throws {@link VersionConflictException#duplicate} for the row {@code recordType} {@code recordId} and, inside a
   * unit of work, leaves it rollback-only (on PostgreSQL the failed statement has aborted it).
   */
  void insertUnguarded(String recordType, String recordId, String sql, Binder binder) {
    Tx joined = current.get();
    if (joined == null) {
      inTransaction(() -> {
        insertUnguarded(recordType, recordId, sql, binder);
        return null;
      });
      return;
    }
    try (PreparedStatement statement = joined.connection.prepareStatement(sql)) {
      binder.bind(statement);
      statement.executeUpdate();
    } catch (SQLException e) {
      JdbcStorageException failure = failed(joined, new JdbcStorageException("could not insert " + recordType + " "
          + recordId, e));
      if (isTakenKey(e)) {
        VersionConflictException conflict = VersionConflictException.duplicate(recordType, recordId);
        conflict.addSuppressed(failure);
        throw conflict;
      }
      throw failure;
    }
  }

  /** Reads the result sets of one statement, in order. */
  interface ResultsReader<T> {
    T read(Results results) throws SQLException;
  }

  /** The result sets of one statement that runs several queries. */
  interface Results {
    /** @return the rows of the next query, mapped */
    <T> List<T> next(RowMapper<T> mapper) throws SQLException;
  }

  /**
   * Runs several queries in one statement (and on PostgreSQL one round trip), e.g. {@code "select ...; select ..."},
   * and hands their result sets to {@code reader} in order.
   */
  <T> T queries(String sql, Binder binder, ResultsReader<T> reader) {
    return call(c -> {
      try (PreparedStatement statement = c.prepareStatement(sql)) {
        binder.bind(statement);
        boolean[] first = {statement.execute()};
        return reader.read(new Results() {
          @Override
          public <R> List<R> next(RowMapper<R> mapper) throws SQLException {
            if (!first[0] && !statement.getMoreResults()) {
              throw new SQLException("the statement returned fewer result sets than read");
            }
            first[0] = false;
            List<R> rows = new ArrayList<>();
            try (ResultSet set = statement.getResultSet()) {
              while (set.next()) {
                rows.add(mapper.map(set));
              }
            }
            return rows;
          }
        });
      }
    });
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

  /** @return whether {@code e}, a cause or a next exception has one of the {@link #TAKEN_KEY} states */
  static boolean isTakenKey(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException) {
        for (SQLException s = (SQLException) t; s != null; s = s.getNextException()) {
          @Nullable String state = s.getSQLState();
          if (state != null && TAKEN_KEY.contains(state)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static <T> T run(Tx tx, SqlWork<T> work) {
    try {
      return work.run(tx.connection);
    } catch (SQLException e) {
      throw failed(tx, new JdbcStorageException("statement failed", e));
    }
  }

  /** Marks the unit of work rollback-only: a failed statement may have aborted it (it does on PostgreSQL). */
  private static JdbcStorageException failed(Tx tx, JdbcStorageException failure) {
    if (tx.failure == null) {
      tx.failure = failure;
    }
    return failure;
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
