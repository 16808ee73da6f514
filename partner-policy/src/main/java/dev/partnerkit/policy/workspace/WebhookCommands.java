package dev.partnerkit.policy.workspace;

import dev.partnerkit.domain.AccessRequest;
import dev.partnerkit.domain.IntegrationPrincipal;
import dev.partnerkit.domain.IntentKind;
import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.OperatorUser;
import dev.partnerkit.domain.Placement;
import dev.partnerkit.domain.RecordNotFoundException;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.Visibility;
import dev.partnerkit.domain.internal.Checks;
import dev.partnerkit.spi.ActivityKind;
import dev.partnerkit.spi.DeliveryAttempt;
import dev.partnerkit.spi.DeliveryQuery;
import dev.partnerkit.spi.DeliveryStatus;
import dev.partnerkit.spi.ImmutableWebhookDelivery;
import dev.partnerkit.spi.ImmutableWebhookSubscription;
import dev.partnerkit.spi.WebhookDelivery;
import dev.partnerkit.spi.WebhookSubscription;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The operator's webhook endpoints, from {@link DirectoryCommands#webhooks()}: subscribe an integration principal's
 * endpoint to some of its triggers, rotate the signing secret with an overlap, disable (a safety action, never gated)
 * and enable it, replay one delivery or every delivery of a time range, and read the deliveries and the delivery log.
 * Every command is decided, journaled (an internal-only activity entry and an outbox event; never the secret) and
 * idempotent, like every directory command.
 */
public final class WebhookCommands {
  /** The longest overlap of a secret rotation. */
  public static final Duration MAX_OVERLAP = Duration.ofDays(7);
  /** Most deliveries one range replay may reset. */
  public static final int MAX_REPLAY = DeliveryQuery.MAX_LIMIT;

  private final WorkspaceEngine engine;
  private final OperatorUser operator;
  private final Acting acting;
  private final TenantId tenantId;
  private final OccasionId occasionId;

  WebhookCommands(WorkspaceEngine engine, OperatorUser operator, OccasionId occasionId) {
    this.engine = engine;
    this.operator = operator;
    this.acting = Acting.operator(operator);
    this.tenantId = operator.tenantId();
    this.occasionId = occasionId;
  }

  /**
   * Subscribes an endpoint with a new {@code whsec_} secret; read it (to hand to the partner) with
   * {@link #subscription}.
   *
   * @return the outcome; {@link CommandResult#recordId()} is the subscription's id
   * @throws RecordNotFoundException when the tenant has no such principal
   * @throws InvalidValueException naming {@code draft.eventTypes} when a type is not among the principal's triggers
   */
  public CommandResult subscribe(String idempotencyKey, SubscriptionDraft draft) {
    Checks.required("draft", draft);
    return engine.run(tenantId, idempotencyKey, acting, payload("subscribe_webhook", draft), now -> {
      IntegrationPrincipal principal = engine.storage.directory().findPrincipal(tenantId, draft.principalId())
          .orElseThrow(() -> new RecordNotFoundException("draft.principalId", "integration principal",
              draft.principalId().value()));
      Set<String> notTriggers = new TreeSet<>(draft.eventTypes());
      notTriggers.removeAll(principal.triggers());
      Checks.check(notTriggers.isEmpty(), "draft.eventTypes", "draft.eventTypes must be among the triggers "
          + new TreeSet<>(principal.triggers()) + " of integration principal " + principal.principalId()
          + ", but held " + notTriggers);
      WebhookSubscription subscription = WebhookSubscription.builder().tenantId(tenantId)
          .subscriptionId("sub_" + UUID.randomUUID().toString().replace("-", "")).principalId(principal.principalId())
          .partnerId(principal.partnerId()).endpointUrl(draft.endpointUrl()).eventTypes(draft.eventTypes())
          .secret(WebhookSignatures.newSecret()).createdAt(now).build();
      return prepared(IntentKind.MANAGE_DIRECTORY, at -> {
        engine.storage.webhooks().insertSubscription(subscription);
        return applied(subscription, "subscribed", "subscribed " + subscription.endpointUrl() + " of "
            + principal.name() + " to " + new TreeSet<>(subscription.eventTypes()), at);
      });
    });
  }

  /**
   * Rotates the signing secret: a new secret signs from now on, and the current one signs as well until
   * {@code overlap} has passed, so the receiver can switch without losing a request.
   *
   * @param overlap from zero to {@link #MAX_OVERLAP}
   */
  public CommandResult rotateSecret(String idempotencyKey, String subscriptionId, Duration overlap) {
    Checks.required("overlap", overlap);
    Checks.check(!overlap.isNegative() && overlap.compareTo(MAX_OVERLAP) <= 0, "overlap",
        "overlap must be between PT0S and " + MAX_OVERLAP + ", but was " + overlap);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("overlapSeconds", overlap.toSeconds());
    return change(idempotencyKey, subscriptionId, "rotate_webhook_secret", details, IntentKind.MANAGE_DIRECTORY,
        (s, at) -> ImmutableWebhookSubscription.copyOf(s).withSecret(WebhookSignatures.newSecret())
            .withPreviousSecret(s.secret()).withPreviousSecretUntil(at.plus(overlap)),
        "secret_rotated", "rotated the signing secret of");
  }

  /** Disables an endpoint: a safety action, never gated by product scope. Its deliveries wait until it is enabled. */
  public CommandResult disable(String idempotencyKey, String subscriptionId) {
    return change(idempotencyKey, subscriptionId, "disable_webhook", Map.of(), IntentKind.REVOKE_ACCESS,
        (s, at) -> ImmutableWebhookSubscription.copyOf(s).withEnabled(false)
            .withDisabledReason("disabled by " + operator.label()), "disabled", "disabled");
  }

  /** Enables an endpoint again (after an operator or the relay disabled it); its failure count starts afresh. */
  public CommandResult enable(String idempotencyKey, String subscriptionId) {
    return change(idempotencyKey, subscriptionId, "enable_webhook", Map.of(), IntentKind.MANAGE_DIRECTORY,
        (s, at) -> ImmutableWebhookSubscription.copyOf(s).withEnabled(true).withDisabledReason(Optional.empty())
            .withConsecutiveFailures(0).withFailingSince(Optional.empty()), "enabled", "enabled");
  }

  /**
   * Replays one delivery: it is due now, with a fresh run of the retry schedule and the same {@code webhook-id}.
   *
   * @throws RecordNotFoundException when the tenant has no such delivery
   */
  public CommandResult replay(String idempotencyKey, String deliveryId) {
    Checks.identifier("deliveryId", deliveryId);
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("command", "replay_webhook");
    payload.put("deliveryId", deliveryId);
    payload.put("occasionId", occasionId);
    return engine.run(tenantId, idempotencyKey, acting, payload, now -> {
      WebhookDelivery stored = engine.storage.webhooks().findDelivery(tenantId, deliveryId).orElseThrow(() ->
          new RecordNotFoundException("deliveryId", "webhook delivery", deliveryId));
      return prepared(IntentKind.MANAGE_DIRECTORY, at -> {
        WebhookDelivery replayed = replayed(stored, at);
        engine.storage.webhooks().updateDelivery(replayed);
        return replayApplied(deliveryId, replayed.version(), List.of(deliveryId), at);
      });
    });
  }

  /**
   * Replays every delivery created in {@code [since, before)}, optionally of one subscription, at most
   * {@link #MAX_REPLAY}; each is due now with a fresh run and the {@code webhook-id} it always had.
   *
   * @return the outcome; {@link CommandResult#recordVersion()} is how many deliveries were replayed
   */
  public CommandResult replayRange(String idempotencyKey, Instant since, Instant before,
      Optional<String> subscriptionId) {
    Checks.required("since", since);
    Checks.required("before", before);
    Checks.required("subscriptionId", subscriptionId);
    Checks.check(since.isBefore(before), "before", "before must be after since " + since + ", but was " + before);
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("command", "replay_webhooks");
    payload.put("since", since.toString());
    payload.put("before", before.toString());
    payload.put("subscriptionId", subscriptionId.orElse(""));
    payload.put("occasionId", occasionId);
    return engine.run(tenantId, idempotencyKey, acting, payload, now -> prepared(IntentKind.MANAGE_DIRECTORY, at -> {
      List<WebhookDelivery> found = engine.storage.webhooks().deliveries(tenantId, DeliveryQuery.builder()
          .subscriptionId(subscriptionId).since(since).before(before).limit(MAX_REPLAY).build());
      List<String> ids = found.stream().map(WebhookDelivery::deliveryId).toList();
      for (WebhookDelivery d : found) {
        engine.storage.webhooks().updateDelivery(replayed(d, at));
      }
      return replayApplied("replay-" + since.toEpochMilli() + "-" + before.toEpochMilli(), ids.size(), ids, at);
    }));
  }

  /** @return the subscription as stored, secret included (hand it to the partner over a safe channel) */
  public Optional<WebhookSubscription> subscription(String subscriptionId) {
    Checks.identifier("subscriptionId", subscriptionId);
    return engine.storage.unitOfWork().inTransaction(() -> engine.storage.webhooks().findSubscription(tenantId,
        subscriptionId));
  }

  /** @return the tenant's subscriptions that match (by partner or id), by id */
  public List<WebhookSubscription> subscriptions(DeliveryQuery query) {
    Checks.required("query", query);
    return engine.storage.unitOfWork().inTransaction(() -> engine.storage.webhooks().subscriptions(tenantId, query));
  }

  /** @return the tenant's deliveries that match, by creation time */
  public List<WebhookDelivery> deliveries(DeliveryQuery query) {
    Checks.required("query", query);
    return engine.storage.unitOfWork().inTransaction(() -> engine.storage.webhooks().deliveries(tenantId, query));
  }

  /** @return the delivery log rows that match (status code, latency, error), by sending time */
  public List<DeliveryAttempt> attempts(DeliveryQuery query) {
    Checks.required("query", query);
    return engine.storage.unitOfWork().inTransaction(() -> engine.storage.webhooks().attempts(tenantId, query));
  }

  /**
   * The delivery due again at {@code at}. A lease that is still live is kept: the relay holding it may be sending
   * the delivery right now, and no other relay may claim it before the lease runs out.
   */
  private static WebhookDelivery replayed(WebhookDelivery d, Instant at) {
    boolean leased = d.leaseUntil().map(at::isBefore).orElse(false);
    return ImmutableWebhookDelivery.copyOf(d).withStatus(DeliveryStatus.PENDING).withRunAttempts(0)
        .withNextAttemptAt(at).withLeaseOwner(leased ? d.leaseOwner() : Optional.empty())
        .withLeaseUntil(leased ? d.leaseUntil() : Optional.empty()).withVersion(d.version() + 1);
  }

  private interface Edit {
    WebhookSubscription apply(WebhookSubscription stored, Instant at);
  }

  private CommandResult change(String key, String subscriptionId, String command, Map<String, Object> details,
      IntentKind intent, Edit edit, String verb, String what) {
    Checks.identifier("subscriptionId", subscriptionId);
    Map<String, Object> payload = new LinkedHashMap<>(details);
    payload.put("command", command);
    payload.put("subscriptionId", subscriptionId);
    payload.put("occasionId", occasionId);
    return engine.run(tenantId, key, acting, payload, now -> {
      WebhookSubscription stored = engine.storage.webhooks().findSubscription(tenantId, subscriptionId)
          .orElseThrow(() -> new RecordNotFoundException("subscriptionId", "webhook subscription", subscriptionId));
      return prepared(intent, at -> {
        WebhookSubscription changed = ImmutableWebhookSubscription.copyOf(edit.apply(stored, at))
            .withVersion(stored.version() + 1);
        engine.storage.webhooks().updateSubscription(changed);
        return applied(changed, verb, what + " the webhook endpoint " + changed.endpointUrl(), at);
      });
    });
  }

  private WorkspaceEngine.Prepared prepared(IntentKind intent, WorkspaceEngine.Change change) {
    AccessRequest request = AccessRequest.builder().actor(operator).tenantId(tenantId).occasionId(occasionId)
        .intent(intent).build();
    return new WorkspaceEngine.Prepared(request, engine.operatorFacts(tenantId, occasionId, null), change);
  }

  private WorkspaceEngine.Applied applied(WebhookSubscription s, String verb, String what, Instant at) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("subscriptionId", s.subscriptionId());
    event.put("principalId", s.principalId().value());
    event.put("partnerId", s.partnerId().value());
    event.put("enabled", s.enabled());
    event.put("version", s.version());
    String type = "webhook_subscription." + verb;
    return new WorkspaceEngine.Applied(s.subscriptionId(), s.version(),
        engine.activity(tenantId, Placement.builder().occasionId(occasionId).partnerId(s.partnerId()).build(), null,
            ActivityKind.AUDIT_EVENT, Visibility.INTERNAL_ONLY, operator, operator.label() + " " + what + ".", type,
            at),
        engine.event(tenantId, type, s.subscriptionId(), event, at));
  }

  private WorkspaceEngine.Applied replayApplied(String id, long version, List<String> deliveryIds, Instant at) {
    String type = "webhook_delivery.replayed";
    return new WorkspaceEngine.Applied(id, version,
        engine.activity(tenantId, Placement.inOccasion(occasionId), null, ActivityKind.AUDIT_EVENT,
            Visibility.INTERNAL_ONLY, operator, operator.label() + " replayed " + deliveryIds.size()
                + " webhook deliveries.", type, at),
        engine.event(tenantId, type, id, Map.of("deliveryIds", deliveryIds), at));
  }

  private Map<String, Object> payload(String command, Object subject) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("command", command);
    payload.put("subject", subject);
    payload.put("occasionId", occasionId);
    return payload;
  }
}
