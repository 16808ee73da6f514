/**
 * The comments surface on the record kernel: entity-scoped conversation threads about an Event, proposal, job,
 * document, blocker or partner task, their comments, mentions and reactions ({@code CommentThread}, {@code Comment},
 * {@code Mention}, {@code Reaction}). The record types are {@link dev.partnerkit.policy.surface.comments.Comments};
 * operators reach threads through {@code OperatorConsole.comments()}, partners through
 * {@code PartnerSession.comments()}. Comments support coordination without becoming source truth.
 */
@NullMarked
@PartnerkitStyle
package dev.partnerkit.policy.surface.comments;

import dev.partnerkit.domain.internal.PartnerkitStyle;
import org.jspecify.annotations.NullMarked;
