package dev.partnerkit.policy.surface.documents;

import dev.partnerkit.domain.Visibility;
import dev.partnerkit.domain.internal.Checks;
import dev.partnerkit.policy.workspace.CommandResult;
import dev.partnerkit.policy.workspace.RecordCommands;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Uploads and tags, the same for operators and partners. */
final class Uploads {
  private Uploads() {}

  /**
   * Creates the next numbered version under the document, at the document's placement and visibility, in one unit of
   * work: the number is the count of its versions plus one, and the version's id is derived from it, so two uploads
   * racing for one number conflict.
   */
  static CommandResult upload(RecordCommands records, String key, DocumentId documentId, DocumentUpload upload) {
    Checks.required("documentId", documentId);
    Checks.required("upload", upload);
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("upload", upload);
    return records.createNumbered(key, Documents.VERSION, Documents.TYPE, documentId.value(),
        (document, number) -> upload.body(number, document.kind()), content, List.of());
  }

  static CommandResult tag(RecordCommands records, String key, DocumentId documentId, String label) {
    Checks.required("documentId", documentId);
    return records.createUnder(key, Documents.TAG, Documents.TYPE.ref(documentId.value()),
        Visibility.PARTNER_VISIBLE, DocumentTagBody.of(label), List.of());
  }
}
