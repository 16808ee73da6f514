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
import dev.partnerkit.domain.RecordType;
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
 * PartnerSessionOpening opening = workspace.openPartnerSession(dana, tenantId, occasionId);
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
   * Opens a partner portal session for one occasion. The session is opened only when an active grant of the actor's
   * partner covers the actor and the occasion; otherwise the partner sees nothing and the opening explains why. The
   * decision is written to the decision log either way.
   *
   * @param actor an authenticated partner member or integration principal (the host authenticates)
   * @param tenantId the tenant whose portal is entered
   * @param occasionId the occasion
   * @return the decision and, when allowed, the session
   */
  public PartnerSessionOpening openPartnerSession(Actor actor, TenantId tenantId, OccasionId occasionId) {
    Checks.required("actor", actor);
    Checks.required("tenantId", tenantId);
    Checks.required("occasionId", occasionId);
    if (actor.kind() == ActorKind.OPERATOR) {
      throw new InvalidValueException("actor", "actor must be a partner member or an integration principal, but was "
          + "operator " + actor.label() + "; operators use PartnerWorkspace.operator(...)");
    }
    PartnerId partnerId = actor.actingPartner().orElseThrow();
    Decision decision = engine.decideAndLog(AccessRequest.openOccasion(actor, tenantId, occasionId).build(),
        () -> engine.partnerFacts(tenantId, occasionId, partnerId, null));
    PartnerSession session = decision.allowed()
        ? new PartnerSession(engine, actor, partnerId, tenantId, occasionId) : null;
    return new PartnerSessionOpening(decision, session);
  }

  /** @return the purge of journal rows past their age, over this workspace's storage, clock and metrics */
  public Retention retention() {
    return new Retention(engine);
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
