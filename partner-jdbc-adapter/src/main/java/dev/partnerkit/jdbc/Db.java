package dev.partnerkit.jdbc;

import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.spi.UnitOfWork;
import dev.partnerkit.spi.VersionConflictException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The unit of work and the statement helpers every store uses. One instance per {@link JdbcStorage}: its thread-local
 * holds the connection of the unit of work open on the current thread.
 *
 * <p>Standalone mode: the unit of work takes its own connection from the {@link ConnectionProvider}, commits or rolls
 * back itself and hands the connection back. When the database rolls it back for a concurrent transaction (SQLState
 * 40001 or 40P01, found anywhere in the failure's causes), the whole work runs again on a new transaction, up to
 * {@code maxAttempts} times with a growing, jittered pause in between; then {@link TransactionConflictException}.
 *
 * <p>Joined mode: the unit of work runs on the host's connection inside a savepoint, never commits, rolls back (other
 * than to its own savepoint), closes or changes the auto-commit mode of it. A failure rolls back to the savepoint and
 * is rethrown (a conflict as {@link TransactionConflictException} for the host to retry); should even that rollback
 * fail, {@link HostTransactionRollbackOnlyException}.
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
  private static final Logger LOG = LoggerFactory.getLogger(Db.class);

  /** The longest pause between two attempts of a unit of work. */
  static final Duration MAX_BACKOFF = Duration.ofSeconds(1);

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

  private final ConnectionProvider connections;
  private final JdbcDialect dialect;
  private final int maxAttempts;
  private final Duration initialBackoff;
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

  /**
   * @param maxAttempts how many times a standalone unit of work runs at most when the database rolls it back for a
   *     concurrent transaction (1: never again)
   * @param initialBackoff the pause after the first such rollback; it doubles after each (up to {@link #MAX_BACKOFF}),
   *     and each pause is drawn between half of it and all of it
   */
  Db(ConnectionProvider connections, JdbcDialect dialect, int maxAttempts, Duration initialBackoff) {
    this.connections = Objects.requireNonNull(connections, "connections");
    this.dialect = Objects.requireNonNull(dialect, "dialect");
    this.maxAttempts = requirePositive("maxAttempts", maxAttempts);
    if (initialBackoff.isNegative()) {
      throw new InvalidValueException("initialBackoff", "initialBackoff must not be negative, but was "
          + initialBackoff);
    }
    this.initialBackoff = initialBackoff;
  }

  JdbcDialect dialect() {
    return dialect;
  }

  /** @return whether units of work join the host's transaction */
  boolean joinsHostTransaction() {
    return connections.joinsHostTransaction();
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    Objects.requireNonNull(work, "work");
    if (current.get() != null) {
      return work.get();
    }
    if (connections.joinsHostTransaction()) {
      return joined(work);
    }
    for (int attempt = 1; ; attempt++) {
      try {
        return standalone(work);
      } catch (RuntimeException failure) {
        SQLException conflict = failure instanceof TransactionConflictException ? null : conflictOf(failure);
        if (conflict == null) {
          throw failure;
        }
        if (attempt >= maxAttempts) {
          TransactionConflictException gaveUp = new TransactionConflictException("the database rolled the unit of"
              + " work back for a concurrent transaction " + attempt + (attempt == 1 ? " time" : " times")
              + " (SQLState " + conflict.getSQLState() + "); nothing was written, run it again later",
              conflict, attempt, false);
          gaveUp.addSuppressed(failure);
          throw gaveUp;
        }
        long pause = backoffMillis(attempt);
        LOG.debug("The database rolled a unit of work back for a concurrent transaction (SQLState {}); running it"
            + " again in {} ms (attempt {} of {})", conflict.getSQLState(), pause, attempt + 1, maxAttempts);
        pause(pause, conflict, attempt, failure);
      }
    }
  }

  /** One attempt of a standalone unit of work: own connection, own commit. */
  private <T> T standalone(Supplier<T> work) {
    Connection connection = acquire();
    boolean autoCommit;
    try {
      autoCommit = connection.getAutoCommit();
      if (autoCommit) {
        connection.setAutoCommit(false);
      }
    } catch (SQLException e) {
      JdbcStorageException failure = new JdbcStorageException("could not start a transaction", e);
      releaseQuietly(connection);
      throw failure;
    }
    Tx tx = new Tx(connection);
    current.set(tx);
    try {
      T result = work.get();
      throwIfFailed(tx);
      commit(connection);
      return result;
    } catch (Throwable failure) {
      rollbackQuietly(connection, failure);
      keepConflict(tx, failure);
      throw failure;
    } finally {
      current.remove();
      restoreAndRelease(connection, autoCommit);
    }
  }

  /** A unit of work on the host's connection, inside a savepoint: never commits, rolls back or closes it. */
  private <T> T joined(Supplier<T> work) {
    Connection connection = acquire();
    try {
      boolean autoCommit;
      try {
        autoCommit = connection.getAutoCommit();
      } catch (SQLException e) {
        throw new JdbcStorageException("could not read the auto-commit mode of the host's connection", e);
      }
      if (autoCommit) {
        throw new HostTransactionRequiredException("Partnerkit joins the host's transaction, but the connection the"
            + " host gave is in auto-commit mode: no transaction is open on this thread. Nothing was written; open a"
            + " transaction first, or build the storage with ConnectionProvider.standalone");
      }
      Savepoint savepoint;
      try {
        savepoint = connection.setSavepoint();
      } catch (SQLException e) {
        throw new JdbcStorageException("could not set a savepoint in the host's transaction", e);
      }
      Tx tx = new Tx(connection);
      current.set(tx);
      try {
        T result = work.get();
        throwIfFailed(tx);
        try {
          connection.releaseSavepoint(savepoint);
        } catch (SQLException e) {
          throw new JdbcStorageException("could not release the savepoint of the unit of work", e);
        }
        return result;
      } catch (Throwable failure) {
        undoTo(connection, savepoint, failure);
        keepConflict(tx, failure);
        SQLException conflict = failure instanceof TransactionConflictException ? null : conflictOf(failure);
        if (conflict != null) {
          TransactionConflictException retry = new TransactionConflictException("the database rolled Partnerkit's"
              + " part of the host's transaction back for a concurrent transaction (SQLState "
              + conflict.getSQLState() + "); Partnerkit's part is undone, roll the host's transaction back and run it"
              + " again", conflict, 1, true);
          retry.addSuppressed(failure);
          throw retry;
        }
        throw failure;
      } finally {
        current.remove();
      }
    } finally {
      releaseQuietly(connection);
    }
  }

  /** Rolls the host's transaction back to the unit of work's savepoint, or says it must roll back whole. */
  private static void undoTo(Connection connection, Savepoint savepoint, Throwable failure) {
    try {
      connection.rollback(savepoint);
    } catch (SQLException e) {
      HostTransactionRollbackOnlyException rollbackOnly = new HostTransactionRollbackOnlyException("Partnerkit's"
          + " unit of work failed and could not be undone inside the host's transaction; the host's transaction must"
          + " roll back", e);
      rollbackOnly.addSuppressed(failure);
      throw rollbackOnly;
    }
  }

  /**
   * When the work failed with something else after a conflict aborted its transaction (on PostgreSQL every later
   * statement fails with 25P02), keeps the conflict with the failure, so that the unit of work is still retried.
   */
  private static void keepConflict(Tx tx, Throwable failure) {
    JdbcStorageException first = tx.failure;
    if (first != null && first != failure && conflictOf(failure) == null && conflictOf(first) != null) {
      failure.addSuppressed(first);
    }
  }

  private static void throwIfFailed(Tx tx) {
    JdbcStorageException failure = tx.failure;
    if (failure != null) {
      throw new JdbcStorageException("the unit of work was rolled back: a statement inside it failed and the"
          + " work went on", (SQLException) Objects.requireNonNull(failure.getCause()));
    }
  }

  /**
   * @return the first {@link SQLException} with the state of a transaction rolled back for a concurrent one
   *     ({@link TransactionConflictException#STATES}) among the causes of {@code failure} (and their suppressed
   *     exceptions and next exceptions), or null
   */
  static @Nullable SQLException conflictOf(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      SQLException found = conflictIn(t);
      if (found != null) {
        return found;
      }
      for (Throwable suppressed : t.getSuppressed()) {
        for (Throwable s = suppressed; s != null; s = s.getCause()) {
          found = conflictIn(s);
          if (found != null) {
            return found;
          }
        }
      }
    }
    return null;
  }

  private static @Nullable SQLException conflictIn(Throwable t) {
    if (t instanceof SQLException) {
      for (SQLException s = (SQLException) t; s != null; s = s.getNextException()) {
        @Nullable String state = s.getSQLState();
        if (state != null && TransactionConflictException.STATES.contains(state)) {
          return s;
        }
      }
    }
    return null;
  }

  /** @return the pause after the {@code attempt}-th attempt: drawn from [b/2, b], b doubling from the first */
  private long backoffMillis(int attempt) {
    long initial = initialBackoff.toMillis();
    if (initial == 0) {
      return 0;
    }
    long ceiling = MAX_BACKOFF.toMillis();
    long base = Math.min(ceiling, initial << Math.min(attempt - 1, 20));
    return base / 2 + ThreadLocalRandom.current().nextLong(base - base / 2 + 1);
  }

  private static void pause(long millis, SQLException conflict, int attempt, RuntimeException failure) {
    if (millis <= 0) {
      return;
    }
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      TransactionConflictException interrupted = new TransactionConflictException("interrupted while waiting to"
          + " run a unit of work again that the database rolled back for a concurrent transaction; nothing was"
          + " written", conflict, attempt, false);
      interrupted.addSuppressed(failure);
      throw interrupted;
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

  private Connection acquire() {
    try {
      return Objects.requireNonNull(connections.acquire(), "the connection provider returned no connection");
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

  /** Rolls back after {@code failure}; a failure to roll back is attached to it and logged, never thrown instead. */
  private static void rollbackQuietly(Connection connection, Throwable failure) {
    try {
      connection.rollback();
    } catch (SQLException | RuntimeException e) {
      failure.addSuppressed(e);
      LOG.warn("Could not roll back a failed unit of work; the connection is handed back and a pool should discard"
          + " it", e);
    }
  }

  /**
   * Restores auto-commit and hands the connection back; a failure here cannot undo the commit or rollback that has
   * already happened, so it is logged, not thrown.
   */
  private void restoreAndRelease(Connection connection, boolean autoCommit) {
    try {
      if (autoCommit) {
        connection.setAutoCommit(true);
      }
    } catch (SQLException | RuntimeException e) {
      LOG.warn("Could not restore auto-commit on a connection after a unit of work; a pool should discard it", e);
    } finally {
      releaseQuietly(connection);
    }
  }

  /** Hands the connection back to the provider; the transaction has ended (or is the host's), so failures are logged. */
  private void releaseQuietly(Connection connection) {
    try {
      connections.release(connection);
    } catch (SQLException | RuntimeException e) {
      LOG.warn("Could not hand a connection back after a unit of work", e);
    }
  }
}
