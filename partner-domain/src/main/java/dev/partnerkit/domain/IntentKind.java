package dev.partnerkit.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a request means to do; the {@link #operation() operation} (read or write) follows from it. */
public enum IntentKind implements WireNamed {
  /** Read a surface, a record, or open the occasion. */
  VIEW(Operation.READ),
  /** Add free-text evidence to a surface that has no record types yet ({@code Contribution}). */
  CONTRIBUTE(Operation.WRITE),
  /** Create a kernel record. */
  CREATE(Operation.WRITE),
  /** Move a kernel record along its lifecycle. */
  TRANSITION(Operation.WRITE),
  /** Write a new version of a kernel record's body (or move it to another partner or assignee). */
  REVISE(Operation.WRITE),
  /** Link a kernel record to another record or host entity. */
  LINK(Operation.WRITE),
  /** Remove a link. */
  UNLINK(Operation.WRITE),
  /** Issue, activate, suspend, revoke or renew grants (operators). */
  MANAGE_GRANTS(Operation.WRITE),
  /** Set the entitlements of an occasion, and so its product capabilities (operators). */
  MANAGE_ENTITLEMENTS(Operation.WRITE);

  private final String wireName = name().toLowerCase(Locale.ROOT);
  private final Operation operation;

  IntentKind(Operation operation) {
    this.operation = operation;
  }

  /** @return whether the intent reads or writes */
  public Operation operation() {
    return operation;
  }

  /** @return whether the intent acts on one kernel record (and so needs a {@link RecordAction}) */
  public boolean onRecord() {
    return this == CREATE || this == TRANSITION || this == REVISE || this == LINK || this == UNLINK;
  }

  @JsonValue
  @Override
  public String wireName() {
    return wireName;
  }
}
