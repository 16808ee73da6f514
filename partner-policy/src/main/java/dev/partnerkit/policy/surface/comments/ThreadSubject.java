package dev.partnerkit.policy.surface.comments;

import dev.partnerkit.domain.EventId;
import dev.partnerkit.domain.JobId;
import dev.partnerkit.domain.RecordRef;
import dev.partnerkit.domain.internal.Checks;
import dev.partnerkit.policy.surface.documents.DocumentId;
import dev.partnerkit.policy.surface.documents.Documents;
import dev.partnerkit.policy.surface.tasks.TaskId;
import dev.partnerkit.policy.surface.tasks.Tasks;
import java.util.Set;

/**
 * What a comment thread is about: an Event, a proposal or a job of the host, or a partner document, a readiness
 * blocker or a partner task of the kernel. It is the thread's placement parent. A thread about a kernel record sits
 * at that record's placement (its partner, its event), so exactly those who see the record can see the thread.
 *
 * @param kind the kind: {@code event}, {@code proposal}, {@code job}, {@code partner_document},
 *     {@code blocker_observation} or {@code partner_task}
 * @param id the id of the subject
 */
public record ThreadSubject(String kind, String id) {
  /** The record type wire name of a readiness blocker observation. */
  public static final String BLOCKER = "blocker_observation";
  /** The host entity kinds a thread can be about. */
  public static final Set<String> HOST_ENTITIES = Set.of("event", "proposal", "job");
  /** The kernel record types a thread can be about. */
  public static final Set<String> RECORDS = Set.of(Documents.TYPE.wireName(), BLOCKER, Tasks.TYPE.wireName());

  /** Validates both parts. */
  public ThreadSubject {
    Checks.check(kind != null && (HOST_ENTITIES.contains(kind) || RECORDS.contains(kind)), "kind",
        "kind must be one of event, proposal, job, partner_document, blocker_observation, partner_task, but was "
            + Checks.show(kind));
    Checks.identifier("id", id);
  }

  /** @return a thread subject naming the Event {@code eventId} */
  public static ThreadSubject event(EventId eventId) {
    return new ThreadSubject("event", Checks.required("eventId", eventId).value());
  }

  /** @return a thread subject naming the proposal {@code proposalId} */
  public static ThreadSubject proposal(String proposalId) {
    return new ThreadSubject("proposal", proposalId);
  }

  /** @return a thread subject naming the job {@code jobId} */
  public static ThreadSubject job(JobId jobId) {
    return new ThreadSubject("job", Checks.required("jobId", jobId).value());
  }

  /** @return a thread subject naming a partner document */
  public static ThreadSubject document(DocumentId documentId) {
    return new ThreadSubject(Documents.TYPE.wireName(), Checks.required("documentId", documentId).value());
  }

  /** @return a thread subject naming a readiness blocker observation */
  public static ThreadSubject blocker(String blockerId) {
    return new ThreadSubject(BLOCKER, blockerId);
  }

  /** @return a thread subject naming a partner task */
  public static ThreadSubject task(TaskId taskId) {
    return new ThreadSubject(Tasks.TYPE.wireName(), Checks.required("taskId", taskId).value());
  }

  /** @return whether the subject is a kernel record (the thread then sits at its placement) */
  public boolean aboutRecord() {
    return RECORDS.contains(kind);
  }

  /** @return the reference the thread's placement parent holds */
  public RecordRef ref() {
    return RecordRef.of(kind, id);
  }

  /** @return the subject of a thread whose placement parent is {@code ref}, when it is one */
  static java.util.Optional<ThreadSubject> from(RecordRef ref) {
    return HOST_ENTITIES.contains(ref.type()) || RECORDS.contains(ref.type())
        ? java.util.Optional.of(new ThreadSubject(ref.type(), ref.id())) : java.util.Optional.empty();
  }

  @Override
  public String toString() {
    return kind + ":" + id;
  }
}
