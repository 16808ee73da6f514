package dev.partnerkit.jdbc;

import dev.partnerkit.domain.DataClass;
import dev.partnerkit.domain.EventId;
import dev.partnerkit.domain.IntegrationPrincipalId;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.ResourceId;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.WireNamed;
import dev.partnerkit.domain.internal.Checks;
import dev.partnerkit.spi.DeliveryAttempt;
import dev.partnerkit.spi.DeliveryQuery;
import dev.partnerkit.spi.DeliveryStatus;
import dev.partnerkit.spi.ImmutableWebhookDelivery;
import dev.partnerkit.spi.VersionConflictException;
import dev.partnerkit.spi.WebhookDelivery;
import dev.partnerkit.spi.WebhookStore;
import dev.partnerkit.spi.WebhookSubscription;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Webhook subscriptions, deliveries and attempts in typed tables. The claim selects due rows with the dialect's row
 * lock (PostgreSQL skips rows another claim holds: {@code for update skip locked}; H2 waits for them) and then takes
 * each lease with an update at the version it read, so only one claimant ever wins a row.
 */
final class JdbcWebhookStore implements WebhookStore {
  private static final String SUBSCRIPTION = "webhook_subscription";
  private static final String DELIVERY = "webhook_delivery";
  private static final String ATTEMPT = "webhook_attempt";
  private static final String SUBSCRIPTION_COLUMNS = "tenant_id, subscription_id, principal_id, partner_id,"
      + " endpoint_url, event_types, secret, previous_secret, previous_secret_until, enabled, disabled_reason,"
      + " consecutive_failures, failing_since, created_at, version";
  private static final String DELIVERY_COLUMNS = "tenant_id, delivery_id, subscription_id, principal_id, partner_id,"
      + " outbox_event_id, event_type, occasion_id, placement_event_id, resource_id, data_class, payload, status,"
      + " attempts, run_attempts, next_attempt_at, lease_owner, lease_until, created_at, last_attempt_at, version";
  private static final String ATTEMPT_COLUMNS = "tenant_id, delivery_id, attempt, subscription_id, partner_id,"
      + " relay_id, attempted_at, outcome, status_code, latency_millis, error, next_attempt_at";

  private final Db db;

  JdbcWebhookStore(Db db) {
    this.db = db;
  }

  @Override
  public void insertSubscription(WebhookSubscription s) {
    Checks.required("subscription", s);
    if (s.version() != 0) {
      throw VersionConflictException.duplicate(SUBSCRIPTION, s.subscriptionId());
    }
    db.insert(SUBSCRIPTION, s.subscriptionId(), "insert into pk_webhook_subscription (" + SUBSCRIPTION_COLUMNS
        + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", st -> {
          st.setString(1, s.tenantId().value());
          st.setString(2, s.subscriptionId());
          st.setString(3, s.principalId().value());
          st.setString(4, s.partnerId().value());
          bindSubscription(st, 5, s);
        });
  }

  /** Binds the 11 columns from {@code endpoint_url} to {@code version}. */
  private static void bindSubscription(PreparedStatement st, int first, WebhookSubscription s) throws SQLException {
    int i = first;
    st.setString(i++, s.endpointUrl());
    st.setString(i++, Sql.joinSet(s.eventTypes(), t -> t));
    st.setString(i++, s.secret());
    Sql.setText(st, i++, s.previousSecret());
    Sql.setInstant(st, i++, s.previousSecretUntil());
    st.setBoolean(i++, s.enabled());
    Sql.setText(st, i++, s.disabledReason());
    st.setInt(i++, s.consecutiveFailures());
    Sql.setInstant(st, i++, s.failingSince());
    Sql.setInstant(st, i++, s.createdAt());
    st.setLong(i, s.version());
  }

  @Override
  public void updateSubscription(WebhookSubscription s) {
    Checks.required("subscription", s);
    long expected = s.version() - 1;
    int updated = db.update("update pk_webhook_subscription set endpoint_url = ?, event_types = ?, secret = ?,"
        + " previous_secret = ?, previous_secret_until = ?, enabled = ?, disabled_reason = ?,"
        + " consecutive_failures = ?, failing_since = ?, created_at = ?, version = ?"
        + " where tenant_id = ? and subscription_id = ? and principal_id = ? and partner_id = ? and version = ?",
        st -> {
          bindSubscription(st, 1, s);
          st.setString(12, s.tenantId().value());
          st.setString(13, s.subscriptionId());
          st.setString(14, s.principalId().value());
          st.setString(15, s.partnerId().value());
          st.setLong(16, expected);
        });
    if (updated != 1) {
      throw VersionConflictException.stale(SUBSCRIPTION, s.subscriptionId(), expected);
    }
  }

  @Override
  public Optional<WebhookSubscription> findSubscription(TenantId tenantId, String subscriptionId) {
    Checks.required("tenantId", tenantId);
    Checks.required("subscriptionId", subscriptionId);
    return db.one("select " + SUBSCRIPTION_COLUMNS + " from pk_webhook_subscription"
        + " where tenant_id = ? and subscription_id = ?", st -> {
          st.setString(1, tenantId.value());
          st.setString(2, subscriptionId);
        }, JdbcWebhookStore::subscription);
  }

  @Override
  public List<WebhookSubscription> subscriptions(TenantId tenantId, DeliveryQuery query) {
    Checks.required("tenantId", tenantId);
    Checks.required("query", query);
    return db.list("select " + SUBSCRIPTION_COLUMNS + " from pk_webhook_subscription where tenant_id = ?"
        + " and (? is null or partner_id = ?) and (? is null or subscription_id = ?)"
        + " order by subscription_id limit ?", st -> {
          st.setString(1, tenantId.value());
          bindOptional(st, 2, query.partnerId().map(PartnerId::value));
          bindOptional(st, 4, query.subscriptionId());
          st.setInt(6, query.limit());
        }, JdbcWebhookStore::subscription);
  }

  /** Binds one optional filter to the two marks of {@code (? is null or column = ?)}. */
  private static void bindOptional(PreparedStatement st, int first, Optional<String> value) throws SQLException {
    if (value.isPresent()) {
      st.setString(first, value.get());
      st.setString(first + 1, value.get());
    } else {
      st.setNull(first, Types.VARCHAR);
      st.setNull(first + 1, Types.VARCHAR);
    }
  }

  @Override
  public WebhookSubscription countOutcome(TenantId tenantId, String subscriptionId, boolean succeeded, Instant at) {
    Checks.required("tenantId", tenantId);
    Checks.required("subscriptionId", subscriptionId);
    Checks.required("at", at);
    return db.inTransaction(() -> {
      String set = succeeded ? "consecutive_failures = 0, failing_since = null"
          : "consecutive_failures = consecutive_failures + 1, failing_since = coalesce(failing_since, ?)";
      int updated = db.update("update pk_webhook_subscription set " + set + ", version = version + 1"
          + " where tenant_id = ? and subscription_id = ?", st -> {
            int i = 1;
            if (!succeeded) {
              Sql.setInstant(st, i++, at);
            }
            st.setString(i++, tenantId.value());
            st.setString(i, subscriptionId);
          });
      if (updated != 1) {
        throw VersionConflictException.stale(SUBSCRIPTION, subscriptionId, 0);
      }
      return findSubscription(tenantId, subscriptionId).orElseThrow();
    });
  }

  @Override
  public List<TenantId> tenantsWithPendingEvents(int limit) {
    checkLimit(limit);
    return db.list("select distinct tenant_id from pk_outbox_event where published_at is null order by tenant_id"
        + " limit ?", st -> st.setInt(1, limit), row -> TenantId.of(Sql.getText(row, "tenant_id")));
  }

  @Override
  public void insertDelivery(WebhookDelivery d) {
    Checks.required("delivery", d);
    if (d.version() != 0) {
      throw VersionConflictException.duplicate(DELIVERY, d.deliveryId());
    }
    db.insert(DELIVERY, d.deliveryId(), "insert into pk_webhook_delivery (" + DELIVERY_COLUMNS + ") values (?, ?,"
        + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", st -> {
          st.setString(1, d.tenantId().value());
          st.setString(2, d.deliveryId());
          st.setString(3, d.subscriptionId());
          st.setString(4, d.principalId().value());
          st.setString(5, d.partnerId().value());
          st.setString(6, d.outboxEventId());
          st.setString(7, d.eventType());
          st.setString(8, d.occasionId().value());
          Sql.setText(st, 9, d.eventId().map(EventId::value));
          Sql.setText(st, 10, d.resourceId().map(ResourceId::value));
          st.setString(11, d.dataClass().wireName());
          st.setString(12, d.payload());
          bindDeliveryState(st, 13, d);
          Sql.setInstant(st, 19, d.createdAt());
          Sql.setInstant(st, 20, d.lastAttemptAt());
          st.setLong(21, d.version());
        });
  }

  /** Binds the 6 state columns from {@code status} to {@code lease_until}. */
  private static void bindDeliveryState(PreparedStatement st, int first, WebhookDelivery d) throws SQLException {
    int i = first;
    st.setString(i++, d.status().wireName());
    st.setInt(i++, d.attempts());
    st.setInt(i++, d.runAttempts());
    Sql.setInstant(st, i++, d.nextAttemptAt());
    Sql.setText(st, i++, d.leaseOwner());
    Sql.setInstant(st, i, d.leaseUntil());
  }

  @Override
  public List<WebhookDelivery> claimDue(Instant now, String relayId, Instant leaseUntil, int limit) {
    Checks.required("now", now);
    Checks.identifier("relayId", relayId);
    Checks.required("leaseUntil", leaseUntil);
    Checks.check(leaseUntil.isAfter(now), "leaseUntil", "leaseUntil must be after now " + now + ", but was "
        + leaseUntil);
    checkLimit(limit);
    return db.inTransaction(() -> {
      List<WebhookDelivery> due = db.list("select " + prefixed("d.", DELIVERY_COLUMNS)
          + " from pk_webhook_delivery d where d.status = 'pending' and d.next_attempt_at <= ?"
          + " and (d.lease_until is null or d.lease_until <= ?)"
          + " and exists (select 1 from pk_webhook_subscription s where s.tenant_id = d.tenant_id"
          + " and s.subscription_id = d.subscription_id and s.enabled = true)"
          + " order by d.next_attempt_at, d.tenant_id, d.delivery_id limit ?" + db.dialect().claimLock(), st -> {
            Sql.setInstant(st, 1, now);
            Sql.setInstant(st, 2, now);
            st.setInt(3, limit);
          }, JdbcWebhookStore::delivery);
      List<WebhookDelivery> claimed = new ArrayList<>(due.size());
      for (WebhookDelivery d : due) {
        int updated = db.update("update pk_webhook_delivery set lease_owner = ?, lease_until = ?,"
            + " version = version + 1 where tenant_id = ? and delivery_id = ? and version = ? and status = 'pending'"
            + " and (lease_until is null or lease_until <= ?)", st -> {
              st.setString(1, relayId);
              Sql.setInstant(st, 2, leaseUntil);
              st.setString(3, d.tenantId().value());
              st.setString(4, d.deliveryId());
              st.setLong(5, d.version());
              Sql.setInstant(st, 6, now);
            });
        if (updated == 1) {
          claimed.add(ImmutableWebhookDelivery.copyOf(d).withLeaseOwner(relayId).withLeaseUntil(leaseUntil)
              .withVersion(d.version() + 1));
        }
      }
      return claimed;
    });
  }

  private static String prefixed(String prefix, String columns) {
    return prefix + columns.replace(", ", ", " + prefix);
  }

  @Override
  public void updateDelivery(WebhookDelivery d) {
    Checks.required("delivery", d);
    long expected = d.version() - 1;
    int updated = db.update("update pk_webhook_delivery set status = ?, attempts = ?, run_attempts = ?,"
        + " next_attempt_at = ?, lease_owner = ?, lease_until = ?, last_attempt_at = ?, version = ?"
        + " where tenant_id = ? and delivery_id = ? and subscription_id = ? and outbox_event_id = ? and version = ?",
        st -> {
          bindDeliveryState(st, 1, d);
          Sql.setInstant(st, 7, d.lastAttemptAt());
          st.setLong(8, d.version());
          st.setString(9, d.tenantId().value());
          st.setString(10, d.deliveryId());
          st.setString(11, d.subscriptionId());
          st.setString(12, d.outboxEventId());
          st.setLong(13, expected);
        });
    if (updated != 1) {
      throw VersionConflictException.stale(DELIVERY, d.deliveryId(), expected);
    }
  }

  @Override
  public Optional<WebhookDelivery> findDelivery(TenantId tenantId, String deliveryId) {
    Checks.required("tenantId", tenantId);
    Checks.required("deliveryId", deliveryId);
    return db.one("select " + DELIVERY_COLUMNS + " from pk_webhook_delivery where tenant_id = ? and delivery_id = ?",
        st -> {
          st.setString(1, tenantId.value());
          st.setString(2, deliveryId);
        }, JdbcWebhookStore::delivery);
  }

  @Override
  public List<WebhookDelivery> deliveries(TenantId tenantId, DeliveryQuery query) {
    Checks.required("tenantId", tenantId);
    Checks.required("query", query);
    return db.list("select " + DELIVERY_COLUMNS + " from pk_webhook_delivery where tenant_id = ?" + filters("created_at")
        + " order by created_at, delivery_id limit ?", st -> bindFilters(st, tenantId, query),
        JdbcWebhookStore::delivery);
  }

  private static String filters(String timeColumn) {
    return " and (? is null or partner_id = ?) and (? is null or subscription_id = ?)"
        + " and (? is null or delivery_id = ?) and (cast(? as timestamp with time zone) is null or " + timeColumn
        + " >= ?) and (cast(? as timestamp with time zone) is null or " + timeColumn + " < ?)";
  }

  private static void bindFilters(PreparedStatement st, TenantId tenantId, DeliveryQuery query) throws SQLException {
    st.setString(1, tenantId.value());
    bindOptional(st, 2, query.partnerId().map(PartnerId::value));
    bindOptional(st, 4, query.subscriptionId());
    bindOptional(st, 6, query.deliveryId());
    Sql.setInstant(st, 8, query.since());
    Sql.setInstant(st, 9, query.since());
    Sql.setInstant(st, 10, query.before());
    Sql.setInstant(st, 11, query.before());
    st.setInt(12, query.limit());
  }

  @Override
  public void appendAttempt(DeliveryAttempt a) {
    Checks.required("attempt", a);
    db.insert(ATTEMPT, a.deliveryId() + "/" + a.attempt(), "insert into pk_webhook_attempt (" + ATTEMPT_COLUMNS
        + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", st -> {
          st.setString(1, a.tenantId().value());
          st.setString(2, a.deliveryId());
          st.setInt(3, a.attempt());
          st.setString(4, a.subscriptionId());
          st.setString(5, a.partnerId().value());
          st.setString(6, a.relayId());
          Sql.setInstant(st, 7, a.attemptedAt());
          st.setString(8, a.outcome().wireName());
          if (a.statusCode().isPresent()) {
            st.setInt(9, a.statusCode().get());
          } else {
            st.setNull(9, Types.INTEGER);
          }
          st.setLong(10, a.latencyMillis());
          Sql.setText(st, 11, a.error());
          Sql.setInstant(st, 12, a.nextAttemptAt());
        });
  }

  @Override
  public List<DeliveryAttempt> attempts(TenantId tenantId, DeliveryQuery query) {
    Checks.required("tenantId", tenantId);
    Checks.required("query", query);
    return db.list("select " + ATTEMPT_COLUMNS + " from pk_webhook_attempt where tenant_id = ?"
        + filters("attempted_at") + " order by attempted_at, delivery_id, attempt limit ?",
        st -> bindFilters(st, tenantId, query), JdbcWebhookStore::attempt);
  }

  private static void checkLimit(int limit) {
    Checks.check(limit >= 1 && limit <= DeliveryQuery.MAX_LIMIT, "limit",
        "limit must be between 1 and " + DeliveryQuery.MAX_LIMIT + ", but was " + limit);
  }

  private static WebhookSubscription subscription(ResultSet row) throws SQLException {
    return WebhookSubscription.builder()
        .tenantId(TenantId.of(Sql.getText(row, "tenant_id")))
        .subscriptionId(Sql.getText(row, "subscription_id"))
        .principalId(IntegrationPrincipalId.of(Sql.getText(row, "principal_id")))
        .partnerId(PartnerId.of(Sql.getText(row, "partner_id")))
        .endpointUrl(Sql.getText(row, "endpoint_url"))
        .eventTypes(Sql.split(Sql.getText(row, "event_types"), t -> t))
        .secret(Sql.getText(row, "secret"))
        .previousSecret(Optional.ofNullable(row.getString("previous_secret")))
        .previousSecretUntil(Sql.getOptionalInstant(row, "previous_secret_until"))
        .enabled(row.getBoolean("enabled"))
        .disabledReason(Optional.ofNullable(row.getString("disabled_reason")))
        .consecutiveFailures(row.getInt("consecutive_failures"))
        .failingSince(Sql.getOptionalInstant(row, "failing_since"))
        .createdAt(Sql.getInstant(row, "created_at"))
        .version(row.getLong("version"))
        .build();
  }

  private static WebhookDelivery delivery(ResultSet row) throws SQLException {
    return WebhookDelivery.builder()
        .tenantId(TenantId.of(Sql.getText(row, "tenant_id")))
        .deliveryId(Sql.getText(row, "delivery_id"))
        .subscriptionId(Sql.getText(row, "subscription_id"))
        .principalId(IntegrationPrincipalId.of(Sql.getText(row, "principal_id")))
        .partnerId(PartnerId.of(Sql.getText(row, "partner_id")))
        .outboxEventId(Sql.getText(row, "outbox_event_id"))
        .eventType(Sql.getText(row, "event_type"))
        .occasionId(OccasionId.of(Sql.getText(row, "occasion_id")))
        .eventId(Sql.getOptional(row, "placement_event_id", EventId::of))
        .resourceId(Sql.getOptional(row, "resource_id", ResourceId::of))
        .dataClass(WireNamed.parse(DataClass.class, "dataClass", row.getString("data_class")))
        .payload(Sql.getText(row, "payload"))
        .status(WireNamed.parse(DeliveryStatus.class, "status", row.getString("status")))
        .attempts(row.getInt("attempts"))
        .runAttempts(row.getInt("run_attempts"))
        .nextAttemptAt(Sql.getInstant(row, "next_attempt_at"))
        .leaseOwner(Optional.ofNullable(row.getString("lease_owner")))
        .leaseUntil(Sql.getOptionalInstant(row, "lease_until"))
        .createdAt(Sql.getInstant(row, "created_at"))
        .lastAttemptAt(Sql.getOptionalInstant(row, "last_attempt_at"))
        .version(row.getLong("version"))
        .build();
  }

  private static DeliveryAttempt attempt(ResultSet row) throws SQLException {
    int code = row.getInt("status_code");
    Optional<Integer> statusCode = row.wasNull() ? Optional.empty() : Optional.of(code);
    return DeliveryAttempt.builder()
        .tenantId(TenantId.of(Sql.getText(row, "tenant_id")))
        .deliveryId(Sql.getText(row, "delivery_id"))
        .attempt(row.getInt("attempt"))
        .subscriptionId(Sql.getText(row, "subscription_id"))
        .partnerId(PartnerId.of(Sql.getText(row, "partner_id")))
        .relayId(Sql.getText(row, "relay_id"))
        .attemptedAt(Sql.getInstant(row, "attempted_at"))
        .outcome(WireNamed.parse(DeliveryAttempt.Outcome.class, "outcome", row.getString("outcome")))
        .statusCode(statusCode)
        .latencyMillis(row.getLong("latency_millis"))
        .error(Optional.ofNullable(row.getString("error")))
        .nextAttemptAt(Sql.getOptionalInstant(row, "next_attempt_at"))
        .build();
  }
}
