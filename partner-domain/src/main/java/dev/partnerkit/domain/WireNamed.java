package dev.partnerkit.domain;

import dev.partnerkit.domain.internal.Checks;
import org.jspecify.annotations.Nullable;

/**
 * An enum whose constants have a stable wire name: the text used in JSON, in the database and in logs. Wire names
 * never change once published; Java constant names may.
 */
public interface WireNamed {
  /**
   * @return the stable wire name, e.g. {@code manage_task} or {@code run-of-show}
   */
  String wireName();

  /**
   * Finds the constant of {@code type} with the given wire name.
   *
   * @param type the enum class
   * @param field the field being read, for the error message
   * @param wireName the wire name to look up
   * @return the constant
   * @throws InvalidValueException naming the field, the value and the accepted names when there is no such constant
   */
  static <E extends Enum<E> & WireNamed> E parse(Class<E> type, String field, @Nullable String wireName) {
    Checks.required(field, wireName);
    for (E constant : type.getEnumConstants()) {
      if (constant.wireName().equals(wireName)) {
        return constant;
      }
    }
    StringBuilder accepted = new StringBuilder();
    for (E constant : type.getEnumConstants()) {
      accepted.append(accepted.length() == 0 ? "" : ", ").append(constant.wireName());
    }
    throw new InvalidValueException(field, field + " must be one of [" + accepted + "], but was "
        + Checks.show(wireName));
  }
}
