package dev.partnerkit.policy.surface.annotations;

import dev.partnerkit.policy.surface.ArtifactTarget;
import dev.partnerkit.policy.surface.ArtifactVersions;
import dev.partnerkit.policy.workspace.ReadResult;
import dev.partnerkit.spi.TypedRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns annotation records into {@link Annotation} views. */
final class AnnotationViews {
  private AnnotationViews() {}

  static ReadResult<Annotation> page(ArtifactVersions versions,
      ReadResult<TypedRecord<AnnotationBody, AnnotationStatus>> read) {
    List<Annotation> out = new ArrayList<>(read.items().size());
    for (TypedRecord<AnnotationBody, AnnotationStatus> record : read.items()) {
      out.add(view(versions, record));
    }
    return read.map(out);
  }

  static Annotation view(ArtifactVersions versions, TypedRecord<AnnotationBody, AnnotationStatus> record) {
    AnnotationBody body = record.body();
    ArtifactTarget on = body.target().orElseThrow(() -> new IllegalStateException(
        "annotation " + record.id() + " has no target"));
    Optional<ArtifactTarget> newer = versions.newest(record.placement().occasionId(), on)
        .filter(t -> t.versionNumber() > on.versionNumber());
    return ImmutableAnnotation.builder().annotationId(AnnotationId.of(record.id())).tenantId(record.tenantId())
        .occasionId(record.placement().occasionId()).eventId(record.placement().eventId())
        .partnerId(record.placement().partnerId()).visibility(record.visibility())
        .target(AnnotationTarget.of(on, body.anchor())).text(body.text()).status(record.status())
        .trail(body.trail()).newerVersion(newer).createdBy(record.createdBy()).createdAt(record.createdAt())
        .version(record.version()).build();
  }
}
