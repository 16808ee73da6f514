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
 * An approval decision as hosts read it: the outcome on its exact version, as recorded, and whether it is stale — a
 * newer version of the target exists ({@link #supersededBy()}), so the decision no longer stands for the artifact.
 * A stale decision is kept, never deleted. Evidence for review only: an approval never records proposal acceptance,
 * settles payment, clears job readiness or proves provider delivery.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableApprovalDecision.class)
@JsonDeserialize(as = ImmutableApprovalDecision.class)
public abstract class ApprovalDecision {
  /** @return the decision */
  public abstract ApprovalDecisionId decisionId();

  /** @return the request it decides */
  public abstract ApprovalRequestId requestId();

  /** @return the tenant */
  public abstract TenantId tenantId();

  /** @return the occasion */
  public abstract OccasionId occasionId();

  /** @return the event, when the version is about one */
  public abstract Optional<EventId> eventId();

  /** @return the partner whose decision it is */
  public abstract PartnerId partnerId();

  /** @return approve, approve with changes, or reject */
  public abstract ApprovalOutcome outcome();

  /** @return the exact version decided on */
  public abstract ArtifactTarget target();

  /** @return the approver's note */
  public abstract Optional<String> note();

  /** @return the changes asked for */
  public abstract List<String> changes();

  /** @return the evidence offered */
  public abstract List<ApprovalEvidence> evidence();

  /** @return the actor key of whoever recorded it, e.g. {@code partner_member:u-vera} */
  public abstract String decidedBy();

  /** @return when it was recorded */
  public abstract Instant decidedAt();

  /** @return whether a newer version of the target exists, so this decision no longer stands */
  public abstract boolean stale();

  /** @return the newest version, when it is newer than the one decided on */
  public abstract Optional<ArtifactTarget> supersededBy();

  /** @return optimistic-locking version of the record */
  public abstract long version();
}
