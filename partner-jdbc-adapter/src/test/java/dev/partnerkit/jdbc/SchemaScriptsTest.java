package dev.partnerkit.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The schema scripts and the dialect choice, without a database. */
class SchemaScriptsTest {
  private static final Pattern KEY_COLUMNS = Pattern.compile(
      "(primary key|unique|create (?:unique )?index \\w+ on \\w+) \\(([^)]*)\\)");
  private static final Pattern TABLE = Pattern.compile("create table (\\w+)");

  @ParameterizedTest
  @EnumSource(JdbcDialect.class)
  void tenantIdLeadsEveryKeyAndIndex(JdbcDialect dialect) {
    List<String> statements = SchemaInstaller.statements(dialect.schemaScript());
    int keys = 0;
    for (String statement : statements) {
      String sql = statement.toLowerCase(Locale.ROOT);
      assertFalse(sql.contains(";"), statement);
      if (sql.contains("partnerkit_schema_version")) {
        continue;
      }
      Matcher m = KEY_COLUMNS.matcher(sql);
      while (m.find()) {
        keys++;
        assertTrue(m.group(2).startsWith("tenant_id"), () -> "tenant_id must lead " + m.group());
      }
    }
    assertEquals(18, keys);
  }

  @Test
  void bothScriptsCreateTheSameTables() {
    assertEquals(tables(JdbcDialect.POSTGRESQL), tables(JdbcDialect.H2));
    assertEquals(10, tables(JdbcDialect.H2).size());
  }

  @Test
  void statementsAreSplitAtLineEnds() {
    List<String> statements = SchemaInstaller.statements(JdbcDialect.POSTGRESQL.schemaScript());
    assertTrue(statements.get(0).startsWith("create table partnerkit_schema_version"), statements.get(0));
    assertTrue(statements.get(statements.size() - 1).startsWith("insert into partnerkit_schema_version"));
    assertThrows(IllegalStateException.class, () -> SchemaInstaller.statements("db/partnerkit/none/V1.sql"));
  }

  @Test
  void dialectsAreChosenByProductName() {
    assertEquals(JdbcDialect.POSTGRESQL, JdbcDialect.fromProductName("PostgreSQL"));
    assertEquals(JdbcDialect.H2, JdbcDialect.fromProductName("H2"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> JdbcDialect.fromProductName("MySQL"));
    assertTrue(e.getMessage().contains("MySQL"));
    assertEquals("db/partnerkit/h2/V1__partnerkit_schema.sql", JdbcDialect.H2.schemaScript());
  }

  @Test
  void upsertsAreWrittenPerDialect() {
    assertEquals("merge into t (a, b, c) key (a) values (?, ?, ?)",
        JdbcDialect.H2.upsert("t", List.of("a"), List.of("b", "c")));
    assertEquals("insert into t (a, b, c) values (?, ?, ?) on conflict (a) do update set b = excluded.b,"
        + " c = excluded.c", JdbcDialect.POSTGRESQL.upsert("t", List.of("a"), List.of("b", "c")));
  }

  @Test
  void setsAreEncodedSortedAndDecodedExactly() {
    assertEquals("", Sql.joinSet(List.<String>of(), s -> s));
    assertEquals(List.of(), Sql.split("", s -> s));
    List<String> odd = List.of("b, c", "a;b", "a|b", " x", "\u00fc");
    String encoded = Sql.joinSet(odd, s -> s);
    assertEquals(List.of(" x", "a;b", "a|b", "b, c", "\u00fc"), Sql.split(encoded, s -> s));
  }

  private static List<String> tables(JdbcDialect dialect) {
    List<String> tables = new ArrayList<>();
    for (String statement : SchemaInstaller.statements(dialect.schemaScript())) {
      Matcher m = TABLE.matcher(statement);
      if (m.find()) {
        tables.add(m.group(1));
      }
    }
    return tables;
  }
}
