package dev.partnerkit.policy.surface.annotations;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.EventId;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.Visibility;
import dev.partnerkit.policy.surface.ArtifactTarget;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An annotation as hosts read it: its target (exact version and anchor), text, status and resolution trail, as made
 * and moved, and whether a newer version of the artifact exists (the annotation stays on its own version).
 */
@Value.Immutable
@JsonSerialize(as = ImmutableAnnotation.class)
@JsonDeserialize(as = ImmutableAnnotation.class)
public abstract class Annotation {
  /** @return the annotation */
  public abstract AnnotationId annotationId();

  /** @return the tenant */
  public abstract TenantId tenantId();

  /** @return the occasion */
  public abstract OccasionId occasionId();

  /** @return the event, when the version is about one */
  public abstract Optional<EventId> eventId();

  /** @return the partner it is with, if any (an operator's internal note may be with none) */
  public abstract Optional<PartnerId> partnerId();

  /** @return partner-visible, or the operator's internal-only note */
  public abstract Visibility visibility();

  /** @return the exact version and the anchor */
  public abstract AnnotationTarget target();

  /** @return what it says */
  public abstract String text();

  /** @return the status */
  public abstract AnnotationStatus status();

  /** @return every move, oldest first */
  public abstract List<AnnotationResolution> trail();

  /** @return the newest version of the artifact, when it is newer than the annotated one */
  public abstract Optional<ArtifactTarget> newerVersion();

  /** @return the actor key of the author */
  public abstract String createdBy();

  /** @return when it was made */
  public abstract Instant createdAt();

  /** @return optimistic-locking version of the record */
  public abstract long version();
}
