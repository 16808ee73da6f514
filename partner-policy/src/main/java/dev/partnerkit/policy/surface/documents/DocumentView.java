package dev.partnerkit.policy.surface.documents;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.EventId;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.Visibility;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A partner document as hosts read it: the document record with its versions (oldest first), its links to an Event,
 * job or proposal, its tags and its access grants — each of them only as far as the reader may see them. Read by a
 * partner, no version carries a storage key.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableDocumentView.class)
@JsonDeserialize(as = ImmutableDocumentView.class)
public abstract class DocumentView {
  /**
   * One tag on the document.
   *
   * @param tagId the tag record
   * @param label its label
   * @param active whether it applies
   */
  public record Tag(String tagId, String label, boolean active) {}

  /**
   * One access grant of the document.
   *
   * @param accessGrantId the access grant record
   * @param partnerId the partner it shares the document with
   * @param reason why
   * @param active whether it stands (not revoked)
   * @param grantedBy the actor key of the operator who recorded it
   */
  public record Access(String accessGrantId, Optional<PartnerId> partnerId, String reason, boolean active,
      String grantedBy) {}

  /** @return the document */
  public abstract DocumentId documentId();

  /** @return the tenant */
  public abstract TenantId tenantId();

  /** @return the occasion */
  public abstract OccasionId occasionId();

  /** @return the event whose grants reach it, if any; not its Event identity (see {@link #links()}) */
  public abstract Optional<EventId> eventId();

  /** @return the partner it is with, if any */
  public abstract Optional<PartnerId> partnerId();

  /** @return the title */
  public abstract String title();

  /** @return what it is */
  public abstract DocumentKind kind();

  /** @return details, if any */
  public abstract Optional<String> description();

  /** @return active or archived */
  public abstract DocumentStatus status();

  /** @return who may see it */
  public abstract Visibility visibility();

  /** @return its versions, by number */
  public abstract List<DocumentVersionView> versions();

  /** @return the Events, jobs and proposals it is linked to */
  public abstract Set<DocumentLinkTarget> links();

  /** @return its tags */
  public abstract List<Tag> tags();

  /** @return its access grants */
  public abstract List<Access> accessGrants();

  /** @return the actor key of its creator */
  public abstract String createdBy();

  /** @return the record's version, raised by one at every change */
  public abstract long version();

  /** @return the highest-numbered available version, if any */
  public Optional<DocumentVersionView> currentVersion() {
    DocumentVersionView current = null;
    for (DocumentVersionView v : versions()) {
      if (v.status() == VersionStatus.AVAILABLE && (current == null || v.versionNumber() > current.versionNumber())) {
        current = v;
      }
    }
    return Optional.ofNullable(current);
  }

  /** @return the labels of the tags that apply */
  public Set<String> activeTags() {
    Set<String> out = new java.util.TreeSet<>();
    tags().stream().filter(Tag::active).forEach(t -> out.add(t.label()));
    return out;
  }
}
