package dev.partnerkit.policy.workspace;

import dev.partnerkit.domain.AccessGrant;
import dev.partnerkit.domain.AccessRequest;
import dev.partnerkit.domain.Actor;
import dev.partnerkit.domain.Decision;
import dev.partnerkit.domain.GrantId;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.PartnerTask;
import dev.partnerkit.domain.Surface;
import dev.partnerkit.domain.TaskId;
import dev.partnerkit.domain.TaskStatus;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.internal.Checks;
import dev.partnerkit.spi.ActivityEntry;
import dev.partnerkit.spi.ActivityKind;
import dev.partnerkit.domain.Visibility;
import dev.partnerkit.spi.ActivityQuery;
import dev.partnerkit.spi.ImmutableActivityQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A partner's portal session for one occasion, opened by {@link PartnerWorkspace#openPartnerSession} after an active
 * grant was verified. Every call is decided again (a grant can be revoked mid-session) and logged; reads return only
 * what the grant covers and what is partner-visible.
 */
public final class PartnerSession {
  private final WorkspaceEngine engine;
  private final Actor actor;
  private final PartnerId partnerId;
  private final TenantId tenantId;
  private final OccasionId occasionId;

  PartnerSession(WorkspaceEngine engine, Actor actor, PartnerId partnerId, TenantId tenantId, OccasionId occasionId) {
    this.engine = engine;
    this.actor = actor;
    this.partnerId = partnerId;
    this.tenantId = tenantId;
    this.occasionId = occasionId;
  }

  /** @return who acts in this session */
  public Actor actor() {
    return actor;
  }

  /** @return the occasion of this session */
  public OccasionId occasionId() {
    return occasionId;
  }

  /**
   * @return the partner's tasks on the occasion that the grant behind the decision covers (events it names)
   */
  public ReadResult<PartnerTask> tasks() {
    AccessRequest request = AccessRequest.view(actor, tenantId, occasionId, Surface.TASKS).build();
    return engine.read(request, engine.partnerFacts(tenantId, occasionId, partnerId), decision -> {
      AccessGrant grant = grantBehind(decision);
      List<PartnerTask> visible = new ArrayList<>();
      for (PartnerTask task : engine.storage.tasks().findByPartner(tenantId, partnerId, occasionId)) {
        Set<?> events = grant.scope().events();
        if (events.isEmpty() || task.eventId().map(events::contains).orElse(false)) {
          visible.add(task);
        }
      }
      return visible;
    });
  }

  /**
   * @param page filter and page; its occasion and partner view are set to this session's
   * @return the partner-visible activity of this partner on the occasion, in timeline order
   */
  public ReadResult<ActivityEntry> activity(ActivityQuery page) {
    Checks.required("page", page);
    ActivityQuery own = ImmutableActivityQuery.copyOf(page).withOccasionId(occasionId).withPartnerView(partnerId);
    AccessRequest request = AccessRequest.view(actor, tenantId, occasionId, Surface.ACTIVITY).build();
    return engine.read(request, engine.partnerFacts(tenantId, occasionId, partnerId),
        decision -> engine.storage.activity().read(tenantId, own));
  }

  /**
   * Moves one of the partner's tasks (to_do -&gt; in_progress -&gt; blocked &lt;-&gt; in_progress -&gt; submitted).
   *
   * @param idempotencyKey the command's key; a retry with the same key returns the first outcome
   * @param taskId the task
   * @param target the status to move to
   * @return the outcome, allowed or blocked
   */
  public CommandResult moveTask(String idempotencyKey, TaskId taskId, TaskStatus target) {
    return TaskCommands.move(engine, actor, tenantId, idempotencyKey, taskId, target, null, partnerId);
  }

  /**
   * Moves one of the partner's tasks only if it is still at the version the partner saw.
   *
   * @throws dev.partnerkit.spi.VersionConflictException when someone else changed the task first; nothing is written
   */
  public CommandResult moveTask(String idempotencyKey, TaskId taskId, TaskStatus target, long expectedVersion) {
    return TaskCommands.move(engine, actor, tenantId, idempotencyKey, taskId, target, expectedVersion, partnerId);
  }

  /**
   * Adds evidence to a surface. It lands in the activity timeline as a partner-visible entry for operators to review;
   * it changes no source truth, and a contribution that lists a source-truth effect is refused.
   *
   * @param idempotencyKey the command's key; a retry with the same key returns the first outcome
   * @param contribution the evidence
   * @return the outcome, allowed or blocked
   */
  public CommandResult contribute(String idempotencyKey, Contribution contribution) {
    Checks.required("contribution", contribution);
    String payload = "contribute|" + contribution;
    return engine.run(tenantId, idempotencyKey, actor, payload, now -> {
      AccessRequest request = AccessRequest.contribute(actor, tenantId, occasionId, contribution.surface())
          .eventId(contribution.eventId()).resourceId(contribution.resourceId())
          .effects(contribution.effects()).build();
      return new WorkspaceEngine.Prepared(request, engine.partnerFacts(tenantId, occasionId, partnerId), at -> {
        ActivityEntry entry = engine.activity(tenantId, occasionId, partnerId, null, ActivityKind.DOMAIN_EVENT,
            Visibility.PARTNER_VISIBLE, actor, actor.label() + " added evidence to "
                + contribution.surface().wireName() + ": " + contribution.summary(), at);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("entryId", entry.entryId());
        event.put("surface", contribution.surface().wireName());
        contribution.resourceId().ifPresent(r -> event.put("resourceId", r.value()));
        return new WorkspaceEngine.Applied(entry.entryId(), 0, entry,
            engine.event(tenantId, "partner_evidence.added", entry.entryId(), event, at));
      });
    });
  }

  private AccessGrant grantBehind(Decision decision) {
    GrantId grantId = decision.grantId().orElseThrow();
    return engine.storage.grants().find(tenantId, grantId).orElseThrow();
  }
}
