package dev.partnerkit.policy.workspace;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.IntegrationPrincipalId;
import dev.partnerkit.domain.internal.Checks;
import dev.partnerkit.spi.OutboxEvent;
import dev.partnerkit.spi.WebhookSubscription;
import java.util.Set;
import org.immutables.value.Value;

/**
 * What an operator fills in to subscribe an integration principal's endpoint: the principal, the endpoint URL and
 * the event types, each one of the principal's triggers. The workspace adds id, tenant, partner and a new secret.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableSubscriptionDraft.class)
@JsonDeserialize(as = ImmutableSubscriptionDraft.class)
public abstract class SubscriptionDraft {
  /** @return the principal the endpoint belongs to */
  public abstract IntegrationPrincipalId principalId();

  /** @return the endpoint, an absolute http or https URL */
  public abstract String endpointUrl();

  /** @return the event types to deliver; at least one */
  public abstract Set<String> eventTypes();

  @Value.Check
  protected void check() {
    WebhookSubscription.checkUrl(endpointUrl());
    Checks.check(!eventTypes().isEmpty(), "eventTypes", "eventTypes must name at least one event type, but was []");
    Checks.maxSize("eventTypes", eventTypes(), WebhookSubscription.MAX_EVENT_TYPES);
    for (String type : eventTypes()) {
      Checks.check(type.length() <= 64 && OutboxEvent.isEventType(type), "eventTypes",
          "eventTypes must be dotted lower-case event names like printable.generated, but held " + Checks.show(type));
    }
  }

  /** @return a new builder */
  public static ImmutableSubscriptionDraft.Builder builder() {
    return ImmutableSubscriptionDraft.builder();
  }
}
