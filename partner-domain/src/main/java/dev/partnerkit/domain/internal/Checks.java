package dev.partnerkit.domain.internal;

import dev.partnerkit.domain.InvalidValueException;
import java.util.Collection;
import org.jspecify.annotations.Nullable;

/**
 * Eager validation helpers used by the values' constructors and {@code @Value.Check} methods. Every failure names the
 * field and shows the rejected value, shortened and escaped. Not part of the public API.
 */
public final class Checks {
  /** Longest identifier, in UTF-16 code units. */
  public static final int MAX_IDENTIFIER_LENGTH = 64;
  /** Longest short text (names, titles). */
  public static final int MAX_NAME_LENGTH = 200;
  /** Longest free text (descriptions, explanations). */
  public static final int MAX_TEXT_LENGTH = 4000;

  private static final int SHOWN_PREFIX = 32;

  private Checks() {}

  /**
   * Validates an identifier: present, non-blank, at most 64 characters, no surrounding whitespace, and free of
   * control, format (bidi, zero-width), separator and lone surrogate characters.
   *
   * @return the value itself
   */
  public static String identifier(String field, @Nullable String value) {
    if (value == null) {
      throw new InvalidValueException(field, field + " is required, but was null");
    }
    if (value.isBlank()) {
      throw new InvalidValueException(field, field + " must not be blank, but was " + show(value));
    }
    if (value.length() > MAX_IDENTIFIER_LENGTH) {
      throw new InvalidValueException(field, field + " must be at most " + MAX_IDENTIFIER_LENGTH
          + " characters, but was " + value.length() + " characters: " + show(value));
    }
    if (Character.isWhitespace(value.charAt(0)) || Character.isWhitespace(value.charAt(value.length() - 1))) {
      throw new InvalidValueException(field, field + " must not start or end with whitespace, but was " + show(value));
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (isForbiddenInIdentifier(c)) {
        throw new InvalidValueException(field, field + " must not contain control, bidi or zero-width characters, but "
            + "had U+" + hex(c) + " at index " + i + ": " + show(value));
      }
    }
    return value;
  }

  /**
   * Validates human text: present, non-blank, at most {@code maxLength} characters, and free of control characters
   * other than tab, line feed and carriage return (NUL included) and of lone surrogates. Letters of every script and
   * bidi marks are allowed in text: names in right-to-left scripts need them.
   *
   * @return the value itself
   */
  public static String text(String field, @Nullable String value, int maxLength) {
    if (value == null) {
      throw new InvalidValueException(field, field + " is required, but was null");
    }
    if (value.isBlank()) {
      throw new InvalidValueException(field, field + " must not be blank, but was " + show(value));
    }
    if (value.length() > maxLength) {
      throw new InvalidValueException(field, field + " must be at most " + maxLength + " characters, but was "
          + value.length() + " characters: " + show(value));
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean control = Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r';
      if (control || Character.getType(c) == Character.SURROGATE && !validSurrogateAt(value, i)) {
        throw new InvalidValueException(field, field + " must not contain control characters, but had U+" + hex(c)
            + " at index " + i + ": " + show(value));
      }
      if (Character.isHighSurrogate(c)) {
        i++;
      }
    }
    return value;
  }

  /**
   * @return {@code value}, or an error naming the field when it is null
   */
  public static <T> T required(String field, @Nullable T value) {
    if (value == null) {
      throw new InvalidValueException(field, field + " is required, but was null");
    }
    return value;
  }

  /** Fails unless {@code value >= 0}. */
  public static long nonNegative(String field, long value) {
    if (value < 0) {
      throw new InvalidValueException(field, field + " must be zero or more, but was " + value);
    }
    return value;
  }

  /** Fails when a collection is larger than {@code max} elements. */
  public static void maxSize(String field, Collection<?> values, int max) {
    if (values.size() > max) {
      throw new InvalidValueException(field, field + " must hold at most " + max + " entries, but held "
          + values.size());
    }
  }

  /** Fails with a message that names the field and the value when {@code condition} is false. */
  public static void check(boolean condition, String field, String message) {
    if (!condition) {
      throw new InvalidValueException(field, message);
    }
  }

  /**
   * Renders a value for an error message: quoted, control and format characters escaped, at most 32 characters
   * shown followed by an ellipsis and the full length.
   */
  public static String show(@Nullable Object value) {
    if (value == null) {
      return "null";
    }
    String s = value.toString();
    StringBuilder out = new StringBuilder(Math.min(s.length(), SHOWN_PREFIX) + 24).append('\'');
    int shown = Math.min(s.length(), SHOWN_PREFIX);
    for (int i = 0; i < shown; i++) {
      char c = s.charAt(i);
      int type = Character.getType(c);
      if (type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
          || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
        out.append("\\u").append(hex(c));
      } else {
        out.append(c);
      }
    }
    out.append('\'');
    if (s.length() > shown) {
      out.append("... (").append(s.length()).append(" characters)");
    }
    return out.toString();
  }

  private static boolean isForbiddenInIdentifier(char c) {
    switch (Character.getType(c)) {
      case Character.CONTROL:
      case Character.FORMAT:
      case Character.SURROGATE:
      case Character.LINE_SEPARATOR:
      case Character.PARAGRAPH_SEPARATOR:
      case Character.UNASSIGNED:
      case Character.PRIVATE_USE:
        return true;
      default:
        return false;
    }
  }

  private static boolean validSurrogateAt(String s, int i) {
    char c = s.charAt(i);
    return Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
  }

  private static String hex(char c) {
    String h = Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT);
    return "0000".substring(h.length()) + h;
  }

  /** @return {@code instant} at microsecond precision: the precision every store keeps */
  public static java.time.Instant micros(java.time.Instant instant) {
    return instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
  }

  /**
   * Fails unless a validity window ends after it starts. Call it on the window normalised to microseconds: the
   * message says so, because two instants given less than a microsecond apart are equal once stored.
   */
  public static void window(java.time.Instant validFrom, java.util.Optional<java.time.Instant> validUntil) {
    validUntil.ifPresent(until -> check(until.isAfter(validFrom), "validUntil", "validUntil must be after validFrom ("
        + validFrom + ") at microsecond precision, the precision stored, but was " + until));
  }

  /** @return whether {@code instant} has a finer precision than microseconds */
  public static boolean finerThanMicros(java.time.Instant instant) {
    return instant.getNano() % 1000 != 0;
  }
}
