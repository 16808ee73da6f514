/**
 * Runnable examples: the Toni Catering story, printed as calm-friction decisions ({@link
 * dev.partnerkit.examples.PartnerkitDemo}); Partnerkit joined to a Spring host's transactions on embedded PostgreSQL
 * ({@link dev.partnerkit.examples.SpringTransactionDemo}); and a Micrometer bridge for the workspace's metrics
 * listener ({@link dev.partnerkit.examples.MicrometerPartnerkitMetrics}).
 */
@NullMarked
package dev.partnerkit.examples;

import org.jspecify.annotations.NullMarked;
