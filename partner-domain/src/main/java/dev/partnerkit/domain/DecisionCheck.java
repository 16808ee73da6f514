package dev.partnerkit.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The checks of the decision pipeline, in the order they run. */
public enum DecisionCheck implements WireNamed {
  /** 1. Is partner participation (vendor_access) part of the product for this occasion? */
  PRODUCT_SCOPE,
  /** 2. Does the actor resolve: active member or enabled principal of this partner, or an operator with a fitting role? */
  ACTOR,
  /** 3. Is there a grant that exists, is active, is inside its validity window, is of this tenant and covers this actor? */
  GRANT,
  /** 4. Are the occasion, event, resource and surface inside the grant's scope? */
  SCOPE,
  /** 5. Does the grant carry the capability the surface needs? */
  CAPABILITY,
  /** 6. Does the surface (and the actor) accept this operation? Read-only portal surfaces refuse writes. */
  SURFACE_MODE,
  /** 7. The surface's own rule: task state machine, exact artifact version, member flags. */
  SURFACE_RULE,
  /** 8. Would the command promote a source truth? Refused for partners and integrations. */
  SOURCE_TRUTH;

  private final String wireName = name().toLowerCase(Locale.ROOT);

  @JsonValue
  @Override
  public String wireName() {
    return wireName;
  }
}
