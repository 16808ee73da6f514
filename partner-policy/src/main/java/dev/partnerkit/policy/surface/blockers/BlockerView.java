package dev.partnerkit.policy.surface.blockers;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.EventId;
import dev.partnerkit.domain.JobId;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A job readiness blocker as hosts read it: the host's observation, the host's assignments and waivers of it (read
 * only), and the partner's responses — each only as far as the reader may see them. Nothing here says readiness is
 * cleared: that is the host's readiness service's to say.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableBlockerView.class)
@JsonDeserialize(as = ImmutableBlockerView.class)
public abstract class BlockerView {
  /**
   * A blocker assignment, as the host reported it.
   *
   * @param assignmentId the assignment record
   * @param assignee who is responsible
   * @param dueAt when it is due, if ever
   * @param active whether it stands
   */
  public record Assignment(String assignmentId, String assignee, Optional<Instant> dueAt, boolean active) {}

  /**
   * A blocker waiver, as the host reported it.
   *
   * @param waiverId the waiver record
   * @param reason why the host waived it
   * @param waivedBy who waived it
   * @param active whether it stands
   */
  public record Waiver(String waiverId, String reason, String waivedBy, boolean active) {}

  /** @return the blocker */
  public abstract BlockerId blockerId();

  /** @return the tenant */
  public abstract TenantId tenantId();

  /** @return the occasion */
  public abstract OccasionId occasionId();

  /** @return the event, if any */
  public abstract Optional<EventId> eventId();

  /** @return the partner asked to respond */
  public abstract Optional<PartnerId> partnerId();

  /** @return the job */
  public abstract JobId jobId();

  /** @return the kind */
  public abstract BlockerKind kind();

  /** @return what proof is missing */
  public abstract String missingProof();

  /** @return more about it, if any */
  public abstract Optional<String> detail();

  /** @return open or resolved, as the host observes it */
  public abstract ObservationStatus status();

  /** @return the host's assignments of it */
  public abstract List<Assignment> assignments();

  /** @return the host's waivers of it */
  public abstract List<Waiver> waivers();

  /** @return the partner's responses, oldest first */
  public abstract List<ResponseView> responses();

  /** @return the record's version */
  public abstract long version();
}
