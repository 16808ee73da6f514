package dev.partnerkit.policy.surface.blockers;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.policy.surface.documents.DocumentVersionId;
import java.time.Instant;
import java.util.Set;
import org.immutables.value.Value;

/** A partner's response to a readiness blocker as hosts read it, with the document versions it gives as evidence. */
@Value.Immutable
@JsonSerialize(as = ImmutableResponseView.class)
@JsonDeserialize(as = ImmutableResponseView.class)
public abstract class ResponseView {
  /** @return the response */
  public abstract ResponseId responseId();

  /** @return the blocker it responds to */
  public abstract BlockerId blockerId();

  /** @return its kind */
  public abstract ResponseKind kind();

  /** @return the partner's words */
  public abstract String message();

  /** @return submitted, reviewed, declined or withdrawn */
  public abstract ResponseStatus status();

  /** @return the document versions it gives as evidence */
  public abstract Set<DocumentVersionId> evidence();

  /** @return the actor key of whoever responded */
  public abstract String respondedBy();

  /** @return when */
  public abstract Instant respondedAt();
}
