package dev.partnerkit.policy.surface.approvals;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.EventId;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.policy.surface.ArtifactTarget;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An approval request as hosts read it: the exact version asked about (as asked), its requirements, its decisions
 * (stale ones marked, none deleted), the newest version of the artifact, where the request stands, and — when the
 * newest version has no standing decision — the version that needs a decision.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableApprovalRequest.class)
@JsonDeserialize(as = ImmutableApprovalRequest.class)
public abstract class ApprovalRequest {
  /** @return the request */
  public abstract ApprovalRequestId requestId();

  /** @return the tenant */
  public abstract TenantId tenantId();

  /** @return the occasion */
  public abstract OccasionId occasionId();

  /** @return the event, when the version is about one */
  public abstract Optional<EventId> eventId();

  /** @return the partner asked to approve */
  public abstract PartnerId partnerId();

  /** @return a short title */
  public abstract String title();

  /** @return what the operator says to the approver */
  public abstract Optional<String> message();

  /** @return the exact version approval was asked for */
  public abstract ArtifactTarget target();

  /** @return what the approver is asked to confirm */
  public abstract List<ApprovalRequirement> requirements();

  /** @return when a decision is due */
  public abstract Optional<Instant> dueAt();

  /** @return the request's status (operator-controlled) */
  public abstract ApprovalRequestStatus status();

  /** @return every decision the reader may see, oldest first; stale ones marked */
  public abstract List<ApprovalDecision> decisions();

  /** @return the newest version of the artifact (the target itself when none is newer) */
  public abstract ArtifactTarget newestVersion();

  /** @return where the request stands */
  public abstract ApprovalState state();

  /** @return for an open request with no standing decision, the version that needs one: the newest */
  public abstract Optional<ArtifactTarget> needsDecisionOn();

  /** @return the actor key of the operator who asked */
  public abstract String createdBy();

  /** @return when it was asked */
  public abstract Instant createdAt();

  /** @return optimistic-locking version of the record */
  public abstract long version();

  /** @return the most recent decision that is not stale, if any */
  public Optional<ApprovalDecision> currentDecision() {
    List<ApprovalDecision> all = decisions();
    for (int i = all.size() - 1; i >= 0; i--) {
      if (!all.get(i).stale()) {
        return Optional.of(all.get(i));
      }
    }
    return Optional.empty();
  }
}
