/** The strict JSON mapper Partnerkit uses for its values and offers to hosts. */
@NullMarked
package dev.partnerkit.domain.json;

import org.jspecify.annotations.NullMarked;
