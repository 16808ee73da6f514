/** Validation helpers shared by the domain values; not part of the public API. */
@NullMarked
package dev.partnerkit.domain.internal;

import org.jspecify.annotations.NullMarked;
