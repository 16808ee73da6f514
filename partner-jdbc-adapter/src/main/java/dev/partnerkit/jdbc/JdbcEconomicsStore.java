package dev.partnerkit.jdbc;

import dev.partnerkit.domain.EventId;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.Partner;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.PartnerKind;
import dev.partnerkit.domain.PartnerStatus;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.UserId;
import dev.partnerkit.domain.WireNamed;
import dev.partnerkit.domain.economics.Commission;
import dev.partnerkit.domain.economics.CommissionId;
import dev.partnerkit.domain.economics.CommissionStatus;
import dev.partnerkit.domain.economics.EventInvite;
import dev.partnerkit.domain.economics.InviteId;
import dev.partnerkit.domain.economics.Money;
import dev.partnerkit.domain.economics.PlanQuota;
import dev.partnerkit.domain.economics.Referral;
import dev.partnerkit.domain.economics.ReferralId;
import dev.partnerkit.domain.economics.ReferralStatus;
import dev.partnerkit.domain.internal.Checks;
import dev.partnerkit.spi.CommissionQuery;
import dev.partnerkit.spi.DirectoryMetrics;
import dev.partnerkit.spi.EconomicsStore;
import dev.partnerkit.spi.InviteGrouping;
import dev.partnerkit.spi.InviteQuery;
import dev.partnerkit.spi.InviteTally;
import dev.partnerkit.spi.PartnerQuery;
import dev.partnerkit.spi.ReferralQuery;
import dev.partnerkit.spi.VersionConflictException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Referrals, commissions, event invites and plan quotas in their typed tables (schema version 4), and the filtered,
 * paged and summed reads over them and over {@code pk_partner}. Sums are exact: the database adds bigints into a
 * numeric, read back as a {@code long} or an {@link ArithmeticException}.
 */
final class JdbcEconomicsStore implements EconomicsStore {
  private static final String REFERRAL = "referral";
  private static final String COMMISSION = "commission";
  private static final String EVENT_INVITE = "event_invite";
  private static final String REFERRAL_COLUMNS = "tenant_id, referral_id, partner_id, client_name, client_email,"
      + " estimated_value_minor, currency, status, referred_at, version";
  private static final String COMMISSION_COLUMNS = "tenant_id, commission_id, partner_id, referral_id, amount_minor,"
      + " currency, status, earned_at, paid_at, version";
  private static final String INVITE_COLUMNS = "tenant_id, invite_id, occasion_id, event_id, partner_id,"
      + " inviter_principal, issued_by_user_id, issued_at, accepted, credited_acceptance, accepted_at, version";
  /** The only pk_partner columns this store reads. */
  private static final String PARTNER_COLUMNS =
      "tenant_id, partner_id, name, kind, status, tier, region, owner_user_id, version";
  private static final String PIPELINE = pipelineStatuses();

  private final Db db;

  JdbcEconomicsStore(Db db) {
    this.db = db;
  }

  private static String pipelineStatuses() {
    return java.util.Arrays.stream(ReferralStatus.values()).filter(ReferralStatus::inPipeline)
        .map(s -> "'" + s.wireName() + "'").collect(Collectors.joining(", ", "(", ")"));
  }

  private static String aliased(String alias, String columns) {
    return java.util.Arrays.stream(columns.split(", ")).map(c -> alias + "." + c.strip())
        .collect(Collectors.joining(", "));
  }

  private static Where tenant(String alias, TenantId tenantId) {
    return new Where().add(" where " + alias + ".tenant_id = ?", (s, i) -> s.setString(i, tenantId.value()));
  }

  private static void checkLimit(int limit) {
    Checks.check(limit >= 1 && limit <= 500, "limit", "limit must be between 1 and 500, but was " + limit);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // referrals

  @Override
  public void insertReferral(Referral r) {
    if (r.version() != 0) {
      throw VersionConflictException.duplicate(REFERRAL, r.referralId().value());
    }
    db.insert(REFERRAL, r.referralId().value(), "insert into pk_referral (" + REFERRAL_COLUMNS + ")"
        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", s -> {
          s.setString(1, r.tenantId().value());
          s.setString(2, r.referralId().value());
          s.setString(3, r.partnerId().value());
          s.setString(4, r.clientName());
          s.setString(5, r.clientEmail());
          s.setLong(6, r.estimatedValue().amountMinor());
          s.setString(7, r.estimatedValue().currency());
          s.setString(8, r.status().wireName());
          Sql.setInstant(s, 9, r.referredAt());
          s.setLong(10, 0);
        });
  }

  @Override
  public void updateReferral(Referral r) {
    long expected = r.version() - 1;
    int updated = db.update("update pk_referral set partner_id = ?, client_name = ?, client_email = ?,"
        + " estimated_value_minor = ?, currency = ?, status = ?, referred_at = ?, version = ?"
        + " where tenant_id = ? and referral_id = ? and version = ?", s -> {
          s.setString(1, r.partnerId().value());
          s.setString(2, r.clientName());
          s.setString(3, r.clientEmail());
          s.setLong(4, r.estimatedValue().amountMinor());
          s.setString(5, r.estimatedValue().currency());
          s.setString(6, r.status().wireName());
          Sql.setInstant(s, 7, r.referredAt());
          s.setLong(8, r.version());
          s.setString(9, r.tenantId().value());
          s.setString(10, r.referralId().value());
          s.setLong(11, expected);
        });
    if (updated != 1) {
      throw VersionConflictException.stale(REFERRAL, r.referralId().value(), expected);
    }
  }

  @Override
  public Optional<Referral> findReferral(TenantId tenantId, ReferralId referralId) {
    return db.one("select " + REFERRAL_COLUMNS + " from pk_referral where tenant_id = ? and referral_id = ?", s -> {
      s.setString(1, tenantId.value());
      s.setString(2, referralId.value());
    }, JdbcEconomicsStore::referral);
  }

  @Override
  public List<Referral> listReferrals(TenantId tenantId, ReferralQuery query) {
    Where where = tenant("r", tenantId);
    query.partnerId().ifPresent(p -> where.equal("r.partner_id", p.value()));
    query.status().ifPresent(st -> where.equal("r.status", st.wireName()));
    query.afterReferralId().ifPresent(a -> where.add(" and r.referral_id > ?", (s, i) -> s.setString(i, a.value())));
    where.add(" order by r.referral_id limit ?", (s, i) -> s.setInt(i, query.limit()));
    return db.list("select " + aliased("r", REFERRAL_COLUMNS) + " from pk_referral r" + where.sql(), where::bind,
        JdbcEconomicsStore::referral);
  }

  private static Referral referral(ResultSet row) throws SQLException {
    return Referral.builder()
        .tenantId(TenantId.of(Sql.getText(row, "tenant_id")))
        .referralId(ReferralId.of(Sql.getText(row, "referral_id")))
        .partnerId(PartnerId.of(Sql.getText(row, "partner_id")))
        .clientName(Sql.getText(row, "client_name"))
        .clientEmail(Sql.getText(row, "client_email"))
        .estimatedValue(Money.of(row.getLong("estimated_value_minor"), Sql.getText(row, "currency")))
        .status(WireNamed.parse(ReferralStatus.class, "status", row.getString("status")))
        .referredAt(Sql.getInstant(row, "referred_at"))
        .version(row.getLong("version"))
        .build();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // commissions

  @Override
  public void insertCommission(Commission c) {
    if (c.version() != 0) {
      throw VersionConflictException.duplicate(COMMISSION, c.commissionId().value());
    }
    db.insert(COMMISSION, c.commissionId().value(), "insert into pk_commission (" + COMMISSION_COLUMNS + ")"
        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", s -> {
          s.setString(1, c.tenantId().value());
          s.setString(2, c.commissionId().value());
          s.setString(3, c.partnerId().value());
          s.setString(4, c.referralId().value());
          s.setLong(5, c.amount().amountMinor());
          s.setString(6, c.amount().currency());
          s.setString(7, c.status().wireName());
          Sql.setInstant(s, 8, c.earnedAt());
          Sql.setInstant(s, 9, c.paidAt());
          s.setLong(10, 0);
        });
  }

  @Override
  public void updateCommission(Commission c) {
    long expected = c.version() - 1;
    int updated = db.update("update pk_commission set partner_id = ?, referral_id = ?, amount_minor = ?,"
        + " currency = ?, status = ?, earned_at = ?, paid_at = ?, version = ?"
        + " where tenant_id = ? and commission_id = ? and version = ?", s -> {
          s.setString(1, c.partnerId().value());
          s.setString(2, c.referralId().value());
          s.setLong(3, c.amount().amountMinor());
          s.setString(4, c.amount().currency());
          s.setString(5, c.status().wireName());
          Sql.setInstant(s, 6, c.earnedAt());
          Sql.setInstant(s, 7, c.paidAt());
          s.setLong(8, c.version());
          s.setString(9, c.tenantId().value());
          s.setString(10, c.commissionId().value());
          s.setLong(11, expected);
        });
    if (updated != 1) {
      throw VersionConflictException.stale(COMMISSION, c.commissionId().value(), expected);
    }
  }

  @Override
  public Optional<Commission> findCommission(TenantId tenantId, CommissionId commissionId) {
    return db.one("select " + COMMISSION_COLUMNS + " from pk_commission where tenant_id = ? and commission_id = ?",
        s -> {
          s.setString(1, tenantId.value());
          s.setString(2, commissionId.value());
        }, JdbcEconomicsStore::commission);
  }

  @Override
  public List<Commission> listCommissions(TenantId tenantId, CommissionQuery query) {
    Where where = tenant("c", tenantId);
    query.partnerId().ifPresent(p -> where.equal("c.partner_id", p.value()));
    query.referralId().ifPresent(r -> where.equal("c.referral_id", r.value()));
    query.status().ifPresent(st -> where.equal("c.status", st.wireName()));
    query.afterCommissionId().ifPresent(a -> where.add(" and c.commission_id > ?",
        (s, i) -> s.setString(i, a.value())));
    where.add(" order by c.commission_id limit ?", (s, i) -> s.setInt(i, query.limit()));
    return db.list("select " + aliased("c", COMMISSION_COLUMNS) + " from pk_commission c" + where.sql(),
        where::bind, JdbcEconomicsStore::commission);
  }

  private static Commission commission(ResultSet row) throws SQLException {
    return Commission.builder()
        .tenantId(TenantId.of(Sql.getText(row, "tenant_id")))
        .commissionId(CommissionId.of(Sql.getText(row, "commission_id")))
        .partnerId(PartnerId.of(Sql.getText(row, "partner_id")))
        .referralId(ReferralId.of(Sql.getText(row, "referral_id")))
        .amount(Money.of(row.getLong("amount_minor"), Sql.getText(row, "currency")))
        .status(WireNamed.parse(CommissionStatus.class, "status", row.getString("status")))
        .earnedAt(Sql.getInstant(row, "earned_at"))
        .paidAt(Sql.getOptionalInstant(row, "paid_at"))
        .version(row.getLong("version"))
        .build();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // the directory

  /** Appends the query's partner filters on the partner table aliased {@code p}. */
  private static Where partnerFilters(Where where, PartnerQuery q) {
    q.status().ifPresent(st -> where.equal("p.status", st.wireName()));
    q.tier().ifPresent(t -> where.equal("p.tier", t));
    q.ownerUserId().ifPresent(o -> where.equal("p.owner_user_id", o.value()));
    q.region().ifPresent(r -> where.equal("p.region", r));
    return where;
  }

  @Override
  public List<Partner> listPartners(TenantId tenantId, PartnerQuery query) {
    Where where = partnerFilters(tenant("p", tenantId), query);
    query.afterPartnerId().ifPresent(a -> where.add(" and p.partner_id > ?", (s, i) -> s.setString(i, a.value())));
    where.add(" order by p.partner_id limit ?", (s, i) -> s.setInt(i, query.limit()));
    return db.list("select " + aliased("p", PARTNER_COLUMNS) + " from pk_partner p" + where.sql(), where::bind,
        JdbcEconomicsStore::partner);
  }

  @Override
  public DirectoryMetrics metrics(TenantId tenantId, PartnerQuery filter) {
    Where active = partnerFilters(tenant("p", tenantId), filter).equal("p.status", PartnerStatus.ACTIVE.wireName());
    long activePartners = db.count("select count(*) from pk_partner p" + active.sql(), active::bind);
    Where pipeline = partnerFilters(tenant("r", tenantId), filter).add(" and r.status in " + PIPELINE
        + " group by r.currency order by r.currency");
    Where owed = partnerFilters(tenant("c", tenantId), filter).equal("c.status", CommissionStatus.OWED.wireName())
        .add(" group by c.currency order by c.currency");
    return DirectoryMetrics.builder()
        .activePartners(activePartners)
        .pipelineValue(sums("select r.currency, sum(r.estimated_value_minor) from pk_referral r join pk_partner p"
            + " on p.tenant_id = r.tenant_id and p.partner_id = r.partner_id" + pipeline.sql(), pipeline))
        .owedCommission(sums("select c.currency, sum(c.amount_minor) from pk_commission c join pk_partner p"
            + " on p.tenant_id = c.tenant_id and p.partner_id = c.partner_id" + owed.sql(), owed))
        .build();
  }

  private Map<String, Long> sums(String sql, Where where) {
    Map<String, Long> out = new LinkedHashMap<>();
    db.list(sql, where::bind, row -> {
      BigDecimal sum = row.getBigDecimal(2);
      out.put(Sql.getText(row, "currency"), sum == null ? 0L : sum.longValueExact());
      return Boolean.TRUE;
    });
    return out;
  }

  private static Partner partner(ResultSet row) throws SQLException {
    return Partner.builder()
        .tenantId(TenantId.of(Sql.getText(row, "tenant_id")))
        .partnerId(PartnerId.of(Sql.getText(row, "partner_id")))
        .name(Sql.getText(row, "name"))
        .kind(WireNamed.parse(PartnerKind.class, "kind", row.getString("kind")))
        .status(WireNamed.parse(PartnerStatus.class, "status", row.getString("status")))
        .tier(Sql.getOptional(row, "tier", t -> t))
        .region(Sql.getOptional(row, "region", r -> r))
        .ownerUserId(Sql.getOptional(row, "owner_user_id", UserId::of))
        .version(row.getLong("version"))
        .build();
  }

  @Override
  public List<Referral> referralsWithoutActivity(TenantId tenantId, Optional<ReferralId> after, int limit) {
    checkLimit(limit);
    Where where = tenant("r", tenantId);
    after.ifPresent(a -> where.add(" and r.referral_id > ?", (s, i) -> s.setString(i, a.value())));
    where.add(" and not exists (select 1 from pk_activity_entry a where a.tenant_id = r.tenant_id"
        + " and a.entry_id = '" + REFERRAL_ENTRY_PREFIX + "' || r.referral_id) order by r.referral_id limit ?",
        (s, i) -> s.setInt(i, limit));
    return db.list("select " + aliased("r", REFERRAL_COLUMNS) + " from pk_referral r" + where.sql(), where::bind,
        JdbcEconomicsStore::referral);
  }

  @Override
  public List<Commission> commissionsWithoutActivity(TenantId tenantId, Optional<CommissionId> after, int limit) {
    checkLimit(limit);
    Where where = tenant("c", tenantId);
    after.ifPresent(a -> where.add(" and c.commission_id > ?", (s, i) -> s.setString(i, a.value())));
    where.add(" and not exists (select 1 from pk_activity_entry a where a.tenant_id = c.tenant_id"
        + " and a.entry_id = '" + COMMISSION_ENTRY_PREFIX + "' || c.commission_id) order by c.commission_id limit ?",
        (s, i) -> s.setInt(i, limit));
    return db.list("select " + aliased("c", COMMISSION_COLUMNS) + " from pk_commission c" + where.sql(),
        where::bind, JdbcEconomicsStore::commission);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // invites

  @Override
  public void insertInvite(EventInvite v) {
    if (v.version() != 0) {
      throw VersionConflictException.duplicate(EVENT_INVITE, v.inviteId().value());
    }
    db.insert(EVENT_INVITE, v.inviteId().value(), "insert into pk_event_invite (" + INVITE_COLUMNS + ")"
        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", s -> {
          s.setString(1, v.tenantId().value());
          s.setString(2, v.inviteId().value());
          s.setString(3, v.occasionId().value());
          s.setString(4, v.eventId().value());
          s.setString(5, v.partnerId().value());
          s.setString(6, v.inviterPrincipal());
          s.setString(7, v.issuedByUserId().value());
          Sql.setInstant(s, 8, v.issuedAt());
          s.setBoolean(9, v.accepted());
          s.setBoolean(10, v.creditedAcceptance());
          Sql.setInstant(s, 11, v.acceptedAt());
          s.setLong(12, 0);
        });
  }

  @Override
  public void updateInvite(EventInvite v) {
    long expected = v.version() - 1;
    int updated = db.update("update pk_event_invite set occasion_id = ?, event_id = ?, partner_id = ?,"
        + " inviter_principal = ?, issued_by_user_id = ?, issued_at = ?, accepted = ?, credited_acceptance = ?,"
        + " accepted_at = ?, version = ? where tenant_id = ? and invite_id = ? and version = ?", s -> {
          s.setString(1, v.occasionId().value());
          s.setString(2, v.eventId().value());
          s.setString(3, v.partnerId().value());
          s.setString(4, v.inviterPrincipal());
          s.setString(5, v.issuedByUserId().value());
          Sql.setInstant(s, 6, v.issuedAt());
          s.setBoolean(7, v.accepted());
          s.setBoolean(8, v.creditedAcceptance());
          Sql.setInstant(s, 9, v.acceptedAt());
          s.setLong(10, v.version());
          s.setString(11, v.tenantId().value());
          s.setString(12, v.inviteId().value());
          s.setLong(13, expected);
        });
    if (updated != 1) {
      throw VersionConflictException.stale(EVENT_INVITE, v.inviteId().value(), expected);
    }
  }

  @Override
  public Optional<EventInvite> findInvite(TenantId tenantId, InviteId inviteId) {
    return db.one("select " + INVITE_COLUMNS + " from pk_event_invite where tenant_id = ? and invite_id = ?", s -> {
      s.setString(1, tenantId.value());
      s.setString(2, inviteId.value());
    }, JdbcEconomicsStore::invite);
  }

  private static Where inviteFilters(TenantId tenantId, InviteQuery q) {
    Where where = tenant("v", tenantId).equal("v.event_id", q.eventId().value());
    q.occasionId().ifPresent(o -> where.equal("v.occasion_id", o.value()));
    q.partnerId().ifPresent(p -> where.equal("v.partner_id", p.value()));
    q.inviterPrincipal().ifPresent(p -> where.equal("v.inviter_principal", p));
    q.issuedByUserId().ifPresent(u -> where.equal("v.issued_by_user_id", u.value()));
    return where;
  }

  @Override
  public List<EventInvite> listInvites(TenantId tenantId, InviteQuery query) {
    Where where = inviteFilters(tenantId, query);
    query.afterInviteId().ifPresent(a -> where.add(" and v.invite_id > ?", (s, i) -> s.setString(i, a.value())));
    where.add(" order by v.invite_id limit ?", (s, i) -> s.setInt(i, query.limit()));
    return db.list("select " + aliased("v", INVITE_COLUMNS) + " from pk_event_invite v" + where.sql(), where::bind,
        JdbcEconomicsStore::invite);
  }

  @Override
  public List<InviteTally> inviteTallies(TenantId tenantId, InviteQuery filter, InviteGrouping grouping) {
    String key = grouping == InviteGrouping.INVITER_PRINCIPAL ? "v.inviter_principal" : "v.issued_by_user_id";
    Where where = inviteFilters(tenantId, filter).add(" group by " + key + " order by " + key);
    return db.list("select " + key + " as group_key, count(*) as invited,"
        + " sum(case when v.accepted and v.credited_acceptance then 1 else 0 end) as credited"
        + " from pk_event_invite v" + where.sql(), where::bind,
        row -> InviteTally.of(Sql.getText(row, "group_key"), row.getLong("invited"), row.getLong("credited")));
  }

  private static EventInvite invite(ResultSet row) throws SQLException {
    return EventInvite.builder()
        .tenantId(TenantId.of(Sql.getText(row, "tenant_id")))
        .inviteId(InviteId.of(Sql.getText(row, "invite_id")))
        .occasionId(OccasionId.of(Sql.getText(row, "occasion_id")))
        .eventId(EventId.of(Sql.getText(row, "event_id")))
        .partnerId(PartnerId.of(Sql.getText(row, "partner_id")))
        .inviterPrincipal(Sql.getText(row, "inviter_principal"))
        .issuedByUserId(UserId.of(Sql.getText(row, "issued_by_user_id")))
        .issuedAt(Sql.getInstant(row, "issued_at"))
        .accepted(row.getBoolean("accepted"))
        .creditedAcceptance(row.getBoolean("credited_acceptance"))
        .acceptedAt(Sql.getOptionalInstant(row, "accepted_at"))
        .version(row.getLong("version"))
        .build();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // plan quotas

  @Override
  public void savePlanQuotas(TenantId tenantId, List<PlanQuota> quotas) {
    List<PlanQuota> copy = List.copyOf(Checks.required("quotas", quotas));
    Set<String> keys = new HashSet<>();
    for (PlanQuota q : copy) {
      Checks.check(keys.add(q.key()), "quotas", "quotas must have unique keys, but " + q.key() + " came twice");
    }
    db.inTransaction(() -> {
      db.update("delete from pk_plan_quota where tenant_id = ?", s -> s.setString(1, tenantId.value()));
      for (PlanQuota q : copy) {
        db.insert("plan_quota", q.key(), "insert into pk_plan_quota (tenant_id, quota_key, label, quota_limit, used,"
            + " resets_at) values (?, ?, ?, ?, ?, ?)", s -> {
              s.setString(1, tenantId.value());
              s.setString(2, q.key());
              s.setString(3, q.label());
              s.setLong(4, q.limit());
              s.setLong(5, q.used());
              if (q.resetsAt() != null) {
                Sql.setInstant(s, 6, q.resetsAt());
              } else {
                s.setNull(6, Types.TIMESTAMP_WITH_TIMEZONE);
              }
            });
      }
      return null;
    });
  }

  @Override
  public List<PlanQuota> planQuotas(TenantId tenantId) {
    return db.list("select quota_key, label, quota_limit, used, resets_at from pk_plan_quota where tenant_id = ?"
        + " order by quota_key", s -> s.setString(1, tenantId.value()),
        row -> new PlanQuota(Sql.getText(row, "quota_key"), Sql.getText(row, "label"), row.getLong("quota_limit"),
            row.getLong("used"), Sql.getOptionalInstant(row, "resets_at").orElse(null)));
  }
}
