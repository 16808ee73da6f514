package dev.partnerkit.policy.workspace;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.Decision;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The outcome of a command: its decision and, when allowed, the record it created or changed and that record's new
 * version. A retry with the same idempotency key returns the first outcome with {@link #replayed()} set.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableCommandResult.class)
@JsonDeserialize(as = ImmutableCommandResult.class)
public abstract class CommandResult {
  /** @return the idempotency key the command was sent with */
  public abstract String commandKey();

  /** @return the decision, allowed or blocked, explained */
  public abstract Decision decision();

  /** @return the id of the record created or changed, when allowed */
  public abstract Optional<String> recordId();

  /** @return the new version of that record, when allowed */
  public abstract Optional<Long> recordVersion();

  /** @return whether this is a replay of the first outcome (a retry that wrote nothing) */
  @Value.Default
  public boolean replayed() {
    return false;
  }

  /** @return whether the command was allowed and applied */
  public boolean applied() {
    return decision().allowed();
  }
}
