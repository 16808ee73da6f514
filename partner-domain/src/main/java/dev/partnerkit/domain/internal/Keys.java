package dev.partnerkit.domain.internal;

import dev.partnerkit.domain.InvalidValueException;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Validation of dotted lower-case keys (entitlements, product capabilities). Not part of the public API. */
public final class Keys {
  private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*");

  private Keys() {}

  /** @return the key, or an error naming the field when it is not a dotted lower-case key of at most 64 characters */
  public static String key(String field, @Nullable String value) {
    Checks.identifier(field, value);
    if (!KEY.matcher(value).matches()) {
      throw new InvalidValueException(field, field + " must be a lower-case dotted key like "
          + "feature.multi_user_support, but was " + Checks.show(value));
    }
    return value;
  }
}
