package dev.partnerkit.policy.surface.approvals;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.EventId;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.internal.Checks;
import dev.partnerkit.policy.surface.ArtifactPin;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What an operator fills in to ask a partner for approval of an exact version. For a kernel version (a document or
 * run-of-show version) the request sits where the version sits and is asked of the partner the version is with, so
 * occasion, event and partner are left out (or must agree); for a host's proposal artifact version they are given.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableApprovalDraft.class)
@JsonDeserialize(as = ImmutableApprovalDraft.class)
public abstract class ApprovalDraft {
  /** @return the exact version to approve */
  public abstract ArtifactPin pin();

  /** @return the occasion, for a host version */
  public abstract Optional<OccasionId> occasionId();

  /** @return the event, for a host version */
  public abstract Optional<EventId> eventId();

  /** @return the partner asked, for a host version */
  public abstract Optional<PartnerId> partnerId();

  /** @return a short title */
  public abstract String title();

  /** @return what to say to the approver */
  public abstract Optional<String> message();

  /** @return what the approver is asked to confirm */
  public abstract List<ApprovalRequirement> requirements();

  /** @return when a decision is due */
  public abstract Optional<Instant> dueAt();

  @Value.Check
  protected void check() {
    Checks.text("title", title(), Checks.MAX_NAME_LENGTH);
    Checks.maxSize("requirements", requirements(), ApprovalRequestBody.MAX_REQUIREMENTS);
  }

  /** @return a new builder */
  public static ImmutableApprovalDraft.Builder builder() {
    return ImmutableApprovalDraft.builder();
  }
}
