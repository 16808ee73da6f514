package dev.partnerkit.policy.workspace;

import dev.partnerkit.domain.AccessRequest;
import dev.partnerkit.domain.DataClass;
import dev.partnerkit.domain.Decision;
import dev.partnerkit.domain.Actor;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.Placement;
import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.domain.RecordAction;
import dev.partnerkit.domain.RecordType;
import dev.partnerkit.domain.Surface;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.Visibility;
import dev.partnerkit.domain.internal.Checks;
import dev.partnerkit.policy.DecisionFacts;
import dev.partnerkit.policy.surface.blockers.PartnerBlockers;
import dev.partnerkit.policy.surface.comments.PartnerComments;
import dev.partnerkit.policy.surface.documents.PartnerDocuments;
import dev.partnerkit.policy.surface.annotations.PartnerAnnotations;
import dev.partnerkit.policy.surface.approvals.PartnerApprovals;
import dev.partnerkit.policy.surface.runofshow.PartnerRunOfShow;
import dev.partnerkit.policy.surface.tasks.PartnerTasks;
import dev.partnerkit.spi.ActivityEntry;
import dev.partnerkit.spi.ActivityKind;
import dev.partnerkit.spi.ActivityQuery;
import dev.partnerkit.spi.DeliveryAttempt;
import dev.partnerkit.spi.DeliveryQuery;
import dev.partnerkit.spi.ImmutableDeliveryQuery;
import dev.partnerkit.spi.ImmutableActivityQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A partner's portal session for one occasion, opened by {@link PartnerWorkspace#openPartnerSession} after an active
 * grant was verified. Every call is decided again (a grant can be revoked mid-session) and logged; reads return
 * exactly the partner-visible records of this partner that a per-record view decision allows.
 */
public final class PartnerSession {
  private final WorkspaceEngine engine;
  private final Acting acting;
  private final PartnerId partnerId;
  private final TenantId tenantId;
  private final OccasionId occasionId;

  PartnerSession(WorkspaceEngine engine, Acting acting, OccasionId occasionId) {
    this.engine = engine;
    this.acting = acting;
    this.partnerId = acting.partner().orElseThrow();
    this.tenantId = acting.tenantId;
    this.occasionId = occasionId;
  }

  /** @return who acts in this session, as stored now (a removed member shows as removed) */
  public Actor actor() {
    return engine.storage.unitOfWork().inTransaction(() -> engine.actor(acting));
  }

  /** @return the partner the session acts for */
  public PartnerId partnerId() {
    return partnerId;
  }

  /** @return the occasion of this session */
  public OccasionId occasionId() {
    return occasionId;
  }

  /**
   * Decides whether this session may read one of the host's own resources (or be told about it): the host names where
   * the resource sits and its data class, and serves it only on an allow. Decided with exact scope and logged; an
   * integration principal is never allowed a class forbidden to integrations, and needs a grant that names the class.
   *
   * @param placement where the resource sits; its occasion must be the session's
   * @param dataClass the class of data the resource holds
   * @return the decision, explained
   */
  public Decision readResource(Placement placement, DataClass dataClass) {
    Checks.required("placement", placement);
    Checks.required("dataClass", dataClass);
    Checks.check(placement.occasionId().equals(occasionId), "placement.occasionId",
        "placement.occasionId must be the session's occasion " + occasionId + ", but was "
            + Checks.show(placement.occasionId()));
    return engine.storage.unitOfWork().inTransaction(() -> engine.decideAndLog(
        AccessRequest.readResource(engine.actor(acting), tenantId, placement, dataClass).build(),
        () -> engine.partnerFacts(tenantId, occasionId, partnerId, null)));
  }

  /**
   * The delivery log of this partner's own webhook endpoints (status code, latency, error), never another partner's:
   * the query's partner is always this session's. Decided like opening the session, and logged.
   *
   * @return the decision and, when allowed, the matching rows by sending time
   */
  public ReadResult<DeliveryAttempt> webhookAttempts(DeliveryQuery query) {
    Checks.required("query", query);
    DeliveryQuery own = ImmutableDeliveryQuery.copyOf(query).withPartnerId(partnerId);
    return engine.read(() -> AccessRequest.openOccasion(engine.actor(acting), tenantId, occasionId).build(),
        () -> engine.partnerFacts(tenantId, occasionId, partnerId, null),
        d -> WorkspaceEngine.Page.of(engine.storage.webhooks().attempts(tenantId, own)));
  }

  /** @return the tasks surface: the partner's own tasks its grants cover, and moving them */
  public PartnerTasks tasks() {
    return PartnerTasks.over(records(), occasionId);
  }

  /** @return the partner's memberships: its members, and inviting people (members with can_invite) */
  public PartnerMembers members() {
    return new PartnerMembers(engine, acting, occasionId);
  }

  /**
   * @return this partner's own referrals, commissions and directory activity, the invite metrics of the events it
   *     hosts, and the plan quotas: read-only
   */
  public PartnerEconomics economics() {
    return new PartnerEconomics(engine, acting, partnerId, tenantId, occasionId);
  }

  /** @return the documents surface: the partner's own documents its grants cover, uploads and tags */
  public PartnerDocuments documents() {
    return PartnerDocuments.over(records(), occasionId, partnerId);
  }

  /** @return the comments surface: the partner's threads its grants cover, posting, mentions and reactions */
  public PartnerComments comments() {
    return PartnerComments.over(records(), occasionId, partnerId);
  }

  /** @return the blockers surface: the blockers the partner is asked about, and its responses */
  public PartnerBlockers blockers() {
    return PartnerBlockers.over(records(), occasionId);
  }

  /** @return the run-of-show surface: the partner's timelines its grants cover, and proposing new versions */
  public PartnerRunOfShow runOfShow() {
    return PartnerRunOfShow.over(records(), lookup(), occasionId, partnerId);
  }

  /** @return the approvals surface: the approval requests asked of the partner, and deciding them */
  public PartnerApprovals approvals() {
    return PartnerApprovals.over(records(), lookup(), occasionId, partnerId);
  }

  /** @return the annotations surface: annotating exact versions the partner can see, resolving and reopening */
  public PartnerAnnotations annotations() {
    return PartnerAnnotations.over(records(), lookup(), occasionId, partnerId);
  }

  private RecordLookup lookup() {
    return new RecordLookup(engine, tenantId);
  }

  /** @return the record kernel's commands and reads for this session, for every record type */
  public RecordCommands records() {
    return new RecordCommands(engine, acting, occasionId);
  }

  /**
   * Reads the partner-visible activity of this partner on the occasion, in timeline order: exactly the entries whose
   * placement (event, resource) a per-entry view of the activity surface allows. Filtered entries are skipped, and
   * pages are filled from the following entries, so {@code page.after(last item)} continues where this page ended.
   *
   * @param page filter and page; its occasion and partner view are set to this session's
   * @return up to {@code page.limit()} entries
   */
  public ReadResult<ActivityEntry> activity(ActivityQuery page) {
    Checks.required("page", page);
    ActivityQuery own = ImmutableActivityQuery.copyOf(page).withOccasionId(occasionId).withPartnerView(partnerId);
    return engine.storage.unitOfWork().inTransaction(() -> {
      Actor actor = engine.actor(acting);
      AccessRequest request = AccessRequest.view(actor, tenantId, occasionId, Surface.ACTIVITY).build();
      return engine.read(request, this::facts, decision -> page(actor, own));
    });
  }

  private WorkspaceEngine.Page<ActivityEntry> page(Actor actor, ActivityQuery own) {
    {
      DecisionFacts facts = facts();
      List<ActivityEntry> visible = new ArrayList<>();
      ActivityQuery next = own;
      while (visible.size() < own.limit()) {
        List<ActivityEntry> rows = engine.storage.activity().read(tenantId, next);
        for (ActivityEntry entry : rows) {
          if (visible.size() < own.limit() && mayView(actor, entry, facts)) {
            visible.add(entry);
          }
        }
        if (rows.size() < next.limit() || visible.size() >= own.limit()) {
          break;
        }
        next = next.after(rows.get(rows.size() - 1));
      }
      return WorkspaceEngine.Page.of(visible);
    }
  }

  private boolean mayView(Actor actor, ActivityEntry entry, DecisionFacts facts) {
    if (entry.visibility() != Visibility.PARTNER_VISIBLE || !entry.partnerId().map(partnerId::equals).orElse(false)) {
      return false;
    }
    AccessRequest view = AccessRequest.view(actor, tenantId, occasionId, Surface.ACTIVITY).eventId(entry.eventId())
        .resourceId(entry.resourceId()).record(RecordAction.builder().type("activity_entry")
            .recordId(entry.entryId()).partnerId(entry.partnerId()).build()).build();
    return engine.decider.decide(view, facts, engine.now()).allowed();
  }

  private DecisionFacts facts() {
    return engine.partnerFacts(tenantId, occasionId, partnerId, null);
  }

  /**
   * Adds free-text evidence to a surface that has no record types yet. It lands in the activity timeline as a
   * partner-visible entry for operators to review; it changes no source truth, and a contribution that lists a
   * source-truth effect is refused. A surface served by record types (tasks, run-of-show, approvals, annotations, or
   * a host's own) takes its typed records instead: free text never stands in for an approval on an exact version.
   *
   * @param idempotencyKey the command's key; a retry with the same key returns the first outcome
   * @param contribution the evidence
   * @return the outcome, allowed or blocked
   * @throws InvalidValueException when a record type serves the contribution's surface
   */
  public CommandResult contribute(String idempotencyKey, Contribution contribution) {
    Checks.required("contribution", contribution);
    List<String> typed = engine.types.all().stream().filter(t -> t.surface() == contribution.surface())
        .map(RecordType::wireName).toList();
    Checks.check(typed.isEmpty(), "contribution.surface", "the " + contribution.surface().wireName()
        + " surface takes its typed records (" + String.join(", ", typed) + "), not free-text contributions");
    Map<String, Object> payload = Map.of("command", "contribute", "contribution", contribution);
    return engine.run(tenantId, idempotencyKey, acting, payload, now -> {
      Actor actor = engine.actor(acting);
      AccessRequest request = AccessRequest.contribute(actor, tenantId, occasionId, contribution.surface())
          .eventId(contribution.eventId()).resourceId(contribution.resourceId())
          .effects(contribution.effects()).build();
      return new WorkspaceEngine.Prepared(request, facts(), at -> {
        Placement placement = Placement.builder().occasionId(occasionId).eventId(contribution.eventId())
            .resourceId(contribution.resourceId()).partnerId(partnerId).build();
        ActivityEntry entry = engine.activity(tenantId, placement, null, ActivityKind.DOMAIN_EVENT,
            Visibility.PARTNER_VISIBLE, actor, actor.label() + " added evidence to "
                + contribution.surface().wireName() + ": " + contribution.summary(), "partner_evidence.added", at);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("entryId", entry.entryId());
        event.put("surface", contribution.surface().wireName());
        contribution.resourceId().ifPresent(r -> event.put("resourceId", r.value()));
        return new WorkspaceEngine.Applied(entry.entryId(), 0, entry,
            engine.event(tenantId, "partner_evidence.added", entry.entryId(), event, at));
      });
    });
  }
}
