/**
 * The storage SPI: narrow interfaces a host or an adapter implements, bundled by
 * {@link dev.partnerkit.spi.PartnerkitStorage}. Rules every implementation keeps (and the contract test kit checks):
 * every method takes the tenant and never returns or counts another tenant's rows; a missing record is
 * {@code Optional.empty()}; a write with a stale version, or an insert of an existing key, throws
 * {@link dev.partnerkit.spi.VersionConflictException} and changes nothing; every call made inside
 * {@link dev.partnerkit.spi.UnitOfWork#inTransaction} commits or rolls back with it.
 */
@NullMarked
@PartnerkitStyle
package dev.partnerkit.spi;

import dev.partnerkit.domain.internal.PartnerkitStyle;
import org.jspecify.annotations.NullMarked;
