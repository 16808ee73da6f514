package dev.partnerkit.policy.surface.documents;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.internal.Checks;
import org.immutables.value.Value;

/**
 * The metadata of one upload, as the host has it after storing the bytes: title, media type, size, content hash and
 * the host's storage key. The workspace numbers the version and keeps the storage key from partners.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableDocumentUpload.class)
@JsonDeserialize(as = ImmutableDocumentUpload.class)
public abstract class DocumentUpload {
  /** @return the title of the upload, e.g. the file's name */
  public abstract String title();

  /** @return the media type, e.g. {@code application/pdf} */
  public abstract String mediaType();

  /** @return the size in bytes */
  public abstract long sizeBytes();

  /** @return {@code sha256:} and 64 lower-case hex digits */
  public abstract String contentHash();

  /** @return the host's key for the stored bytes; never shown to partners */
  public abstract String storageKey();

  @Value.Check
  protected void check() {
    Checks.text("storageKey", storageKey(), DocumentVersionBody.MAX_STORAGE_KEY_LENGTH);
    body(1, DocumentKind.OTHER); // the rest validates as a version body
  }

  /**
   * @param versionNumber the number the version gets
   * @param kind the kind of the document
   * @return the version body of this upload
   */
  public DocumentVersionBody body(int versionNumber, DocumentKind kind) {
    return DocumentVersionBody.builder().versionNumber(versionNumber).title(title()).kind(kind)
        .mediaType(mediaType()).sizeBytes(sizeBytes()).contentHash(contentHash()).storageKey(storageKey()).build();
  }

  /** @return a new builder */
  public static ImmutableDocumentUpload.Builder builder() {
    return ImmutableDocumentUpload.builder();
  }
}
