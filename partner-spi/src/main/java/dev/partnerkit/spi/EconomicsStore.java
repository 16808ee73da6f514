package dev.partnerkit.spi;

import dev.partnerkit.domain.Partner;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.economics.Commission;
import dev.partnerkit.domain.economics.CommissionId;
import dev.partnerkit.domain.economics.EventInvite;
import dev.partnerkit.domain.economics.InviteId;
import dev.partnerkit.domain.economics.PlanQuota;
import dev.partnerkit.domain.economics.Referral;
import dev.partnerkit.domain.economics.ReferralId;
import java.util.List;
import java.util.Optional;

/**
 * The typed tables of the partner directory's economics and of event invite metrics — referrals, commissions, event
 * invites, plan quotas — and the filtered, paged and summed reads over them and over the partner directory. These are
 * typed tables, not kernel records, because they are filtered and summed by their fields.
 *
 * <p>Versioned rows (referrals, commissions, invites) follow the kernel's rule: {@code insert*} at version 0 under a
 * free key, {@code update*} at the stored version plus one; anything else throws {@link VersionConflictException}
 * (record types {@code referral}, {@code commission}, {@code event_invite}). Every read is confined to one tenant.
 *
 * <p>Activity backfill: the one activity entry of a referral has the id {@link #activityEntryId(ReferralId)}
 * ({@code referral:<id>}), that of a commission {@link #activityEntryId(CommissionId)}; the
 * {@code *WithoutActivity} reads return the rows whose entry the tenant's {@link ActivityLog} does not hold yet.
 */
public interface EconomicsStore {
  /** Prefix of the id of a referral's own activity entry. */
  String REFERRAL_ENTRY_PREFIX = "referral:";
  /** Prefix of the id of a commission's own activity entry. */
  String COMMISSION_ENTRY_PREFIX = "commission:";

  /** @return the id of the referral's own activity entry, {@code referral:<id>} */
  static String activityEntryId(ReferralId referralId) {
    return REFERRAL_ENTRY_PREFIX + referralId.value();
  }

  /** @return the id of the commission's own activity entry, {@code commission:<id>} */
  static String activityEntryId(CommissionId commissionId) {
    return COMMISSION_ENTRY_PREFIX + commissionId.value();
  }

  /** @throws VersionConflictException when the id is taken or the version is not 0 */
  void insertReferral(Referral referral);

  /** @throws VersionConflictException unless the stored version is {@code referral.version() - 1} */
  void updateReferral(Referral referral);

  /** @return the tenant's referral, or empty */
  Optional<Referral> findReferral(TenantId tenantId, ReferralId referralId);

  /** @return one page of the tenant's referrals matching the query, ordered by referral id */
  List<Referral> listReferrals(TenantId tenantId, ReferralQuery query);

  /** @throws VersionConflictException when the id is taken or the version is not 0 */
  void insertCommission(Commission commission);

  /** @throws VersionConflictException unless the stored version is {@code commission.version() - 1} */
  void updateCommission(Commission commission);

  /** @return the tenant's commission, or empty */
  Optional<Commission> findCommission(TenantId tenantId, CommissionId commissionId);

  /** @return one page of the tenant's commissions matching the query, ordered by commission id */
  List<Commission> listCommissions(TenantId tenantId, CommissionQuery query);

  /**
   * Reads the partner directory ({@link DirectoryStore} writes it) filtered and paged.
   *
   * @return one page of the tenant's partners matching the query, ordered by partner id
   */
  List<Partner> listPartners(TenantId tenantId, PartnerQuery query);

  /**
   * @param filter the partners to count; its cursor and page size are ignored
   * @return the hero metrics over the tenant's partners the filter selects
   * @throws ArithmeticException when a sum does not fit a {@code long}
   */
  DirectoryMetrics metrics(TenantId tenantId, PartnerQuery filter);

  /**
   * @param after the last referral id of the previous page, or empty for the first page
   * @param limit the page size, 1 to 500
   * @return the referrals after {@code after} whose entry {@code referral:<id>} is not in the tenant's activity log,
   *     ordered by referral id
   */
  List<Referral> referralsWithoutActivity(TenantId tenantId, Optional<ReferralId> after, int limit);

  /**
   * @param after the last commission id of the previous page, or empty for the first page
   * @param limit the page size, 1 to 500
   * @return the commissions after {@code after} whose entry {@code commission:<id>} is not in the tenant's activity
   *     log, ordered by commission id
   */
  List<Commission> commissionsWithoutActivity(TenantId tenantId, Optional<CommissionId> after, int limit);

  /** @throws VersionConflictException when the id is taken or the version is not 0 */
  void insertInvite(EventInvite invite);

  /** @throws VersionConflictException unless the stored version is {@code invite.version() - 1} */
  void updateInvite(EventInvite invite);

  /** @return the tenant's invite, or empty */
  Optional<EventInvite> findInvite(TenantId tenantId, InviteId inviteId);

  /** @return one page of the event's invites matching the query, ordered by invite id (the drill-down list) */
  List<EventInvite> listInvites(TenantId tenantId, InviteQuery query);

  /**
   * @param filter the invites to count; its cursor and page size are ignored
   * @return one tally per group of the invites the filter selects, ordered by key: how many were issued and how many
   *     accepted with {@code creditedAcceptance}
   */
  List<InviteTally> inviteTallies(TenantId tenantId, InviteQuery filter, InviteGrouping grouping);

  /** Replaces the tenant's plan quotas with {@code quotas} (keys unique). */
  void savePlanQuotas(TenantId tenantId, List<PlanQuota> quotas);

  /** @return the tenant's plan quotas, ordered by key */
  List<PlanQuota> planQuotas(TenantId tenantId);
}
