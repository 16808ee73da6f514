package dev.partnerkit.policy.workspace;

import dev.partnerkit.domain.Decision;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The answer to opening a partner session: the decision, and the session when it was allowed. */
public final class PartnerSessionOpening {
  private final Decision decision;
  private final @Nullable PartnerSession session;

  PartnerSessionOpening(Decision decision, @Nullable PartnerSession session) {
    this.decision = decision;
    this.session = session;
  }

  /** @return the decision, explained */
  public Decision decision() {
    return decision;
  }

  /** @return the session, only when an active grant was verified */
  public Optional<PartnerSession> session() {
    return Optional.ofNullable(session);
  }
}
