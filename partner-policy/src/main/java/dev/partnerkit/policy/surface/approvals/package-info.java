/**
 * The approvals surface on the record kernel: approval requests, requirements, decisions and evidence attached to an
 * exact artifact version — a document version, a proposal artifact version, a run-of-show version
 * ({@code ApprovalRequest}, {@code ApprovalRequirement}, {@code ApprovalDecision}, {@code ApprovalEvidence}). The
 * record types and rules are {@link dev.partnerkit.policy.surface.approvals.Approvals}; operators reach approvals
 * through {@code OperatorConsole.approvals()}, partners through {@code PartnerSession.approvals()}. A partner's
 * approval is evidence for review: it never records proposal acceptance, settles payment, clears job readiness or
 * proves provider delivery. When a newer version of the target exists, earlier decisions are shown stale (they are
 * kept) and the request says it needs a decision on the new version.
 */
@NullMarked
@PartnerkitStyle
package dev.partnerkit.policy.surface.approvals;

import dev.partnerkit.domain.internal.PartnerkitStyle;
import org.jspecify.annotations.NullMarked;
