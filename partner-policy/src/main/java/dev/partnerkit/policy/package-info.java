/**
 * The pure decision core: {@link dev.partnerkit.policy.AccessDecider} runs the checks of the pipeline in a fixed order
 * over facts it is handed ({@link dev.partnerkit.policy.DecisionFacts}) and a time it is handed, and explains every
 * answer. No I/O, no clock reads, no static mutable state; every type here is immutable and thread-safe.
 */
@NullMarked
@PartnerkitStyle
package dev.partnerkit.policy;

import dev.partnerkit.domain.internal.PartnerkitStyle;
import org.jspecify.annotations.NullMarked;
