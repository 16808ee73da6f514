package dev.partnerkit.policy.surface.documents;

import dev.partnerkit.domain.EventId;
import dev.partnerkit.domain.JobId;
import dev.partnerkit.domain.RecordRef;
import dev.partnerkit.domain.internal.Checks;

/**
 * What a document links to ({@code DocumentLink}): an Event, a job or a proposal of the host, by id. Stored as a
 * kernel link by {@link Documents#LINKED_TO} to the host entity {@code kind:id}.
 *
 * @param kind {@code event}, {@code job} or {@code proposal}
 * @param id the host's id of it
 */
public record DocumentLinkTarget(String kind, String id) implements Comparable<DocumentLinkTarget> {
  /** Validates both parts. */
  public DocumentLinkTarget {
    Checks.check(kind != null && Documents.LINK_TARGETS.contains(kind), "kind",
        "kind must be event, job or proposal, but was " + Checks.show(kind));
    Checks.identifier("id", id);
  }

  /** @return a link target naming the Event {@code eventId} */
  public static DocumentLinkTarget event(EventId eventId) {
    return new DocumentLinkTarget("event", Checks.required("eventId", eventId).value());
  }

  /** @return a link target naming the job {@code jobId} */
  public static DocumentLinkTarget job(JobId jobId) {
    return new DocumentLinkTarget("job", Checks.required("jobId", jobId).value());
  }

  /** @return a link target naming the proposal {@code proposalId} */
  public static DocumentLinkTarget proposal(String proposalId) {
    return new DocumentLinkTarget("proposal", proposalId);
  }

  /**
   * @param ref a kernel link target
   * @return the link target, when {@code ref} names an Event, job or proposal
   */
  static java.util.Optional<DocumentLinkTarget> from(RecordRef ref) {
    return Documents.LINK_TARGETS.contains(ref.type()) ? java.util.Optional.of(new DocumentLinkTarget(ref.type(),
        ref.id())) : java.util.Optional.empty();
  }

  /** @return whether it names an Event */
  public boolean namesEvent() {
    return "event".equals(kind);
  }

  /** @return the host entity reference the kernel link points at */
  public RecordRef ref() {
    return RecordRef.of(kind, id);
  }

  @Override
  public int compareTo(DocumentLinkTarget other) {
    return ref().compareTo(other.ref());
  }

  @Override
  public String toString() {
    return kind + ":" + id;
  }
}
