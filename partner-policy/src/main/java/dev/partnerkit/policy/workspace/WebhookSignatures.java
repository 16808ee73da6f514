package dev.partnerkit.policy.workspace;

import dev.partnerkit.domain.internal.Checks;
import dev.partnerkit.spi.WebhookSubscription;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures: {@code webhook-signature} is {@code v1,} followed by the base64 HMAC-SHA256, keyed
 * with the bytes of the {@code whsec_} secret's base64, of {@code <webhook-id>.<webhook-timestamp>.<body>}; several
 * signatures (during a secret rotation) are separated by spaces. Receivers on the JDK can verify with
 * {@link #verify}; the README shows the same check in a few lines of plain {@code javax.crypto}.
 */
public final class WebhookSignatures {
  /** How far a {@code webhook-timestamp} may be from the receiver's clock, by default: five minutes. */
  public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);
  private static final SecureRandom RANDOM = new SecureRandom();

  private WebhookSignatures() {}

  /** @return a new signing secret: {@code whsec_} and the base64 of 32 random bytes */
  public static String newSecret() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return WebhookSubscription.SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
  }

  /**
   * @param secret a {@code whsec_} secret
   * @param webhookId the {@code webhook-id}
   * @param timestamp the {@code webhook-timestamp}, seconds since the epoch
   * @param body the request body, exactly as sent
   * @return one signature, {@code v1,<base64>}
   */
  public static String sign(String secret, String webhookId, long timestamp, String body) {
    byte[] key = WebhookSubscription.secretBytes("secret", secret);
    Checks.required("webhookId", webhookId);
    Checks.required("body", body);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] digest = mac.doFinal((webhookId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
      return "v1," + Base64.getEncoder().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  /** @return the {@code webhook-signature} header: one signature per secret, separated by spaces */
  public static String header(List<String> secrets, String webhookId, long timestamp, String body) {
    Checks.check(!secrets.isEmpty(), "secrets", "secrets must hold at least one secret, but was []");
    StringBuilder out = new StringBuilder();
    for (String secret : secrets) {
      out.append(out.length() == 0 ? "" : " ").append(sign(secret, webhookId, timestamp, body));
    }
    return out.toString();
  }

  /**
   * Verifies a request as a receiver should: the timestamp within {@code tolerance} of {@code now}, and one of the
   * header's {@code v1} signatures equal (in constant time) to the one {@code secret} makes.
   *
   * @return whether the request is authentic and fresh
   */
  public static boolean verify(String secret, String webhookId, String timestampHeader, String body,
      String signatureHeader, Instant now, Duration tolerance) {
    if (secret == null || webhookId == null || timestampHeader == null || body == null || signatureHeader == null
        || now == null || tolerance == null) {
      return false; // a request without one of the headers is not authentic
    }
    long timestamp;
    try {
      timestamp = Long.parseLong(timestampHeader.trim());
    } catch (NumberFormatException e) {
      return false;
    }
    if (Math.abs(now.getEpochSecond() - timestamp) > tolerance.toSeconds()) {
      return false;
    }
    byte[] expected = sign(secret, webhookId, timestamp, body).getBytes(StandardCharsets.US_ASCII);
    boolean match = false;
    for (String candidate : signatureHeader.trim().split(" +")) {
      match |= MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.US_ASCII));
    }
    return match;
  }
}
