package dev.partnerkit.policy.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.internal.Checks;
import dev.partnerkit.spi.OutboxEvent;
import java.io.IOException;

/**
 * Where a host publishes its business events into Partnerkit's outbox, from {@link PartnerWorkspace#events()}. The
 * event is appended in the unit of work the storage has open — with a joined JDBC storage, the host's own
 * transaction, so the event commits or rolls back with the host's change — or in one of its own. Partnerkit's own
 * record events (partner-visible kernel records, data class {@code partner_record}) go into the same outbox.
 *
 * <pre>{@code
 * workspace.events().publish(tenantId, BusinessEvent.builder().type(BusinessEvent.PRINTABLE_GENERATED)
 *     .placement(Placement.builder().occasionId(wedding).resourceId(ResourceId.of("art-7")).build())
 *     .dataClass(DataClass.PRINT_ASSET).subjectId("art-7").data("{\"artifact\":\"art-7\",\"pages\":4}").build());
 * }</pre>
 */
public final class EventPublisher {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final WorkspaceEngine engine;

  EventPublisher(WorkspaceEngine engine) {
    this.engine = engine;
  }

  /**
   * @param tenantId the tenant the event belongs to
   * @param event the event
   * @return the outbox event's id
   * @throws InvalidValueException naming {@code event.data} when the data is not a JSON object
   * @throws dev.partnerkit.domain.RecordNotFoundException when the tenant is not in the directory
   */
  public String publish(TenantId tenantId, BusinessEvent event) {
    Checks.required("tenantId", tenantId);
    Checks.required("event", event);
    requireObject(event.data());
    return engine.storage.unitOfWork().inTransaction(() -> {
      engine.tenant(tenantId);
      OutboxEvent appended = engine.event(tenantId, event.type(), event.subjectId(), event.data(), engine.now(),
          event.placement(), event.dataClass());
      engine.storage.outbox().append(appended);
      return appended.eventId();
    });
  }

  private static void requireObject(String data) {
    JsonNode node;
    try {
      node = MAPPER.readTree(data);
    } catch (IOException e) {
      throw new InvalidValueException("event.data", "event.data must be a JSON object, but is not JSON");
    }
    if (node == null || !node.isObject()) {
      throw new InvalidValueException("event.data", "event.data must be a JSON object, but was "
          + Checks.show(data));
    }
  }
}
