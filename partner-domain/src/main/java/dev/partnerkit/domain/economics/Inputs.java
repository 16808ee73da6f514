package dev.partnerkit.domain.economics;

import dev.partnerkit.domain.InvalidValueException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The checks the input values run on construction, each the twin of a {@code jakarta.validation} constraint on the
 * same component with the same message: the regular expressions here are the very ones the constraints name.
 */
final class Inputs {
  /**
   * Human text: no control characters but tab, line feed and carriage return, no lone surrogates. The
   * {@code @Pattern} twin of {@code Checks.text}.
   */
  static final String TEXT = "(?:[^\\p{Cc}\\p{Cs}]|[\\t\\n\\r])*";

  /**
   * A client e-mail address: a dotted local part of letters, digits and {@code _ % + -} (at most 64 characters), and a
   * domain of at least two labels ending in a letters-only top-level label. Deliberately a subset of what
   * {@code jakarta.validation.constraints.Email} accepts on its own, so that {@code @Email(regexp = EMAIL)} and the
   * construction check agree on every string.
   */
  static final String EMAIL = "(?=[^@]{1,64}@)[A-Za-z0-9_%+-]+(?:\\.[A-Za-z0-9_%+-]+)*"
      + "@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}";

  /** An ISO 4217 currency code: three capital letters. */
  static final String CURRENCY = "[A-Z]{3}";

  /** A lower-case dotted key, e.g. {@code invites.monthly}. */
  static final String KEY = "[a-z][a-z0-9_]*(?:\\.[a-z][a-z0-9_]*)*";

  /** A principal's name: letters and digits, then also {@code . _ : @ -}, e.g. {@code partner:p-acme}. */
  static final String PRINCIPAL = "[A-Za-z0-9][A-Za-z0-9._:@-]*";

  /** Longest e-mail address (RFC 5321 path limit less the angle brackets). */
  static final int MAX_EMAIL_LENGTH = 254;

  private static final Pattern TEXT_PATTERN = Pattern.compile(TEXT);
  private static final Pattern EMAIL_PATTERN = Pattern.compile(EMAIL);
  private static final Pattern CURRENCY_PATTERN = Pattern.compile(CURRENCY);
  private static final Pattern KEY_PATTERN = Pattern.compile(KEY);
  private static final Pattern PRINCIPAL_PATTERN = Pattern.compile(PRINCIPAL);

  private Inputs() {}

  /** {@code @NotBlank}, {@code @Size(max)} and {@code @Pattern(TEXT)}, checked in that order. */
  static String text(String field, @Nullable String value, int max) {
    // @NotBlank: null, empty, or only characters up to U+0020 (what String.trim() removes)
    if (value == null || value.trim().isEmpty()) {
      throw new InvalidValueException(field, field + " must not be blank");
    }
    size(field, value, max);
    if (!TEXT_PATTERN.matcher(value).matches()) {
      throw new InvalidValueException(field, field + " must not contain control characters");
    }
    return value;
  }

  /** {@code @NotBlank}, {@code @Size(max = 254)} and {@code @Email(regexp = EMAIL)}. */
  static String email(String field, @Nullable String value) {
    if (value == null || value.trim().isEmpty()) {
      throw new InvalidValueException(field, field + " must not be blank");
    }
    size(field, value, MAX_EMAIL_LENGTH);
    if (!EMAIL_PATTERN.matcher(value).matches()) {
      throw new InvalidValueException(field, field + " must be a valid e-mail address");
    }
    return value;
  }

  /** {@code @NotNull} and {@code @Pattern(CURRENCY)}. */
  static String currency(String field, @Nullable String value) {
    required(field, value);
    if (!CURRENCY_PATTERN.matcher(value).matches()) {
      throw new InvalidValueException(field, field + " must be an ISO 4217 code of three capital letters");
    }
    return value;
  }

  /** {@code @NotNull}, {@code @Size(max = 64)} and {@code @Pattern(KEY)}. */
  static String key(String field, @Nullable String value) {
    required(field, value);
    size(field, value, 64);
    if (!KEY_PATTERN.matcher(value).matches()) {
      throw new InvalidValueException(field, field + " must be a lower-case dotted key like invites.monthly");
    }
    return value;
  }

  /** {@code @NotNull}, {@code @Size(max = 64)} and {@code @Pattern(PRINCIPAL)}. */
  static String principal(String field, @Nullable String value) {
    required(field, value);
    size(field, value, 64);
    if (!PRINCIPAL_PATTERN.matcher(value).matches()) {
      throw new InvalidValueException(field, field + " must be letters, digits and . _ : @ -, starting with a letter"
          + " or digit");
    }
    return value;
  }

  /** {@code @NotNull}. */
  static <T> T required(String field, @Nullable T value) {
    if (value == null) {
      throw new InvalidValueException(field, field + " is required");
    }
    return value;
  }

  /** {@code @NotNull}, then the instant kept to microseconds, the precision every store keeps. */
  static Instant instant(String field, @Nullable Instant value) {
    return required(field, value).truncatedTo(ChronoUnit.MICROS);
  }

  /** {@code @PositiveOrZero}. */
  static long positiveOrZero(String field, long value) {
    if (value < 0) {
      throw new InvalidValueException(field, field + " must be zero or more");
    }
    return value;
  }

  /** {@code @Positive}. */
  static long positive(String field, long value) {
    if (value <= 0) {
      throw new InvalidValueException(field, field + " must be more than zero");
    }
    return value;
  }

  /** {@code @Max(max)}. */
  static long atMost(String field, long value, long max) {
    if (value > max) {
      throw new InvalidValueException(field, field + " must be at most " + max);
    }
    return value;
  }

  private static void size(String field, String value, int max) {
    if (value.length() > max) {
      throw new InvalidValueException(field, field + " must be at most " + max + " characters");
    }
  }
}
