package dev.partnerkit.policy.surface.annotations;

import static dev.partnerkit.domain.ActorKind.INTEGRATION;
import static dev.partnerkit.domain.ActorKind.OPERATOR;
import static dev.partnerkit.domain.ActorKind.PARTNER_MEMBER;
import static dev.partnerkit.policy.surface.annotations.AnnotationStatus.DISMISSED;
import static dev.partnerkit.policy.surface.annotations.AnnotationStatus.OPEN;
import static dev.partnerkit.policy.surface.annotations.AnnotationStatus.RESOLVED;

import dev.partnerkit.domain.Lifecycle;
import dev.partnerkit.domain.RecordRef;
import dev.partnerkit.domain.RecordType;
import dev.partnerkit.domain.Surface;
import dev.partnerkit.policy.surface.ArtifactTarget;
import dev.partnerkit.policy.surface.VersionRules;

/**
 * The annotation record type and its lifecycle, as data. An annotation is placed under the exact version it is on,
 * at that version's occasion and event, with the version's id as its single resource and a {@code pins} link to it.
 * Partner members, integrations with writes enabled, and operators create annotations; an operator's may be
 * internal-only.
 *
 * <pre>
 * from       to         partner member  integration  operator
 * open       resolved   yes             yes          yes
 * open       dismissed  -               -            yes
 * resolved   open       yes             yes          yes   (reopen)
 * dismissed  open       -               -            yes
 * </pre>
 *
 * Every move, with the mover's note, is written into the annotation's resolution trail by the kernel. Rules: the
 * annotation must name an exact version ({@code exact_artifact_version_required}) and is never revised
 * ({@code record_immutable}): version, anchor and text stay as made.
 */
public final class Annotations {
  /** The relation from an annotation to the exact version it is on. */
  public static final String PINS = "pins";

  /** The annotation lifecycle. */
  public static final Lifecycle<AnnotationStatus> LIFECYCLE = Lifecycle.builder(AnnotationStatus.class, OPEN)
      .allow(OPEN, RESOLVED, PARTNER_MEMBER, INTEGRATION, OPERATOR)
      .allow(OPEN, DISMISSED, OPERATOR)
      .allow(RESOLVED, OPEN, PARTNER_MEMBER, INTEGRATION, OPERATOR)
      .allow(DISMISSED, OPEN, OPERATOR)
      .build();

  /** The annotation record type, wire name {@code annotation}, on the annotations surface. */
  public static final RecordType<AnnotationBody, AnnotationStatus> TYPE = RecordType
      .builder("annotation", Surface.ANNOTATIONS, AnnotationBody.class, LIFECYCLE)
      .noun("annotation")
      .relation(PINS)
      .creators(PARTNER_MEMBER, INTEGRATION, OPERATOR)
      .revisers(OPERATOR)
      .linkers(PARTNER_MEMBER, INTEGRATION, OPERATOR)
      .rule(VersionRules.EXACT_VERSION)
      .rule(VersionRules.IMMUTABLE)
      .placementCheck((placement, body) -> VersionRules.checkOn(placement, body.target(), true))
      .trail(AnnotationBody::withMove)
      .title(AnnotationBody::title)
      .example(AnnotationBody.builder()
          .target(ArtifactTarget.of(RecordRef.of("document_version", "dv-floor-2"),
              RecordRef.of("partner_document", "doc-floor"), 2))
          .anchor(AnnotationAnchor.region(1, AnnotationRegion.of(6000, 2000, 2500, 1500)))
          .text("The bar blocks the fire exit; move it two metres towards the terrace.").build())
      .build();

  private Annotations() {}
}
