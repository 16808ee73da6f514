/** Runnable examples: the Toni Catering story, printed as calm-friction decisions. */
@NullMarked
package dev.partnerkit.examples;

import org.jspecify.annotations.NullMarked;
