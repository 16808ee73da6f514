/**
 * The documents surface on the record kernel: partner documents and their immutable versions, links to an Event, job
 * or proposal, tags and document access grants ({@code PartnerDocument}, {@code DocumentVersion},
 * {@code DocumentLink}, {@code DocumentTag}, {@code DocumentAccessGrant}). The library stores metadata, never bytes;
 * the host's storage key is never shown to partners. The record types are
 * {@link dev.partnerkit.policy.surface.documents.Documents}; operators reach documents through
 * {@code OperatorConsole.documents()}, partners through {@code PartnerSession.documents()}. Files support operating
 * review; they never promote commercial, payment or readiness state.
 */
@NullMarked
@PartnerkitStyle
package dev.partnerkit.policy.surface.documents;

import dev.partnerkit.domain.internal.PartnerkitStyle;
import org.jspecify.annotations.NullMarked;
