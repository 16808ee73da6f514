package dev.partnerkit.policy.surface.annotations;

import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.RecordNotFoundException;
import dev.partnerkit.domain.RecordRef;
import dev.partnerkit.domain.Visibility;
import dev.partnerkit.domain.internal.Checks;
import dev.partnerkit.policy.surface.ArtifactVersions;
import dev.partnerkit.policy.workspace.CommandResult;
import dev.partnerkit.policy.workspace.ReadResult;
import dev.partnerkit.policy.workspace.RecordCommands;
import dev.partnerkit.policy.workspace.RecordLookup;
import dev.partnerkit.spi.RecordQuery;
import java.util.List;
import java.util.Optional;

/**
 * The operator's side of the annotations surface ({@code /api/v1/partners/annotations}): annotate an exact version
 * (for the partner to see, or internal-only), resolve, dismiss and reopen annotations with a note in their trail, and
 * read them. A thin typed layer over {@link RecordCommands}: every command is decided, journaled and idempotent.
 */
public final class OperatorAnnotations {
  private final RecordCommands records;
  private final ArtifactVersions versions;

  private OperatorAnnotations(RecordCommands records, RecordLookup lookup) {
    this.records = records;
    this.versions = ArtifactVersions.over(lookup);
  }

  /** @return the annotations facade over an operator's record commands and its workspace's records */
  public static OperatorAnnotations over(RecordCommands records, RecordLookup lookup) {
    return new OperatorAnnotations(Checks.required("records", records), Checks.required("lookup", lookup));
  }

  /**
   * Annotates an exact version; a target that is no exact version is refused with
   * {@code exact_artifact_version_required}.
   *
   * @param visibility {@code partner_visible} for the partner the version is with, or {@code internal_only}
   * @throws InvalidValueException when the draft contradicts the version's placement
   * @throws RecordNotFoundException when the named record does not exist
   */
  public CommandResult annotate(String idempotencyKey, AnnotationDraft draft, Visibility visibility) {
    Checks.required("draft", draft);
    Checks.required("visibility", visibility);
    ArtifactVersions.Pinned pinned = versions.placeForOperator(draft.pin(), draft.occasionId(), draft.eventId(),
        draft.partnerId());
    AnnotationBody body = AnnotationBody.builder().target(pinned.target()).anchor(draft.anchor()).text(draft.text())
        .build();
    return records.create(idempotencyKey, Annotations.TYPE, pinned.placement(), visibility, body,
        pinned.target().map(t -> List.of(new RecordCommands.NewLink(Annotations.PINS, t.version())))
            .orElse(List.of()));
  }

  /** Resolves an open annotation, with a note in its trail. */
  public CommandResult resolve(String idempotencyKey, AnnotationId annotationId, Optional<String> note) {
    return move(idempotencyKey, annotationId, AnnotationStatus.RESOLVED, note);
  }

  /** Dismisses an open annotation without a change, with a note in its trail. */
  public CommandResult dismiss(String idempotencyKey, AnnotationId annotationId, Optional<String> note) {
    return move(idempotencyKey, annotationId, AnnotationStatus.DISMISSED, note);
  }

  /** Reopens a resolved or dismissed annotation, with a note in its trail. */
  public CommandResult reopen(String idempotencyKey, AnnotationId annotationId, Optional<String> note) {
    return move(idempotencyKey, annotationId, AnnotationStatus.OPEN, note);
  }

  /**
   * @return the annotation (the read's decision is logged)
   * @throws RecordNotFoundException when the tenant has no such annotation
   */
  public ReadResult<Annotation> get(AnnotationId annotationId) {
    Checks.required("annotationId", annotationId);
    return AnnotationViews.page(versions, records.get(Annotations.TYPE, annotationId.value()));
  }

  /** @return the first page (up to 500) of the occasion's annotations, ordered by id */
  public ReadResult<Annotation> list(OccasionId occasionId) {
    Checks.required("occasionId", occasionId);
    return list(RecordQuery.of(Annotations.TYPE.wireName(), occasionId).limit(RecordQuery.MAX_LIMIT).build());
  }

  /** @return one page of annotations matching {@code query} (its type must be {@code annotation}) */
  public ReadResult<Annotation> list(RecordQuery query) {
    return AnnotationViews.page(versions, records.list(Annotations.TYPE, query));
  }

  /** @return the annotations on one exact version (first page, up to 500) */
  public ReadResult<Annotation> on(OccasionId occasionId, RecordRef version) {
    Checks.required("occasionId", occasionId);
    Checks.required("version", version);
    return list(RecordQuery.of(Annotations.TYPE.wireName(), occasionId).parent(version)
        .limit(RecordQuery.MAX_LIMIT).build());
  }

  private CommandResult move(String key, AnnotationId annotationId, AnnotationStatus to, Optional<String> note) {
    Checks.required("annotationId", annotationId);
    return records.transition(key, Annotations.TYPE, annotationId.value(), to, note, null);
  }
}
