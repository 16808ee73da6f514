package dev.partnerkit.domain;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.internal.Checks;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * The answer to an {@link AccessRequest}, explained ("calm friction"): allowed or blocked, a stable reason code, the
 * explanation in plain words, who owns the next step, the next safe action and the proof needed; for an allow, the
 * grant and capability behind it; and the checks that ran, in order. A blocked decision is a normal value, not an
 * exception, and every decision can be written to the decision log.
 *
 * <p>Two implementations with one value semantics: {@link #builder()} builds (and JSON reads) a decision that holds
 * every field; the decision core returns a compact one that holds its explainer and the request, grant and time it
 * explains, and renders its words on first access (see {@code dev.partnerkit.domain.internal.ExplainedDecision}).
 * Equality, hash code, text and JSON depend on the field values only, never on the implementation.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableDecision.class)
@JsonDeserialize(as = ImmutableDecision.class)
public abstract class Decision {
  /** @return whether the request is allowed */
  public abstract boolean allowed();

  /** @return the stable reason code */
  public abstract ReasonCode reason();

  /** @return "Allowed because ..." or "Blocked because ...", in plain words */
  public abstract String explanation();

  /** @return who owns the next step */
  public abstract NextStepOwner nextStepOwner();

  /** @return the next safe action */
  public abstract String nextSafeAction();

  /** @return the proof needed to move on */
  public abstract String proofNeeded();

  /** @return for an allow through a grant, the grant */
  public abstract Optional<GrantId> grantId();

  /** @return for an allow through a grant, the capability used (empty for the documents surface) */
  public abstract Optional<PartnerCapability> capability();

  /** @return the checks that ran, in pipeline order; the last one is the failing one for a block */
  public abstract List<DecisionCheck> checks();

  /** @return for a block, the check that failed */
  public abstract Optional<DecisionCheck> failedCheck();

  /** @return the tenant the request was made in */
  public abstract TenantId tenantId();

  /** @return the surface, when the request was on one */
  public abstract Optional<Surface> surface();

  /** @return the operation of the request */
  public abstract Operation operation();

  /** @return the time the decision was made at (an input, never read from a clock) */
  public abstract Instant decidedAt();

  @Value.Check
  protected void check() {
    Checks.check(allowed() == reason().allows(), "reason", "reason " + reason().wireName()
        + (allowed() ? " cannot allow" : " cannot block"));
    Checks.text("explanation", explanation(), Checks.MAX_TEXT_LENGTH);
    Checks.text("nextSafeAction", nextSafeAction(), Checks.MAX_TEXT_LENGTH);
    Checks.text("proofNeeded", proofNeeded(), Checks.MAX_TEXT_LENGTH);
    Checks.check(!checks().isEmpty(), "checks", "checks must name at least one check, but was []");
    if (allowed()) {
      Checks.check(failedCheck().isEmpty(), "failedCheck", "failedCheck must be empty for an allowed decision");
    } else {
      Checks.check(failedCheck().isPresent() && failedCheck().get() == checks().get(checks().size() - 1)
          && failedCheck().get() == reason().check(), "failedCheck", "failedCheck must be the last check run and"
          + " the check of reason " + reason().wireName() + ", but was " + failedCheck().orElse(null));
      Checks.check(grantId().isEmpty() && capability().isEmpty(), "grantId",
          "grantId and capability must be empty for a blocked decision");
    }
  }

  /** Equal when every field is equal, whichever implementation either side is. */
  @Override
  public final boolean equals(@Nullable Object another) {
    if (this == another) {
      return true;
    }
    if (!(another instanceof Decision)) {
      return false;
    }
    Decision d = (Decision) another;
    return allowed() == d.allowed() && reason() == d.reason() && tenantId().equals(d.tenantId())
        && operation() == d.operation() && decidedAt().equals(d.decidedAt()) && checks().equals(d.checks())
        && failedCheck().equals(d.failedCheck()) && surface().equals(d.surface()) && grantId().equals(d.grantId())
        && capability().equals(d.capability()) && nextStepOwner() == d.nextStepOwner()
        && explanation().equals(d.explanation()) && nextSafeAction().equals(d.nextSafeAction())
        && proofNeeded().equals(d.proofNeeded());
  }

  @Override
  public final int hashCode() {
    int h = 5381;
    h += (h << 5) + Boolean.hashCode(allowed());
    h += (h << 5) + reason().hashCode();
    h += (h << 5) + explanation().hashCode();
    h += (h << 5) + nextStepOwner().hashCode();
    h += (h << 5) + nextSafeAction().hashCode();
    h += (h << 5) + proofNeeded().hashCode();
    h += (h << 5) + grantId().hashCode();
    h += (h << 5) + capability().hashCode();
    h += (h << 5) + checks().hashCode();
    h += (h << 5) + failedCheck().hashCode();
    h += (h << 5) + tenantId().hashCode();
    h += (h << 5) + surface().hashCode();
    h += (h << 5) + operation().hashCode();
    h += (h << 5) + decidedAt().hashCode();
    return h;
  }

  @Override
  public final String toString() {
    StringBuilder out = new StringBuilder("Decision{allowed=").append(allowed()).append(", reason=").append(reason())
        .append(", explanation=").append(explanation()).append(", nextStepOwner=").append(nextStepOwner())
        .append(", nextSafeAction=").append(nextSafeAction()).append(", proofNeeded=").append(proofNeeded());
    grantId().ifPresent(g -> out.append(", grantId=").append(g));
    capability().ifPresent(c -> out.append(", capability=").append(c));
    out.append(", checks=").append(checks());
    failedCheck().ifPresent(c -> out.append(", failedCheck=").append(c));
    out.append(", tenantId=").append(tenantId());
    surface().ifPresent(s -> out.append(", surface=").append(s));
    return out.append(", operation=").append(operation()).append(", decidedAt=").append(decidedAt()).append('}')
        .toString();
  }

  /**
   * Renders the decision in calm-friction form, e.g.
   *
   * <pre>
   * BLOCKED grant_expired: Blocked because the grant g-7 for Acme Rentals expired on 2026-11-01.
   *   Owner: operator. Next safe action: ask the operator to renew the grant. Proof needed: ...
   * </pre>
   *
   * @return the decision as readable text
   */
  public String render() {
    StringBuilder out = new StringBuilder(256).append(allowed() ? "ALLOWED " : "BLOCKED ")
        .append(reason().wireName()).append(": ").append(explanation()).append("\n  Owner: ")
        .append(nextStepOwner().wireName().replace('_', ' ')).append(". Next safe action: ").append(nextSafeAction())
        .append("\n  Proof needed: ").append(proofNeeded());
    grantId().ifPresent(g -> out.append("\n  Grant: ").append(g)
        .append(capability().map(c -> ", capability " + c.wireName()).orElse("")));
    out.append("\n  Checks: ");
    for (int i = 0; i < checks().size(); i++) {
      DecisionCheck c = checks().get(i);
      out.append(i == 0 ? "" : " > ").append(c.wireName())
          .append(failedCheck().orElse(null) == c && i == checks().size() - 1 ? " (failed)" : "");
    }
    return out.toString();
  }

  /** @return a new builder */
  public static ImmutableDecision.Builder builder() {
    return ImmutableDecision.builder();
  }
}
