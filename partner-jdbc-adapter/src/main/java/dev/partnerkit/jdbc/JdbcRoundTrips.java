package dev.partnerkit.jdbc;

import dev.partnerkit.domain.AccessGrant;
import dev.partnerkit.domain.OccasionEntitlements;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.Partner;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.Tenant;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.spi.AccessFacts;
import dev.partnerkit.spi.ActivityEntry;
import dev.partnerkit.spi.DecisionRecord;
import dev.partnerkit.spi.OutboxEvent;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Fewer round trips for the two things every command and read does: loading the facts of a decision and appending
 * the journal. On PostgreSQL each is one statement holding several queries (or inserts), sent and answered in one
 * round trip; H2 runs in process, where a round trip costs little, so there they are run one by one. The journal's
 * rows have new ids, so no insert is guarded by a savepoint (see {@link Db#insertUnguarded}).
 */
final class JdbcRoundTrips {
  private final Db db;
  private final String factsWithPartner;
  private final String factsWithoutPartner;

  JdbcRoundTrips(Db db) {
    this.db = db;
    String common = JdbcDirectoryStore.FIND_TENANT + "; " + JdbcEntitlementStore.FIND;
    this.factsWithoutPartner = common;
    this.factsWithPartner = common + "; " + JdbcDirectoryStore.FIND_PARTNER + "; " + JdbcGrantStore.FIND_BY_PARTNER;
  }

  /** @return whether statements holding several queries are sent in one round trip */
  private boolean combines() {
    return db.dialect() == JdbcDialect.POSTGRESQL;
  }

  /** @return the facts of one decision, or null when they should be loaded store by store */
  @Nullable AccessFacts accessFacts(TenantId tenantId, OccasionId occasionId, Optional<PartnerId> partnerId) {
    if (!combines()) {
      return null;
    }
    String tenant = tenantId.value();
    return db.queries(partnerId.isPresent() ? factsWithPartner : factsWithoutPartner, s -> {
      s.setString(1, tenant);
      s.setString(2, tenant);
      s.setString(3, occasionId.value());
      if (partnerId.isPresent()) {
        s.setString(4, tenant);
        s.setString(5, partnerId.get().value());
        s.setString(6, tenant);
        s.setString(7, partnerId.get().value());
      }
    }, results -> {
      List<Tenant> tenants = results.next(JdbcDirectoryStore::tenant);
      List<OccasionEntitlements> entitlements = results.next(JdbcEntitlementStore::entitlements);
      List<Partner> partners = partnerId.isPresent() ? results.next(JdbcDirectoryStore::partner) : List.of();
      List<AccessGrant> grants = partnerId.isPresent() ? results.next(JdbcGrantStore::grant) : List.of();
      return AccessFacts.builder().tenant(first(tenants)).entitlements(first(entitlements))
          .partner(first(partners)).grants(grants).build();
    });
  }

  private static <T> Optional<T> first(List<T> rows) {
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  /** Appends a journal: on PostgreSQL in one statement, on H2 one insert after the other; never under savepoints. */
  void appendJournal(DecisionRecord decision, @Nullable ActivityEntry activity, @Nullable OutboxEvent event) {
    if (activity != null && event != null && combines()) {
      db.insertUnguarded(JdbcDecisionLog.TYPE, decision.recordId(), JdbcActivityLog.INSERT + "; "
          + JdbcOutbox.INSERT + "; " + JdbcDecisionLog.INSERT, s -> {
            int next = JdbcActivityLog.bind(s, 1, activity);
            next = JdbcOutbox.bind(s, next, event);
            JdbcDecisionLog.bind(s, next, decision);
          });
      return;
    }
    if (activity != null) {
      db.insertUnguarded(JdbcActivityLog.TYPE, activity.entryId(), JdbcActivityLog.INSERT,
          s -> JdbcActivityLog.bind(s, 1, activity));
    }
    if (event != null) {
      db.insertUnguarded(JdbcOutbox.TYPE, event.eventId(), JdbcOutbox.INSERT, s -> JdbcOutbox.bind(s, 1, event));
    }
    db.insertUnguarded(JdbcDecisionLog.TYPE, decision.recordId(), JdbcDecisionLog.INSERT,
        s -> JdbcDecisionLog.bind(s, 1, decision));
  }
}
