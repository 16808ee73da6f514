/**
 * The tasks surface on the record kernel: durable partner task lanes for handoffs, submissions, blockers,
 * dependencies and SLA review ({@code PartnerTask}, {@code TaskAssignment}, {@code TaskDependency}, {@code TaskSla},
 * {@code TaskStatus}). The record type and its lifecycle are {@link dev.partnerkit.policy.surface.tasks.Tasks};
 * operators reach tasks through {@code OperatorConsole.tasks()}, partners through {@code PartnerSession.tasks()}.
 * Partner task movement is collaboration evidence, never source-of-truth promotion.
 */
@NullMarked
@PartnerkitStyle
package dev.partnerkit.policy.surface.tasks;

import dev.partnerkit.domain.internal.PartnerkitStyle;
import org.jspecify.annotations.NullMarked;
