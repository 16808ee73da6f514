package dev.partnerkit.policy.surface.annotations;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.EventId;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.internal.Checks;
import dev.partnerkit.policy.surface.ArtifactPin;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What an author fills in to annotate an exact version: the version, the anchor and the text. For a kernel version
 * the annotation sits where the version sits; for a host's proposal artifact version an operator names the occasion
 * and partner (and either side the event).
 */
@Value.Immutable
@JsonSerialize(as = ImmutableAnnotationDraft.class)
@JsonDeserialize(as = ImmutableAnnotationDraft.class)
public abstract class AnnotationDraft {
  /** @return the exact version */
  public abstract ArtifactPin pin();

  /** @return where on it */
  public abstract AnnotationAnchor anchor();

  /** @return what the annotation says */
  public abstract String text();

  /** @return the occasion, for a host version (operators) */
  public abstract Optional<OccasionId> occasionId();

  /** @return the event, for a host version */
  public abstract Optional<EventId> eventId();

  /** @return the partner, for a host version (operators) */
  public abstract Optional<PartnerId> partnerId();

  @Value.Check
  protected void check() {
    Checks.text("text", text(), Checks.MAX_TEXT_LENGTH);
  }

  /** @return a new builder */
  public static ImmutableAnnotationDraft.Builder builder() {
    return ImmutableAnnotationDraft.builder();
  }
}
