package dev.partnerkit.jdbc;

import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.spi.AccessFacts;
import dev.partnerkit.spi.ActivityEntry;
import dev.partnerkit.spi.ActivityLog;
import dev.partnerkit.spi.DecisionLog;
import dev.partnerkit.spi.DecisionRecord;
import dev.partnerkit.spi.DirectoryStore;
import dev.partnerkit.spi.EconomicsStore;
import dev.partnerkit.spi.EntitlementStore;
import dev.partnerkit.spi.GrantStore;
import dev.partnerkit.spi.IdempotencyStore;
import dev.partnerkit.spi.Outbox;
import dev.partnerkit.spi.OutboxEvent;
import dev.partnerkit.spi.PartnerkitStorage;
import dev.partnerkit.spi.RecordStore;
import dev.partnerkit.spi.RetentionStore;
import dev.partnerkit.spi.UnitOfWork;
import dev.partnerkit.spi.WebhookStore;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Partnerkit storage over a host's {@link DataSource}, in plain JDBC.
 *
 * <pre>{@code
 * PartnerkitStorage storage = JdbcStorage.builder(dataSource).build();
 * storage.unitOfWork().inTransaction(() -> {
 *   storage.grants().insert(grant);
 *   storage.outbox().append(event);
 *   return null;
 * });
 * }</pre>
 *
 * <p>Transactions: by default ({@link ConnectionProvider#standalone standalone}) {@link UnitOfWork#inTransaction}
 * takes one connection from the data source, binds it to the current thread (per storage instance), turns auto-commit
 * off, commits when the work returns and rolls back when it throws, rethrowing the exception unchanged; nested calls
 * join it. A store call outside a unit of work runs in a transaction of its own. Connections are always returned with
 * their auto-commit mode restored. When the database rolls a unit of work back for a concurrent transaction
 * (serialization failure {@code 40001} or deadlock {@code 40P01}), the whole work runs again, up to
 * {@link #DEFAULT_MAX_ATTEMPTS} times with a backoff, and then throws {@link TransactionConflictException}. The data
 * source must hand out connections of their own: a data source that hands out the connection of a transaction the
 * host has open (Spring's {@code TransactionAwareDataSourceProxy}, a JTA-managed one) needs the joined mode instead,
 * or Partnerkit's commit would commit the host's transaction half-way.
 *
 * <p>{@link Builder#connections(ConnectionProvider) Joined} with
 * {@link ConnectionProvider#joined(ConnectionProvider.HostConnection, ConnectionProvider.HostRelease)}, every unit of
 * work runs inside the host's open transaction, under a savepoint, and never commits, rolls back or closes the host's
 * connection; see {@link ConnectionProvider}.
 *
 * <p>Conflicts: updates carry {@code where ... and version = ?} and a zero update count throws
 * {@link dev.partnerkit.spi.VersionConflictException#stale}; an insert whose key is taken (SQLState 23505) throws
 * {@link dev.partnerkit.spi.VersionConflictException#duplicate}. An insert of a key that another unit of work has
 * inserted and not yet ended waits for it (a claim of an idempotency key, say) and is a duplicate when that one
 * commits; should the wait end first (H2's lock timeout, 2 s by default, or PostgreSQL's {@code lock_timeout}),
 * that is a duplicate too. Inside a unit of work each insert runs under a
 * savepoint, so after a conflict the unit of work can go on (PostgreSQL would otherwise abort it). Other database
 * failures throw {@link JdbcStorageException} and make the unit of work rollback-only: if the work catches one and
 * returns, {@code inTransaction} rolls back and throws a {@link JdbcStorageException} instead of committing.
 *
 * <p>Instants are stored as {@code timestamp with time zone} in UTC, truncated to microseconds.
 *
 * <p>The tables must exist at the current schema version: see {@link SchemaInstaller} and
 * {@link JdbcDialect#schemaScripts()}. Instances are thread-safe.
 */
public final class JdbcStorage implements PartnerkitStorage {
  /** How many times a standalone unit of work runs at most when the database rolls it back for a concurrent one. */
  public static final int DEFAULT_MAX_ATTEMPTS = 5;
  /** The pause after the first such rollback; it doubles after each, up to one second, with jitter. */
  public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(20);

  private final Db db;
  private final DirectoryStore directory;
  private final GrantStore grants;
  private final EntitlementStore entitlements;
  private final RecordStore records;
  private final EconomicsStore economics;
  private final ActivityLog activity;
  private final DecisionLog decisions;
  private final Outbox outbox;
  private final IdempotencyStore idempotency;
  private final RetentionStore retention;
  private final WebhookStore webhooks;
  private final JdbcRoundTrips roundTrips;

  private JdbcStorage(ConnectionProvider connections, JdbcDialect dialect, int maxAttempts, Duration initialBackoff) {
    this.db = new Db(connections, dialect, maxAttempts, initialBackoff);
    this.directory = new JdbcDirectoryStore(db);
    this.grants = new JdbcGrantStore(db);
    this.entitlements = new JdbcEntitlementStore(db);
    this.records = new JdbcRecordStore(db);
    this.economics = new JdbcEconomicsStore(db);
    this.activity = new JdbcActivityLog(db);
    this.decisions = new JdbcDecisionLog(db);
    this.outbox = new JdbcOutbox(db);
    this.idempotency = new JdbcIdempotencyStore(db);
    this.retention = new JdbcRetentionStore(db);
    this.webhooks = new JdbcWebhookStore(db);
    this.roundTrips = new JdbcRoundTrips(db);
  }

  /**
   * @param dataSource the host's data source; the adapter never closes it
   * @return a builder
   */
  public static Builder builder(DataSource dataSource) {
    return new Builder(dataSource);
  }

  /** @return the dialect in use */
  public JdbcDialect dialect() {
    return db.dialect();
  }

  /** @return whether units of work join the host's transaction ({@link ConnectionProvider#joinsHostTransaction()}) */
  public boolean joinsHostTransaction() {
    return db.joinsHostTransaction();
  }

  @Override
  public DirectoryStore directory() {
    return directory;
  }

  @Override
  public GrantStore grants() {
    return grants;
  }

  @Override
  public EntitlementStore entitlements() {
    return entitlements;
  }

  @Override
  public RecordStore records() {
    return records;
  }

  @Override
  public EconomicsStore economics() {
    return economics;
  }

  @Override
  public ActivityLog activity() {
    return activity;
  }

  @Override
  public DecisionLog decisions() {
    return decisions;
  }

  @Override
  public Outbox outbox() {
    return outbox;
  }

  /**
   * @return webhook subscriptions, deliveries and the delivery log; the relay's claim works across tenants and, on
   *     PostgreSQL, skips deliveries another relay holds
   */
  @Override
  public WebhookStore webhooks() {
    return webhooks;
  }

  @Override
  public IdempotencyStore idempotency() {
    return idempotency;
  }

  /**
   * @return the purges of journal rows past their age, in bounded batches; safe to run on several instances at once
   *     (on PostgreSQL they skip each other's locked rows)
   */
  @Override
  public RetentionStore retention() {
    return retention;
  }

  @Override
  public UnitOfWork unitOfWork() {
    return db;
  }

  /** {@inheritDoc} On PostgreSQL the four queries are one statement, sent and answered in one round trip. */
  @Override
  public AccessFacts accessFacts(TenantId tenantId, OccasionId occasionId, Optional<PartnerId> partnerId) {
    AccessFacts facts = roundTrips.accessFacts(tenantId, occasionId, partnerId);
    return facts != null ? facts : PartnerkitStorage.super.accessFacts(tenantId, occasionId, partnerId);
  }

  /**
   * {@inheritDoc} Written without savepoints; on PostgreSQL a command's three rows are one statement, sent in one
   * round trip. A taken key throws {@link dev.partnerkit.spi.VersionConflictException} and the unit of work can then
   * only roll back.
   */
  @Override
  public void appendJournal(DecisionRecord decision, @Nullable ActivityEntry activity, @Nullable OutboxEvent event) {
    roundTrips.appendJournal(decision, activity, event);
  }

  /** Builds a {@link JdbcStorage}. */
  public static final class Builder {
    private final DataSource dataSource;
    private @Nullable JdbcDialect dialect;
    private @Nullable ConnectionProvider connections;
    private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
    private Duration initialBackoff = DEFAULT_INITIAL_BACKOFF;

    private Builder(DataSource dataSource) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * @param connections where units of work get their connection and who ends its transaction; default
     *     {@link ConnectionProvider#standalone(DataSource)} over the builder's data source (which is still the one
     *     the dialect is detected from)
     * @return this builder
     */
    public Builder connections(ConnectionProvider connections) {
      this.connections = Objects.requireNonNull(connections, "connections");
      return this;
    }

    /**
     * How standalone units of work meet a serialization failure or deadlock (SQLState 40001, 40P01): the whole work
     * runs again, at most {@code maxAttempts} times in all, pausing {@code initialBackoff} (doubling after each
     * attempt, at most one second, each pause drawn between half and all of it), then
     * {@link TransactionConflictException}. Joined units of work never retry. Default
     * {@link #DEFAULT_MAX_ATTEMPTS} and {@link #DEFAULT_INITIAL_BACKOFF}.
     *
     * @param maxAttempts at least 1 (1: no retry)
     * @param initialBackoff zero or more
     * @return this builder
     */
    public Builder retryTransactionConflicts(int maxAttempts, Duration initialBackoff) {
      Db.requirePositive("maxAttempts", maxAttempts);
      Objects.requireNonNull(initialBackoff, "initialBackoff");
      if (initialBackoff.isNegative()) {
        throw new InvalidValueException("initialBackoff",
            "initialBackoff must not be negative, but was " + initialBackoff);
      }
      this.maxAttempts = maxAttempts;
      this.initialBackoff = initialBackoff;
      return this;
    }

    /**
     * @param dialect the dialect to use instead of detecting it from the database product name
     * @return this builder
     */
    public Builder dialect(JdbcDialect dialect) {
      this.dialect = Objects.requireNonNull(dialect, "dialect");
      return this;
    }

    /**
     * @return the storage; when no dialect was set, one connection is opened to detect it
     * @throws JdbcStorageException when the dialect must be detected and no connection can be had
     * @throws IllegalArgumentException when the detected database is neither PostgreSQL nor H2
     */
    public JdbcStorage build() {
      JdbcDialect chosen = dialect;
      ConnectionProvider provider = connections;
      return new JdbcStorage(provider != null ? provider : ConnectionProvider.standalone(dataSource),
          chosen != null ? chosen : JdbcDialect.detect(dataSource), maxAttempts, initialBackoff);
    }
  }
}
