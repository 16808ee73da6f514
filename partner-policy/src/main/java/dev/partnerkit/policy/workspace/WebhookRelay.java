package dev.partnerkit.policy.workspace;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.partnerkit.domain.AccessRequest;
import dev.partnerkit.domain.Decision;
import dev.partnerkit.domain.IntegrationPrincipal;
import dev.partnerkit.domain.IntegrationPrincipalId;
import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.Placement;
import dev.partnerkit.domain.DataClass;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.internal.Checks;
import dev.partnerkit.policy.DecisionFacts;
import dev.partnerkit.spi.DeliveryAttempt;
import dev.partnerkit.spi.DeliveryQuery;
import dev.partnerkit.spi.DeliveryStatus;
import dev.partnerkit.spi.ImmutableWebhookDelivery;
import dev.partnerkit.spi.ImmutableWebhookSubscription;
import dev.partnerkit.spi.OutboxEvent;
import dev.partnerkit.spi.VersionConflictException;
import dev.partnerkit.spi.WebhookDelivery;
import dev.partnerkit.spi.WebhookStore;
import dev.partnerkit.spi.WebhookSubscription;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.DoubleSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox to integration principals' webhook endpoints. Any number of relays may run at once, on any
 * number of host instances, over one database: each {@link #runOnce()} first fans pending outbox events out (every
 * subscription of the event's type whose principal has the type among its triggers, is with the event's partner when
 * the event names one, and whose grants cover the event's placement and data class gets one delivery; the event is
 * then marked published), then claims due deliveries across tenants with a lease and sends them. Right before each
 * attempt the principal's grants are decided again by the same decision core as the portal: a delivery the grants no
 * longer cover (revoked, suspended, expired, principal disabled) is never sent and ends {@code suppressed}.
 *
 * <p>Requests follow Standard Webhooks: a JSON body {@code {"type", "timestamp", "data", ...}}, and the headers
 * {@code webhook-id} (the delivery's id, the same on every retry and replay), {@code webhook-timestamp} (seconds) and
 * {@code webhook-signature} ({@code v1,<base64 HMAC-SHA256>} per secret, two during a rotation's overlap). A 2xx
 * answer delivers; anything else, a timeout or a refused connection fails the attempt, which is retried on the
 * {@link RetrySchedule} and is dead after its last attempt. An endpoint that keeps failing is disabled. Redirects are
 * not followed; the response body is read up to a cap, within the request timeout.
 *
 * <p>Guarantees: at least once per subscription (a relay that dies mid-attempt leaves its lease to run out, and the
 * delivery is sent again with the same {@code webhook-id}; receivers deduplicate by it), and no attempt recorded by
 * two relays (a claim raises the delivery's version, and an outcome is recorded only at the version the relay
 * claimed, and no attempt starts with less of its lease left than the longest attempt takes: such a delivery is
 * given back unsent). The lease is at least twice the longest attempt (the connect and request timeouts and two
 * seconds).
 *
 * <pre>{@code
 * WebhookRelay relay = workspace.webhookRelay().build();
 * relay.start(Duration.ofSeconds(1));   // a daemon thread; or call relay.runOnce() from your own scheduler
 * ...
 * relay.close();
 * }</pre>
 */
public final class WebhookRelay implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookRelay.class);
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int TENANTS_PER_RUN = 100;

  private final WorkspaceEngine engine;
  private final String relayId;
  private final Clock clock;
  private final RetrySchedule schedule;
  private final DoubleSupplier jitter;
  private final int disableAfterFailures;
  private final Duration disableAfterFailingFor;
  private final Duration requestTimeout;
  private final int maxResponseBytes;
  private final Duration lease;
  /** The longest one attempt can take, from sending to recording: no attempt starts with less of the lease left. */
  private final Duration attemptBudget;
  private final int batchSize;
  private final DeliveryTargets targets;
  private final HttpClient http;
  private final ExecutorService senders;
  private final ExecutorService readers;
  private final AtomicBoolean running = new AtomicBoolean();
  private volatile @Nullable Thread loop;

  private WebhookRelay(Builder b) {
    this.engine = b.engine;
    this.relayId = b.relayId;
    this.clock = b.clock != null ? b.clock : b.engine.clock;
    this.schedule = b.schedule;
    this.jitter = b.jitter;
    this.disableAfterFailures = b.disableAfterFailures;
    this.disableAfterFailingFor = b.disableAfterFailingFor;
    this.requestTimeout = b.requestTimeout;
    this.maxResponseBytes = b.maxResponseBytes;
    this.lease = b.lease;
    this.attemptBudget = attemptBudget(b.connectTimeout, b.requestTimeout);
    this.batchSize = b.batchSize;
    this.targets = new DeliveryTargets(b.allowLoopback, b.allowPrivateNetworks);
    this.http = HttpClient.newBuilder().connectTimeout(b.connectTimeout).followRedirects(HttpClient.Redirect.NEVER)
        .build();
    this.senders = Executors.newFixedThreadPool(b.concurrency, daemons("partnerkit-webhook-send-" + relayId));
    this.readers = Executors.newCachedThreadPool(daemons("partnerkit-webhook-read-" + relayId));
  }

  private static java.util.concurrent.ThreadFactory daemons(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  static Builder builder(WorkspaceEngine engine) {
    return new Builder(engine);
  }

  /** @return this relay's id, recorded on its leases and in the delivery log */
  public String relayId() {
    return relayId;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  /**
   * Fans pending outbox events out and sends the due deliveries, once.
   *
   * @return what it did
   */
  public RelayRun runOnce() {
    RelayRun routed = fanOut();
    return routed.plus(deliverDue());
  }

  /**
   * Runs {@link #runOnce()} on a daemon thread until {@link #close()}, pausing {@code idlePause} whenever a run found
   * nothing to do. A failing run is logged and the loop goes on after the pause.
   *
   * @throws IllegalStateException when the relay runs already
   */
  public void start(Duration idlePause) {
    Checks.required("idlePause", idlePause);
    Checks.check(!idlePause.isNegative(), "idlePause", "idlePause must not be negative, but was " + idlePause);
    if (!running.compareAndSet(false, true)) {
      throw new IllegalStateException("the relay " + relayId + " runs already");
    }
    Thread t = new Thread(() -> {
      while (running.get()) {
        boolean idle = true;
        try {
          idle = runOnce().idle();
        } catch (RuntimeException e) {
          LOG.warn("The webhook relay {} failed a run; it goes on after a pause", relayId, e);
        }
        if (idle && running.get()) {
          try {
            Thread.sleep(idlePause.toMillis());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
      }
    }, "partnerkit-webhook-relay-" + relayId);
    t.setDaemon(true);
    loop = t;
    t.start();
  }

  /** Stops the loop (waiting for the run in progress) and the relay's threads. */
  @Override
  public void close() {
    running.set(false);
    Thread t = loop;
    if (t != null) {
      try {
        t.join(requestTimeout.toMillis() * 4 + 5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    senders.shutdownNow();
    readers.shutdownNow();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // fan-out

  private RelayRun fanOut() {
    RelayRun total = RelayRun.none();
    for (TenantId tenant : engine.storage.unitOfWork().inTransaction(() ->
        engine.storage.webhooks().tenantsWithPendingEvents(TENANTS_PER_RUN))) {
      total = total.plus(fanOut(tenant));
    }
    return total;
  }

  private RelayRun fanOut(TenantId tenant) {
    int[] counts = new int[2];
    engine.storage.unitOfWork().inTransaction(() -> {
      List<OutboxEvent> events = engine.storage.outbox().claimPending(tenant, batchSize);
      if (events.isEmpty()) {
        return null;
      }
      WebhookStore store = engine.storage.webhooks();
      List<WebhookSubscription> subscriptions = store.subscriptions(tenant,
          DeliveryQuery.builder().limit(DeliveryQuery.MAX_LIMIT).build());
      Map<IntegrationPrincipalId, Optional<IntegrationPrincipal>> principals = new HashMap<>();
      Map<String, DecisionFacts> facts = new HashMap<>();
      Instant now = now();
      for (OutboxEvent event : events) {
        if (event.placement().isPresent() && event.dataClass().isPresent()) {
          for (WebhookSubscription s : subscriptions) {
            if (!wants(s, event)) {
              continue;
            }
            IntegrationPrincipal principal = principals.computeIfAbsent(s.principalId(),
                id -> engine.storage.directory().findPrincipal(tenant, id)).orElse(null);
            if (principal == null || !principal.triggers().contains(event.type())) {
              continue;
            }
            Placement at = event.placement().get();
            AccessRequest request = webhookRead(principal, tenant, at, event.dataClass().get(), event.type());
            DecisionFacts f = facts.computeIfAbsent(at.occasionId().value() + "\u001f" + s.partnerId().value(),
                k -> engine.partnerFacts(tenant, at.occasionId(), s.partnerId(), null));
            Decision decision = engine.decider.decide(request, f, now);
            if (!decision.allowed()) {
              engine.logDecision(request, decision);
              continue;
            }
            try {
              store.insertDelivery(delivery(s, event, now));
              counts[1]++;
            } catch (VersionConflictException duplicate) {
              // another relay fanned this event out to this subscription already
            }
          }
        }
        try {
          engine.storage.outbox().markPublished(tenant, event.eventId(), now);
          counts[0]++;
        } catch (VersionConflictException published) {
          // another relay published it while this one waited for its lock (H2)
        }
      }
      return null;
    });
    return new RelayRun(counts[0], counts[1], 0, 0, 0, 0, 0, 0, 0);
  }

  private boolean wants(WebhookSubscription s, OutboxEvent event) {
    Optional<PartnerId> partner = event.placement().flatMap(Placement::partnerId);
    // a record event is only ever its own partner's, like the record in the portal; a host's event may name none
    return s.eventTypes().contains(event.type())
        && partner.map(s.partnerId()::equals).orElse(recordSurface(event.type()).isEmpty());
  }

  /** @return the surface of the record type a record event ({@code <type>.<verb>}) is about; empty for host events */
  private Optional<dev.partnerkit.domain.Surface> recordSurface(String eventType) {
    int dot = eventType.indexOf('.');
    return dot < 0 ? Optional.empty()
        : engine.types.find(eventType.substring(0, dot)).map(dev.partnerkit.domain.RecordType::surface);
  }

  /**
   * The read a webhook stands for: the resource at {@code at} with its data class, and for a record event the
   * record's surface too, so that a grant delivers exactly the record events the portal would show.
   */
  private AccessRequest webhookRead(IntegrationPrincipal principal, TenantId tenant, Placement at,
      DataClass dataClass, String eventType) {
    dev.partnerkit.domain.ImmutableAccessRequest.Builder read = AccessRequest.readResource(principal, tenant, at,
        dataClass);
    recordSurface(eventType).ifPresent(read::surface);
    return read.build();
  }

  private WebhookDelivery delivery(WebhookSubscription s, OutboxEvent event, Instant now) {
    Placement at = event.placement().orElseThrow();
    return WebhookDelivery.builder().tenantId(s.tenantId())
        .deliveryId("msg_" + UUID.randomUUID().toString().replace("-", "")).subscriptionId(s.subscriptionId())
        .principalId(s.principalId()).partnerId(s.partnerId()).outboxEventId(event.eventId())
        .eventType(event.type()).occasionId(at.occasionId()).eventId(at.eventId()).resourceId(at.resourceId())
        .dataClass(event.dataClass().orElseThrow()).payload(body(event)).status(DeliveryStatus.PENDING)
        .nextAttemptAt(now).createdAt(now).build();
  }

  /** The Standard Webhooks body: type, timestamp, data, and where the event's resource sits. */
  private static String body(OutboxEvent event) {
    Placement at = event.placement().orElseThrow();
    ObjectNode body = MAPPER.createObjectNode();
    body.put("type", event.type());
    body.put("timestamp", event.occurredAt().toString());
    body.put("eventId", event.eventId());
    body.put("tenantId", event.tenantId().value());
    body.put("occasionId", at.occasionId().value());
    at.eventId().ifPresent(e -> body.put("occasionEventId", e.value()));
    at.resourceId().ifPresent(r -> body.put("resourceId", r.value()));
    body.put("subjectId", event.aggregateId());
    body.put("dataClass", event.dataClass().orElseThrow().wireName());
    try {
      body.set("data", MAPPER.readTree(event.payload()));
      return MAPPER.writeValueAsString(body);
    } catch (IOException e) {
      throw new IllegalStateException("the payload of outbox event " + event.eventId() + " is not JSON", e);
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // delivery

  private RelayRun deliverDue() {
    Instant now = now();
    List<WebhookDelivery> claimed = engine.storage.unitOfWork().inTransaction(() ->
        engine.storage.webhooks().claimDue(now, relayId, now.plus(lease), batchSize));
    if (claimed.isEmpty()) {
      return RelayRun.none();
    }
    List<Future<RelayRun>> runs = new ArrayList<>(claimed.size());
    for (WebhookDelivery d : claimed) {
      runs.add(senders.submit(() -> deliver(d)));
    }
    RelayRun total = RelayRun.none();
    for (Future<RelayRun> run : runs) {
      try {
        total = total.plus(run.get());
      } catch (ExecutionException e) {
        LOG.warn("The webhook relay {} failed a delivery; its lease runs out and it is tried again", relayId,
            e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return total;
  }

  /** What the delivery-time check found: send to this subscription, or (null) nothing to send, suppressed or not. */
  private record Ready(@Nullable WebhookSubscription subscription, boolean suppressed) {}

  private RelayRun deliver(WebhookDelivery claimed) {
    Ready ready = engine.storage.unitOfWork().inTransaction(() -> check(claimed));
    WebhookSubscription s = ready.subscription();
    if (s == null) {
      return ready.suppressed() ? new RelayRun(0, 0, 0, 0, 0, 0, 1, 0, 0) : RelayRun.none();
    }
    Instant sentAt = now();
    if (sentAt.plus(attemptBudget).isAfter(claimed.leaseUntil().orElseThrow())) {
      release(claimed); // too little of the lease is left for a whole attempt: another relay may take it now
      return RelayRun.none();
    }
    long timestamp = sentAt.getEpochSecond();
    Sent sent = send(URI.create(s.endpointUrl()), claimed, s, timestamp);
    return record(claimed, s, sentAt, sent);
  }

  /** Gives a claimed delivery back unsent, for any relay to claim at once; a lease taken over already is left alone. */
  private void release(WebhookDelivery d) {
    try {
      engine.storage.unitOfWork().inTransaction(() -> {
        engine.storage.webhooks().updateDelivery(ImmutableWebhookDelivery.copyOf(d).withLeaseOwner(Optional.empty())
            .withLeaseUntil(Optional.empty()).withVersion(d.version() + 1));
        return null;
      });
    } catch (VersionConflictException taken) {
      // another relay holds it now
    }
  }

  /**
   * Inside one unit of work, right before sending: the subscription still wants the event and the principal's grants
   * still cover it. Otherwise the delivery ends suppressed (its blocked decision logged), or, for a subscription
   * disabled since the claim, goes back to waiting.
   */
  private Ready check(WebhookDelivery d) {
    WebhookStore store = engine.storage.webhooks();
    WebhookSubscription s = store.findSubscription(d.tenantId(), d.subscriptionId()).orElse(null);
    if (s != null && !s.enabled()) {
      store.updateDelivery(ImmutableWebhookDelivery.copyOf(d).withLeaseOwner(Optional.empty())
          .withLeaseUntil(Optional.empty()).withVersion(d.version() + 1));
      return new Ready(null, false);
    }
    Decision decision = null;
    AccessRequest request = null;
    if (s != null && s.eventTypes().contains(d.eventType())) {
      IntegrationPrincipal principal = engine.storage.directory().findPrincipal(d.tenantId(), d.principalId())
          .filter(p -> p.partnerId().equals(d.partnerId())).orElse(null);
      if (principal != null && principal.triggers().contains(d.eventType())) {
        request = webhookRead(principal, d.tenantId(), Placement.builder().occasionId(d.occasionId())
            .eventId(d.eventId()).resourceId(d.resourceId()).partnerId(d.partnerId()).build(), d.dataClass(),
            d.eventType());
        decision = engine.decider.decide(request, engine.partnerFacts(d.tenantId(), d.occasionId(), d.partnerId(),
            null), now());
      }
    }
    if (decision != null && decision.allowed()) {
      return new Ready(s, false);
    }
    if (decision != null) {
      engine.logDecision(Objects.requireNonNull(request), decision);
    }
    store.updateDelivery(ImmutableWebhookDelivery.copyOf(d).withStatus(DeliveryStatus.SUPPRESSED)
        .withLeaseOwner(Optional.empty()).withLeaseUntil(Optional.empty()).withVersion(d.version() + 1));
    return new Ready(null, true);
  }

  /** The outcome of one request. */
  private record Sent(boolean ok, @Nullable Integer status, long latencyMillis, @Nullable String error) {}

  private Sent send(URI endpoint, WebhookDelivery d, WebhookSubscription s, long timestamp) {
    long started = System.nanoTime();
    String refusal = targets.refusal(endpoint);
    if (refusal != null) {
      return new Sent(false, null, 0, refusal);
    }
    HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(requestTimeout)
        .header("content-type", "application/json")
        .header("user-agent", "Partnerkit-Webhooks")
        .header("webhook-id", d.deliveryId())
        .header("webhook-timestamp", Long.toString(timestamp))
        .header("webhook-signature", WebhookSignatures.header(s.signingSecrets(Instant.ofEpochSecond(timestamp)),
            d.deliveryId(), timestamp, d.payload()))
        .POST(HttpRequest.BodyPublishers.ofString(d.payload())).build();
    CompletableFuture<HttpResponse<InputStream>> future = http.sendAsync(request,
        HttpResponse.BodyHandlers.ofInputStream());
    HttpResponse<InputStream> response;
    try {
      response = future.get(requestTimeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      return new Sent(false, null, millisSince(started), describe(e.getCause()));
    } catch (TimeoutException e) {
      future.cancel(true);
      return new Sent(false, null, millisSince(started), "timed out after " + requestTimeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      future.cancel(true);
      return new Sent(false, null, millisSince(started), "interrupted");
    }
    int status = response.statusCode();
    String excerpt = readCapped(response.body(), started);
    long latency = millisSince(started);
    boolean ok = status >= 200 && status < 300;
    return new Sent(ok, status, latency, ok ? null : clip("HTTP " + status + (excerpt.isEmpty() ? "" : ": "
        + excerpt)));
  }

  /** Reads at most the cap of the body, within what is left of the request timeout; closes the stream. */
  private String readCapped(InputStream body, long started) {
    Future<byte[]> read = readers.submit(() -> body.readNBytes(maxResponseBytes));
    long left = requestTimeout.toMillis() - millisSince(started);
    try {
      byte[] bytes = read.get(Math.max(left, 1), TimeUnit.MILLISECONDS);
      return new String(bytes, java.nio.charset.StandardCharsets.UTF_8).strip();
    } catch (TimeoutException | ExecutionException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    } finally {
      read.cancel(true);
      try {
        body.close();
      } catch (IOException ignored) {
        // the answer is in already; a body that does not close changes nothing
      }
    }
  }

  private static String describe(Throwable failure) {
    if (failure instanceof HttpConnectTimeoutException) {
      return "connect timed out";
    }
    if (failure instanceof HttpTimeoutException) {
      return "timed out waiting for the answer";
    }
    if (failure instanceof ConnectException) {
      return clip("connection refused" + (failure.getMessage() == null ? "" : ": " + failure.getMessage()));
    }
    return clip(failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": "
        + failure.getMessage()));
  }

  private static String clip(String text) {
    return WorkspaceEngine.clip(text.replaceAll("\\p{Cntrl}", " "), DeliveryAttempt.MAX_ERROR_LENGTH);
  }

  private static long millisSince(long started) {
    return Math.max(0, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
  }

  /** Records the attempt and its outcome at the version this relay claimed, and counts it against the endpoint. */
  private RelayRun record(WebhookDelivery d, WebhookSubscription s, Instant sentAt, Sent sent) {
    int attempt = d.attempts() + 1;
    int run = d.runAttempts() + 1;
    boolean dead = !sent.ok() && run >= schedule.maxAttempts();
    Instant next = sent.ok() || dead ? null : sentAt.plus(schedule.delayAfter(run, jitter.getAsDouble()));
    DeliveryStatus status = sent.ok() ? DeliveryStatus.DELIVERED : dead ? DeliveryStatus.DEAD
        : DeliveryStatus.PENDING;
    try {
      boolean disabled = engine.storage.unitOfWork().inTransaction(() -> {
        WebhookStore store = engine.storage.webhooks();
        store.updateDelivery(ImmutableWebhookDelivery.copyOf(d).withStatus(status).withAttempts(attempt)
            .withRunAttempts(run).withNextAttemptAt(next != null ? next : d.nextAttemptAt())
            .withLeaseOwner(Optional.empty()).withLeaseUntil(Optional.empty()).withLastAttemptAt(sentAt)
            .withVersion(d.version() + 1));
        store.appendAttempt(DeliveryAttempt.builder().tenantId(d.tenantId()).deliveryId(d.deliveryId())
            .attempt(attempt).subscriptionId(d.subscriptionId()).partnerId(d.partnerId()).relayId(relayId)
            .attemptedAt(sentAt).outcome(sent.ok() ? DeliveryAttempt.Outcome.SUCCEEDED
                : DeliveryAttempt.Outcome.FAILED).statusCode(Optional.ofNullable(sent.status()))
            .latencyMillis(sent.latencyMillis()).error(Optional.ofNullable(sent.error()))
            .nextAttemptAt(Optional.ofNullable(next)).build());
        if (sent.ok() && s.consecutiveFailures() == 0) {
          return false;
        }
        WebhookSubscription counted = store.countOutcome(d.tenantId(), d.subscriptionId(), sent.ok(), sentAt);
        if (sent.ok() || !counted.enabled() || counted.consecutiveFailures() < disableAfterFailures
            || counted.failingSince().map(since -> since.plus(disableAfterFailingFor).isAfter(sentAt))
                .orElse(true)) {
          return false;
        }
        store.updateSubscription(ImmutableWebhookSubscription.copyOf(counted).withEnabled(false)
            .withDisabledReason("disabled by relay " + relayId + " after " + counted.consecutiveFailures()
                + " failed attempts in a row since " + counted.failingSince().orElseThrow())
            .withVersion(counted.version() + 1));
        LOG.info("Disabled webhook endpoint {} of tenant {} after {} failed attempts in a row", s.subscriptionId(),
            d.tenantId(), counted.consecutiveFailures());
        return true;
      });
      return new RelayRun(0, 0, 1, sent.ok() ? 1 : 0, !sent.ok() && !dead ? 1 : 0, dead ? 1 : 0, 0,
          disabled ? 1 : 0, 0);
    } catch (VersionConflictException lost) {
      LOG.warn("The webhook relay {} lost the lease of delivery {} before recording attempt {}", relayId,
          d.deliveryId(), attempt);
      return new RelayRun(0, 0, 1, 0, 0, 0, 0, 0, 1);
    }
  }

  private static Duration attemptBudget(Duration connect, Duration request) {
    return connect.plus(request).plusSeconds(2);
  }

  /** Builds a {@link WebhookRelay}; get one from {@link PartnerWorkspace#webhookRelay()}. */
  public static final class Builder {
    private final WorkspaceEngine engine;
    private String relayId = "relay-" + UUID.randomUUID().toString().substring(0, 8);
    private @Nullable Clock clock;
    private RetrySchedule schedule = RetrySchedule.defaults();
    private DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();
    private int disableAfterFailures = 50;
    private Duration disableAfterFailingFor = Duration.ofDays(1);
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration requestTimeout = Duration.ofSeconds(15);
    private int maxResponseBytes = 4096;
    private @Nullable Duration lease;
    private int batchSize = 50;
    private int concurrency = 4;
    private boolean allowLoopback;
    private boolean allowPrivateNetworks;

    private Builder(WorkspaceEngine engine) {
      this.engine = engine;
    }

    /** @param relayId the id on its leases and in the delivery log; default {@code relay-} and 8 random characters */
    public Builder relayId(String relayId) {
      this.relayId = Checks.identifier("relayId", relayId);
      return this;
    }

    /** @param clock the relay's clock; default the workspace's */
    public Builder clock(Clock clock) {
      this.clock = Checks.required("clock", clock);
      return this;
    }

    /** @param schedule the retries; default {@link RetrySchedule#defaults()} */
    public Builder schedule(RetrySchedule schedule) {
      this.schedule = Checks.required("schedule", schedule);
      return this;
    }

    /** @param jitter numbers in [0, 1) for the schedule's jitter; default random (tests pass a fixed one) */
    public Builder jitter(DoubleSupplier jitter) {
      this.jitter = Checks.required("jitter", jitter);
      return this;
    }

    /**
     * An endpoint is disabled after {@code failures} failed attempts in a row that began at least
     * {@code failingFor} ago; default 50 and one day.
     */
    public Builder disableAfter(int failures, Duration failingFor) {
      Checks.check(failures >= 1, "failures", "failures must be at least 1, but was " + failures);
      Checks.required("failingFor", failingFor);
      Checks.check(!failingFor.isNegative(), "failingFor", "failingFor must not be negative, but was " + failingFor);
      this.disableAfterFailures = failures;
      this.disableAfterFailingFor = failingFor;
      return this;
    }

    /** The connect and request (first byte) timeouts; default 5 s and 15 s. */
    public Builder timeouts(Duration connect, Duration request) {
      Checks.check(connect != null && !connect.isNegative() && !connect.isZero(), "connect",
          "connect must be positive, but was " + connect);
      Checks.check(request != null && !request.isNegative() && !request.isZero(), "request",
          "request must be positive, but was " + request);
      this.connectTimeout = connect;
      this.requestTimeout = request;
      return this;
    }

    /** @param bytes the most of a response body read (into the delivery log); default 4096 */
    public Builder maxResponseBytes(int bytes) {
      Checks.check(bytes >= 0 && bytes <= 1 << 20, "maxResponseBytes",
          "maxResponseBytes must be between 0 and 1048576, but was " + bytes);
      this.maxResponseBytes = bytes;
      return this;
    }

    /**
     * @param lease how long a claim holds; at least, and by default, twice the longest attempt (the connect timeout,
     *     the request timeout and two seconds). No attempt starts with less than the longest attempt left of its lease:
     *     the relay gives such a delivery back for any relay to claim, so two relays never send the same attempt.
     */
    public Builder lease(Duration lease) {
      this.lease = Checks.required("lease", lease);
      return this;
    }

    /** @param batchSize outbox events and deliveries taken per run; default 50 */
    public Builder batchSize(int batchSize) {
      Checks.check(batchSize >= 1 && batchSize <= 500, "batchSize",
          "batchSize must be between 1 and 500, but was " + batchSize);
      this.batchSize = batchSize;
      return this;
    }

    /** @param threads deliveries of one run sent at once; default 4 */
    public Builder concurrency(int threads) {
      Checks.check(threads >= 1 && threads <= 64, "concurrency",
          "concurrency must be between 1 and 64, but was " + threads);
      this.concurrency = threads;
      return this;
    }

    /** Allows endpoints on loopback addresses (tests, a receiver on the same machine); refused by default. */
    public Builder allowLoopbackTargets(boolean allow) {
      this.allowLoopback = allow;
      return this;
    }

    /** Allows endpoints on private, link-local and other non-public addresses; refused by default. */
    public Builder allowPrivateNetworkTargets(boolean allow) {
      this.allowPrivateNetworks = allow;
      return this;
    }

    /**
     * @return the relay
     * @throws InvalidValueException naming {@code lease} when it is shorter than twice the longest attempt
     */
    public WebhookRelay build() {
      Duration least = attemptBudget(connectTimeout, requestTimeout).multipliedBy(2);
      Duration chosen = lease != null ? lease : least;
      Checks.check(chosen.compareTo(least) >= 0, "lease", "lease must be at least twice the longest attempt (the"
          + " connect and request timeouts and two seconds), " + least + ", but was " + chosen);
      lease = chosen;
      return new WebhookRelay(this);
    }
  }
}
