/**
 * The strict JSON mapper Partnerkit uses for its values and offers to hosts, and the Jackson module that keeps a host's
 * own mapper strict for Partnerkit's values.
 */
@NullMarked
package dev.partnerkit.domain.json;

import org.jspecify.annotations.NullMarked;
