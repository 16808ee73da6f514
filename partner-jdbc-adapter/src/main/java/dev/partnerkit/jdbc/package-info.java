/**
 * A plain-JDBC implementation of the Partnerkit storage SPI over a host's {@link javax.sql.DataSource}, for
 * PostgreSQL and H2. Start at {@link dev.partnerkit.jdbc.JdbcStorage#builder(javax.sql.DataSource)}; create and
 * upgrade the tables with a migration tool from the versioned scripts {@code db/partnerkit/<dialect>/V*__*.sql} on
 * the classpath ({@code V1__partnerkit_schema.sql}, {@code V2__record_kernel.sql}), or with
 * {@link dev.partnerkit.jdbc.SchemaInstaller}.
 *
 * <p>Every statement is a {@link java.sql.PreparedStatement} whose where clause starts with the tenant. Inside
 * {@link dev.partnerkit.spi.UnitOfWork#inTransaction} all stores share one connection bound to the current thread;
 * outside it each store call runs in its own short transaction.
 */
@NullMarked
package dev.partnerkit.jdbc;

import org.jspecify.annotations.NullMarked;
