package dev.partnerkit.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
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
  private static final Pattern CHANGE = Pattern.compile(
      "(?:alter table (\\w+) (?:add|alter|drop) (?:column|constraint) (\\w+))|(?:drop table (\\w+))");

  @ParameterizedTest
  @EnumSource(JdbcDialect.class)
  void tenantIdLeadsEveryKeyAndIndex(JdbcDialect dialect) {
    List<String> statements = new ArrayList<>();
    dialect.schemaScripts().forEach(script -> statements.addAll(SchemaInstaller.statements(script)));
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
    assertEquals(18 + 7 + 4 + 10 + 8, keys,
        "18 in version 1, 7 in version 2, 4 in version 3, 10 in version 4, 8 in version 5");
  }

  @Test
  void bothDialectsCreateAndChangeTheSameTablesAtEachVersion() {
    assertEquals(List.of(10, 2), List.of(tables(JdbcDialect.H2, 0).size(), tables(JdbcDialect.H2, 1).size()));
    for (int v = 0; v < JdbcDialect.H2.schemaScripts().size(); v++) {
      assertEquals(tables(JdbcDialect.POSTGRESQL, v), tables(JdbcDialect.H2, v));
      assertEquals(changes(JdbcDialect.POSTGRESQL, v), changes(JdbcDialect.H2, v));
    }
    assertEquals(List.of("pk_record", "pk_record_link"), tables(JdbcDialect.H2, 1));
    assertTrue(changes(JdbcDialect.H2, 1).containsAll(List.of("pk_activity_entry.task_id", "pk_partner_task",
        "pk_idempotency_record.actor_key", "pk_idempotency_record.uq_pk_idempotency_record_key")),
        () -> changes(JdbcDialect.H2, 1).toString());
    // version 4 only adds tables of its own: pk_partner (version 1) is read, never changed, so it installs before
    // or after a version 3 that changes the directory
    assertEquals(List.of("pk_partner_member", "pk_integration_principal"), tables(JdbcDialect.H2, 2));
    assertEquals(List.of("pk_referral", "pk_commission", "pk_event_invite", "pk_plan_quota"),
        tables(JdbcDialect.H2, 3));
    assertEquals(Set.of(), changes(JdbcDialect.H2, 3));
    assertEquals(List.of("pk_webhook_subscription", "pk_webhook_delivery", "pk_webhook_attempt"),
        tables(JdbcDialect.H2, 4));
  }

  @ParameterizedTest
  @EnumSource(JdbcDialect.class)
  void everyScriptIsOneFlywayVersionAndRecordsIt(JdbcDialect dialect) {
    List<String> scripts = dialect.schemaScripts();
    // the installer takes versions in ascending order; gaps would be allowed
    List<Integer> versions = List.of(1, 2, 3, 4, 5);
    assertEquals(versions.size(), scripts.size());
    assertEquals(SchemaInstaller.CURRENT_VERSION, versions.get(versions.size() - 1));
    for (int i = 0; i < scripts.size(); i++) {
      String script = scripts.get(i);
      int version = versions.get(i);
      assertEquals(version, SchemaInstaller.versionOf(script));
      assertTrue(script.startsWith(dialect.schemaLocation() + "/V" + version + "__"), script);
      List<String> statements = SchemaInstaller.statements(script);
      assertTrue(statements.get(statements.size() - 1).matches(
          "insert into partnerkit_schema_version \\(version, description\\) values \\(" + version + ", '.*'\\)"),
          statements.get(statements.size() - 1));
      assertEquals(1, statements.stream().filter(st -> st.contains("partnerkit_schema_version (version")).count());
    }
  }

  @Test
  void statementsAreSplitAtLineEnds() {
    List<String> statements = SchemaInstaller.statements(JdbcDialect.POSTGRESQL.schemaScripts().get(0));
    assertTrue(statements.get(0).startsWith("create table partnerkit_schema_version"), statements.get(0));
    assertTrue(statements.get(statements.size() - 1).startsWith("insert into partnerkit_schema_version"));
    assertThrows(IllegalStateException.class, () -> SchemaInstaller.statements("db/partnerkit/none/V1.sql"));
    assertThrows(IllegalStateException.class, () -> SchemaInstaller.versionOf("db/partnerkit/h2/schema.sql"));
  }

  @Test
  void dialectsAreChosenByProductName() {
    assertEquals(JdbcDialect.POSTGRESQL, JdbcDialect.fromProductName("PostgreSQL"));
    assertEquals(JdbcDialect.H2, JdbcDialect.fromProductName("H2"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> JdbcDialect.fromProductName("MySQL"));
    assertTrue(e.getMessage().contains("MySQL"));
    assertEquals(List.of("db/partnerkit/h2/V1__partnerkit_schema.sql", "db/partnerkit/h2/V2__record_kernel.sql",
        "db/partnerkit/h2/V3__identity.sql", "db/partnerkit/h2/V4__directory_economics.sql",
        "db/partnerkit/h2/V5__webhooks.sql"),
        JdbcDialect.H2.schemaScripts());
    assertEquals("db/partnerkit/postgresql", JdbcDialect.POSTGRESQL.schemaLocation());
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

  /** @return the tables the script at {@code index} creates */
  private static List<String> tables(JdbcDialect dialect, int index) {
    List<String> tables = new ArrayList<>();
    for (String statement : SchemaInstaller.statements(dialect.schemaScripts().get(index))) {
      Matcher m = TABLE.matcher(statement);
      if (m.find()) {
        tables.add(m.group(1));
      }
    }
    return tables;
  }

  /** @return the columns and constraints ({@code table.name}) and tables the script at {@code index} alters or drops */
  private static Set<String> changes(JdbcDialect dialect, int index) {
    Set<String> changes = new TreeSet<>();
    for (String statement : SchemaInstaller.statements(dialect.schemaScripts().get(index))) {
      Matcher m = CHANGE.matcher(statement.toLowerCase(Locale.ROOT));
      while (m.find()) {
        changes.add(m.group(3) != null ? m.group(3) : m.group(1) + "." + m.group(2));
      }
    }
    return changes;
  }
}
