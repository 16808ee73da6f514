package dev.partnerkit.domain;

import dev.partnerkit.domain.internal.Checks;
import java.util.regex.Pattern;

/**
 * A reference to one record: its type's wire name and its id within the tenant. The type may be a kernel record type
 * ({@code partner_task}) or a host entity a record links to ({@code event}, {@code job}, {@code proposal}): links
 * point at both the same way.
 *
 * @param type the wire name of the record type or host entity kind, lower snake case
 * @param id the id within the tenant
 */
public record RecordRef(String type, String id) implements Comparable<RecordRef> {
  private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_]{0,47}");

  /** Validates both parts. */
  public RecordRef {
    Checks.required("type", type);
    Checks.check(TYPE.matcher(type).matches(), "type",
        "type must be a lower snake case name like partner_task (at most 48 characters), but was "
            + Checks.show(type));
    Checks.identifier("id", id);
  }

  /**
   * @param type the wire name of the record type or entity kind
   * @param id the id
   * @return the reference
   */
  public static RecordRef of(String type, String id) {
    return new RecordRef(type, id);
  }

  /** @return whether {@code type} is a valid record type name */
  public static boolean isTypeName(String type) {
    return type != null && TYPE.matcher(type).matches();
  }

  @Override
  public int compareTo(RecordRef other) {
    int byType = type.compareTo(other.type);
    return byType != 0 ? byType : id.compareTo(other.id);
  }

  @Override
  public String toString() {
    return type + ":" + id;
  }
}
