package dev.partnerkit.policy.workspace;

import static dev.partnerkit.policy.workspace.EconomicsTypes.COMMISSION;
import static dev.partnerkit.policy.workspace.EconomicsTypes.DIRECTORY;
import static dev.partnerkit.policy.workspace.EconomicsTypes.INVITE;
import static dev.partnerkit.policy.workspace.EconomicsTypes.REFERRAL;

import dev.partnerkit.domain.AccessRequest;
import dev.partnerkit.domain.Actor;
import dev.partnerkit.domain.EventId;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.RecordAction;
import dev.partnerkit.domain.RecordType;
import dev.partnerkit.domain.Surface;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.internal.Checks;
import dev.partnerkit.domain.economics.Commission;
import dev.partnerkit.domain.economics.EventInvite;
import dev.partnerkit.domain.economics.PlanQuota;
import dev.partnerkit.domain.economics.Referral;
import dev.partnerkit.policy.DecisionFacts;
import dev.partnerkit.spi.ActivityEntry;
import dev.partnerkit.spi.ActivityQuery;
import dev.partnerkit.spi.CommissionQuery;
import dev.partnerkit.spi.ImmutableActivityQuery;
import dev.partnerkit.spi.ImmutableCommissionQuery;
import dev.partnerkit.spi.ImmutableInviteQuery;
import dev.partnerkit.spi.ImmutableReferralQuery;
import dev.partnerkit.spi.InviteGrouping;
import dev.partnerkit.spi.InviteQuery;
import dev.partnerkit.spi.InviteTally;
import dev.partnerkit.spi.ReferralQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A partner session's read-only view of its own economics and metrics, reached through {@code session.economics()}:
 * its referrals and commissions, its directory activity, the invite metrics of events it hosts or manages, and the
 * tenant's plan quotas. Every read is decided again and logged, in the session's occasion.
 *
 * <p>What opens them: referrals, commissions, directory activity and invite metrics are read on the
 * {@code scorecard} surface (the partner portal's read-only metrics surface), so they need an active grant of the
 * partner that covers the member, the session's occasion and the {@code scorecard} surface with the
 * {@code view_scorecard} capability, and a membership with {@code can_view_metrics}. They are for members: the
 * decision about each row, and about an event's metrics, refuses an integration principal
 * ({@code member_flag_missing}), so a principal's listing opens with the scorecard and holds no row. Listing is
 * checking: a page holds exactly the rows of this partner for which
 * a per-row view decision allows — the same decision core and rules as every kernel record. Referrals, commissions
 * and directory activity belong to no event, so a grant narrowed to events does not reach them; invite metrics are
 * per event, so the grant must cover that event. The plan view needs only an active grant for the occasion.
 */
public final class PartnerEconomics {
  private static final String ACTIVITY_ENTRY = "activity_entry";

  private final WorkspaceEngine engine;
  private final Acting acting;
  private final PartnerId partnerId;
  private final TenantId tenantId;
  private final OccasionId occasionId;

  PartnerEconomics(WorkspaceEngine engine, Acting acting, PartnerId partnerId, TenantId tenantId,
      OccasionId occasionId) {
    this.engine = engine;
    this.acting = acting;
    this.partnerId = partnerId;
    this.tenantId = tenantId;
    this.occasionId = occasionId;
  }

  /** @return the first page (up to 500) of this partner's referrals */
  public ReadResult<Referral> referrals() {
    return referrals(ReferralQuery.builder().limit(ReferralQuery.MAX_LIMIT).build());
  }

  /**
   * @param query filter and page; its partner is set to this session's
   * @return up to {@code query.limit()} of this partner's visible referrals, ordered by id; the cursor is the last
   *     referral id looked at when more may follow
   */
  public ReadResult<Referral> referrals(ReferralQuery query) {
    Checks.required("query", query);
    ReferralQuery own = ImmutableReferralQuery.copyOf(query).withPartnerId(partnerId);
    return rows(REFERRAL, own.limit(), r -> r.referralId().value(), Referral::partnerId, last -> {
      ReferralQuery page = last == null ? own : ImmutableReferralQuery.copyOf(own)
          .withAfterReferralId(last.referralId());
      return engine.storage.economics().listReferrals(tenantId, page);
    });
  }

  /** @return the first page (up to 500) of this partner's commissions */
  public ReadResult<Commission> commissions() {
    return commissions(CommissionQuery.builder().limit(CommissionQuery.MAX_LIMIT).build());
  }

  /**
   * @param query filter and page; its partner is set to this session's
   * @return up to {@code query.limit()} of this partner's visible commissions, ordered by id
   */
  public ReadResult<Commission> commissions(CommissionQuery query) {
    Checks.required("query", query);
    CommissionQuery own = ImmutableCommissionQuery.copyOf(query).withPartnerId(partnerId);
    return rows(COMMISSION, own.limit(), c -> c.commissionId().value(), Commission::partnerId, last -> {
      CommissionQuery page = last == null ? own : ImmutableCommissionQuery.copyOf(own)
          .withAfterCommissionId(last.commissionId());
      return engine.storage.economics().listCommissions(tenantId, page);
    });
  }

  /**
   * Reads this partner's partner-visible entries of the directory timeline (its referrals, commissions and their
   * changes), in timeline order, each entry checked by a per-entry view decision.
   *
   * @param page filter and page; its occasion is set to the directory context, its partner view to this partner
   */
  public ReadResult<ActivityEntry> activity(ActivityQuery page) {
    Checks.required("page", page);
    ActivityQuery own = ImmutableActivityQuery.copyOf(page).withOccasionId(DIRECTORY).withPartnerView(partnerId);
    return engine.read(() -> scorecard().build(), () -> facts(null), decision -> {
      DecisionFacts facts = facts(null);
      List<ActivityEntry> visible = new ArrayList<>();
      ActivityQuery next = own;
      while (visible.size() < own.limit()) {
        List<ActivityEntry> rows = engine.storage.activity().read(tenantId, next);
        for (ActivityEntry entry : rows) {
          if (visible.size() < own.limit() && entry.partnerId().map(partnerId::equals).orElse(false)
              && allows(ACTIVITY_ENTRY, entry.entryId(), partnerId, facts)) {
            visible.add(entry);
          }
        }
        if (rows.size() < next.limit() || visible.size() >= own.limit()) {
          break;
        }
        next = next.after(rows.get(rows.size() - 1));
      }
      return WorkspaceEngine.Page.of(visible);
    });
  }

  /**
   * The invite metrics of one event this partner hosts or manages, in this session's occasion: per inviter
   * principal, or per issuing user, how many invites were issued and how many accepted with a credited acceptance.
   * Decided as a view of the event's invites on the scorecard: the grant must cover the event.
   */
  public ReadResult<InviteTally> inviteMetrics(EventId eventId, InviteGrouping grouping) {
    Checks.required("eventId", eventId);
    Checks.required("grouping", grouping);
    InviteQuery own = ownInvites(InviteQuery.of(eventId));
    return engine.read(() -> inviteView(eventId), () -> facts(INVITE), d -> WorkspaceEngine.Page.of(
        engine.storage.economics().inviteTallies(tenantId, own, grouping)));
  }

  /**
   * The drill-down list of one event's invites that count for this partner, for auditing, ordered by invite id.
   *
   * @param query the event, filters and page; its partner and occasion are set to this session's
   */
  public ReadResult<EventInvite> invites(InviteQuery query) {
    Checks.required("query", query);
    InviteQuery own = ownInvites(query);
    return engine.read(() -> inviteView(query.eventId()), () -> facts(INVITE), d -> {
      List<EventInvite> rows = engine.storage.economics().listInvites(tenantId, own);
      return new WorkspaceEngine.Page<>(rows, rows.size() == own.limit() && !rows.isEmpty()
          ? rows.get(rows.size() - 1).inviteId().value() : null);
    });
  }

  /**
   * @return the tenant's plan quotas and their reset times, read-only: shown to whoever holds an active grant for
   *     this session's occasion
   */
  public ReadResult<PlanQuota> plan() {
    return engine.read(() -> AccessRequest.openOccasion(actor(), tenantId, occasionId).build(), () -> facts(null),
        d -> WorkspaceEngine.Page.of(engine.storage.economics().planQuotas(tenantId)));
  }

  // ---------------------------------------------------------------------------------------------------------------

  private InviteQuery ownInvites(InviteQuery query) {
    return ImmutableInviteQuery.builder().from(query).partnerId(partnerId).occasionId(occasionId).build();
  }

  private AccessRequest inviteView(EventId eventId) {
    return scorecard().eventId(eventId).record(RecordAction.builder().type(INVITE.wireName())
        .recordId(eventId.value()).partnerId(partnerId).build()).build();
  }

  private dev.partnerkit.domain.ImmutableAccessRequest.Builder scorecard() {
    return AccessRequest.view(actor(), tenantId, occasionId, Surface.SCORECARD);
  }

  /** @return the actor as stored now; evaluated inside the read's unit of work */
  private Actor actor() {
    return engine.actor(acting);
  }

  private DecisionFacts facts(@Nullable RecordType<?, ?> type) {
    return engine.partnerFacts(tenantId, occasionId, partnerId, type);
  }

  /** Whether a view of one row with {@code partner} is allowed: the decision core's per-record check. */
  private boolean allows(String type, String id, PartnerId partner, DecisionFacts facts) {
    AccessRequest view = scorecard().record(RecordAction.builder().type(type).recordId(id).partnerId(partner)
        .build()).build();
    return engine.decider.decide(view, facts, engine.now()).allowed();
  }

  /**
   * Opens the scorecard (the listing's own decision, logged), then fills a page with the rows a per-row view
   * allows, reading on past rows it skips.
   *
   * @param next the store page after a row (the first page for null)
   */
  private <T> ReadResult<T> rows(RecordType<?, ?> type, int limit, Function<T, String> id,
      Function<T, PartnerId> partner, Function<@Nullable T, List<T>> next) {
    return engine.read(() -> scorecard().build(), () -> facts(null), decision -> {
      DecisionFacts facts = facts(type);
      List<T> visible = new ArrayList<>();
      T last = null;
      boolean more = false;
      while (visible.size() < limit) {
        List<T> rows = next.apply(last);
        Predicate<T> mayView = row -> allows(type.wireName(), id.apply(row), partner.apply(row), facts);
        for (T row : rows) {
          if (visible.size() < limit) {
            last = row;
            if (mayView.test(row)) {
              visible.add(row);
            }
          }
        }
        more = rows.size() == limit;
        if (!more) {
          break;
        }
      }
      return new WorkspaceEngine.Page<>(visible, more && last != null ? id.apply(last) : null);
    });
  }
}
