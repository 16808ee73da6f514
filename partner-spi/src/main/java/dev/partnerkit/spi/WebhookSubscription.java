package dev.partnerkit.spi;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.IntegrationPrincipalId;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.internal.Checks;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * One webhook endpoint of one integration principal: where to deliver, which event types, the signing secret
 * ({@code whsec_} + base64 of at least 24 random bytes, per Standard Webhooks) and whether it is enabled. During a
 * secret rotation the previous secret signs too, until {@link #previousSecretUntil()}. The relay counts consecutive
 * failed attempts and disables the endpoint after sustained failure; an operator enables it again.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableWebhookSubscription.class)
@JsonDeserialize(as = ImmutableWebhookSubscription.class)
public abstract class WebhookSubscription {
  /** The prefix of every signing secret. */
  public static final String SECRET_PREFIX = "whsec_";
  /** Longest endpoint URL. */
  public static final int MAX_URL_LENGTH = 2000;
  /** Most event types one subscription may name. */
  public static final int MAX_EVENT_TYPES = 64;

  /** @return the tenant */
  public abstract TenantId tenantId();

  /** @return the subscription's id, unique in the tenant */
  public abstract String subscriptionId();

  /** @return the integration principal it delivers to */
  public abstract IntegrationPrincipalId principalId();

  /** @return the partner that owns the principal */
  public abstract PartnerId partnerId();

  /** @return the endpoint, an absolute http or https URL */
  public abstract String endpointUrl();

  /** @return the event types delivered, e.g. {@code printable.generated}; at least one */
  public abstract Set<String> eventTypes();

  /** @return the current signing secret, {@code whsec_...} */
  @Value.Redacted
  public abstract String secret();

  /** @return the previous secret, still signing during a rotation's overlap */
  @Value.Redacted
  public abstract Optional<String> previousSecret();

  /** @return the end of the rotation's overlap (exclusive); without it the previous secret signs nothing */
  public abstract Optional<Instant> previousSecretUntil();

  /** @return whether the relay delivers to it */
  @Value.Default
  public boolean enabled() {
    return true;
  }

  /** @return why it was disabled (by the relay after sustained failure, or by an operator) */
  public abstract Optional<String> disabledReason();

  /** @return failed attempts in a row since the last success */
  @Value.Default
  public int consecutiveFailures() {
    return 0;
  }

  /** @return when the current run of failures began */
  public abstract Optional<Instant> failingSince();

  /** @return when it was created */
  public abstract Instant createdAt();

  /** @return optimistic-locking version, raised by one at every change */
  @Value.Default
  public long version() {
    return 0;
  }

  /** @return the secrets that sign a request sent at {@code now}: the current one, and the previous one during the overlap */
  public final List<String> signingSecrets(Instant now) {
    List<String> out = new ArrayList<>(2);
    out.add(secret());
    if (previousSecret().isPresent() && previousSecretUntil().map(now::isBefore).orElse(false)) {
      out.add(previousSecret().get());
    }
    return out;
  }

  @Value.Check
  protected void check() {
    Checks.identifier("subscriptionId", subscriptionId());
    checkUrl(endpointUrl());
    Checks.check(!eventTypes().isEmpty(), "eventTypes", "eventTypes must name at least one event type, but was []");
    Checks.maxSize("eventTypes", eventTypes(), MAX_EVENT_TYPES);
    for (String type : eventTypes()) {
      Checks.check(type.length() <= 64 && OutboxEvent.isEventType(type), "eventTypes",
          "eventTypes must be dotted lower-case event names like printable.generated, but held " + Checks.show(type));
    }
    checkSecret("secret", secret());
    previousSecret().ifPresent(p -> checkSecret("previousSecret", p));
    disabledReason().ifPresent(r -> Checks.text("disabledReason", r, 400));
    Checks.check(consecutiveFailures() >= 0, "consecutiveFailures",
        "consecutiveFailures must not be negative, but was " + consecutiveFailures());
    Checks.nonNegative("version", version());
  }

  /**
   * @param url the endpoint
   * @throws dev.partnerkit.domain.InvalidValueException naming {@code endpointUrl} unless it is an absolute http or
   *     https URL with a host, no user info and at most {@link #MAX_URL_LENGTH} characters
   */
  public static void checkUrl(String url) {
    Checks.text("endpointUrl", url, MAX_URL_LENGTH);
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new dev.partnerkit.domain.InvalidValueException("endpointUrl",
          "endpointUrl must be an absolute http or https URL, but was " + Checks.show(url));
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    Checks.check((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
        && uri.getRawUserInfo() == null && uri.getRawFragment() == null, "endpointUrl",
        "endpointUrl must be an absolute http or https URL with a host and no user info or fragment, but was "
            + Checks.show(url));
  }

  /**
   * @param field the field, for the message
   * @param secret a signing secret
   * @return the secret's key bytes (the base64 after {@code whsec_})
   * @throws dev.partnerkit.domain.InvalidValueException naming {@code field} unless it is {@code whsec_} followed by
   *     the base64 of 24 to 64 bytes
   */
  public static byte[] secretBytes(String field, String secret) {
    Checks.required(field, secret);
    Checks.check(secret.startsWith(SECRET_PREFIX), field, field + " must start with " + SECRET_PREFIX);
    byte[] key;
    try {
      key = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
    } catch (IllegalArgumentException e) {
      throw new dev.partnerkit.domain.InvalidValueException(field, field + " must be " + SECRET_PREFIX
          + " followed by base64");
    }
    Checks.check(key.length >= 24 && key.length <= 64, field, field + " must hold 24 to 64 key bytes, but held "
        + key.length);
    return key;
  }

  private static void checkSecret(String field, String secret) {
    secretBytes(field, secret);
  }

  /** @return a new builder */
  public static ImmutableWebhookSubscription.Builder builder() {
    return ImmutableWebhookSubscription.builder();
  }
}
