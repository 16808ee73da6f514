package dev.partnerkit.policy.workspace;

import dev.partnerkit.domain.AccessGrant;
import dev.partnerkit.domain.AccessRequest;
import dev.partnerkit.domain.Entitlement;
import dev.partnerkit.domain.GrantId;
import dev.partnerkit.domain.GrantStatus;
import dev.partnerkit.domain.ImmutablePartnerTask;
import dev.partnerkit.domain.IntentKind;
import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.domain.OccasionEntitlements;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.Operation;
import dev.partnerkit.domain.OperatorUser;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.PartnerTask;
import dev.partnerkit.domain.Surface;
import dev.partnerkit.domain.TaskId;
import dev.partnerkit.domain.TaskStatus;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.UserId;
import dev.partnerkit.domain.internal.Checks;
import dev.partnerkit.spi.ActivityEntry;
import dev.partnerkit.spi.ActivityKind;
import dev.partnerkit.spi.ActivityQuery;
import dev.partnerkit.spi.DecisionRecord;
import dev.partnerkit.domain.Visibility;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Operator-side commands and reads, acting as one operator user in its tenant. Every command takes an idempotency
 * key, is decided by the core (product scope, operator role, task state machine), and is committed atomically with
 * its activity entry, decision-log row and outbox event; a blocked command writes only its decision-log row.
 */
public final class OperatorConsole {
  private final WorkspaceEngine engine;
  private final OperatorUser operator;
  private final TenantId tenantId;

  OperatorConsole(WorkspaceEngine engine, OperatorUser operator) {
    this.engine = engine;
    this.operator = operator;
    this.tenantId = operator.tenantId();
  }

  /**
   * Sets the entitlements of an occasion, from which vendor_access is resolved. Allowed even while vendor_access is
   * off (that is how it is switched on).
   */
  public CommandResult setEntitlements(String idempotencyKey, OccasionId occasionId,
      Collection<Entitlement> entitlements) {
    Checks.required("occasionId", occasionId);
    Set<Entitlement> wanted = Set.copyOf(Checks.required("entitlements", entitlements));
    String payload = "set_entitlements|" + occasionId + "|" + new TreeSet<>(wanted.stream()
        .map(Entitlement::key).toList());
    return engine.run(tenantId, idempotencyKey, operator, payload, now -> {
      AccessRequest request = operatorRequest(occasionId, IntentKind.MANAGE_ENTITLEMENTS, null);
      return new WorkspaceEngine.Prepared(request, engine.operatorFacts(tenantId, occasionId), at -> {
        Optional<OccasionEntitlements> current = engine.entitlements(tenantId, occasionId);
        OccasionEntitlements next = OccasionEntitlements.builder().tenantId(tenantId).occasionId(occasionId)
            .entitlements(wanted).version(current.map(c -> c.version() + 1).orElse(0L)).build();
        engine.storage.entitlements().save(next);
        boolean vendorAccess = engine.mapping.resolve(occasionId, wanted).vendorAccessEnabled();
        String summary = operator.label() + " set the entitlements of occasion " + occasionId + " to "
            + new TreeSet<>(wanted.stream().map(Entitlement::key).toList()) + "; vendor_access is now "
            + (vendorAccess ? "on" : "off") + ".";
        return new WorkspaceEngine.Applied(occasionId.value(), next.version(),
            engine.activity(tenantId, occasionId, null, null, ActivityKind.AUDIT_EVENT, Visibility.INTERNAL_ONLY,
                operator, summary, at),
            engine.event(tenantId, "occasion.entitlements_changed", occasionId.value(),
                Map.of("occasionId", occasionId.value(), "vendorAccess", vendorAccess, "version", next.version()),
                at));
      });
    });
  }

  /** Issues a grant in {@code pending} status; it allows nothing until activated. */
  public CommandResult issueGrant(String idempotencyKey, GrantDraft draft) {
    Checks.required("draft", draft);
    OccasionId occasionId = draft.scope().occasionId();
    String payload = "issue_grant|" + engine.json.write(Map.of("partnerId", draft.partnerId().value(),
        "members", draft.members(), "integrationPrincipal", draft.integrationPrincipal().map(Object::toString)
            .orElse(""), "scope", draft.scope(), "capabilities", TaskCommands.wire(draft.capabilities()),
        "validFrom", draft.validFrom().toString(), "validUntil", draft.validUntil().map(Instant::toString)
            .orElse("")));
    return engine.run(tenantId, idempotencyKey, operator, payload, now -> {
      requirePartner("draft.partnerId", draft.partnerId());
      AccessRequest request = operatorRequest(occasionId, IntentKind.MANAGE_GRANTS, null);
      return new WorkspaceEngine.Prepared(request, engine.operatorFacts(tenantId, occasionId), at -> {
        AccessGrant grant = AccessGrant.builder().grantId(GrantId.of(engine.ids.get())).tenantId(tenantId)
            .partnerId(draft.partnerId()).members(draft.members())
            .integrationPrincipal(draft.integrationPrincipal()).scope(draft.scope())
            .capabilities(draft.capabilities()).status(GrantStatus.PENDING).validFrom(draft.validFrom())
            .validUntil(draft.validUntil()).issuedBy(operator.userId()).build();
        engine.storage.grants().insert(grant);
        return grantApplied(grant, "issued grant " + grant.grantId() + " (pending) for partner "
            + grant.partnerId(), Visibility.INTERNAL_ONLY, "access_grant.issued", at);
      });
    });
  }

  /** Activates a pending grant, or resumes a suspended one. */
  public CommandResult activateGrant(String idempotencyKey, GrantId grantId) {
    return changeGrant(idempotencyKey, grantId, "activate", g -> g.moveTo(GrantStatus.ACTIVE), "activated",
        "access_grant.activated");
  }

  /** Suspends an active grant. */
  public CommandResult suspendGrant(String idempotencyKey, GrantId grantId) {
    return changeGrant(idempotencyKey, grantId, "suspend", g -> g.moveTo(GrantStatus.SUSPENDED), "suspended",
        "access_grant.suspended");
  }

  /** Revokes a grant for good. */
  public CommandResult revokeGrant(String idempotencyKey, GrantId grantId) {
    return changeGrant(idempotencyKey, grantId, "revoke", g -> g.moveTo(GrantStatus.REVOKED), "revoked",
        "access_grant.revoked");
  }

  /** Renews an active or expired grant with a new end of its validity window. */
  public CommandResult renewGrant(String idempotencyKey, GrantId grantId, Instant newValidUntil) {
    Checks.required("newValidUntil", newValidUntil);
    return changeGrant(idempotencyKey, grantId, "renew|" + newValidUntil, g -> g.renew(newValidUntil),
        "renewed until " + newValidUntil, "access_grant.renewed");
  }

  /** Creates a partner task in {@code to_do}. */
  public CommandResult createTask(String idempotencyKey, TaskDraft draft) {
    Checks.required("draft", draft);
    String payload = "create_task|" + draft;
    return engine.run(tenantId, idempotencyKey, operator, payload, now -> {
      requirePartner("draft.partnerId", draft.partnerId());
      for (TaskId dependency : draft.dependencies()) {
        TaskCommands.load(engine, tenantId, dependency);
      }
      AccessRequest request = operatorRequest(draft.occasionId(), IntentKind.MANAGE_TASKS, Surface.TASKS);
      return new WorkspaceEngine.Prepared(request, engine.operatorFacts(tenantId, draft.occasionId()), at -> {
        TaskId taskId = TaskId.of(engine.ids.get());
        PartnerTask task = PartnerTask.builder().taskId(taskId).tenantId(tenantId).occasionId(draft.occasionId())
            .eventId(draft.eventId()).jobId(draft.jobId()).partnerId(draft.partnerId()).assignee(draft.assignee())
            .title(draft.title()).description(draft.description()).dependencies(draft.dependencies())
            .dueAt(draft.dueAt()).createdBy(operator.userId()).build();
        engine.storage.tasks().insert(task);
        return new WorkspaceEngine.Applied(taskId.value(), task.version(),
            engine.activity(tenantId, task.occasionId(), task.partnerId(), taskId, ActivityKind.TASK,
                Visibility.PARTNER_VISIBLE, operator, operator.label() + " created task '" + task.title() + "'.", at),
            engine.event(tenantId, "partner_task.created", taskId.value(),
                Map.of("taskId", taskId.value(), "partnerId", task.partnerId().value()), at));
      });
    });
  }

  /** Assigns a task to a partner (and optionally one of its members). */
  public CommandResult assignTask(String idempotencyKey, TaskId taskId, PartnerId partnerId,
      Optional<UserId> assignee) {
    Checks.required("taskId", taskId);
    Checks.required("partnerId", partnerId);
    Checks.required("assignee", assignee);
    String payload = "assign_task|" + taskId + "|" + partnerId + "|" + assignee.map(UserId::value).orElse("");
    return engine.run(tenantId, idempotencyKey, operator, payload, now -> {
      PartnerTask task = TaskCommands.load(engine, tenantId, taskId);
      requirePartner("partnerId", partnerId);
      AccessRequest request = operatorRequest(task.occasionId(), IntentKind.MANAGE_TASKS, Surface.TASKS);
      return new WorkspaceEngine.Prepared(request, engine.operatorFacts(tenantId, task.occasionId()), at -> {
        PartnerTask assigned = ImmutablePartnerTask.copyOf(task).withPartnerId(partnerId).withAssignee(assignee)
            .withVersion(task.version() + 1);
        engine.storage.tasks().update(assigned);
        return new WorkspaceEngine.Applied(taskId.value(), assigned.version(),
            engine.activity(tenantId, task.occasionId(), partnerId, taskId, ActivityKind.TASK,
                Visibility.PARTNER_VISIBLE, operator, operator.label() + " assigned task '" + task.title()
                    + "' to partner " + partnerId + ".", at),
            engine.event(tenantId, "partner_task.assigned", taskId.value(),
                Map.of("taskId", taskId.value(), "partnerId", partnerId.value()), at));
      });
    });
  }

  /** Moves a task along the operator column of the task state machine, from whatever version is stored. */
  public CommandResult moveTask(String idempotencyKey, TaskId taskId, TaskStatus target) {
    return TaskCommands.move(engine, operator, tenantId, idempotencyKey, taskId, target, null, null);
  }

  /**
   * Moves a task only if it is still at the version the caller saw.
   *
   * @throws dev.partnerkit.spi.VersionConflictException when someone else changed the task first; nothing is written
   */
  public CommandResult moveTask(String idempotencyKey, TaskId taskId, TaskStatus target, long expectedVersion) {
    return TaskCommands.move(engine, operator, tenantId, idempotencyKey, taskId, target, expectedVersion, null);
  }

  /** Approves a submitted task: evidence accepted, job readiness untouched. */
  public CommandResult approveTask(String idempotencyKey, TaskId taskId) {
    return moveTask(idempotencyKey, taskId, TaskStatus.APPROVED);
  }

  /** Sends a submitted task back to {@code in_progress}. */
  public CommandResult sendBackTask(String idempotencyKey, TaskId taskId) {
    return moveTask(idempotencyKey, taskId, TaskStatus.IN_PROGRESS);
  }

  /**
   * Adds a note to the activity timeline of an occasion, optionally about one partner.
   *
   * @param visibility {@code internal_only} notes are never shown to partners
   */
  public CommandResult addNote(String idempotencyKey, OccasionId occasionId, Optional<PartnerId> partnerId,
      String text, Visibility visibility) {
    Checks.required("occasionId", occasionId);
    Checks.required("partnerId", partnerId);
    Checks.text("text", text, Checks.MAX_TEXT_LENGTH);
    Checks.required("visibility", visibility);
    String payload = "add_note|" + occasionId + "|" + partnerId.map(PartnerId::value).orElse("") + "|"
        + visibility.wireName() + "|" + text;
    return engine.run(tenantId, idempotencyKey, operator, payload, now -> {
      AccessRequest request = AccessRequest.contribute(operator, tenantId, occasionId, Surface.ACTIVITY)
          .internalOnly(visibility == Visibility.INTERNAL_ONLY).build();
      return new WorkspaceEngine.Prepared(request, engine.operatorFacts(tenantId, occasionId), at -> {
        ActivityEntry entry = engine.activity(tenantId, occasionId, partnerId.orElse(null), null,
            ActivityKind.COMMENT, visibility, operator, text, at);
        return new WorkspaceEngine.Applied(entry.entryId(), 0,
            entry, engine.event(tenantId, "activity.note_added", entry.entryId(),
                Map.of("entryId", entry.entryId(), "visibility", visibility.wireName()), at));
      });
    });
  }

  /** @return the occasion's tasks (operators see every partner's) */
  public ReadResult<PartnerTask> tasks(OccasionId occasionId) {
    Checks.required("occasionId", occasionId);
    AccessRequest request = AccessRequest.view(operator, tenantId, occasionId, Surface.TASKS).build();
    return engine.read(request, engine.operatorFacts(tenantId, occasionId),
        d -> engine.storage.tasks().findByOccasion(tenantId, occasionId));
  }

  /** @return one page of the occasion's activity, internal-only rows included */
  public ReadResult<ActivityEntry> activity(OccasionId occasionId, ActivityQuery page) {
    Checks.required("occasionId", occasionId);
    Checks.required("page", page);
    ActivityQuery query = dev.partnerkit.spi.ImmutableActivityQuery.copyOf(page).withOccasionId(occasionId);
    AccessRequest request = AccessRequest.view(operator, tenantId, occasionId, Surface.ACTIVITY).build();
    return engine.read(request, engine.operatorFacts(tenantId, occasionId),
        d -> engine.storage.activity().read(tenantId, query));
  }

  /** @return the tenant's most recent decisions, newest first */
  public List<DecisionRecord> recentDecisions(int limit) {
    Checks.check(limit >= 1 && limit <= 1000, "limit", "limit must be between 1 and 1000, but was " + limit);
    return engine.storage.decisions().recent(tenantId, limit);
  }

  private CommandResult changeGrant(String key, GrantId grantId, String action, UnaryOperator<AccessGrant> change,
      String pastTense, String eventType) {
    Checks.required("grantId", grantId);
    return engine.run(tenantId, key, operator, action + "_grant|" + grantId, now -> {
      AccessGrant grant = engine.storage.grants().find(tenantId, grantId).orElseThrow(() ->
          new InvalidValueException("grantId", "grantId " + Checks.show(grantId) + " is not a grant of tenant "
              + Checks.show(tenantId)));
      AccessGrant changed = change.apply(grant);
      OccasionId occasionId = grant.scope().occasionId();
      AccessRequest request = operatorRequest(occasionId, IntentKind.MANAGE_GRANTS, null);
      return new WorkspaceEngine.Prepared(request, engine.operatorFacts(tenantId, occasionId), at -> {
        engine.storage.grants().update(changed);
        return grantApplied(changed, pastTense + " grant " + grantId + " for partner " + grant.partnerId(),
            Visibility.PARTNER_VISIBLE, eventType, at);
      });
    });
  }

  private void requirePartner(String field, PartnerId partnerId) {
    if (engine.storage.directory().findPartner(tenantId, partnerId).isEmpty()) {
      throw new InvalidValueException(field, field + " " + Checks.show(partnerId)
          + " is not in the partner directory of tenant " + Checks.show(tenantId));
    }
  }

  private WorkspaceEngine.Applied grantApplied(AccessGrant grant, String what, Visibility visibility,
      String eventType, Instant at) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("grantId", grant.grantId().value());
    event.put("partnerId", grant.partnerId().value());
    event.put("status", grant.status().wireName());
    event.put("version", grant.version());
    return new WorkspaceEngine.Applied(grant.grantId().value(), grant.version(),
        engine.activity(tenantId, grant.scope().occasionId(), grant.partnerId(), null, ActivityKind.AUDIT_EVENT,
            visibility, operator, operator.label() + " " + what + ".", at),
        engine.event(tenantId, eventType, grant.grantId().value(), event, at));
  }

  private AccessRequest operatorRequest(OccasionId occasionId, IntentKind intent, @Nullable Surface surface) {
    return AccessRequest.builder().actor(operator).tenantId(tenantId).occasionId(occasionId)
        .surface(java.util.Optional.ofNullable(surface)).operation(Operation.WRITE).intent(intent).build();
  }
}
