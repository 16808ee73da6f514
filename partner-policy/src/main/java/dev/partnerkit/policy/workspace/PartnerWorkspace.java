package dev.partnerkit.policy.workspace;

import dev.partnerkit.domain.AccessRequest;
import dev.partnerkit.domain.Actor;
import dev.partnerkit.domain.ActorKind;
import dev.partnerkit.domain.Decision;
import dev.partnerkit.domain.EntitlementMapping;
import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.OperatorUser;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.IntegrationPrincipal;
import dev.partnerkit.domain.IntegrationPrincipalId;
import dev.partnerkit.domain.MembershipRole;
import dev.partnerkit.domain.MembershipStatus;
import dev.partnerkit.domain.Partner;
import dev.partnerkit.domain.PartnerMember;
import dev.partnerkit.domain.RecordType;
import dev.partnerkit.domain.UserId;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.internal.Checks;
import dev.partnerkit.spi.PartnerkitStorage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The front door of Partnerkit for a host application: operator commands through {@link #operator(OperatorUser)},
 * partner work through a {@link PartnerSession} that is only opened after an active grant is verified.
 *
 * <pre>{@code
 * PartnerWorkspace workspace = PartnerWorkspace.builder()
 *     .storage(JdbcStorage.builder(dataSource).build())   // or InMemoryStorage.create()
 *     .clock(Clock.systemUTC())
 *     .build();
 * CommandResult r = workspace.operator(maya).activateGrant("cmd-41", grantId);
 * PartnerSessionOpening opening = workspace.openPartnerSession(tenantId, danaUserId, acmeId, occasionId);
 * opening.session().ifPresent(s -> s.tasks().move("cmd-42", taskId, TaskStatus.IN_PROGRESS));
 * }</pre>
 *
 * Thread-safe: one instance serves the whole host.
 */
public final class PartnerWorkspace {
  private final WorkspaceEngine engine;

  private PartnerWorkspace(WorkspaceEngine engine) {
    this.engine = engine;
  }

  /** @return a builder; storage and clock are required */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @param operator an authenticated operator user (the host authenticates)
   * @return the operator-side commands and reads, acting as {@code operator} in its tenant
   */
  public OperatorConsole operator(OperatorUser operator) {
    Checks.required("operator", operator);
    return new OperatorConsole(engine, operator);
  }

  /**
   * Opens a partner portal session for a person, by the ids the host authenticated: the person, the partner they act
   * for, the tenant whose portal they enter and the occasion. The membership is loaded from the store (never taken
   * from the caller): the session opens only when it is active in that tenant and an active grant of the partner
   * covers the person and the occasion; otherwise the partner sees nothing and the opening explains why. The decision
   * is logged either way. Every later call of the session loads the membership again, so removing the member blocks
   * the very next call.
   *
   * @return the decision and, when allowed, the session
   */
  public PartnerSessionOpening openPartnerSession(TenantId tenantId, UserId userId, PartnerId partnerId,
      OccasionId occasionId) {
    Checks.required("tenantId", tenantId);
    Checks.required("userId", userId);
    Checks.required("partnerId", partnerId);
    Checks.required("occasionId", occasionId);
    return open(Acting.member(tenantId, partnerId, userId), occasionId);
  }

  /**
   * Opens a session for an integration principal (a partner's machine identity), by the id the host authenticated.
   * Like a person's session, it opens only for an enabled, stored principal of the tenant under an active grant that
   * names it, and every later call loads the principal again.
   *
   * @return the decision and, when allowed, the session
   * @throws dev.partnerkit.domain.RecordNotFoundException when the tenant has no such principal
   */
  public PartnerSessionOpening openIntegrationSession(TenantId tenantId, IntegrationPrincipalId principalId,
      OccasionId occasionId) {
    Checks.required("tenantId", tenantId);
    Checks.required("principalId", principalId);
    Checks.required("occasionId", occasionId);
    IntegrationPrincipal stored = engine.storage.unitOfWork().inTransaction(() -> engine.storage.directory()
        .findPrincipal(tenantId, principalId)).orElseThrow(() -> new dev.partnerkit.domain.RecordNotFoundException(
            "principalId", "integration principal", principalId.value()));
    return open(Acting.principal(tenantId, stored.partnerId(), principalId), occasionId);
  }

  private PartnerSessionOpening open(Acting acting, OccasionId occasionId) {
    PartnerId partnerId = acting.partner().orElseThrow();
    Decision decision = engine.storage.unitOfWork().inTransaction(() -> engine.decideAndLog(
        AccessRequest.openOccasion(engine.actor(acting), acting.tenantId, occasionId).build(),
        () -> engine.partnerFacts(acting.tenantId, occasionId, partnerId, null)));
    return new PartnerSessionOpening(decision, decision.allowed() ? new PartnerSession(engine, acting, occasionId)
        : null);
  }

  /**
   * Accepts the person's open invitation to a partner (invited becomes active), decided in the occasion the invitation
   * was sent from (its vendor_access) and refused when the invitation expired, was withdrawn or was accepted already.
   * Idempotent like every command.
   *
   * @return the outcome; {@link CommandResult#recordId()} is {@code partnerId/userId}
   */
  public CommandResult acceptInvitation(String idempotencyKey, TenantId tenantId, UserId userId,
      PartnerId partnerId) {
    Checks.required("tenantId", tenantId);
    Checks.required("userId", userId);
    Checks.required("partnerId", partnerId);
    return Memberships.accept(engine, idempotencyKey, Acting.member(tenantId, partnerId, userId));
  }

  /**
   * @return the partners the person may manage in the tenant: those where they hold an active membership as owner or
   *     manager, ordered by partner id (a person may manage several partners; a partner may have several managers)
   */
  public List<Partner> partnersManagedBy(TenantId tenantId, UserId userId) {
    Checks.required("tenantId", tenantId);
    Checks.required("userId", userId);
    return engine.storage.unitOfWork().inTransaction(() -> {
      List<Partner> out = new ArrayList<>();
      for (PartnerMember m : engine.storage.directory().membershipsOf(tenantId, userId)) {
        if (m.status() == MembershipStatus.ACTIVE && m.membershipRole() != MembershipRole.MEMBER) {
          engine.storage.directory().findPartner(tenantId, m.partnerId()).ifPresent(out::add);
        }
      }
      return out;
    });
  }

  /** @return the purge of journal rows past their age, over this workspace's storage, clock and metrics */
  public Retention retention() {
    return new Retention(engine);
  }

  /** @return where the host publishes its business events into the outbox, in its own unit of work */
  public EventPublisher events() {
    return new EventPublisher(engine);
  }

  /**
   * @return a builder of a webhook relay over this workspace's storage and decision core; run as many as you like,
   *     on as many instances
   */
  public WebhookRelay.Builder webhookRelay() {
    return WebhookRelay.builder(engine);
  }

  /** Builds a {@link PartnerWorkspace}: SPI instances and a clock are handed in; nothing is discovered. */
  public static final class Builder {
    private @Nullable PartnerkitStorage storage;
    private @Nullable Clock clock;
    private EntitlementMapping mapping = EntitlementMapping.defaults();
    private Supplier<String> ids = () -> UUID.randomUUID().toString();
    private final List<RecordType<?, ?>> types = new ArrayList<>(RecordTypes.builtIn());
    private PartnerkitMetrics metrics = PartnerkitMetrics.NONE;

    private Builder() {}

    /** @param storage every store and the unit of work they share (required) */
    public Builder storage(PartnerkitStorage storage) {
      this.storage = Checks.required("storage", storage);
      return this;
    }

    /** @param clock the clock every decision and record is stamped with (required) */
    public Builder clock(Clock clock) {
      this.clock = Checks.required("clock", clock);
      return this;
    }

    /** @param mapping how entitlements resolve into product capabilities; default {@link EntitlementMapping#defaults()} */
    public Builder entitlementMapping(EntitlementMapping mapping) {
      this.mapping = Checks.required("entitlementMapping", mapping);
      return this;
    }

    /** @param ids generator of record ids (activity, decision log, outbox, grants, tasks); default random UUIDs */
    public Builder idGenerator(Supplier<String> ids) {
      this.ids = Checks.required("idGenerator", ids);
      return this;
    }

    /**
     * @param type a host's own record type, served by {@link RecordCommands} like the built-in surfaces' types
     * @return this builder
     */
    public Builder recordType(RecordType<?, ?> type) {
      types.add(Checks.required("recordType", type));
      return this;
    }

    /**
     * @param metrics the listener told of decisions, command latencies and the outbox backlog; default
     *     {@link PartnerkitMetrics#NONE}
     * @return this builder
     */
    public Builder metrics(PartnerkitMetrics metrics) {
      this.metrics = Checks.required("metrics", metrics);
      return this;
    }

    /**
     * @return the workspace
     * @throws InvalidValueException when storage or clock is missing
     */
    public PartnerWorkspace build() {
      return new PartnerWorkspace(new WorkspaceEngine(Checks.required("storage", storage),
          Checks.required("clock", clock), mapping, ids, RecordTypes.of(types), metrics));
    }
  }
}
