package dev.partnerkit.jdbc;

import dev.partnerkit.spi.PartnerkitStorage;
import dev.partnerkit.spi.memory.InMemoryStorage;
import javax.sql.DataSource;

/** The three stores every surface scenario runs on, each fresh and empty. */
enum SurfaceStores {
  IN_MEMORY, H2, POSTGRESQL;

  /** @return a fresh, empty storage of this kind, schema installed */
  PartnerkitStorage fresh() {
    if (this == IN_MEMORY) {
      return InMemoryStorage.create();
    }
    DataSource ds = TestDatabases.fresh(this == H2 ? JdbcDialect.H2 : JdbcDialect.POSTGRESQL);
    SchemaInstaller.install(ds);
    return JdbcStorage.builder(ds).build();
  }
}
