package dev.partnerkit.policy.surface.blockers;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.EventId;
import dev.partnerkit.domain.JobId;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.PartnerId;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What the host reports about a job readiness blocker it observed: where (occasion, maybe an event), the partner
 * asked to respond, the job, the kind, and what proof is missing.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableBlockerReport.class)
@JsonDeserialize(as = ImmutableBlockerReport.class)
public abstract class BlockerReport {
  /** @return the occasion */
  public abstract OccasionId occasionId();

  /** @return the event, if the job belongs to one */
  public abstract Optional<EventId> eventId();

  /** @return the partner asked to respond */
  public abstract PartnerId partnerId();

  /** @return the job */
  public abstract JobId jobId();

  /** @return the kind */
  public abstract BlockerKind kind();

  /** @return what proof is missing */
  public abstract String missingProof();

  /** @return more about it, if any */
  public abstract Optional<String> detail();

  /** @return the host's own id of the blocker, if any */
  public abstract Optional<String> hostReference();

  @Value.Check
  protected void check() {
    body();
  }

  /** @return the observation body this report describes */
  public ObservationBody body() {
    return ObservationBody.builder().jobId(jobId()).kind(kind()).missingProof(missingProof()).detail(detail())
        .hostReference(hostReference()).build();
  }

  /** @return a new builder */
  public static ImmutableBlockerReport.Builder builder() {
    return ImmutableBlockerReport.builder();
  }
}
