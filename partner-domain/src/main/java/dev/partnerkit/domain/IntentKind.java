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
  MANAGE_ENTITLEMENTS(Operation.WRITE),
  /** Vendor management: create and edit partners and integration principals, change members' roles and flags. */
  MANAGE_DIRECTORY(Operation.WRITE),
  /** Invite a person into a partner (operators, and members with can_invite into their own partner). */
  INVITE_MEMBER(Operation.WRITE),
  /** Accept one's own open invitation (the invited person). */
  ACCEPT_INVITATION(Operation.WRITE),
  /**
   * A safety action: suspend or revoke a grant, remove a member, disable an integration principal, withdraw its write
   * access. Never gated by product scope or plan: turning vendor_access back on must not revive access.
   */
  REVOKE_ACCESS(Operation.WRITE);

  private final String wireName = name().toLowerCase(Locale.ROOT);
  private final Operation operation;

  IntentKind(Operation operation) {
    this.operation = operation;
  }

  /** @return whether the intent reads or writes */
  public Operation operation() {
    return operation;
  }

  /** @return whether the intent concerns the partner organisation itself (its memberships), not occasion data */
  public boolean onOrganisation() {
    return this == INVITE_MEMBER || this == ACCEPT_INVITATION;
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
