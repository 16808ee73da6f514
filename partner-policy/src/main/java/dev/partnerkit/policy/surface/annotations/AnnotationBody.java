package dev.partnerkit.policy.surface.annotations;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.RecordMove;
import dev.partnerkit.domain.internal.Checks;
import dev.partnerkit.policy.surface.ArtifactTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The body of an annotation record: the exact version it is on, the anchor, the text, and the resolution trail (one
 * entry per move, written by the kernel). Never revised; the trail only grows.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableAnnotationBody.class)
@JsonDeserialize(as = ImmutableAnnotationBody.class)
public abstract class AnnotationBody {
  /** Most moves one annotation keeps in its trail; open a new annotation after that. */
  public static final int MAX_TRAIL = 20;
  private static final int TITLE_LENGTH = 80;

  /**
   * @return the exact version; empty only in a create the rules refuse ({@code exact_artifact_version_required}),
   *     never in a stored annotation
   */
  public abstract Optional<ArtifactTarget> target();

  /** @return where on the version */
  public abstract AnnotationAnchor anchor();

  /** @return what the annotation says */
  public abstract String text();

  /** @return every move so far, oldest first */
  public abstract List<AnnotationResolution> trail();

  /** @return the text, cut to 80 characters: the record's title */
  public String title() {
    String line = text().strip().replaceAll("\\s+", " ");
    if (line.length() <= TITLE_LENGTH) {
      return line;
    }
    int end = Character.isHighSurrogate(line.charAt(TITLE_LENGTH - 2)) ? TITLE_LENGTH - 2 : TITLE_LENGTH - 1;
    return line.substring(0, end) + "\u2026";
  }

  /**
   * @return this body with {@code move} at the end of its trail
   * @throws dev.partnerkit.domain.InvalidValueException when the trail is full
   */
  public AnnotationBody withMove(RecordMove move) {
    Checks.check(trail().size() < MAX_TRAIL, "trail", "an annotation keeps at most " + MAX_TRAIL
        + " moves; open a new annotation to go on");
    List<AnnotationResolution> next = new ArrayList<>(trail());
    next.add(AnnotationResolution.of(move));
    return ImmutableAnnotationBody.copyOf(this).withTrail(next);
  }

  @Value.Check
  protected void check() {
    Checks.text("text", text(), Checks.MAX_TEXT_LENGTH);
    Checks.maxSize("trail", trail(), MAX_TRAIL);
  }

  /** @return a new builder */
  public static ImmutableAnnotationBody.Builder builder() {
    return ImmutableAnnotationBody.builder();
  }
}
