package dev.partnerkit.spi;

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
}
