package dev.partnerkit.domain;

import dev.partnerkit.domain.internal.Checks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A record type's state machine as data: the statuses (an enum), the one a record starts in, every legal move with
 * the kinds of actor that may make it, and which target statuses need the record's prerequisites closed first.
 * Anything not listed is illegal. Shared by every record type: one helper, one way.
 *
 * <pre>{@code
 * Lifecycle<TaskStatus> tasks = Lifecycle.builder(TaskStatus.class, TaskStatus.TO_DO)
 *     .allow(TO_DO, IN_PROGRESS, PARTNER_MEMBER, INTEGRATION, OPERATOR)
 *     .allow(SUBMITTED, APPROVED, OPERATOR)
 *     .prerequisitesClosedFor(SUBMITTED, APPROVED).closed(APPROVED)
 *     .build();
 * }</pre>
 *
 * @param <S> the status enum
 */
public final class Lifecycle<S extends Enum<S> & WireNamed> {
  /**
   * One legal move.
   *
   * @param from the status it starts from
   * @param to the status it ends in
   * @param actors the kinds of actor that may make it
   * @param <S> the status enum
   */
  public record Transition<S extends Enum<S> & WireNamed>(S from, S to, Set<ActorKind> actors) {
    /** Copies the actor set. */
    public Transition {
      actors = Collections.unmodifiableSet(EnumSet.copyOf(actors));
    }
  }

  private final Class<S> statusType;
  private final S initial;
  private final List<Transition<S>> transitions;
  private final Set<S> needPrerequisites;
  private final Set<S> closed;

  private Lifecycle(Builder<S> b) {
    this.statusType = b.statusType;
    this.initial = b.initial;
    this.transitions = List.copyOf(b.transitions);
    // copies: a builder used again after build() must not change a built lifecycle
    this.needPrerequisites = Collections.unmodifiableSet(EnumSet.copyOf(b.needPrerequisites));
    this.closed = Collections.unmodifiableSet(EnumSet.copyOf(b.closed));
  }

  /**
   * @param statusType the status enum
   * @param initial the status every new record starts in
   * @return a builder
   */
  public static <S extends Enum<S> & WireNamed> Builder<S> builder(Class<S> statusType, S initial) {
    return new Builder<>(statusType, initial);
  }

  /** @return the status enum */
  public Class<S> statusType() {
    return statusType;
  }

  /** @return the status a new record starts in */
  public S initial() {
    return initial;
  }

  /** @return every legal move, in declaration order */
  public List<Transition<S>> transitions() {
    return transitions;
  }

  /** @return the listed move from {@code from} to {@code to}, or null */
  public @Nullable Transition<S> find(S from, S to) {
    for (int i = 0; i < transitions.size(); i++) {
      Transition<S> t = transitions.get(i);
      if (t.from() == from && t.to() == to) {
        return t;
      }
    }
    return null;
  }

  /** @return whether {@code actor} may move a record from {@code from} to {@code to} */
  public boolean allows(S from, S to, ActorKind actor) {
    Transition<S> t = find(from, to);
    return t != null && t.actors().contains(actor);
  }

  /** @return the statuses {@code actor} may move a record to from {@code from}, in table order */
  public List<S> targets(S from, ActorKind actor) {
    List<S> out = new ArrayList<>(2);
    for (Transition<S> t : transitions) {
      if (t.from() == from && t.actors().contains(actor)) {
        out.add(t.to());
      }
    }
    return out;
  }

  /** @return whether moving into {@code to} needs every prerequisite closed first */
  public boolean needsPrerequisitesClosed(S to) {
    return needPrerequisites.contains(to);
  }

  /** @return whether a record in {@code status} counts as closed when it is another record's prerequisite */
  public boolean isClosed(S status) {
    return closed.contains(status);
  }

  /**
   * @param field the input field, for the error message
   * @param wireName a status wire name
   * @return the status
   * @throws InvalidValueException naming the field and the accepted names when there is no such status
   */
  public S parse(String field, String wireName) {
    return WireNamed.parse(statusType, field, wireName);
  }

  /** Builds a {@link Lifecycle}. */
  public static final class Builder<S extends Enum<S> & WireNamed> {
    private final Class<S> statusType;
    private final S initial;
    private final List<Transition<S>> transitions = new ArrayList<>();
    private final Set<S> needPrerequisites;
    private final Set<S> closed;

    private Builder(Class<S> statusType, S initial) {
      this.statusType = Checks.required("statusType", statusType);
      this.initial = Checks.required("initial", initial);
      this.needPrerequisites = EnumSet.noneOf(statusType);
      this.closed = EnumSet.noneOf(statusType);
    }

    /**
     * Lists a legal move.
     *
     * @throws InvalidValueException when the move is listed twice, goes nowhere, or names no actor kind
     */
    public Builder<S> allow(S from, S to, ActorKind first, ActorKind... rest) {
      Checks.required("from", from);
      Checks.required("to", to);
      Checks.check(from != to, "to", "a move must change the status, but " + from.wireName() + " goes to itself");
      for (Transition<S> t : transitions) {
        Checks.check(t.from() != from || t.to() != to, "to", "the move " + from.wireName() + " -> "
            + to.wireName() + " is listed twice");
      }
      transitions.add(new Transition<>(from, to, EnumSet.of(first, rest)));
      return this;
    }

    /** Moving into any of {@code targets} needs every prerequisite closed. */
    @SafeVarargs
    public final Builder<S> prerequisitesClosedFor(S... targets) {
      for (S target : targets) {
        needPrerequisites.add(Checks.required("targets[]", target));
      }
      return this;
    }

    /** A prerequisite in any of {@code statuses} counts as closed. */
    @SafeVarargs
    public final Builder<S> closed(S... statuses) {
      for (S status : statuses) {
        closed.add(Checks.required("statuses[]", status));
      }
      return this;
    }

    /** @return the lifecycle */
    public Lifecycle<S> build() {
      Checks.check(needPrerequisites.isEmpty() || !closed.isEmpty(), "closed",
          "a lifecycle that needs prerequisites closed must say which statuses count as closed");
      return new Lifecycle<>(this);
    }
  }
}
