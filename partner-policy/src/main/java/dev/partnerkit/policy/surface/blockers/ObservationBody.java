package dev.partnerkit.policy.surface.blockers;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.JobId;
import dev.partnerkit.domain.internal.Checks;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The body of a job readiness blocker observation ({@code JobReadinessBlockerObservation}), as the host reports it:
 * the job, the kind of blocker, and what proof is missing. The record mirrors the host's readiness truth: only the
 * host writes it (through an operator); partners respond to it.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableObservationBody.class)
@JsonDeserialize(as = ImmutableObservationBody.class)
public abstract class ObservationBody {
  /** @return the job the blocker holds back */
  public abstract JobId jobId();

  /** @return staffing, delivery, rental or venue */
  public abstract BlockerKind kind();

  /** @return what proof is missing, e.g. "Signed rental delivery note" */
  public abstract String missingProof();

  /** @return more about it, if any */
  public abstract Optional<String> detail();

  /** @return the host's own id of the blocker, if it has one */
  public abstract Optional<String> hostReference();

  @Value.Check
  protected void check() {
    Checks.text("missingProof", missingProof(), Checks.MAX_NAME_LENGTH - 20);
    detail().ifPresent(d -> Checks.text("detail", d, Checks.MAX_TEXT_LENGTH));
    hostReference().ifPresent(r -> Checks.identifier("hostReference", r));
  }

  /** @return the title: the kind and the missing proof, e.g. "rental: Signed rental delivery note" */
  public String title() {
    return kind().wireName() + ": " + missingProof();
  }

  /** @return a new builder */
  public static ImmutableObservationBody.Builder builder() {
    return ImmutableObservationBody.builder();
  }
}
