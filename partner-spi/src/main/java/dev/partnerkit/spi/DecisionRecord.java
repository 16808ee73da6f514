package dev.partnerkit.spi;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.ActorKind;
import dev.partnerkit.domain.Decision;
import dev.partnerkit.domain.IntentKind;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.internal.Checks;
import java.util.Optional;
import org.immutables.value.Value;

/** One row of the decision log: every decision, allowed and blocked, with who asked and its explanation. */
@Value.Immutable
@JsonSerialize(as = ImmutableDecisionRecord.class)
@JsonDeserialize(as = ImmutableDecisionRecord.class)
public abstract class DecisionRecord {
  /** @return the record's id, unique in the tenant */
  public abstract String recordId();

  /** @return the kind of actor who asked */
  public abstract ActorKind actorKind();

  /** @return the id of the actor (user or principal) who asked */
  public abstract String actorId();

  /** @return the occasion of the request */
  public abstract OccasionId occasionId();

  /** @return the intent of the request */
  public abstract IntentKind intent();

  /** @return the idempotency key of the command, when it was a command */
  public abstract Optional<String> commandKey();

  /** @return the decision; its tenant is the record's tenant */
  public abstract Decision decision();

  @Value.Check
  protected void check() {
    Checks.identifier("recordId", recordId());
    Checks.identifier("actorId", actorId());
    commandKey().ifPresent(k -> Checks.identifier("commandKey", k));
  }

  /** @return a new builder */
  public static ImmutableDecisionRecord.Builder builder() {
    return ImmutableDecisionRecord.builder();
  }
}
