package dev.partnerkit.policy.surface.documents;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.internal.Checks;
import java.util.Locale;
import org.immutables.value.Value;

/**
 * The body of a document tag ({@code DocumentTag}): one label on a document, trimmed and in lower case. The record
 * sits under the document.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableDocumentTagBody.class)
@JsonDeserialize(as = ImmutableDocumentTagBody.class)
public abstract class DocumentTagBody {
  /** Longest label. */
  public static final int MAX_LABEL_LENGTH = 64;

  /** @return the label, e.g. {@code layout} */
  public abstract String label();

  @Value.Check
  protected DocumentTagBody check() {
    Checks.text("label", label(), MAX_LABEL_LENGTH);
    String normal = label().strip().toLowerCase(Locale.ROOT);
    return normal.equals(label()) ? this : ImmutableDocumentTagBody.builder().label(normal).build();
  }

  /** @return the body with {@code label} */
  public static DocumentTagBody of(String label) {
    return ImmutableDocumentTagBody.builder().label(label).build();
  }
}
