/**
 * The run-of-show surface on the record kernel: versioned partner timelines for delivery, setup, service, breakdown,
 * pickup and venue milestones ({@code RunOfShow}, {@code RunOfShowVersion}, {@code RunOfShowItem},
 * {@code RunOfShowApproval}). The record types and lifecycles are
 * {@link dev.partnerkit.policy.surface.runofshow.RunsOfShow}; operators reach runs of show through
 * {@code OperatorConsole.runOfShow()}, partners through {@code PartnerSession.runOfShow()}. Every version is
 * immutable; partners with {@code edit_run_of_show} propose new ones, operators publish them, and approvals of a
 * version go through the approvals surface. Nothing here creates a canonical schedule assignment, clears readiness,
 * settles payment or proves provider delivery.
 */
@NullMarked
@PartnerkitStyle
package dev.partnerkit.policy.surface.runofshow;

import dev.partnerkit.domain.internal.PartnerkitStyle;
import org.jspecify.annotations.NullMarked;
