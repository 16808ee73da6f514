package dev.partnerkit.policy.workspace;

import static dev.partnerkit.policy.workspace.EconomicsTypes.COMMISSION;
import static dev.partnerkit.policy.workspace.EconomicsTypes.DIRECTORY;
import static dev.partnerkit.policy.workspace.EconomicsTypes.INVITE;
import static dev.partnerkit.policy.workspace.EconomicsTypes.PARTNER;
import static dev.partnerkit.policy.workspace.EconomicsTypes.REFERRAL;

import dev.partnerkit.domain.AccessRequest;
import dev.partnerkit.domain.Decision;
import dev.partnerkit.domain.EventId;
import dev.partnerkit.domain.ImmutableRecordAction;
import dev.partnerkit.domain.IntentKind;
import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.OperatorUser;
import dev.partnerkit.domain.Partner;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.PartnerStatus;
import dev.partnerkit.domain.Placement;
import dev.partnerkit.domain.ProductCapability;
import dev.partnerkit.domain.ProductScope;
import dev.partnerkit.domain.RecordAction;
import dev.partnerkit.domain.RecordNotFoundException;
import dev.partnerkit.domain.RecordType;
import dev.partnerkit.domain.Surface;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.Visibility;
import dev.partnerkit.domain.internal.Checks;
import dev.partnerkit.domain.economics.Commission;
import dev.partnerkit.domain.economics.CommissionDraft;
import dev.partnerkit.domain.economics.CommissionId;
import dev.partnerkit.domain.economics.CommissionStatus;
import dev.partnerkit.domain.economics.EventInvite;
import dev.partnerkit.domain.economics.InviteDraft;
import dev.partnerkit.domain.economics.InviteId;
import dev.partnerkit.domain.economics.PlanQuota;
import dev.partnerkit.domain.economics.Referral;
import dev.partnerkit.domain.economics.ReferralDraft;
import dev.partnerkit.domain.economics.ReferralId;
import dev.partnerkit.domain.economics.ReferralStatus;
import dev.partnerkit.policy.DecisionFacts;
import dev.partnerkit.spi.ActivityEntry;
import dev.partnerkit.spi.ActivityKind;
import dev.partnerkit.spi.CommissionQuery;
import dev.partnerkit.spi.DirectoryMetrics;
import dev.partnerkit.spi.EconomicsStore;
import dev.partnerkit.spi.ImmutableActivityEntry;
import dev.partnerkit.spi.InviteGrouping;
import dev.partnerkit.spi.InviteQuery;
import dev.partnerkit.spi.InviteTally;
import dev.partnerkit.spi.OutboxEvent;
import dev.partnerkit.spi.PartnerQuery;
import dev.partnerkit.spi.ReferralQuery;
import dev.partnerkit.spi.VersionConflictException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The operator side of the partner directory and its economics (seed 002) and of event invite metrics and the plan
 * view (seed 004), reached through {@code ops.economics()}. Operators see every partner's rows.
 *
 * <p>Every command takes an idempotency key, is decided by the decision core (operator role, the referral or
 * commission lifecycle, and for invites the product scope of their occasion) and commits its rows, its activity
 * entries, its decision row, its outbox event and its idempotency record in one unit of work; a blocked command writes
 * its decision row only. Commands about several rows (a bulk status change, an invite import) decide every row and
 * are all-or-nothing: the first blocked row blocks the command and nothing is written.
 *
 * <p>The directory belongs to the tenant, not to an occasion: its commands and reads are decided, and their activity
 * entries placed, in the reserved directory context {@link #DIRECTORY_OCCASION}, which no occasion's
 * {@code vendor_access} gates. Read its timeline with {@code ops.activity(OperatorEconomics.DIRECTORY_OCCASION, page)}.
 *
 * <p>Activity: a referral's own entry has the id {@code referral:<id>} and occurs at its {@code referredAt}; a
 * commission's has the id {@code commission:<id>} and occurs at its {@code earnedAt}; both are partner-visible to
 * the partner they are with and say the status and the amount. {@link #backfillActivity(String)} writes the entries
 * missing for historic rows (rows a host inserted through the SPI), so every referral and every commission has
 * exactly one, in timeline order. Status changes add entries of their own.
 */
public final class OperatorEconomics {
  /** The reserved occasion id of the directory context; a host's own occasions must not use it. */
  public static final OccasionId DIRECTORY_OCCASION = DIRECTORY;
  /** Most rows one bulk command takes. */
  public static final int MAX_BULK = 500;

  private static final String ACTIVITY_ENTRY = "activity_entry";
  private static final int BACKFILL_PAGE = 200;

  private final WorkspaceEngine engine;
  private final OperatorUser operator;
  private final TenantId tenantId;

  OperatorEconomics(WorkspaceEngine engine, OperatorUser operator) {
    this.engine = engine;
    this.operator = operator;
    this.tenantId = operator.tenantId();
  }

  private EconomicsStore store() {
    return engine.storage.economics();
  }

  // ===============================================================================================================
  // reads

  /**
   * @return one page of the tenant's partner directory filtered by status, tier, owner and region, ordered by partner
   *     id; the cursor is the last partner's id when the page is full ({@code query.after(last)} continues)
   */
  public ReadResult<Partner> partners(PartnerQuery query) {
    Checks.required("query", query);
    return read(rows -> rows.size() == query.limit() ? rows.get(rows.size() - 1).partnerId().value() : null,
        () -> store().listPartners(tenantId, query));
  }

  /**
   * @param filter the partners to count (status, tier, owner, region); its cursor and page size are ignored
   * @return one item: the hero metrics (active partners, pipeline value, owed commission per currency)
   */
  public ReadResult<DirectoryMetrics> metrics(PartnerQuery filter) {
    Checks.required("filter", filter);
    return read(rows -> null, () -> List.of(store().metrics(tenantId, filter)));
  }

  /** @return one page of referrals, every partner's, ordered by id; the cursor is the last id of a full page */
  public ReadResult<Referral> referrals(ReferralQuery query) {
    Checks.required("query", query);
    return read(rows -> rows.size() == query.limit() ? rows.get(rows.size() - 1).referralId().value() : null,
        () -> store().listReferrals(tenantId, query));
  }

  /** @return one page of commissions, every partner's, ordered by id; the cursor is the last id of a full page */
  public ReadResult<Commission> commissions(CommissionQuery query) {
    Checks.required("query", query);
    return read(rows -> rows.size() == query.limit() ? rows.get(rows.size() - 1).commissionId().value() : null,
        () -> store().listCommissions(tenantId, query));
  }

  /** @return the drill-down list of one event's invites, for auditing, ordered by invite id */
  public ReadResult<EventInvite> invites(InviteQuery query) {
    Checks.required("query", query);
    return read(rows -> rows.size() == query.limit() ? rows.get(rows.size() - 1).inviteId().value() : null,
        () -> store().listInvites(tenantId, query));
  }

  /**
   * @param filter the event and, optionally, the host partner, principal or issuer to count
   * @param grouping per inviter principal, or per issuing user ({@code issued_by_user_id})
   * @return one tally per group: invites issued, and accepted with a credited acceptance
   */
  public ReadResult<InviteTally> inviteMetrics(InviteQuery filter, InviteGrouping grouping) {
    Checks.required("filter", filter);
    Checks.required("grouping", grouping);
    return read(rows -> null, () -> store().inviteTallies(tenantId, filter, grouping));
  }

  /** @return the tenant's plan quotas, ordered by key */
  public ReadResult<PlanQuota> planQuotas() {
    return read(rows -> null, () -> store().planQuotas(tenantId));
  }

  private <T> ReadResult<T> read(Function<List<T>, @Nullable String> cursor, Supplier<List<T>> load) {
    AccessRequest request = AccessRequest.view(operator, tenantId, DIRECTORY, Surface.SCORECARD).build();
    return engine.read(request, () -> directoryFacts(null), d -> {
      List<T> rows = load.get();
      return new WorkspaceEngine.Page<>(rows, rows.isEmpty() ? null : cursor.apply(rows));
    });
  }

  // ===============================================================================================================
  // referrals and commissions

  /**
   * Records a referral in {@code open}, with its own activity entry ({@code referral:<id>}, at its referred time).
   *
   * @return the outcome; {@link CommandResult#recordId()} is the new referral's id
   * @throws InvalidValueException when the partner is not in the tenant's directory; nothing is written
   */
  public CommandResult recordReferral(String idempotencyKey, ReferralDraft draft) {
    Checks.required("draft", draft);
    Map<String, Object> payload = payload("record_referral");
    payload.put("draft", draft);
    return engine.run(tenantId, idempotencyKey, Acting.operator(operator), payload, now -> {
      Partner partner = requirePartner("draft.partnerId", draft.partnerId());
      AccessRequest request = onRow(IntentKind.CREATE, REFERRAL, null, draft.clientName(), partner.partnerId(), null,
          null);
      return prepared(request, directoryFacts(REFERRAL), at -> {
        Referral referral = Referral.of(tenantId, ReferralId.of(engine.ids.get()), draft);
        store().insertReferral(referral);
        return new WorkspaceEngine.Applied(referral.referralId().value(), 0, referralEntry(referral, partner,
            operator.label()), event("referral.recorded", referral.referralId().value(), referralPayload(referral),
            at));
      });
    });
  }

  /**
   * Moves a referral along {@link ReferralStatus#LIFECYCLE}; a move the lifecycle lacks is blocked
   * ({@code transition_not_allowed}).
   *
   * @throws RecordNotFoundException when the tenant has no such referral
   */
  public CommandResult moveReferral(String idempotencyKey, ReferralId referralId, ReferralStatus to) {
    Checks.required("referralId", referralId);
    Checks.required("to", to);
    Map<String, Object> payload = payload("move_referral");
    payload.put("referralId", referralId);
    payload.put("to", to.wireName());
    return engine.run(tenantId, idempotencyKey, Acting.operator(operator), payload, now -> {
      Referral referral = store().findReferral(tenantId, referralId).orElseThrow(() ->
          new RecordNotFoundException("referralId", "referral", referralId.value()));
      AccessRequest request = onRow(IntentKind.TRANSITION, REFERRAL, referralId.value(), referral.clientName(),
          referral.partnerId(), referral.status().wireName(), to.wireName());
      return prepared(request, directoryFacts(REFERRAL), at -> {
        Referral moved = referral.moveTo(to);
        store().updateReferral(moved);
        String summary = operator.label() + " moved the referral of " + referral.clientName() + " from "
            + referral.status().wireName() + " to " + to.wireName() + " (estimated value "
            + referral.estimatedValue() + ").";
        Map<String, Object> event = referralPayload(moved);
        event.put("from", referral.status().wireName());
        return new WorkspaceEngine.Applied(referralId.value(), moved.version(), entry(referral.partnerId(),
            ActivityKind.DOMAIN_EVENT, Visibility.PARTNER_VISIBLE, summary, "referral.status_changed", at, null,
            null), event("referral.status_changed", referralId.value(), event, at));
      });
    });
  }

  /**
   * Records a commission in {@code owed} for a referral, owed to the referral's partner, with its own activity entry
   * ({@code commission:<id>}, at its earned time).
   *
   * @return the outcome; {@link CommandResult#recordId()} is the new commission's id
   * @throws RecordNotFoundException when the tenant has no such referral
   */
  public CommandResult recordCommission(String idempotencyKey, CommissionDraft draft) {
    Checks.required("draft", draft);
    Map<String, Object> payload = payload("record_commission");
    payload.put("draft", draft);
    return engine.run(tenantId, idempotencyKey, Acting.operator(operator), payload, now -> {
      Referral referral = store().findReferral(tenantId, draft.referralId()).orElseThrow(() ->
          new RecordNotFoundException("draft.referralId", "referral", draft.referralId().value()));
      Partner partner = requirePartner("draft.referralId", referral.partnerId());
      AccessRequest request = onRow(IntentKind.CREATE, COMMISSION, null, "commission for " + referral.clientName(),
          referral.partnerId(), null, null);
      return prepared(request, directoryFacts(COMMISSION), at -> {
        Commission commission = Commission.builder().tenantId(tenantId)
            .commissionId(CommissionId.of(engine.ids.get())).partnerId(referral.partnerId())
            .referralId(referral.referralId()).amount(draft.amount()).earnedAt(draft.earnedAt()).build();
        store().insertCommission(commission);
        return new WorkspaceEngine.Applied(commission.commissionId().value(), 0,
            commissionEntry(commission, partner, operator.label()), event("commission.recorded",
                commission.commissionId().value(), commissionPayload(commission), at));
      });
    });
  }

  /**
   * Marks an owed commission paid at {@code paidAt} (not before it was earned). Records that it was paid; the
   * payment itself is the host's source truth.
   *
   * @throws RecordNotFoundException when the tenant has no such commission
   */
  public CommandResult markCommissionPaid(String idempotencyKey, CommissionId commissionId, Instant paidAt) {
    Instant paid = Checks.micros(Checks.required("paidAt", paidAt));
    return changeCommission(idempotencyKey, commissionId, CommissionStatus.PAID, Map.of("paidAt", paid),
        c -> c.paid(paid), "commission.paid");
  }

  /**
   * Voids an owed commission.
   *
   * @throws RecordNotFoundException when the tenant has no such commission
   */
  public CommandResult voidCommission(String idempotencyKey, CommissionId commissionId) {
    return changeCommission(idempotencyKey, commissionId, CommissionStatus.VOID, Map.of(), Commission::voided,
        "commission.voided");
  }

  private CommandResult changeCommission(String key, CommissionId commissionId, CommissionStatus to,
      Map<String, ?> details, Function<Commission, Commission> change, String eventType) {
    Checks.required("commissionId", commissionId);
    Map<String, Object> payload = payload("move_commission");
    payload.putAll(details);
    payload.put("commissionId", commissionId);
    payload.put("to", to.wireName());
    return engine.run(tenantId, key, Acting.operator(operator), payload, now -> {
      Commission commission = store().findCommission(tenantId, commissionId).orElseThrow(() ->
          new RecordNotFoundException("commissionId", "commission", commissionId.value()));
      AccessRequest request = onRow(IntentKind.TRANSITION, COMMISSION, commissionId.value(),
          COMMISSION.titleOf(commission), commission.partnerId(), commission.status().wireName(), to.wireName());
      return prepared(request, directoryFacts(COMMISSION), at -> {
        Commission moved = change.apply(commission);
        store().updateCommission(moved);
        String summary = operator.label() + " marked commission " + commissionId + " of " + commission.amount()
            + " " + to.wireName() + moved.paidAt().map(p -> " (paid " + p + ")").orElse("") + ".";
        Map<String, Object> event = commissionPayload(moved);
        event.put("from", commission.status().wireName());
        return new WorkspaceEngine.Applied(commissionId.value(), moved.version(), entry(commission.partnerId(),
            ActivityKind.DOMAIN_EVENT, Visibility.PARTNER_VISIBLE, summary, eventType, at, null, null),
            event(eventType, commissionId.value(), event, at));
      });
    });
  }

  // ===============================================================================================================
  // the directory

  /**
   * Sets the status of several partners at once, all or nothing: every partner's change is decided, and the first
   * blocked one blocks the command with nothing written. One activity entry (internal-only) and one outbox event per
   * partner whose status changes; a partner already in {@code status} is left alone, and a command that changes no
   * partner writes one audit entry saying so. A retry with the same key writes nothing.
   *
   * @param partnerIds 1 to {@link #MAX_BULK} partners of the tenant's directory
   * @throws RecordNotFoundException when one of them is not in the directory; nothing is written
   */
  public CommandResult changePartnerStatus(String idempotencyKey, Collection<PartnerId> partnerIds,
      PartnerStatus status) {
    Checks.required("partnerIds", partnerIds);
    Checks.required("status", status);
    TreeSet<PartnerId> ids = new TreeSet<>();
    for (PartnerId id : partnerIds) {
      ids.add(Checks.required("partnerIds[]", id));
    }
    Checks.check(!ids.isEmpty() && ids.size() <= MAX_BULK, "partnerIds",
        "partnerIds must hold 1 to " + MAX_BULK + " partners, but held " + ids.size());
    Map<String, Object> payload = payload("change_partner_status");
    payload.put("partnerIds", ids.stream().map(PartnerId::value).toList());
    payload.put("status", status.wireName());
    return engine.run(tenantId, idempotencyKey, Acting.operator(operator), payload, now -> {
      List<Partner> partners = new ArrayList<>();
      for (PartnerId id : ids) {
        partners.add(engine.storage.directory().findPartner(tenantId, id).orElseThrow(() ->
            new RecordNotFoundException("partnerIds", "partner", id.value())));
      }
      List<AccessRequest> requests = new ArrayList<>();
      for (Partner p : partners) {
        requests.add(onRow(IntentKind.REVISE, PARTNER, p.partnerId().value(), p.name(), p.partnerId(), null, null));
      }
      return decideAll(requests, directoryFacts(PARTNER), now, at -> {
        List<WorkspaceEngine.Applied> applied = new ArrayList<>();
        for (Partner p : partners) {
          if (p.status() == status) {
            continue;
          }
          engine.storage.directory().updatePartner(Partner.builder().from(p).status(status).version(p.version() + 1)
              .build());
          Map<String, Object> event = new LinkedHashMap<>();
          event.put("partnerId", p.partnerId().value());
          event.put("from", p.status().wireName());
          event.put("to", status.wireName());
          applied.add(new WorkspaceEngine.Applied(p.partnerId().value(), 0, entry(p.partnerId(),
              ActivityKind.AUDIT_EVENT, Visibility.INTERNAL_ONLY, operator.label() + " changed the status of "
                  + p.name() + " from " + p.status().wireName() + " to " + status.wireName() + ".",
              "partner.status_changed", at, null, null),
              event("partner.status_changed", p.partnerId().value(), event, at)));
        }
        if (applied.isEmpty()) {
          return new WorkspaceEngine.Applied(ids.first().value(), 0, entry(null, ActivityKind.AUDIT_EVENT,
              Visibility.INTERNAL_ONLY, operator.label() + " set " + ids.size() + " partners to "
                  + status.wireName() + "; every one already was, so nothing changed.", "partner.status_unchanged",
              at, null, null), event("partner.status_unchanged", ids.first().value(),
              Map.of("partners", ids.size(), "status", status.wireName()), at));
        }
        return journalAll(applied);
      });
    });
  }

  /**
   * Backfills the activity log: one entry for every referral ({@code referral:<id>}, at its referred time, with its
   * status and estimated value) and every commission ({@code commission:<id>}, at its earned time, with its status
   * and amount) that has none yet — historic rows a host inserted through the SPI. Idempotent by construction: the
   * entry ids are the rows' own, so running it twice, or on two instances at once, writes each entry once (an entry
   * another instance wrote first is skipped). The backfilled entries are history, not news: they go to no outbox;
   * the run itself writes one internal audit entry and one {@code partner_activity.backfilled} event with the counts.
   */
  public CommandResult backfillActivity(String idempotencyKey) {
    return engine.run(tenantId, idempotencyKey, Acting.operator(operator), payload("backfill_activity"), now -> {
      AccessRequest request = AccessRequest.contribute(operator, tenantId, DIRECTORY, Surface.ACTIVITY).build();
      return prepared(request, directoryFacts(null), at -> {
        Map<PartnerId, Partner> partners = new HashMap<>();
        String actor = "Activity backfill by " + operator.label();
        int referrals = 0;
        Optional<ReferralId> afterReferral = Optional.empty();
        while (true) {
          List<Referral> page = store().referralsWithoutActivity(tenantId, afterReferral, BACKFILL_PAGE);
          for (Referral r : page) {
            referrals += appendOnce(referralEntry(r, partnerOf(partners, r.partnerId()), actor)) ? 1 : 0;
          }
          if (page.size() < BACKFILL_PAGE) {
            break;
          }
          afterReferral = Optional.of(page.get(page.size() - 1).referralId());
        }
        int commissions = 0;
        Optional<CommissionId> afterCommission = Optional.empty();
        while (true) {
          List<Commission> page = store().commissionsWithoutActivity(tenantId, afterCommission, BACKFILL_PAGE);
          for (Commission c : page) {
            commissions += appendOnce(commissionEntry(c, partnerOf(partners, c.partnerId()), actor)) ? 1 : 0;
          }
          if (page.size() < BACKFILL_PAGE) {
            break;
          }
          afterCommission = Optional.of(page.get(page.size() - 1).commissionId());
        }
        ActivityEntry audit = entry(null, ActivityKind.AUDIT_EVENT, Visibility.INTERNAL_ONLY, operator.label()
            + " backfilled the partner activity log: " + referrals + " referral and " + commissions
            + " commission entries written.", "partner_activity.backfilled", at, null, null);
        return new WorkspaceEngine.Applied(audit.entryId(), 0, audit, event("partner_activity.backfilled",
            audit.entryId(), Map.of("referralEntries", referrals, "commissionEntries", commissions), at));
      });
    });
  }

  /** @return whether the entry was written; false when the tenant already holds an entry with its id */
  private boolean appendOnce(ActivityEntry entry) {
    try {
      engine.storage.activity().append(entry);
      return true;
    } catch (VersionConflictException taken) {
      if (ACTIVITY_ENTRY.equals(taken.recordType()) && entry.entryId().equals(taken.recordId())) {
        return false; // written by an earlier run or by another instance running at the same time
      }
      throw taken;
    }
  }

  private @Nullable Partner partnerOf(Map<PartnerId, Partner> cache, PartnerId id) {
    if (!cache.containsKey(id)) {
      engine.storage.directory().findPartner(tenantId, id).ifPresent(p -> cache.put(id, p));
    }
    return cache.get(id);
  }

  // ===============================================================================================================
  // invites and the plan

  /**
   * Records invites to one event as the host's invite system reports them (one, or a bulk import of up to
   * {@link #MAX_BULK}), all or nothing: each is decided in its occasion (whose {@code vendor_access} must be on) for
   * its host partner, which must be in the directory. One internal activity entry for the import, placed in the
   * event, and one {@code event_invite.recorded} event.
   *
   * @throws InvalidValueException when the invites are not all of one occasion and event, repeat an id, or name a
   *     partner outside the directory
   * @throws VersionConflictException when an invite id is already recorded; nothing is written
   */
  public CommandResult recordInvites(String idempotencyKey, List<InviteDraft> invites) {
    List<InviteDraft> drafts = List.copyOf(Checks.required("invites", invites));
    Checks.check(!drafts.isEmpty() && drafts.size() <= MAX_BULK, "invites",
        "invites must hold 1 to " + MAX_BULK + " invites, but held " + drafts.size());
    OccasionId occasionId = drafts.get(0).occasionId();
    EventId eventId = drafts.get(0).eventId();
    Set<InviteId> seen = new HashSet<>();
    for (InviteDraft d : drafts) {
      Checks.check(d.occasionId().equals(occasionId) && d.eventId().equals(eventId), "invites",
          "invites must all be of occasion " + occasionId + " and event " + eventId + ", but " + d.inviteId()
              + " is of " + d.occasionId() + " and " + d.eventId());
      Checks.check(seen.add(d.inviteId()), "invites", "invites must not repeat an id, but " + d.inviteId()
          + " came twice");
    }
    Map<String, Object> payload = payload("record_invites");
    payload.put("invites", drafts);
    return engine.run(tenantId, idempotencyKey, Acting.operator(operator), payload, now -> {
      List<AccessRequest> requests = new ArrayList<>();
      for (InviteDraft d : drafts) {
        requirePartner("invites[].partnerId", d.partnerId());
        requests.add(AccessRequest.onRecord(operator, tenantId, IntentKind.CREATE, Surface.SCORECARD,
            Placement.builder().occasionId(occasionId).eventId(eventId).partnerId(d.partnerId()).build(),
            RecordAction.builder().type(INVITE.wireName()).title("invite " + d.inviteId() + " to " + eventId)
                .partnerId(d.partnerId()).build()).build());
      }
      return decideAll(requests, engine.operatorFacts(tenantId, occasionId, INVITE), now, at -> {
        long accepted = 0;
        long credited = 0;
        for (InviteDraft d : drafts) {
          store().insertInvite(EventInvite.of(tenantId, d));
          accepted += d.accepted() ? 1 : 0;
          credited += d.creditedAcceptance() ? 1 : 0;
        }
        ActivityEntry entry = entry(null, ActivityKind.AUDIT_EVENT, Visibility.INTERNAL_ONLY, operator.label()
            + " recorded " + drafts.size() + " invites to event " + eventId + " (" + accepted + " accepted, "
            + credited + " credited).", "event_invite.recorded", at, occasionId, eventId);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", eventId.value());
        event.put("invites", drafts.size());
        event.put("accepted", accepted);
        event.put("credited", credited);
        return new WorkspaceEngine.Applied(drafts.get(0).inviteId().value(), 0, entry,
            event("event_invite.recorded", eventId.value(), event, at));
      });
    });
  }

  /**
   * Records that an issued invite was accepted at {@code acceptedAt}, credited to its inviter or not. An invite is
   * accepted once: a second acceptance is blocked ({@code transition_not_allowed}).
   *
   * @throws RecordNotFoundException when the tenant has no such invite
   */
  public CommandResult recordAcceptance(String idempotencyKey, InviteId inviteId, Instant acceptedAt,
      boolean credited) {
    Checks.required("inviteId", inviteId);
    Instant at0 = Checks.micros(Checks.required("acceptedAt", acceptedAt));
    Map<String, Object> payload = payload("record_acceptance");
    payload.put("inviteId", inviteId);
    payload.put("acceptedAt", at0);
    payload.put("credited", credited);
    return engine.run(tenantId, idempotencyKey, Acting.operator(operator), payload, now -> {
      EventInvite invite = store().findInvite(tenantId, inviteId).orElseThrow(() ->
          new RecordNotFoundException("inviteId", "invite", inviteId.value()));
      EventInvite accepted = invite.accepted() ? invite : invite.acceptedAt(at0, credited); // checks acceptedAt
      String from = invite.accepted() ? EconomicsTypes.InviteState.ACCEPTED.wireName()
          : EconomicsTypes.InviteState.ISSUED.wireName();
      AccessRequest request = AccessRequest.onRecord(operator, tenantId, IntentKind.TRANSITION, Surface.SCORECARD,
          Placement.builder().occasionId(invite.occasionId()).eventId(invite.eventId())
              .partnerId(invite.partnerId()).build(),
          RecordAction.builder().type(INVITE.wireName()).recordId(inviteId.value()).title(INVITE.titleOf(invite))
              .partnerId(invite.partnerId()).fromStatus(from)
              .toStatus(EconomicsTypes.InviteState.ACCEPTED.wireName()).build()).build();
      return prepared(request, engine.operatorFacts(tenantId, invite.occasionId(), INVITE), at -> {
        store().updateInvite(accepted);
        ActivityEntry entry = entry(null, ActivityKind.AUDIT_EVENT, Visibility.INTERNAL_ONLY, operator.label()
            + " recorded the acceptance of invite " + inviteId + " (" + (credited ? "credited" : "not credited")
            + ").", "event_invite.accepted", at, invite.occasionId(), invite.eventId());
        return new WorkspaceEngine.Applied(inviteId.value(), accepted.version(), entry, event(
            "event_invite.accepted", inviteId.value(), Map.of("inviteId", inviteId.value(), "eventId",
                invite.eventId().value(), "credited", credited), at));
      });
    });
  }

  /**
   * Replaces the tenant's plan quotas, which partner members read (never change) in their sessions. The plan is the
   * host's billing truth: it supplies the quotas and reset times; Partnerkit shows them. Decided as a change of
   * entitlements (owner, admin or billing admin).
   */
  public CommandResult setPlanQuotas(String idempotencyKey, List<PlanQuota> quotas) {
    List<PlanQuota> copy = List.copyOf(Checks.required("quotas", quotas));
    Set<String> keys = new TreeSet<>();
    for (PlanQuota q : copy) {
      Checks.check(keys.add(Checks.required("quotas[]", q).key()), "quotas",
          "quotas must have unique keys, but " + q.key() + " came twice");
    }
    Map<String, Object> payload = payload("set_plan_quotas");
    payload.put("quotas", copy);
    return engine.run(tenantId, idempotencyKey, Acting.operator(operator), payload, now -> {
      AccessRequest request = AccessRequest.builder().actor(operator).tenantId(tenantId).occasionId(DIRECTORY)
          .intent(IntentKind.MANAGE_ENTITLEMENTS).build();
      return prepared(request, directoryFacts(null), at -> {
        store().savePlanQuotas(tenantId, copy);
        ActivityEntry entry = entry(null, ActivityKind.AUDIT_EVENT, Visibility.INTERNAL_ONLY, operator.label()
            + " set the plan quotas " + keys + ".", "plan.quotas_set", at, null, null);
        return new WorkspaceEngine.Applied(entry.entryId(), 0, entry, event("plan.quotas_set", entry.entryId(),
            Map.of("quotas", List.copyOf(keys)), at));
      });
    });
  }

  // ===============================================================================================================
  // deciding and journaling

  /**
   * The facts of a decision in the directory context: the tenant, and a product scope that includes the directory
   * (no occasion's vendor_access applies to it).
   */
  private DecisionFacts directoryFacts(@Nullable RecordType<?, ?> type) {
    return DecisionFacts.builder().tenant(engine.tenant(tenantId))
        .productScope(ProductScope.of(DIRECTORY, Set.of(ProductCapability.VENDOR_ACCESS)))
        .recordType(Optional.ofNullable(type)).build();
  }

  /** A request about one row of a typed table, placed in the directory context with its partner. */
  private AccessRequest onRow(IntentKind intent, RecordType<?, ?> type, @Nullable String id, String title,
      PartnerId partner, @Nullable String from, @Nullable String to) {
    ImmutableRecordAction.Builder action = RecordAction.builder().type(type.wireName()).recordId(Optional.ofNullable(id))
        .title(WorkspaceEngine.clip(title, Checks.MAX_NAME_LENGTH)).partnerId(partner);
    if (from != null && to != null) {
      action.fromStatus(from).toStatus(to);
    }
    return AccessRequest.onRecord(operator, tenantId, intent, Surface.SCORECARD,
        Placement.builder().occasionId(DIRECTORY).partnerId(partner).build(), action.build()).build();
  }

  private static WorkspaceEngine.Prepared prepared(AccessRequest request, DecisionFacts facts,
      WorkspaceEngine.Change change) {
    return new WorkspaceEngine.Prepared(request, facts, change);
  }

  /**
   * All or nothing over several rows: decides every request; the first blocked one is the command's decision (the
   * engine logs it and applies nothing), otherwise the first, and the change applies them all.
   */
  private WorkspaceEngine.Prepared decideAll(List<AccessRequest> requests, DecisionFacts facts, Instant now,
      WorkspaceEngine.Change change) {
    for (AccessRequest request : requests) {
      Decision decision = engine.decider.decide(request, facts, now);
      if (!decision.allowed()) {
        return prepared(request, facts, change);
      }
    }
    return prepared(requests.get(0), facts, change);
  }

  /** Appends every entry and event but the first, which the engine journals as the command's own. */
  private WorkspaceEngine.Applied journalAll(List<WorkspaceEngine.Applied> applied) {
    for (int i = 1; i < applied.size(); i++) {
      engine.storage.activity().append(applied.get(i).activity);
      engine.storage.outbox().append(applied.get(i).event);
    }
    return applied.get(0);
  }

  private Partner requirePartner(String field, PartnerId partnerId) {
    return engine.storage.directory().findPartner(tenantId, partnerId).orElseThrow(() ->
        new InvalidValueException(field, field + " " + Checks.show(partnerId)
            + " is not in the partner directory of tenant " + Checks.show(tenantId)));
  }

  private static Map<String, Object> payload(String command) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("command", command);
    return payload;
  }

  /** An entry in the directory context (or in the given occasion and event), about {@code partner} when given. */
  private ActivityEntry entry(@Nullable PartnerId partner, ActivityKind kind, Visibility visibility, String summary,
      String eventType, Instant at, @Nullable OccasionId occasionId, @Nullable EventId eventId) {
    Placement placement = Placement.builder().occasionId(occasionId == null ? DIRECTORY : occasionId)
        .eventId(Optional.ofNullable(eventId)).partnerId(Optional.ofNullable(partner)).build();
    return engine.activity(tenantId, placement, null, kind, visibility, operator, summary, eventType, at);
  }

  private OutboxEvent event(String type, String aggregateId, Map<String, ?> payload, Instant at) {
    return engine.event(tenantId, type, aggregateId, payload, at);
  }

  /** The referral's own entry: {@code referral:<id>}, at its referred time, saying its status and value. */
  private ActivityEntry referralEntry(Referral r, @Nullable Partner partner, String actorLabel) {
    String who = partner == null ? "partner " + r.partnerId() : partner.name();
    String summary = who + " referred " + r.clientName() + " (" + r.clientEmail() + "): referral " + r.referralId()
        + ", status " + r.status().wireName() + ", estimated value " + r.estimatedValue() + ".";
    return ownEntry(EconomicsStore.activityEntryId(r.referralId()), r.partnerId(), summary, "referral.referred",
        r.referredAt(), actorLabel);
  }

  /** The commission's own entry: {@code commission:<id>}, at its earned time, saying its status and amount. */
  private ActivityEntry commissionEntry(Commission c, @Nullable Partner partner, String actorLabel) {
    String who = partner == null ? "partner " + c.partnerId() : partner.name();
    String summary = "Commission " + c.commissionId() + " of " + c.amount() + " for " + who + " on referral "
        + c.referralId() + ": status " + c.status().wireName() + ".";
    return ownEntry(EconomicsStore.activityEntryId(c.commissionId()), c.partnerId(), summary, "commission.earned",
        c.earnedAt(), actorLabel);
  }

  private ActivityEntry ownEntry(String entryId, PartnerId partner, String summary, String eventType,
      Instant occurredAt, String actorLabel) {
    ActivityEntry entry = entry(partner, ActivityKind.DOMAIN_EVENT, Visibility.PARTNER_VISIBLE, summary, eventType,
        occurredAt, null, null);
    return ImmutableActivityEntry.builder().from(entry).entryId(entryId)
        .actorLabel(WorkspaceEngine.clip(actorLabel, Checks.MAX_NAME_LENGTH)).build();
  }

  private static Map<String, Object> referralPayload(Referral r) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("referralId", r.referralId().value());
    p.put("partnerId", r.partnerId().value());
    p.put("status", r.status().wireName());
    p.put("estimatedValue", Map.of("amountMinor", r.estimatedValue().amountMinor(), "currency",
        r.estimatedValue().currency()));
    p.put("referredAt", r.referredAt().toString());
    p.put("version", r.version());
    return p;
  }

  private static Map<String, Object> commissionPayload(Commission c) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("commissionId", c.commissionId().value());
    p.put("partnerId", c.partnerId().value());
    p.put("referralId", c.referralId().value());
    p.put("status", c.status().wireName());
    p.put("amount", Map.of("amountMinor", c.amount().amountMinor(), "currency", c.amount().currency()));
    p.put("earnedAt", c.earnedAt().toString());
    c.paidAt().ifPresent(paid -> p.put("paidAt", paid.toString()));
    p.put("version", c.version());
    return p;
  }
}
