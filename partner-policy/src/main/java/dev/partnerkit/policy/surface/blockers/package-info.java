/**
 * The blockers surface on the record kernel: job readiness blockers the host observes
 * ({@code JobReadinessBlockerObservation}), the host's assignments and waivers of them ({@code BlockerAssignment},
 * {@code BlockerWaiver}: host truths, read by partners, never written by them), and the partners' responses
 * ({@code PartnerBlockerResponse}: confirm, request more info, upload evidence, request a waiver). The record types
 * are {@link dev.partnerkit.policy.surface.blockers.Blockers}; operators reach blockers through
 * {@code OperatorConsole.blockers()}, partners through {@code PartnerSession.blockers()}. Partner triage is evidence
 * for review, not readiness clearance.
 */
@NullMarked
@PartnerkitStyle
package dev.partnerkit.policy.surface.blockers;

import dev.partnerkit.domain.internal.PartnerkitStyle;
import org.jspecify.annotations.NullMarked;
