/**
 * The annotations surface on the record kernel: version-specific annotations (redlines) on document versions,
 * proposal artifact versions and run-of-show versions ({@code AnnotationTarget}, {@code Annotation},
 * {@code AnnotationStatus}, {@code AnnotationResolution}). The record type, its lifecycle and rules are
 * {@link dev.partnerkit.policy.surface.annotations.Annotations}; operators reach annotations through
 * {@code OperatorConsole.annotations()}, partners through {@code PartnerSession.annotations()}. An annotation keeps
 * its version, anchor, status and resolution trail stable; redlines never record proposal acceptance, settle payment,
 * clear readiness or prove provider delivery.
 */
@NullMarked
@PartnerkitStyle
package dev.partnerkit.policy.surface.annotations;

import dev.partnerkit.domain.internal.PartnerkitStyle;
import org.jspecify.annotations.NullMarked;
