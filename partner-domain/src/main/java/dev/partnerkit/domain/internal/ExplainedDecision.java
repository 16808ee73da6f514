package dev.partnerkit.domain.internal;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.util.StdConverter;
import dev.partnerkit.domain.AccessGrant;
import dev.partnerkit.domain.AccessRequest;
import dev.partnerkit.domain.Decision;
import dev.partnerkit.domain.DecisionCheck;
import dev.partnerkit.domain.GrantId;
import dev.partnerkit.domain.ImmutableDecision;
import dev.partnerkit.domain.NextStepOwner;
import dev.partnerkit.domain.Operation;
import dev.partnerkit.domain.PartnerCapability;
import dev.partnerkit.domain.ReasonCode;
import dev.partnerkit.domain.Surface;
import dev.partnerkit.domain.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A decision as the decision core makes it: five references (32 bytes with compressed pointers) — the explainer of
 * its outcome (reason code and checks that ran), the request, the grant it names, the time, and the explainer's
 * context — from which every field follows. The words (explanation, owner, next safe action, proof needed) are
 * rendered by the explainer on first access and kept in place of the context, so a decision whose words are never
 * read never builds a string, and one whose words are read builds them once.
 *
 * <p>An immutable value all the same: the fields derive from immutable inputs, rendering is deterministic, and the
 * racy single write of the words is safe because {@link Words} has final fields only (two threads rendering at once
 * render equal words). Until its words are rendered it keeps its context (the facts) reachable. Equal to, and
 * written to JSON exactly as, a {@link ImmutableDecision} with the same fields. Not part of the public API.
 */
@JsonSerialize(converter = ExplainedDecision.AsBuilt.class)
public final class ExplainedDecision extends Decision {
  /** Explains one outcome of the decision core: its reason code, the checks that ran, and the words. */
  public interface Explainer {
    /** @return the reason code */
    ReasonCode reason();

    /** @return the checks that ran, in order; for a block, the last is the failing check */
    List<DecisionCheck> checks();

    /** @return for an allow, the capability behind it, or null */
    @Nullable PartnerCapability capability(AccessRequest request);

    /** @return the words, rendered from the request, the context given at decision time, the grant and the time */
    Words words(AccessRequest request, Object context, @Nullable AccessGrant grant, Instant now);
  }

  /** The rendered words of a decision; implementations have final fields only. */
  public interface Words {
    /** @return the explanation */
    String why();

    /** @return who owns the next step */
    NextStepOwner owner();

    /** @return the next safe action */
    String next();

    /** @return the proof needed */
    String proof();
  }

  private final Explainer explainer;
  private final AccessRequest request;
  private final @Nullable AccessGrant grant;
  private final Instant decidedAt;
  /** The explainer's context until the words are rendered, then the {@link Words}. */
  private Object contextOrWords;

  /**
   * @param explainer the outcome's explainer
   * @param request the request decided
   * @param grant for an allow through a grant, that grant; for a block, the grant the words explain (or null)
   * @param decidedAt the time decided at
   * @param context what the explainer renders the words from (the facts)
   */
  public ExplainedDecision(Explainer explainer, AccessRequest request, @Nullable AccessGrant grant,
      Instant decidedAt, Object context) {
    this.explainer = explainer;
    this.request = request;
    this.grant = grant;
    this.decidedAt = decidedAt;
    this.contextOrWords = context;
  }

  private Words words() {
    Object current = contextOrWords;
    if (current instanceof Words) {
      return (Words) current;
    }
    Words words = explainer.words(request, current, grant, decidedAt);
    Checks.text("explanation", words.why(), Checks.MAX_TEXT_LENGTH);
    Checks.text("nextSafeAction", words.next(), Checks.MAX_TEXT_LENGTH);
    Checks.text("proofNeeded", words.proof(), Checks.MAX_TEXT_LENGTH);
    Checks.required("nextStepOwner", words.owner());
    contextOrWords = words;
    return words;
  }

  @Override
  public boolean allowed() {
    return explainer.reason().allows();
  }

  @Override
  public ReasonCode reason() {
    return explainer.reason();
  }

  @Override
  public String explanation() {
    return words().why();
  }

  @Override
  public NextStepOwner nextStepOwner() {
    return words().owner();
  }

  @Override
  public String nextSafeAction() {
    return words().next();
  }

  @Override
  public String proofNeeded() {
    return words().proof();
  }

  @Override
  public Optional<GrantId> grantId() {
    return grant != null && allowed() ? Optional.of(grant.grantId()) : Optional.empty();
  }

  @Override
  public Optional<PartnerCapability> capability() {
    return allowed() ? Optional.ofNullable(explainer.capability(request)) : Optional.empty();
  }

  @Override
  public List<DecisionCheck> checks() {
    return explainer.checks();
  }

  @Override
  public Optional<DecisionCheck> failedCheck() {
    List<DecisionCheck> checks = explainer.checks();
    return allowed() ? Optional.empty() : Optional.of(checks.get(checks.size() - 1));
  }

  @Override
  public TenantId tenantId() {
    return request.tenantId();
  }

  @Override
  public Optional<Surface> surface() {
    return request.surface();
  }

  @Override
  public Operation operation() {
    return request.operation();
  }

  @Override
  public Instant decidedAt() {
    return decidedAt;
  }

  /** Writes an explained decision to JSON as the built decision with the same fields. */
  public static final class AsBuilt extends StdConverter<ExplainedDecision, ImmutableDecision> {
    @Override
    public ImmutableDecision convert(ExplainedDecision value) {
      return ImmutableDecision.copyOf(value);
    }
  }
}
