package dev.partnerkit.policy.surface;

import static dev.partnerkit.domain.ActorKind.INTEGRATION;
import static dev.partnerkit.domain.ActorKind.OPERATOR;
import static dev.partnerkit.domain.ActorKind.PARTNER_MEMBER;

import dev.partnerkit.domain.Lifecycle;
import dev.partnerkit.domain.Placement;
import dev.partnerkit.domain.RecordType;
import dev.partnerkit.domain.Surface;
import dev.partnerkit.domain.WireNamed;
import dev.partnerkit.domain.internal.Checks;
import java.util.Locale;

/**
 * A host's own artifact types, as a host would register them: a {@code test_document} artifact and its
 * {@code test_document_version}s, whose body is an {@link ArtifactVersion} and whose placement parent is the document.
 * Registered through {@code PartnerWorkspace.builder().recordType(...)}; the approvals and annotations code finds a
 * version type by its body in the workspace's record types, so these prove that any host type qualifies (the
 * built-in {@code document_version} is covered by the floor-plan scene). Unlike the built-in documents, versions here
 * may be given any number and visibility, which the staleness tests need.
 */
public final class TestDocuments {
  /** Status of a test document or version: there is only one. */
  public enum Status implements WireNamed {
    /** Stored. */
    STORED;

    @Override
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** A document's body. */
  public record DocumentBody(String title) {
    /** Validates the title. */
    public DocumentBody {
      Checks.text("title", title, Checks.MAX_NAME_LENGTH);
    }
  }

  /** A document version's body. */
  public record VersionBody(int versionNumber, String fileName) implements ArtifactVersion {
    /** Validates the file name. */
    public VersionBody {
      Checks.text("fileName", fileName, Checks.MAX_NAME_LENGTH);
    }
  }

  private static final Lifecycle<Status> STORED = Lifecycle.builder(Status.class, Status.STORED).build();

  /** The test-only document type. */
  public static final RecordType<DocumentBody, Status> DOCUMENT = RecordType
      .builder("test_document", Surface.DOCUMENTS, DocumentBody.class, STORED).noun("document")
      .creators(PARTNER_MEMBER, INTEGRATION, OPERATOR).title(DocumentBody::title)
      .example(new DocumentBody("Reception floor plan")).build();

  /** The test-only document version type: its id is the document's and the number, its resource its own id. */
  public static final RecordType<VersionBody, Status> VERSION = RecordType
      .builder("test_document_version", Surface.DOCUMENTS, VersionBody.class, STORED).noun("document version")
      .creators(PARTNER_MEMBER, INTEGRATION, OPERATOR)
      .idFrom((placement, body) -> placement.parent().orElseThrow().id() + "-v" + body.versionNumber())
      .title(VersionBody::fileName).example(new VersionBody(2, "floor-plan-v2.pdf")).build();

  private TestDocuments() {}

  /** @return where version {@code number} of {@code document} (placed at {@code document}) sits */
  public static Placement versionPlacement(Placement document, String documentId, int number) {
    return Placement.builder().from(document).parent(DOCUMENT.ref(documentId))
        .resourceId(dev.partnerkit.domain.ResourceId.of(documentId + "-v" + number)).build();
  }
}
