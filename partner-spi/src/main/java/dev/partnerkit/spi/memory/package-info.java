/**
 * An in-memory {@link dev.partnerkit.spi.PartnerkitStorage} for tests and for hosts trying the library:
 * {@link dev.partnerkit.spi.memory.InMemoryStorage#create()}. It keeps every rule of the storage SPI (tenant
 * isolation, optimistic versions, atomic units of work) and passes the contract test kit, but nothing survives the
 * process.
 */
@NullMarked
package dev.partnerkit.spi.memory;

import org.jspecify.annotations.NullMarked;
