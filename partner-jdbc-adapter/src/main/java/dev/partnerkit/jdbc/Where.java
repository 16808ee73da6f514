package dev.partnerkit.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A where clause (and whatever follows it) built from fixed SQL fragments only, with its parameters in order: values
 * are always bound, never written into the SQL.
 */
final class Where {
  /** Binds one parameter at a position. */
  interface Param {
    void bind(PreparedStatement statement, int index) throws SQLException;
  }

  private final StringBuilder sql = new StringBuilder();
  private final List<Param> params = new ArrayList<>();

  /** @return a clause starting {@code where tenant_id = ?} */
  static Where tenant(String tenantId) {
    Where where = new Where();
    where.sql.append(" where tenant_id = ?");
    where.params.add((s, i) -> s.setString(i, tenantId));
    return where;
  }

  /** Appends {@code fragment}, whose {@code ?} marks the parameters bound by {@code params}, in order. */
  Where add(String fragment, Param... params) {
    sql.append(fragment);
    this.params.addAll(List.of(params));
    return this;
  }

  /** Appends {@code and column = ?} with a text value. */
  Where equal(String column, String value) {
    return add(" and " + column + " = ?", (s, i) -> s.setString(i, value));
  }

  String sql() {
    return sql.toString();
  }

  void bind(PreparedStatement statement) throws SQLException {
    for (int i = 0; i < params.size(); i++) {
      params.get(i).bind(statement, i + 1);
    }
  }
}
