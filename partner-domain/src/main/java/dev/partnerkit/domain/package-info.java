/**
 * The vocabulary of Partnerkit as immutable, eagerly validated values: identifiers, actors, partner capabilities,
 * the surface catalogue, source truths, access grants, partner tasks, access requests and decisions. Nothing here
 * does I/O or reads a clock.
 */
@NullMarked
@PartnerkitStyle
package dev.partnerkit.domain;

import dev.partnerkit.domain.internal.PartnerkitStyle;
import org.jspecify.annotations.NullMarked;
