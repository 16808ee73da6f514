package dev.partnerkit.tck;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A local Standard Webhooks receiver for tests, on the JDK's HTTP server at 127.0.0.1: each named endpoint verifies
 * every request's {@code webhook-signature} with its own HMAC-SHA256 code (independent of the library's signer),
 * answers as its {@link Behaviour} says — 2xx, 5xx, too late, with a slow body — and keeps every receipt, so a test
 * can count deliveries, duplicates and retries.
 *
 * <pre>{@code
 * try (WebhookReceiver receiver = WebhookReceiver.start()) {
 *   String url = receiver.endpoint("inkwell", WebhookReceiver.Behaviour.ok(), secret);
 *   ... deliver ...
 *   assertTrue(receiver.receipts("inkwell").get(0).verified());
 * }
 * }</pre>
 */
public final class WebhookReceiver implements AutoCloseable {
  /** One request as received. */
  public record Receipt(String endpoint, String webhookId, String timestamp, List<String> signatures, String body,
      Instant receivedAt, int validSignatures, int status) {
    /** @return whether at least one signature was made with one of the endpoint's secrets over this request */
    public boolean verified() {
      return validSignatures > 0;
    }
  }

  /** How an endpoint answers its n-th request (from 1), which carries {@code webhookId} and {@code body}. */
  @FunctionalInterface
  public interface Behaviour {
    /** @return the answer to request {@code n} */
    Reply reply(int n, String webhookId, String body);

    /** @return 204 every time */
    static Behaviour ok() {
      return (n, id, body) -> Reply.status(204);
    }

    /** @return {@code status} every time */
    static Behaviour always(int status) {
      return (n, id, body) -> Reply.status(status);
    }

    /** @return {@code status} for the first {@code failures} requests, then 200 */
    static Behaviour failFirst(int failures, int status) {
      return (n, id, body) -> n <= failures ? Reply.status(status) : Reply.status(200);
    }

    /**
     * @return {@code status} for the first request of every webhook-id whose body contains {@code marker}, then 200
     *     for its retries; 200 at once for every other request
     */
    static Behaviour failFirstTimeWhere(String marker, int status) {
      java.util.Set<String> seen = ConcurrentHashMap.newKeySet();
      return (n, id, body) -> body.contains(marker) && seen.add(id) ? Reply.status(status) : Reply.status(200);
    }
  }

  /**
   * One answer: its status, after {@code delayMillis} before the headers, and a body sent in {@code chunks} pieces
   * {@code chunkPauseMillis} apart (a slow body).
   */
  public record Reply(int status, long delayMillis, String body, int chunks, long chunkPauseMillis) {
    /** @return {@code status} at once, with a short body */
    public static Reply status(int status) {
      return new Reply(status, 0, "status " + status, 1, 0);
    }

    /** @return 200 after {@code millis} (longer than the relay's timeout: a timeout) */
    public static Reply late(long millis) {
      return new Reply(200, millis, "late", 1, 0);
    }

    /** @return {@code status} at once, then a body of {@code chunks} pieces {@code pauseMillis} apart */
    public static Reply slowBody(int status, int chunks, long pauseMillis) {
      return new Reply(status, 0, "x".repeat(1024), chunks, pauseMillis);
    }
  }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "webhook-receiver");
    t.setDaemon(true);
    return t;
  });
  private final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();
  private final Map<String, List<String>> secrets = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
  private final Map<String, List<Receipt>> receipts = new ConcurrentHashMap<>();

  private WebhookReceiver(HttpServer server) {
    this.server = server;
  }

  /** @return a receiver listening on a free port of 127.0.0.1 */
  public static WebhookReceiver start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
      WebhookReceiver receiver = new WebhookReceiver(server);
      server.setExecutor(receiver.threads);
      server.createContext("/", receiver::handle);
      server.start();
      return receiver;
    } catch (IOException e) {
      throw new IllegalStateException("could not start the webhook receiver", e);
    }
  }

  /**
   * Registers an endpoint.
   *
   * @param name the endpoint's path segment
   * @param behaviour how it answers
   * @param signingSecrets the {@code whsec_} secrets whose signatures it accepts
   * @return its URL
   */
  public String endpoint(String name, Behaviour behaviour, String... signingSecrets) {
    behaviours.put(name, behaviour);
    secrets.put(name, List.of(signingSecrets));
    counts.putIfAbsent(name, new AtomicInteger());
    receipts.putIfAbsent(name, new CopyOnWriteArrayList<>());
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + name;
  }

  /** Changes how an endpoint answers from its next request on. */
  public void behave(String name, Behaviour behaviour) {
    behaviours.put(name, behaviour);
  }

  /** Changes the secrets an endpoint accepts. */
  public void accept(String name, String... signingSecrets) {
    secrets.put(name, List.of(signingSecrets));
  }

  /** @return every request the endpoint received, in order of arrival */
  public List<Receipt> receipts(String name) {
    return List.copyOf(receipts.getOrDefault(name, List.of()));
  }

  /** @return a URL on 127.0.0.1 where nothing listens: connection refused */
  public static String refusingUrl() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return "http://127.0.0.1:" + socket.getLocalPort() + "/nobody";
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String name = exchange.getRequestURI().getPath().substring(1);
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String id = header(exchange, "webhook-id");
      String timestamp = header(exchange, "webhook-timestamp");
      String signature = header(exchange, "webhook-signature");
      List<String> signatures = signature.isEmpty() ? List.of() : List.of(signature.split(" "));
      int valid = 0;
      for (String secret : secrets.getOrDefault(name, List.of())) {
        String expected = "v1," + hmac(secret, id + "." + timestamp + "." + body);
        for (String candidate : signatures) {
          if (MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
              candidate.getBytes(StandardCharsets.US_ASCII))) {
            valid++;
          }
        }
      }
      Behaviour behaviour = behaviours.getOrDefault(name, (k, i, b) -> Reply.status(404));
      int n = counts.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
      Reply reply = behaviour.reply(n, id, body);
      receipts.computeIfAbsent(name, k -> new CopyOnWriteArrayList<>()).add(new Receipt(name, id, timestamp,
          signatures, body, Instant.now(), valid, reply.status()));
      if (reply.delayMillis() > 0) {
        Thread.sleep(reply.delayMillis());
      }
      byte[] bytes = reply.status() == 204 ? new byte[0] : reply.body().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : (long) bytes.length * reply.chunks());
      try (OutputStream out = exchange.getResponseBody()) {
        for (int i = 0; i < reply.chunks(); i++) {
          out.write(bytes);
          out.flush();
          if (reply.chunkPauseMillis() > 0) {
            Thread.sleep(reply.chunkPauseMillis());
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException closedByTheRelay) {
      // the relay stopped reading (a capped or timed-out body): nothing to answer
    }
  }

  private static String header(HttpExchange exchange, String name) {
    String value = exchange.getRequestHeaders().getFirst(name);
    return value == null ? "" : value;
  }

  /** The receiver's own HMAC-SHA256 over the Standard Webhooks content, keyed with the secret's base64 bytes. */
  private static String hmac(String secret, String content) {
    try {
      byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** @return every receipt of every endpoint */
  public List<Receipt> allReceipts() {
    List<Receipt> all = new ArrayList<>();
    receipts.values().forEach(all::addAll);
    return all;
  }
}
