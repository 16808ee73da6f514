package dev.partnerkit.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Kinds of partner organisation. */
public enum PartnerKind implements WireNamed {
  /** Rents equipment (tables, linen, tents). */
  RENTAL_COMPANY,
  /** Hall or venue. */
  VENUE,
  /** Printing company. */
  PRINTER,
  /** Food / catering company. */
  CATERER,
  /** Staffing agency. */
  STAFFING_AGENCY,
  /** Any other partner. */
  OTHER;

  private final String wireName = name().toLowerCase(Locale.ROOT);

  @JsonValue
  @Override
  public String wireName() {
    return wireName;
  }
}
