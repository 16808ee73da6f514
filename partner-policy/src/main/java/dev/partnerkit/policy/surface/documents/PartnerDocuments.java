package dev.partnerkit.policy.surface.documents;

import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.PartnerId;
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
import java.util.List;

/**
 * A partner session's side of the documents surface ({@code /api/v1/partner-portal/documents}; no capability: the
 * grant must name the documents surface): read the partner's own documents its grants cover — versions without the
 * host's storage key — add documents, upload new versions and tag them. Links to an Event, job or proposal and
 * document access grants are the operator's. Partner uploads are evidence: they never promote commercial, payment or
 * readiness state.
 */
public final class PartnerDocuments {
  private final RecordCommands records;
  private final OccasionId occasionId;
  private final PartnerId partnerId;

  private PartnerDocuments(RecordCommands records, OccasionId occasionId, PartnerId partnerId) {
    this.records = records;
    this.occasionId = occasionId;
    this.partnerId = partnerId;
  }

  /** @return the documents facade over a partner session's record commands, for its occasion and partner */
  public static PartnerDocuments over(RecordCommands records, OccasionId occasionId, PartnerId partnerId) {
    return new PartnerDocuments(Checks.required("records", records), Checks.required("occasionId", occasionId),
        Checks.required("partnerId", partnerId));
  }

  /** @return the first page (up to 500) of the partner's documents on the occasion that its grants cover */
  public ReadResult<DocumentView> list() {
    return list(RecordQuery.of(Documents.TYPE.wireName(), occasionId).limit(RecordQuery.MAX_LIMIT).build());
  }

  /** @return one page of the partner's visible documents matching {@code query} */
  public ReadResult<DocumentView> list(RecordQuery query) {
    return DocumentViews.page(records, records.list(Documents.TYPE, query), occasionId);
  }

  /**
   * @return one of the partner's visible documents, versions without storage keys
   * @throws RecordNotFoundException when there is no such document, or the partner may not see it
   */
  public ReadResult<DocumentView> get(DocumentId documentId) {
    return DocumentViews.one(records, Checks.required("documentId", documentId));
  }

  /**
   * @return one exact version of a visible document, without its storage key
   * @throws RecordNotFoundException when there is no such version, or the partner may not see it
   */
  public ReadResult<DocumentVersionView> version(DocumentVersionId versionId) {
    ReadResult<TypedRecord<DocumentVersionBody, VersionStatus>> read =
        records.get(Documents.VERSION, Checks.required("versionId", versionId).value());
    return read.map(read.items().stream().map(DocumentVersionView::of).toList());
  }

  /** Adds a document of the partner's own (partner-visible, with the partner); an operator links it later. */
  public CommandResult create(String idempotencyKey, PartnerDocumentDraft draft) {
    Checks.required("draft", draft);
    Placement placement = Placement.builder().occasionId(occasionId).eventId(draft.eventId()).partnerId(partnerId)
        .build();
    return records.create(idempotencyKey, Documents.TYPE, placement, Visibility.PARTNER_VISIBLE, draft.body(),
        List.of());
  }

  /**
   * Uploads the next version of one of the partner's documents.
   *
   * @throws RecordNotFoundException when there is no such document, or the partner may not see it
   * @throws VersionConflictException when another upload took the same number first; nothing is written
   */
  public CommandResult upload(String idempotencyKey, DocumentId documentId, DocumentUpload upload) {
    return Uploads.upload(records, idempotencyKey, documentId, upload);
  }

  /** Tags one of the partner's documents; {@link CommandResult#recordId()} is the tag. */
  public CommandResult tag(String idempotencyKey, DocumentId documentId, String label) {
    return Uploads.tag(records, idempotencyKey, documentId, label);
  }

  /** Takes a tag off one of the partner's documents. */
  public CommandResult untag(String idempotencyKey, String tagId) {
    return records.transition(idempotencyKey, Documents.TAG, tagId, TagStatus.REMOVED, null);
  }
}
