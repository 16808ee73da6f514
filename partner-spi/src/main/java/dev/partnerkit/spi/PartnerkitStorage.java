package dev.partnerkit.spi;

import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.TenantId;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Every store Partnerkit needs, and the unit of work they share. Implemented by the in-memory storage, by the JDBC
 * adapter, or by a host's own adapter (which runs the contract test kit to prove it).
 */
public interface PartnerkitStorage {
  /** @return tenants and partner directories */
  DirectoryStore directory();

  /** @return access grants */
  GrantStore grants();

  /** @return occasion entitlements */
  EntitlementStore entitlements();

  /** @return every kernel record (tasks and the evidence of every surface) and their links */
  RecordStore records();

  /** @return the directory's economics (referrals, commissions), event invites and plan quotas, in typed tables */
  EconomicsStore economics();

  /** @return the activity timeline */
  ActivityLog activity();

  /** @return the decision log */
  DecisionLog decisions();

  /** @return the outbox */
  Outbox outbox();

  /** @return webhook subscriptions, deliveries and the delivery log */
  WebhookStore webhooks();

  /** @return idempotency records */
  IdempotencyStore idempotency();

  /** @return the purges of decision-log, activity, idempotency and published outbox rows past their age */
  RetentionStore retention();

  /** @return the transaction boundary the stores above share */
  UnitOfWork unitOfWork();

  /**
   * Loads the facts of one access decision: the tenant, the occasion's entitlements and, when {@code partnerId} is
   * present, the partner's directory record and grants. Exactly what {@link DirectoryStore#findTenant},
   * {@link EntitlementStore#find}, {@link DirectoryStore#findPartner} and {@link GrantStore#findByPartner} return;
   * a store may load them at once (the JDBC adapter does on PostgreSQL, in one round trip). The default asks the
   * stores one by one.
   *
   * @return the facts, as stored, seen by the caller's unit of work
   */
  default AccessFacts accessFacts(TenantId tenantId, OccasionId occasionId, Optional<PartnerId> partnerId) {
    return AccessFacts.builder().tenant(directory().findTenant(tenantId))
        .entitlements(entitlements().find(tenantId, occasionId))
        .partner(partnerId.flatMap(p -> directory().findPartner(tenantId, p)))
        .grants(partnerId.map(p -> grants().findByPartner(tenantId, p)).orElse(List.of()))
        .build();
  }

  /**
   * Appends the journal of one command or read: its decision row and, for a change, its activity entry and outbox
   * event — the same rows {@link ActivityLog#append}, {@link Outbox#append} and {@link DecisionLog#append} write.
   * Their keys are new ids, so a taken key is no conflict the caller expects: a store may write the rows unguarded
   * and together (the JDBC adapter sends them in one round trip on PostgreSQL, without savepoints), and a taken key
   * then throws {@link VersionConflictException} and leaves the unit of work rollback-only. The default appends
   * them one by one.
   *
   * @param activity the activity entry, or null when nothing changed
   * @param event the outbox event, or null when nothing changed
   */
  default void appendJournal(DecisionRecord decision, @Nullable ActivityEntry activity, @Nullable OutboxEvent event) {
    if (activity != null) {
      activity().append(activity);
    }
    if (event != null) {
      outbox().append(event);
    }
    decisions().append(decision);
  }
}
