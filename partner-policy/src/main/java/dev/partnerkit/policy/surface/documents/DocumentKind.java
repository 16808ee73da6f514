package dev.partnerkit.policy.surface.documents;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.partnerkit.domain.WireNamed;
import java.util.Locale;

/** What a partner document is, as operators file it. */
public enum DocumentKind implements WireNamed {
  /** A floor plan or layout. */
  FLOOR_PLAN,
  /** A contract or agreement. */
  CONTRACT,
  /** A certificate, such as proof of insurance. */
  CERTIFICATE,
  /** A signed delivery note or handoff proof. */
  DELIVERY_PROOF,
  /** A photo. */
  PHOTO,
  /** A menu or printed matter. */
  MENU,
  /** Anything else. */
  OTHER;

  private final String wireName = name().toLowerCase(Locale.ROOT);

  @JsonValue
  @Override
  public String wireName() {
    return wireName;
  }
}
