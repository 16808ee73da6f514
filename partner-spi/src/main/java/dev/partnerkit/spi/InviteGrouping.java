package dev.partnerkit.spi;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.partnerkit.domain.WireNamed;
import java.util.Locale;

/** What invite tallies are grouped by. */
public enum InviteGrouping implements WireNamed {
  /** The principal the invites were sent as. */
  INVITER_PRINCIPAL,
  /** The user who issued them ({@code issued_by_user_id}). */
  ISSUED_BY_USER;

  private final String wireName = name().toLowerCase(Locale.ROOT);

  @JsonValue
  @Override
  public String wireName() {
    return wireName;
  }
}
