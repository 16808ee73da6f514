package dev.partnerkit.policy.surface.documents;

import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.RecordRef;
import dev.partnerkit.policy.surface.Children;
import dev.partnerkit.policy.workspace.ReadResult;
import dev.partnerkit.policy.workspace.RecordCommands;
import dev.partnerkit.spi.RecordLink;
import dev.partnerkit.spi.TypedRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** Reads documents with their versions, tags, access grants and links, as the reader may see them. */
final class DocumentViews {
  private DocumentViews() {}

  /** @return the document and its parts; an empty result when the read is blocked */
  static ReadResult<DocumentView> one(RecordCommands records, DocumentId id) {
    ReadResult<TypedRecord<DocumentBody, DocumentStatus>> read = records.get(Documents.TYPE, id.value());
    if (read.items().isEmpty()) {
      return read.map(List.of());
    }
    TypedRecord<DocumentBody, DocumentStatus> doc = read.items().get(0);
    OccasionId occasion = doc.placement().occasionId();
    return read.map(List.of(view(records, doc, Children.all(records, Documents.VERSION, occasion, doc.ref()),
        Children.all(records, Documents.TAG, occasion, doc.ref()),
        Children.all(records, Documents.ACCESS, occasion, doc.ref()))));
  }

  /** @return one page of documents, each with the parts the reader may see */
  static ReadResult<DocumentView> page(RecordCommands records,
      ReadResult<TypedRecord<DocumentBody, DocumentStatus>> read, OccasionId occasion) {
    if (read.items().isEmpty()) {
      return read.map(List.of());
    }
    Map<RecordRef, List<TypedRecord<DocumentVersionBody, VersionStatus>>> versions =
        Children.byParent(Children.all(records, Documents.VERSION, occasion, null));
    Map<RecordRef, List<TypedRecord<DocumentTagBody, TagStatus>>> tags =
        Children.byParent(Children.all(records, Documents.TAG, occasion, null));
    Map<RecordRef, List<TypedRecord<DocumentAccessBody, AccessStatus>>> access =
        Children.byParent(Children.all(records, Documents.ACCESS, occasion, null));
    List<DocumentView> out = new ArrayList<>();
    for (TypedRecord<DocumentBody, DocumentStatus> doc : read.items()) {
      out.add(view(records, doc, versions.getOrDefault(doc.ref(), List.of()), tags.getOrDefault(doc.ref(),
          List.of()), access.getOrDefault(doc.ref(), List.of())));
    }
    return read.map(out);
  }

  private static DocumentView view(RecordCommands records, TypedRecord<DocumentBody, DocumentStatus> doc,
      List<TypedRecord<DocumentVersionBody, VersionStatus>> versions,
      List<TypedRecord<DocumentTagBody, TagStatus>> tags,
      List<TypedRecord<DocumentAccessBody, AccessStatus>> access) {
    TreeSet<DocumentLinkTarget> links = new TreeSet<>();
    for (RecordLink link : records.links(Documents.TYPE, doc.id(), Optional.of(Documents.LINKED_TO))) {
      DocumentLinkTarget.from(link.to()).ifPresent(links::add);
    }
    List<DocumentVersionView> versionViews = new ArrayList<>();
    versions.stream().map(DocumentVersionView::of).sorted(Comparator.comparingInt(DocumentVersionView::versionNumber)
        .thenComparing(DocumentVersionView::versionId)).forEach(versionViews::add);
    DocumentBody body = doc.body();
    ImmutableDocumentView.Builder b = ImmutableDocumentView.builder().documentId(DocumentId.of(doc.id()))
        .tenantId(doc.tenantId()).occasionId(doc.placement().occasionId()).eventId(doc.placement().eventId())
        .partnerId(doc.placement().partnerId()).title(body.title()).kind(body.kind())
        .description(body.description()).status(doc.status()).visibility(doc.visibility()).versions(versionViews)
        .links(links).createdBy(doc.createdBy()).version(doc.version());
    for (TypedRecord<DocumentTagBody, TagStatus> tag : tags) {
      b.addTags(new DocumentView.Tag(tag.id(), tag.body().label(), tag.status() == TagStatus.ACTIVE));
    }
    for (TypedRecord<DocumentAccessBody, AccessStatus> grant : access) {
      b.addAccessGrants(new DocumentView.Access(grant.id(), grant.placement().partnerId(), grant.body().reason(),
          grant.status() == AccessStatus.ACTIVE, grant.createdBy()));
    }
    return b.build();
  }
}
