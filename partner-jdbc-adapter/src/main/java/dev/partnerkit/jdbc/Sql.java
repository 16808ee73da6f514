package dev.partnerkit.jdbc;

import dev.partnerkit.domain.RecordRef;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Column codecs shared by the stores. */
final class Sql {
  /** Joins set elements: U+001F, a control character no identifier, key or wire name may contain. */
  static final String SEPARATOR = "\u001f";

  private Sql() {}

  /**
   * Writes an instant as {@code timestamp with time zone} in UTC, truncated to microseconds (the precision of
   * PostgreSQL), so the session time zone never matters.
   */
  static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
    statement.setObject(index, OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
  }

  static void setInstant(PreparedStatement statement, int index, Optional<Instant> instant) throws SQLException {
    if (instant.isPresent()) {
      setInstant(statement, index, instant.get());
    } else {
      statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    }
  }

  static Instant getInstant(ResultSet row, String column) throws SQLException {
    OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
    if (value == null) {
      throw new SQLException("column " + column + " is null");
    }
    return value.toInstant();
  }

  static Optional<Instant> getOptionalInstant(ResultSet row, String column) throws SQLException {
    OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
    return value == null ? Optional.empty() : Optional.of(value.toInstant());
  }

  static void setText(PreparedStatement statement, int index, Optional<?> value) throws SQLException {
    if (value.isPresent()) {
      statement.setString(index, value.get().toString());
    } else {
      statement.setNull(index, Types.VARCHAR);
    }
  }

  static String getText(ResultSet row, String column) throws SQLException {
    String value = row.getString(column);
    if (value == null) {
      throw new SQLException("column " + column + " is null");
    }
    return value;
  }

  static <T> Optional<T> getOptional(ResultSet row, String column, Function<String, T> parse) throws SQLException {
    @Nullable String value = row.getString(column);
    return value == null ? Optional.empty() : Optional.of(parse.apply(value));
  }

  /**
   * Reads a reference kept in two columns, both null or both set.
   *
   * @throws SQLException when only one of them is null
   */
  static Optional<RecordRef> getRef(ResultSet row, String typeColumn, String idColumn) throws SQLException {
    @Nullable String type = row.getString(typeColumn);
    @Nullable String id = row.getString(idColumn);
    if (type == null && id == null) {
      return Optional.empty();
    }
    if (type == null || id == null) {
      throw new SQLException("columns " + typeColumn + " and " + idColumn + " must be null together");
    }
    return Optional.of(RecordRef.of(type, id));
  }

  /** Encodes a set: elements sorted and joined with {@link #SEPARATOR}; the empty set is the empty string. */
  static <T> String joinSet(Collection<T> values, Function<T, String> text) {
    return values.stream().map(text).sorted().collect(Collectors.joining(SEPARATOR));
  }

  /** Encodes a list in its order. */
  static <T> String joinList(List<T> values, Function<T, String> text) {
    return values.stream().map(text).collect(Collectors.joining(SEPARATOR));
  }

  /** Decodes {@link #joinSet} or {@link #joinList}. */
  static <T> List<T> split(String encoded, Function<String, T> parse) {
    if (encoded.isEmpty()) {
      return List.of();
    }
    return Arrays.stream(encoded.split(SEPARATOR, -1)).map(parse).collect(Collectors.toList());
  }
}
