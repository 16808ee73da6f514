package dev.partnerkit.policy.workspace;

import dev.partnerkit.domain.AccessGrant;
import dev.partnerkit.domain.AccessRequest;
import dev.partnerkit.domain.Entitlement;
import dev.partnerkit.domain.GrantId;
import dev.partnerkit.domain.GrantStatus;
import dev.partnerkit.domain.IntegrationPreset;
import dev.partnerkit.domain.IntegrationPrincipalId;
import dev.partnerkit.domain.IntentKind;
import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.domain.OccasionEntitlements;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.OperatorUser;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.Placement;
import dev.partnerkit.domain.RecordNotFoundException;
import dev.partnerkit.domain.Surface;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.Visibility;
import dev.partnerkit.domain.internal.Checks;
import dev.partnerkit.policy.surface.blockers.OperatorBlockers;
import dev.partnerkit.policy.surface.comments.OperatorComments;
import dev.partnerkit.policy.surface.documents.OperatorDocuments;
import dev.partnerkit.policy.surface.annotations.OperatorAnnotations;
import dev.partnerkit.policy.surface.approvals.OperatorApprovals;
import dev.partnerkit.policy.surface.runofshow.OperatorRunOfShow;
import dev.partnerkit.policy.surface.tasks.OperatorTasks;
import dev.partnerkit.spi.ActivityEntry;
import dev.partnerkit.spi.ActivityKind;
import dev.partnerkit.spi.ActivityQuery;
import dev.partnerkit.spi.DecisionRecord;
import dev.partnerkit.spi.ImmutableActivityQuery;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * Operator-side commands and reads, acting as one operator user in its tenant. Every command takes an idempotency
 * key, is decided by the core (product scope, operator role, the record type's lifecycle), and is committed
 * atomically with its activity entry, decision-log row and outbox event; a blocked command writes only its
 * decision-log row (and its idempotency record). Surfaces hang off it: {@link #tasks()}, {@link #documents()},
 * {@link #comments()}, {@link #blockers()}, {@link #runOfShow()}, {@link #approvals()}, {@link #annotations()}; the
 * generic kernel is {@link #records()}.
 */
public final class OperatorConsole {
  private final WorkspaceEngine engine;
  private final OperatorUser operator;
  private final Acting acting;
  private final TenantId tenantId;

  OperatorConsole(WorkspaceEngine engine, OperatorUser operator) {
    this.engine = engine;
    this.operator = operator;
    this.acting = Acting.operator(operator);
    this.tenantId = operator.tenantId();
  }

  /** @return the tasks surface: create, assign, move, approve and send back partner tasks, and read them */
  public OperatorTasks tasks() {
    return OperatorTasks.over(records());
  }

  /**
   * @return the partner directory and its economics (referrals, commissions, bulk status, hero metrics, activity
   *     backfill), event invite metrics and the plan quotas, for this operator
   */
  public OperatorEconomics economics() {
    return new OperatorEconomics(engine, operator);
  }

  /** @return the documents surface: register, link, upload, tag, share and read partner documents */
  public OperatorDocuments documents() {
    return OperatorDocuments.over(records());
  }

  /** @return the comments surface: threads, comments, mentions and reactions, internal-only ones included */
  public OperatorComments comments() {
    return OperatorComments.over(records());
  }

  /** @return the blockers surface: the host's readiness blockers, assignments and waivers, and partner responses */
  public OperatorBlockers blockers() {
    return OperatorBlockers.over(records());
  }

  /** @return the run-of-show surface: open runs of show, propose, publish and decline versions, ask for approval */
  public OperatorRunOfShow runOfShow() {
    return OperatorRunOfShow.over(records(), lookup());
  }

  /** @return the approvals surface: ask for approval of exact versions, review requests and their decisions */
  public OperatorApprovals approvals() {
    return OperatorApprovals.over(records(), lookup());
  }

  /** @return the annotations surface: annotate exact versions, resolve, dismiss and reopen annotations */
  public OperatorAnnotations annotations() {
    return OperatorAnnotations.over(records(), lookup());
  }

  private RecordLookup lookup() {
    return new RecordLookup(engine, tenantId);
  }

  /** @return the record kernel's commands and reads for this operator, for every record type */
  public RecordCommands records() {
    return new RecordCommands(engine, acting, null);
  }

  /**
   * Vendor management, made from one occasion: partners, memberships and integration principals are tenant-wide, but
   * vendor_access is decided per occasion (seed: "planner-side vendor-management mutations are blocked" where it is
   * off), so every directory command names the occasion it is made from. Safety actions work whatever it says.
   *
   * @param occasionId the occasion whose vendor_access gates the mutations
   * @return the directory commands and reads
   */
  public DirectoryCommands directory(OccasionId occasionId) {
    return new DirectoryCommands(engine, operator, Checks.required("occasionId", occasionId));
  }

  /**
   * Sets the entitlements of an occasion, from which vendor_access is resolved. Allowed even while vendor_access is
   * off (that is how it is switched on).
   */
  public CommandResult setEntitlements(String idempotencyKey, OccasionId occasionId,
      Collection<Entitlement> entitlements) {
    Checks.required("occasionId", occasionId);
    Set<Entitlement> wanted = Set.copyOf(Checks.required("entitlements", entitlements));
    Set<String> keys = new TreeSet<>(wanted.stream().map(Entitlement::key).toList());
    Map<String, Object> payload = Map.of("command", "set_entitlements", "occasionId", occasionId,
        "entitlements", keys);
    return engine.run(tenantId, idempotencyKey, acting, payload, now -> {
      AccessRequest request = operatorRequest(occasionId, IntentKind.MANAGE_ENTITLEMENTS);
      return new WorkspaceEngine.Prepared(request, engine.operatorFacts(tenantId, occasionId, null), at -> {
        Optional<OccasionEntitlements> current = engine.entitlements(tenantId, occasionId);
        OccasionEntitlements next = OccasionEntitlements.builder().tenantId(tenantId).occasionId(occasionId)
            .entitlements(wanted).version(current.map(c -> c.version() + 1).orElse(0L)).build();
        engine.storage.entitlements().save(next);
        boolean vendorAccess = engine.mapping.resolve(occasionId, wanted).vendorAccessEnabled();
        String summary = operator.label() + " set the entitlements of occasion " + occasionId + " to " + keys
            + "; vendor_access is now " + (vendorAccess ? "on" : "off") + ".";
        return new WorkspaceEngine.Applied(occasionId.value(), next.version(),
            engine.activity(tenantId, Placement.inOccasion(occasionId), null, ActivityKind.AUDIT_EVENT,
                Visibility.INTERNAL_ONLY, operator, summary, "occasion.entitlements_changed", at),
            engine.event(tenantId, "occasion.entitlements_changed", occasionId.value(),
                Map.of("occasionId", occasionId.value(), "vendorAccess", vendorAccess, "version", next.version()),
                at));
      });
    });
  }

  /**
   * Issues a grant for partner members in {@code pending} status; it allows nothing until activated. An integration
   * principal's grant is issued from a preset instead ({@link #issuePresetGrant}), so that going past the preset
   * always takes an explicit, journaled override.
   *
   * @throws InvalidValueException when the draft names an integration principal; nothing is written
   * @throws RecordNotFoundException when the draft's partner is not in the tenant's partner directory
   */
  public CommandResult issueGrant(String idempotencyKey, GrantDraft draft) {
    Checks.required("draft", draft);
    draft.integrationPrincipal().ifPresent(p -> {
      throw new InvalidValueException("draft.integrationPrincipal", "draft.integrationPrincipal names " + p
          + ": an integration principal's grant is issued from a preset with issuePresetGrant (narrow it freely;"
          + " going past it takes an override with a reason, which is journaled)");
    });
    return issue(idempotencyKey, draft, Map.of("command", "issue_grant", "draft", draft), "", Map.of());
  }

  /**
   * Issues an integration principal's grant from a least-privilege preset, in {@code pending} status. The draft
   * must be for an integration principal of the draft's partner and may narrow the preset (fewer surfaces,
   * capabilities or data classes, fewer events, single resources, a shorter window); a draft that goes past it
   * ({@link IntegrationPreset#widenings}) is refused unless {@code overrideReason} says why, and then the override —
   * every widening and the reason — is journaled with the grant (activity entry and outbox event). Classes
   * forbidden to integrations are refused whatever the override says.
   *
   * @param preset the preset the grant is issued from
   * @param draft the grant; build its scope from {@link IntegrationPreset#scope} and narrow it
   * @param overrideReason empty to stay inside the preset; otherwise why the grant goes past it
   * @throws InvalidValueException naming the field that widens the preset when there is no override, or when the
   *     draft is for no integration principal
   * @throws RecordNotFoundException when the partner or the principal is not in the tenant's directory
   */
  public CommandResult issuePresetGrant(String idempotencyKey, IntegrationPreset preset, GrantDraft draft,
      Optional<String> overrideReason) {
    Checks.required("preset", preset);
    Checks.required("draft", draft);
    Checks.required("overrideReason", overrideReason);
    overrideReason.ifPresent(r -> Checks.text("overrideReason", r, Checks.MAX_NAME_LENGTH));
    IntegrationPrincipalId principalId = draft.integrationPrincipal().orElseThrow(() -> new InvalidValueException(
        "draft.integrationPrincipal", "draft.integrationPrincipal is required for a grant from the "
            + preset.wireName() + " preset, but was empty"));
    List<String> widenings = preset.widenings(draft.scope(), draft.capabilities());
    if (!widenings.isEmpty() && overrideReason.isEmpty()) {
      String field = widenings.get(0).split("[: ]", 2)[0];
      throw new InvalidValueException("draft." + field, "draft." + field + " goes past the " + preset.wireName()
          + " preset (" + String.join("; ", widenings) + "); narrow it, or pass an override with a reason");
    }
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("command", "issue_preset_grant");
    payload.put("preset", preset);
    payload.put("draft", draft);
    payload.put("overrideReason", overrideReason.orElse(""));
    String note = " from the " + preset.wireName() + " preset" + (widenings.isEmpty() ? "" : ", widened past it by"
        + " override (" + String.join("; ", widenings) + "; reason: " + overrideReason.orElseThrow() + ")");
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("preset", preset.wireName());
    extra.put("principalId", principalId.value());
    if (!widenings.isEmpty()) {
      extra.put("override", Map.of("widenings", widenings, "reason", overrideReason.orElseThrow()));
    }
    return issue(idempotencyKey, draft, payload, note, extra, () -> engine.storage.directory()
        .findPrincipal(tenantId, principalId).filter(p -> p.partnerId().equals(draft.partnerId()))
        .orElseThrow(() -> new RecordNotFoundException("draft.integrationPrincipal", "integration principal",
            principalId.value())));
  }

  private CommandResult issue(String idempotencyKey, GrantDraft draft, Map<String, Object> payload, String note,
      Map<String, Object> eventExtra) {
    return issue(idempotencyKey, draft, payload, note, eventExtra, () -> { });
  }

  private CommandResult issue(String idempotencyKey, GrantDraft draft, Map<String, Object> payload, String note,
      Map<String, Object> eventExtra, Runnable check) {
    OccasionId occasionId = draft.scope().occasionId();
    return engine.run(tenantId, idempotencyKey, acting, payload, now -> {
      requirePartner("draft.partnerId", draft.partnerId());
      check.run();
      AccessRequest request = operatorRequest(occasionId, IntentKind.MANAGE_GRANTS);
      return new WorkspaceEngine.Prepared(request, engine.operatorFacts(tenantId, occasionId, null), at -> {
        AccessGrant grant = AccessGrant.builder().grantId(GrantId.of(engine.ids.get())).tenantId(tenantId)
            .partnerId(draft.partnerId()).members(draft.members())
            .integrationPrincipal(draft.integrationPrincipal()).scope(draft.scope())
            .capabilities(draft.capabilities()).status(GrantStatus.PENDING).validFrom(draft.validFrom())
            .validUntil(draft.validUntil()).issuedBy(operator.userId()).build();
        engine.storage.grants().insert(grant);
        return grantApplied(grant, "issued grant " + grant.grantId() + " (pending) for partner "
            + grant.partnerId() + note, Visibility.INTERNAL_ONLY, "access_grant.issued", eventExtra, at);
      });
    });
  }

  /**
   * Activates a pending grant, or resumes a suspended one.
   *
   * @throws RecordNotFoundException when the tenant has no grant {@code grantId} (so do suspend, revoke and renew)
   */
  public CommandResult activateGrant(String idempotencyKey, GrantId grantId) {
    return changeGrant(idempotencyKey, grantId, "activate", Map.of(), g -> g.moveTo(GrantStatus.ACTIVE),
        "activated", "access_grant.activated", IntentKind.MANAGE_GRANTS);
  }

  /** Suspends an active grant: a safety action, never gated by product scope. */
  public CommandResult suspendGrant(String idempotencyKey, GrantId grantId) {
    return changeGrant(idempotencyKey, grantId, "suspend", Map.of(), g -> g.moveTo(GrantStatus.SUSPENDED),
        "suspended", "access_grant.suspended", IntentKind.REVOKE_ACCESS);
  }

  /** Revokes a grant for good: a safety action, never gated by product scope. */
  public CommandResult revokeGrant(String idempotencyKey, GrantId grantId) {
    return changeGrant(idempotencyKey, grantId, "revoke", Map.of(), g -> g.moveTo(GrantStatus.REVOKED), "revoked",
        "access_grant.revoked", IntentKind.REVOKE_ACCESS);
  }

  /** Renews an active or expired grant with a new end of its validity window (kept to microseconds). */
  public CommandResult renewGrant(String idempotencyKey, GrantId grantId, Instant newValidUntil) {
    Instant until = Checks.required("newValidUntil", newValidUntil).truncatedTo(ChronoUnit.MICROS);
    return changeGrant(idempotencyKey, grantId, "renew", Map.of("validUntil", until), g -> g.renew(until),
        "renewed until " + until, "access_grant.renewed", IntentKind.MANAGE_GRANTS);
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
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("command", "add_note");
    payload.put("occasionId", occasionId);
    payload.put("partnerId", partnerId.map(PartnerId::value).orElse(""));
    payload.put("visibility", visibility);
    payload.put("text", text);
    return engine.run(tenantId, idempotencyKey, acting, payload, now -> {
      AccessRequest request = AccessRequest.contribute(operator, tenantId, occasionId, Surface.ACTIVITY)
          .internalOnly(visibility == Visibility.INTERNAL_ONLY).build();
      return new WorkspaceEngine.Prepared(request, engine.operatorFacts(tenantId, occasionId, null), at -> {
        ActivityEntry entry = engine.activity(tenantId, Placement.builder().occasionId(occasionId)
                .partnerId(partnerId).build(), null, ActivityKind.COMMENT, visibility, operator, text,
            "activity.note_added", at);
        return new WorkspaceEngine.Applied(entry.entryId(), 0,
            entry, engine.event(tenantId, "activity.note_added", entry.entryId(),
                Map.of("entryId", entry.entryId(), "visibility", visibility.wireName()), at));
      });
    });
  }

  /** @return one page of the occasion's activity, internal-only rows included */
  public ReadResult<ActivityEntry> activity(OccasionId occasionId, ActivityQuery page) {
    Checks.required("occasionId", occasionId);
    Checks.required("page", page);
    ActivityQuery query = ImmutableActivityQuery.copyOf(page).withOccasionId(occasionId);
    AccessRequest request = AccessRequest.view(operator, tenantId, occasionId, Surface.ACTIVITY).build();
    return engine.read(request, () -> engine.operatorFacts(tenantId, occasionId, null),
        d -> WorkspaceEngine.Page.of(engine.storage.activity().read(tenantId, query)));
  }

  /** @return the tenant's most recent decisions, newest first */
  public List<DecisionRecord> recentDecisions(int limit) {
    Checks.check(limit >= 1 && limit <= 1000, "limit", "limit must be between 1 and 1000, but was " + limit);
    return engine.storage.decisions().recent(tenantId, limit);
  }

  private CommandResult changeGrant(String key, GrantId grantId, String action, Map<String, ?> details,
      UnaryOperator<AccessGrant> change, String pastTense, String eventType, IntentKind intent) {
    Checks.required("grantId", grantId);
    Map<String, Object> payload = new LinkedHashMap<>(details);
    payload.put("command", action + "_grant");
    payload.put("grantId", grantId);
    return engine.run(tenantId, key, acting, payload, now -> {
      AccessGrant grant = engine.storage.grants().find(tenantId, grantId).orElseThrow(() ->
          new RecordNotFoundException("grantId", "grant", grantId.value()));
      AccessGrant changed = change.apply(grant);
      OccasionId occasionId = grant.scope().occasionId();
      AccessRequest request = operatorRequest(occasionId, intent);
      return new WorkspaceEngine.Prepared(request, engine.operatorFacts(tenantId, occasionId, null), at -> {
        engine.storage.grants().update(changed);
        return grantApplied(changed, pastTense + " grant " + grantId + " for partner " + grant.partnerId(),
            Visibility.PARTNER_VISIBLE, eventType, Map.of(), at);
      });
    });
  }

  private void requirePartner(String field, PartnerId partnerId) {
    if (engine.storage.directory().findPartner(tenantId, partnerId).isEmpty()) {
      throw new RecordNotFoundException(field, "partner", Checks.show(partnerId),
          "save it with DirectoryStore.savePartner first");
    }
  }

  private WorkspaceEngine.Applied grantApplied(AccessGrant grant, String what, Visibility visibility,
      String eventType, Map<String, Object> extra, Instant at) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("grantId", grant.grantId().value());
    event.put("partnerId", grant.partnerId().value());
    event.put("status", grant.status().wireName());
    event.put("version", grant.version());
    event.putAll(extra);
    Placement placement = Placement.builder().occasionId(grant.scope().occasionId()).partnerId(grant.partnerId())
        .build();
    return new WorkspaceEngine.Applied(grant.grantId().value(), grant.version(),
        engine.activity(tenantId, placement, null, ActivityKind.AUDIT_EVENT, visibility, operator,
            operator.label() + " " + what + ".", eventType, at),
        engine.event(tenantId, eventType, grant.grantId().value(), event, at));
  }

  private AccessRequest operatorRequest(OccasionId occasionId, IntentKind intent) {
    return AccessRequest.builder().actor(operator).tenantId(tenantId).occasionId(occasionId).intent(intent).build();
  }
}
