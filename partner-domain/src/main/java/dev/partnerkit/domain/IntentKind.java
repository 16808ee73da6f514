package dev.partnerkit.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a request means to do, beyond reading or writing. */
public enum IntentKind implements WireNamed {
  /** Read a surface. */
  VIEW,
  /** Add evidence to a surface: a comment, a document, a response, an annotation, a recommendation. */
  CONTRIBUTE,
  /** Move a partner task from one status to another. */
  MOVE_TASK,
  /** Create or assign partner tasks (operators). */
  MANAGE_TASKS,
  /** Issue, activate, suspend, revoke or renew grants (operators). */
  MANAGE_GRANTS,
  /** Set the entitlements of an occasion, and so its product capabilities (operators). */
  MANAGE_ENTITLEMENTS;

  private final String wireName = name().toLowerCase(Locale.ROOT);

  @JsonValue
  @Override
  public String wireName() {
    return wireName;
  }
}
