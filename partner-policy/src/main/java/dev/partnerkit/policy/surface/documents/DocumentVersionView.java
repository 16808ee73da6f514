package dev.partnerkit.policy.surface.documents;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.RecordRef;
import dev.partnerkit.spi.TypedRecord;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One exact version of a document as hosts read it. Approvals and annotations pin it by {@link #ref()}. Read by a
 * partner, {@link #storageKey()} is always empty.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableDocumentVersionView.class)
@JsonDeserialize(as = ImmutableDocumentVersionView.class)
public abstract class DocumentVersionView {
  /** @return the version */
  public abstract DocumentVersionId versionId();

  /** @return the document it is a version of */
  public abstract DocumentId documentId();

  /** @return its number within the document, from 1 */
  public abstract int versionNumber();

  /** @return the title of the upload */
  public abstract String title();

  /** @return the kind of the document */
  public abstract DocumentKind kind();

  /** @return the media type */
  public abstract String mediaType();

  /** @return the size in bytes */
  public abstract long sizeBytes();

  /** @return the content hash */
  public abstract String contentHash();

  /** @return the host's storage key; empty whenever a partner reads */
  public abstract Optional<String> storageKey();

  /** @return available or withdrawn */
  public abstract VersionStatus status();

  /** @return the actor key of whoever uploaded it */
  public abstract String uploadedBy();

  /** @return when it was uploaded */
  public abstract Instant uploadedAt();

  /** @return the kernel reference approvals and annotations pin: {@code document_version:<id>} */
  public RecordRef ref() {
    return Documents.VERSION.ref(versionId().value());
  }

  static DocumentVersionView of(TypedRecord<DocumentVersionBody, VersionStatus> record) {
    DocumentVersionBody body = record.body();
    return ImmutableDocumentVersionView.builder().versionId(DocumentVersionId.of(record.id()))
        .documentId(DocumentId.of(record.placement().parent().orElseThrow(() -> new IllegalStateException(
            "document version " + record.id() + " has no document")).id()))
        .versionNumber(body.versionNumber()).title(body.title()).kind(body.kind()).mediaType(body.mediaType())
        .sizeBytes(body.sizeBytes()).contentHash(body.contentHash()).storageKey(body.storageKey())
        .status(record.status()).uploadedBy(record.createdBy()).uploadedAt(record.createdAt()).build();
  }
}
