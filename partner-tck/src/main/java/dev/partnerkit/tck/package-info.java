/**
 * The contract test kit of the storage SPI: {@link dev.partnerkit.tck.PartnerkitStorageContract} is the entry point
 * an adapter extends in a test class; it runs {@link dev.partnerkit.tck.StorageContract},
 * {@link dev.partnerkit.tck.IdentityContract}, {@link dev.partnerkit.tck.RecordStoreContract} (a matrix over every
 * record type it is given) and {@link dev.partnerkit.tck.JournalContract}, each usable alone.
 * {@link dev.partnerkit.tck.Fixtures} holds the sample values.
 */
@NullMarked
package dev.partnerkit.tck;

import org.jspecify.annotations.NullMarked;
