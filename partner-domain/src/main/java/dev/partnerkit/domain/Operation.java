package dev.partnerkit.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whether a request reads or writes. */
public enum Operation implements WireNamed {
  /** Reads (GET). */
  READ,
  /** Creates or changes a record. */
  WRITE;

  private final String wireName = name().toLowerCase(Locale.ROOT);

  @JsonValue
  @Override
  public String wireName() {
    return wireName;
  }
}
