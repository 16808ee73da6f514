package dev.partnerkit.policy.surface.documents;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.internal.Checks;
import dev.partnerkit.policy.surface.ArtifactVersion;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * The body of one immutable document version ({@code DocumentVersion}): the metadata of one upload — never the bytes,
 * which the host stores. Its record's placement parent is the {@code partner_document}; {@link #versionNumber()}
 * counts the uploads of that document from 1. The host's storage key is never shown to partners: partner sessions read
 * this body through {@link Documents#VERSION}'s partner view, which leaves it out.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableDocumentVersionBody.class)
@JsonDeserialize(as = ImmutableDocumentVersionBody.class)
public abstract class DocumentVersionBody implements ArtifactVersion {
  /** Highest version number. */
  public static final int MAX_VERSION_NUMBER = 100_000;
  /** Largest size recorded, in bytes (1 TiB). */
  public static final long MAX_SIZE_BYTES = 1L << 40;
  /** Longest storage key. */
  public static final int MAX_STORAGE_KEY_LENGTH = 1024;

  private static final Pattern MEDIA_TYPE =
      Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]{0,126}/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}");
  private static final Pattern CONTENT_HASH = Pattern.compile("sha256:[0-9a-f]{64}");

  /** @return the version's number within its document, from 1 */
  @Override
  public abstract int versionNumber();

  /** @return the title of this upload, e.g. the file's name */
  public abstract String title();

  /** @return the kind of the document it is a version of */
  public abstract DocumentKind kind();

  /** @return the media type, lower case, e.g. {@code application/pdf} */
  public abstract String mediaType();

  /** @return the size of the file, in bytes */
  public abstract long sizeBytes();

  /** @return the hash of the file's bytes, {@code sha256:} and 64 lower-case hex digits */
  public abstract String contentHash();

  /**
   * @return the host's key for the stored bytes (an object-store key, a path); present in what operators read, always
   *     empty in what partners read
   */
  public abstract Optional<String> storageKey();

  @Value.Check
  protected DocumentVersionBody check() {
    Checks.check(versionNumber() >= 1 && versionNumber() <= MAX_VERSION_NUMBER, "versionNumber",
        "versionNumber must be between 1 and " + MAX_VERSION_NUMBER + ", but was " + versionNumber());
    Checks.text("title", title(), Checks.MAX_NAME_LENGTH);
    Checks.check(sizeBytes() >= 0 && sizeBytes() <= MAX_SIZE_BYTES, "sizeBytes",
        "sizeBytes must be between 0 and " + MAX_SIZE_BYTES + ", but was " + sizeBytes());
    Checks.check(CONTENT_HASH.matcher(contentHash()).matches(), "contentHash",
        "contentHash must be sha256: and 64 lower-case hex digits, but was " + Checks.show(contentHash()));
    storageKey().ifPresent(k -> Checks.text("storageKey", k, MAX_STORAGE_KEY_LENGTH));
    String media = mediaType().toLowerCase(Locale.ROOT);
    Checks.check(MEDIA_TYPE.matcher(media).matches(), "mediaType",
        "mediaType must be a type/subtype like application/pdf, but was " + Checks.show(mediaType()));
    return media.equals(mediaType()) ? this : ImmutableDocumentVersionBody.copyOf(this).withMediaType(media);
  }

  /** @return this body without the storage key: what partners read */
  public DocumentVersionBody withoutStorageKey() {
    return storageKey().isEmpty() ? this : ImmutableDocumentVersionBody.copyOf(this).withStorageKey(Optional.empty());
  }

  /** @return a new builder */
  public static ImmutableDocumentVersionBody.Builder builder() {
    return ImmutableDocumentVersionBody.builder();
  }
}
