package dev.partnerkit.policy.surface.comments;

import dev.partnerkit.domain.RecordRef;
import dev.partnerkit.domain.UserId;
import dev.partnerkit.domain.internal.Checks;
import dev.partnerkit.policy.workspace.RecordCommands;

/**
 * Someone a comment mentions: an operator of the tenant or a member of the partner the thread is with, by user id.
 * Stored as a kernel link by {@link Comments#MENTIONS}. A mention of someone who cannot see the thread is refused
 * ({@code person_cannot_see_record}), with words that never say whether the person exists.
 *
 * @param kind {@code operator} or {@code partner_member}
 * @param userId the person
 */
public record Mention(String kind, UserId userId) implements Comparable<Mention> {
  /** Validates both parts. */
  public Mention {
    Checks.check(RecordCommands.OPERATOR_PERSON.equals(kind) || RecordCommands.MEMBER_PERSON.equals(kind), "kind",
        "kind must be operator or partner_member, but was " + Checks.show(kind));
    Checks.required("userId", userId);
  }

  /** @return a mention of the operator {@code userId} */
  public static Mention operator(UserId userId) {
    return new Mention(RecordCommands.OPERATOR_PERSON, userId);
  }

  /** @return a mention of the partner member {@code userId} */
  public static Mention member(UserId userId) {
    return new Mention(RecordCommands.MEMBER_PERSON, userId);
  }

  /** @return the person reference the kernel link points at */
  public RecordRef ref() {
    return RecordRef.of(kind, userId.value());
  }

  static java.util.Optional<Mention> from(RecordRef ref) {
    return RecordCommands.OPERATOR_PERSON.equals(ref.type()) || RecordCommands.MEMBER_PERSON.equals(ref.type())
        ? java.util.Optional.of(new Mention(ref.type(), UserId.of(ref.id()))) : java.util.Optional.empty();
  }

  @Override
  public int compareTo(Mention other) {
    return ref().compareTo(other.ref());
  }

  @Override
  public String toString() {
    return kind + ":" + userId;
  }
}
