package dev.partnerkit.policy.surface.documents;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.internal.Checks;
import org.immutables.value.Value;

/**
 * The body of a document access grant ({@code DocumentAccessGrant}): an operator's record that the document was
 * shared with the partner it is with, and why — the access-grant half of the document's proof. The record sits under
 * the document, with the document's partner. It is evidence of the share, not a permission: what a partner can see
 * is decided by the document's placement and the partner's access grants, never by this record.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableDocumentAccessBody.class)
@JsonDeserialize(as = ImmutableDocumentAccessBody.class)
public abstract class DocumentAccessBody {
  /** @return why the document is shared, e.g. "Venue layout for the reception walkthrough" */
  public abstract String reason();

  @Value.Check
  protected void check() {
    Checks.text("reason", reason(), Checks.MAX_NAME_LENGTH);
  }

  /** @return the body with {@code reason} */
  public static DocumentAccessBody of(String reason) {
    return ImmutableDocumentAccessBody.builder().reason(reason).build();
  }
}
