package dev.partnerkit.policy.surface.documents;

import dev.partnerkit.domain.EventId;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.Placement;
import dev.partnerkit.domain.RecordNotFoundException;
import dev.partnerkit.domain.Visibility;
import dev.partnerkit.domain.internal.Checks;
import dev.partnerkit.policy.workspace.CommandResult;
import dev.partnerkit.policy.workspace.ReadResult;
import dev.partnerkit.policy.workspace.RecordCommands;
import dev.partnerkit.spi.RecordQuery;
import dev.partnerkit.spi.TypedRecord;
import dev.partnerkit.spi.VersionConflictException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The operator's side of the documents surface ({@code /api/v1/partners/documents}): register partner documents and
 * link them to an Event, job or proposal before or after the partner's upload, upload versions on a partner's
 * behalf, tag, record and revoke document access grants, archive, withdraw a wrong version, and read documents with
 * their Event command context. A thin typed layer over {@link RecordCommands}: every command is decided, journaled
 * and idempotent. Files never promote commercial, payment or readiness state.
 */
public final class OperatorDocuments {
  private final RecordCommands records;

  private OperatorDocuments(RecordCommands records) {
    this.records = records;
  }

  /** @return the documents facade over an operator's record commands */
  public static OperatorDocuments over(RecordCommands records) {
    return new OperatorDocuments(Checks.required("records", records));
  }

  /** Registers a document, with the links of the draft; the partner may upload its versions later. */
  public CommandResult register(String idempotencyKey, DocumentDraft draft) {
    Checks.required("draft", draft);
    Placement placement = Placement.builder().occasionId(draft.occasionId()).eventId(draft.eventId())
        .partnerId(draft.partnerId()).build();
    List<RecordCommands.NewLink> links = new ArrayList<>();
    for (DocumentLinkTarget target : draft.links()) {
      links.add(new RecordCommands.NewLink(Documents.LINKED_TO, target.ref()));
    }
    return records.create(idempotencyKey, Documents.TYPE, placement, draft.visibility(), draft.body(), links);
  }

  /**
   * Uploads the next version of a document (numbered after the versions there are), with the document's placement
   * and visibility.
   *
   * @throws RecordNotFoundException when there is no such document
   * @throws VersionConflictException when another upload took the same number first; nothing is written, upload
   *     again with a new key
   */
  public CommandResult upload(String idempotencyKey, DocumentId documentId, DocumentUpload upload) {
    return Uploads.upload(records, idempotencyKey, documentId, upload);
  }

  /** Links a document to an Event, job or proposal: the exact link its Event identity resolves through. */
  public CommandResult link(String idempotencyKey, DocumentId documentId, DocumentLinkTarget target) {
    Checks.required("target", target);
    return records.link(idempotencyKey, Documents.TYPE, Checks.required("documentId", documentId).value(),
        Documents.LINKED_TO, target.ref());
  }

  /** Removes a link of a document. */
  public CommandResult unlink(String idempotencyKey, DocumentId documentId, DocumentLinkTarget target) {
    Checks.required("target", target);
    return records.unlink(idempotencyKey, Documents.TYPE, Checks.required("documentId", documentId).value(),
        Documents.LINKED_TO, target.ref());
  }

  /**
   * Records that a document is shared with the partner it is with, and why (a document access grant under it).
   *
   * @return the outcome; {@link CommandResult#recordId()} is the access grant
   */
  public CommandResult grantAccess(String idempotencyKey, DocumentId documentId, String reason) {
    return records.createUnder(idempotencyKey, Documents.ACCESS,
        Documents.TYPE.ref(Checks.required("documentId", documentId).value()), Visibility.PARTNER_VISIBLE,
        DocumentAccessBody.of(reason), List.of());
  }

  /** Revokes a document access grant. */
  public CommandResult revokeAccess(String idempotencyKey, String accessGrantId) {
    return records.transition(idempotencyKey, Documents.ACCESS, accessGrantId, AccessStatus.REVOKED, null);
  }

  /** Tags a document; {@link CommandResult#recordId()} is the tag. */
  public CommandResult tag(String idempotencyKey, DocumentId documentId, String label) {
    return Uploads.tag(records, idempotencyKey, documentId, label);
  }

  /** Takes a tag off. */
  public CommandResult untag(String idempotencyKey, String tagId) {
    return records.transition(idempotencyKey, Documents.TAG, tagId, TagStatus.REMOVED, null);
  }

  /** Archives a document; its versions stay. */
  public CommandResult archive(String idempotencyKey, DocumentId documentId) {
    return records.transition(idempotencyKey, Documents.TYPE, Checks.required("documentId", documentId).value(),
        DocumentStatus.ARCHIVED, null);
  }

  /** Brings an archived document back. */
  public CommandResult restore(String idempotencyKey, DocumentId documentId) {
    return records.transition(idempotencyKey, Documents.TYPE, Checks.required("documentId", documentId).value(),
        DocumentStatus.ACTIVE, null);
  }

  /** Marks a version as not to be used (a wrong file); its content is kept unchanged. */
  public CommandResult withdrawVersion(String idempotencyKey, DocumentVersionId versionId) {
    return records.transition(idempotencyKey, Documents.VERSION, Checks.required("versionId", versionId).value(),
        VersionStatus.WITHDRAWN, null);
  }

  /**
   * @return the document with its versions (storage keys included), links, tags and access grants
   * @throws RecordNotFoundException when the tenant has no such document
   */
  public ReadResult<DocumentView> get(DocumentId documentId) {
    return DocumentViews.one(records, Checks.required("documentId", documentId));
  }

  /** @return the first page (up to 500) of the occasion's documents, every partner's */
  public ReadResult<DocumentView> list(OccasionId occasionId) {
    Checks.required("occasionId", occasionId);
    return list(RecordQuery.of(Documents.TYPE.wireName(), occasionId).limit(RecordQuery.MAX_LIMIT).build());
  }

  /** @return one page of documents matching {@code query} (its type must be {@code partner_document}) */
  public ReadResult<DocumentView> list(RecordQuery query) {
    return DocumentViews.page(records, records.list(Documents.TYPE, query), query.occasionId());
  }

  /**
   * @return one exact version, storage key included
   * @throws RecordNotFoundException when the tenant has no such version
   */
  public ReadResult<DocumentVersionView> version(DocumentVersionId versionId) {
    ReadResult<TypedRecord<DocumentVersionBody, VersionStatus>> read =
        records.get(Documents.VERSION, Checks.required("versionId", versionId).value());
    return read.map(read.items().stream().map(DocumentVersionView::of).toList());
  }

  /** @return the document's Event command context, with the default paths and no selected Event */
  public ReadResult<DocumentContext> context(DocumentId documentId) {
    return context(documentId, Optional.empty(), DocumentPaths.defaults());
  }

  /**
   * @param selectedEvent the Event the operator opened the document from, preserved by the fallback href
   * @param paths the host's path templates
   * @return the document's Event command context
   * @throws RecordNotFoundException when the tenant has no such document
   */
  public ReadResult<DocumentContext> context(DocumentId documentId, Optional<EventId> selectedEvent,
      DocumentPaths paths) {
    Checks.required("selectedEvent", selectedEvent);
    Checks.required("paths", paths);
    ReadResult<DocumentView> read = get(documentId);
    return read.map(read.items().stream().map(d -> DocumentContext.of(d, selectedEvent, paths)).toList());
  }
}
