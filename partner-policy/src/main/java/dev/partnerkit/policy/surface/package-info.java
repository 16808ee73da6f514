/**
 * What the surface packages share: one package per surface below this one (for example
 * {@code dev.partnerkit.policy.surface.tasks}), each a record type with its body, lifecycle, rules and typed facades
 * over {@link dev.partnerkit.policy.workspace.RecordCommands}.
 */
@NullMarked
@PartnerkitStyle
package dev.partnerkit.policy.surface;

import dev.partnerkit.domain.internal.PartnerkitStyle;
import org.jspecify.annotations.NullMarked;
