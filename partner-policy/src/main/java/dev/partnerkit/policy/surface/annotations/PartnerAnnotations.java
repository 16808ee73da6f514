package dev.partnerkit.policy.surface.annotations;

import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.PartnerId;
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
 * A partner session's side of the annotations surface ({@code /api/v1/partner-portal/annotations}, capability
 * {@code annotate_artifact}): annotate an exact version the partner can see, resolve and reopen annotations with a
 * note, and read the partner's annotations its grants cover. Redlines are evidence for review: they never record
 * proposal acceptance, settle payment, clear readiness or prove provider delivery.
 */
public final class PartnerAnnotations {
  private final RecordCommands records;
  private final ArtifactVersions versions;
  private final OccasionId occasionId;
  private final PartnerId partnerId;

  private PartnerAnnotations(RecordCommands records, RecordLookup lookup, OccasionId occasionId,
      PartnerId partnerId) {
    this.records = records;
    this.versions = ArtifactVersions.over(lookup);
    this.occasionId = occasionId;
    this.partnerId = partnerId;
  }

  /** @return the annotations facade over a partner session's record commands, for its occasion and partner */
  public static PartnerAnnotations over(RecordCommands records, RecordLookup lookup, OccasionId occasionId,
      PartnerId partnerId) {
    return new PartnerAnnotations(Checks.required("records", records), Checks.required("lookup", lookup),
        Checks.required("occasionId", occasionId), Checks.required("partnerId", partnerId));
  }

  /**
   * Annotates an exact version the partner can see (partner-visible, with the partner); a target that is no exact
   * version is refused with {@code exact_artifact_version_required}.
   *
   * @throws RecordNotFoundException when the named record does not exist or the partner may not see it
   */
  public CommandResult annotate(String idempotencyKey, AnnotationDraft draft) {
    Checks.required("draft", draft);
    ArtifactVersions.Pinned pinned = versions.placeForPartner(draft.pin(), occasionId, partnerId, draft.eventId());
    AnnotationBody body = AnnotationBody.builder().target(pinned.target()).anchor(draft.anchor()).text(draft.text())
        .build();
    return records.create(idempotencyKey, Annotations.TYPE, pinned.placement(), Visibility.PARTNER_VISIBLE, body,
        pinned.target().map(t -> List.of(new RecordCommands.NewLink(Annotations.PINS, t.version())))
            .orElse(List.of()));
  }

  /** Resolves one of the partner's open annotations, with a note in its trail. */
  public CommandResult resolve(String idempotencyKey, AnnotationId annotationId, Optional<String> note) {
    Checks.required("annotationId", annotationId);
    return records.transition(idempotencyKey, Annotations.TYPE, annotationId.value(), AnnotationStatus.RESOLVED,
        note, null);
  }

  /** Reopens one of the partner's resolved annotations, with a note in its trail. */
  public CommandResult reopen(String idempotencyKey, AnnotationId annotationId, Optional<String> note) {
    Checks.required("annotationId", annotationId);
    return records.transition(idempotencyKey, Annotations.TYPE, annotationId.value(), AnnotationStatus.OPEN, note,
        null);
  }

  /** @return the first page (up to 500) of the partner's annotations on the occasion that its grants cover */
  public ReadResult<Annotation> list() {
    return list(RecordQuery.of(Annotations.TYPE.wireName(), occasionId).limit(RecordQuery.MAX_LIMIT).build());
  }

  /** @return one page of the partner's visible annotations matching {@code query} */
  public ReadResult<Annotation> list(RecordQuery query) {
    return AnnotationViews.page(versions, records.list(Annotations.TYPE, query));
  }

  /** @return the partner's visible annotations on one exact version (first page, up to 500) */
  public ReadResult<Annotation> on(RecordRef version) {
    Checks.required("version", version);
    return list(RecordQuery.of(Annotations.TYPE.wireName(), occasionId).parent(version)
        .limit(RecordQuery.MAX_LIMIT).build());
  }

  /**
   * @return one of the partner's visible annotations (the read's decision is logged)
   * @throws RecordNotFoundException when there is no such annotation, or the partner may not see it
   */
  public ReadResult<Annotation> get(AnnotationId annotationId) {
    Checks.required("annotationId", annotationId);
    return AnnotationViews.page(versions, records.get(Annotations.TYPE, annotationId.value()));
  }
}
