package dev.partnerkit.policy.workspace;

import dev.partnerkit.domain.AccessRequest;
import dev.partnerkit.domain.ImmutableIntegrationPrincipal;
import dev.partnerkit.domain.ImmutablePartner;
import dev.partnerkit.domain.IntegrationPrincipal;
import dev.partnerkit.domain.IntegrationPrincipalId;
import dev.partnerkit.domain.IntentKind;
import dev.partnerkit.domain.MembershipRole;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.OperatorUser;
import dev.partnerkit.domain.Partner;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.PartnerMember;
import dev.partnerkit.domain.PartnerStatus;
import dev.partnerkit.domain.Placement;
import dev.partnerkit.domain.RecordNotFoundException;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.UserId;
import dev.partnerkit.domain.Visibility;
import dev.partnerkit.domain.internal.Checks;
import dev.partnerkit.spi.ActivityKind;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The operator's vendor management (seed: planner-side vendor management), made from one occasion whose
 * vendor_access gates the mutations: partners, their members (invite, resend, remove, change role and flags) and
 * their integration principals (create, enable, disable, give and withdraw write access). Every command is decided,
 * journaled and idempotent. With vendor_access off, mutations are blocked as unavailable product scope, reads keep
 * working, and the safety actions — removing a member, disabling a principal, withdrawing its write access,
 * deactivating a partner — always work.
 */
public final class DirectoryCommands {
  private final WorkspaceEngine engine;
  private final OperatorUser operator;
  private final Acting acting;
  private final TenantId tenantId;
  private final OccasionId occasionId;

  DirectoryCommands(WorkspaceEngine engine, OperatorUser operator, OccasionId occasionId) {
    this.engine = engine;
    this.operator = operator;
    this.acting = Acting.operator(operator);
    this.tenantId = operator.tenantId();
    this.occasionId = occasionId;
  }

  /** @return the webhook endpoints of the tenant's integration principals, managed from this occasion */
  public WebhookCommands webhooks() {
    return new WebhookCommands(engine, operator, occasionId);
  }

  /** Adds a partner to the directory, active. */
  public CommandResult createPartner(String idempotencyKey, PartnerDraft draft) {
    Checks.required("draft", draft);
    return engine.run(tenantId, idempotencyKey, acting, payload("create_partner", draft), now -> {
      Partner partner = Partner.builder().tenantId(tenantId).partnerId(draft.partnerId()).name(draft.name())
          .kind(draft.kind()).tier(draft.tier()).region(draft.region()).ownerUserId(draft.ownerUserId()).build();
      return prepared(IntentKind.MANAGE_DIRECTORY, at -> {
        engine.storage.directory().insertPartner(partner);
        return partnerApplied(partner, "created", "added partner " + partner.name() + " to the directory", at);
      });
    });
  }

  /** Edits a partner's name, kind, tier, region and owner (its status is {@link #setPartnerStatus}). */
  public CommandResult editPartner(String idempotencyKey, PartnerDraft draft) {
    Checks.required("draft", draft);
    return changePartner(idempotencyKey, draft.partnerId(), payload("edit_partner", draft), IntentKind.MANAGE_DIRECTORY,
        p -> ImmutablePartner.copyOf(p).withName(draft.name()).withKind(draft.kind()).withTier(draft.tier())
            .withRegion(draft.region()).withOwnerUserId(draft.ownerUserId()), "edited", "edited partner");
  }

  /**
   * Sets a partner's status. Deactivating is a safety action (its people and machines resolve to nothing at once),
   * never gated by product scope; activating is vendor management.
   */
  public CommandResult setPartnerStatus(String idempotencyKey, PartnerId partnerId, PartnerStatus status) {
    Checks.required("partnerId", partnerId);
    Checks.required("status", status);
    Map<String, Object> payload = payload("set_partner_status", partnerId);
    payload.put("status", status);
    return changePartner(idempotencyKey, partnerId, payload, status == PartnerStatus.INACTIVE
        ? IntentKind.REVOKE_ACCESS : IntentKind.MANAGE_DIRECTORY, p -> ImmutablePartner.copyOf(p).withStatus(status),
        "status_changed", "set the status of partner to " + status.wireName() + ":");
  }

  /** @return the partner */
  public Partner partner(PartnerId partnerId) {
    Checks.required("partnerId", partnerId);
    return engine.storage.unitOfWork().inTransaction(() -> engine.storage.directory().findPartner(tenantId, partnerId))
        .orElseThrow(() -> new RecordNotFoundException("partnerId", "partner", partnerId.value()));
  }

  /** Invites a person into a partner. */
  public CommandResult inviteMember(String idempotencyKey, MemberInvite invite) {
    return Memberships.invite(engine, idempotencyKey, acting, occasionId, invite);
  }

  /** Sends an open invitation again, acceptable until {@code expiresAt} (or 14 days from now). */
  public CommandResult resendInvitation(String idempotencyKey, PartnerId partnerId, UserId userId,
      Optional<Instant> expiresAt) {
    Checks.required("partnerId", partnerId);
    Checks.required("userId", userId);
    Checks.required("expiresAt", expiresAt);
    return Memberships.resend(engine, idempotencyKey, acting, occasionId, partnerId, userId, expiresAt);
  }

  /** Removes a member, or withdraws an open invitation: a safety action that always works. */
  public CommandResult removeMember(String idempotencyKey, PartnerId partnerId, UserId userId) {
    Checks.required("partnerId", partnerId);
    Checks.required("userId", userId);
    return Memberships.remove(engine, idempotencyKey, acting, occasionId, partnerId, userId);
  }

  /** Changes a member's role and flags. */
  public CommandResult changeMember(String idempotencyKey, PartnerId partnerId, UserId userId, MembershipRole role,
      boolean canInvite, boolean canViewMetrics, boolean canManageEvents) {
    Checks.required("partnerId", partnerId);
    Checks.required("userId", userId);
    return Memberships.change(engine, idempotencyKey, acting, occasionId, partnerId, userId, role, canInvite,
        canViewMetrics, canManageEvents);
  }

  /** @return the partner's memberships in every status, ordered by user id */
  public List<PartnerMember> members(PartnerId partnerId) {
    Checks.required("partnerId", partnerId);
    return engine.storage.unitOfWork().inTransaction(() -> engine.storage.directory().listMembers(tenantId,
        partnerId));
  }

  /** Creates an integration principal for a partner: enabled, read-only. */
  public CommandResult createPrincipal(String idempotencyKey, PrincipalDraft draft) {
    Checks.required("draft", draft);
    return engine.run(tenantId, idempotencyKey, acting, payload("create_principal", draft), now -> {
      Memberships.requirePartner(engine, tenantId, draft.partnerId());
      IntegrationPrincipal principal = IntegrationPrincipal.builder().tenantId(tenantId)
          .principalId(draft.principalId()).partnerId(draft.partnerId()).name(draft.name())
          .triggers(draft.triggers()).build();
      return prepared(IntentKind.MANAGE_DIRECTORY, at -> {
        engine.storage.directory().insertPrincipal(principal);
        return principalApplied(principal, "created", "created the integration principal " + principal.name()
            + " (read-only)", at);
      });
    });
  }

  /** Enables a principal again. */
  public CommandResult enablePrincipal(String idempotencyKey, IntegrationPrincipalId principalId) {
    return changePrincipal(idempotencyKey, principalId, "enable_principal", IntentKind.MANAGE_DIRECTORY,
        p -> ImmutableIntegrationPrincipal.copyOf(p).withEnabled(true), "enabled", "enabled");
  }

  /** Disables a principal: a safety action that always works; its very next call is blocked. */
  public CommandResult disablePrincipal(String idempotencyKey, IntegrationPrincipalId principalId) {
    return changePrincipal(idempotencyKey, principalId, "disable_principal", IntentKind.REVOKE_ACCESS,
        p -> ImmutableIntegrationPrincipal.copyOf(p).withEnabled(false), "disabled", "disabled");
  }

  /** Gives a principal write access (it stays bound by its grants). */
  public CommandResult grantWriteAccess(String idempotencyKey, IntegrationPrincipalId principalId) {
    return changePrincipal(idempotencyKey, principalId, "grant_write_access", IntentKind.MANAGE_DIRECTORY,
        p -> ImmutableIntegrationPrincipal.copyOf(p).withWriteEnabled(true), "write_access_granted",
        "gave write access to");
  }

  /** Withdraws a principal's write access: a safety action that always works. */
  public CommandResult withdrawWriteAccess(String idempotencyKey, IntegrationPrincipalId principalId) {
    return changePrincipal(idempotencyKey, principalId, "withdraw_write_access", IntentKind.REVOKE_ACCESS,
        p -> ImmutableIntegrationPrincipal.copyOf(p).withWriteEnabled(false), "write_access_withdrawn",
        "withdrew write access from");
  }

  /** @return the partner's integration principals, ordered by id */
  public List<IntegrationPrincipal> principals(PartnerId partnerId) {
    Checks.required("partnerId", partnerId);
    return engine.storage.unitOfWork().inTransaction(() -> engine.storage.directory().listPrincipals(tenantId,
        partnerId));
  }

  private CommandResult changePartner(String key, PartnerId partnerId, Map<String, Object> payload, IntentKind intent,
      UnaryOperator<Partner> edit, String verb, String what) {
    return engine.run(tenantId, key, acting, payload, now -> {
      Partner stored = engine.storage.directory().findPartner(tenantId, partnerId).orElseThrow(() ->
          new RecordNotFoundException("partnerId", "partner", partnerId.value()));
      Partner changed = ImmutablePartner.copyOf(edit.apply(stored)).withVersion(stored.version() + 1);
      return prepared(intent, at -> {
        engine.storage.directory().updatePartner(changed);
        return partnerApplied(changed, verb, what + " " + changed.name(), at);
      });
    });
  }

  private CommandResult changePrincipal(String key, IntegrationPrincipalId principalId, String command,
      IntentKind intent, UnaryOperator<IntegrationPrincipal> edit, String verb, String what) {
    Checks.required("principalId", principalId);
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("command", command);
    payload.put("principalId", principalId);
    return engine.run(tenantId, key, acting, payload, now -> {
      IntegrationPrincipal stored = engine.storage.directory().findPrincipal(tenantId, principalId).orElseThrow(() ->
          new RecordNotFoundException("principalId", "integration principal", principalId.value()));
      IntegrationPrincipal changed = ImmutableIntegrationPrincipal.copyOf(edit.apply(stored))
          .withVersion(stored.version() + 1);
      return prepared(intent, at -> {
        engine.storage.directory().updatePrincipal(changed);
        return principalApplied(changed, verb, what + " the integration principal " + changed.name(), at);
      });
    });
  }

  private WorkspaceEngine.Prepared prepared(IntentKind intent, WorkspaceEngine.Change change) {
    AccessRequest request = AccessRequest.builder().actor(operator).tenantId(tenantId).occasionId(occasionId)
        .intent(intent).build();
    return new WorkspaceEngine.Prepared(request, engine.operatorFacts(tenantId, occasionId, null), change);
  }

  private WorkspaceEngine.Applied partnerApplied(Partner partner, String verb, String what, Instant at) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("partnerId", partner.partnerId().value());
    event.put("status", partner.status().wireName());
    event.put("version", partner.version());
    return applied(partner.partnerId(), partner.partnerId().value(), partner.version(), "partner." + verb, what,
        event, at);
  }

  private WorkspaceEngine.Applied principalApplied(IntegrationPrincipal principal, String verb, String what,
      Instant at) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("principalId", principal.principalId().value());
    event.put("partnerId", principal.partnerId().value());
    event.put("enabled", principal.enabled());
    event.put("writeEnabled", principal.writeEnabled());
    event.put("version", principal.version());
    return applied(principal.partnerId(), principal.principalId().value(), principal.version(),
        "integration_principal." + verb, what, event, at);
  }

  private WorkspaceEngine.Applied applied(PartnerId partnerId, String id, long version, String eventType,
      String what, Map<String, Object> event, Instant at) {
    return new WorkspaceEngine.Applied(id, version,
        engine.activity(tenantId, Placement.builder().occasionId(occasionId).partnerId(partnerId).build(), null,
            ActivityKind.AUDIT_EVENT, Visibility.INTERNAL_ONLY, operator, operator.label() + " " + what + ".",
            eventType, at),
        engine.event(tenantId, eventType, id, event, at));
  }

  private Map<String, Object> payload(String command, Object subject) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("command", command);
    payload.put("subject", subject);
    payload.put("occasionId", occasionId);
    return payload;
  }
}
