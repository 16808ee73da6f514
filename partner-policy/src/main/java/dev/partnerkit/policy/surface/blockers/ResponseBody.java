package dev.partnerkit.policy.surface.blockers;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.internal.Checks;
import org.immutables.value.Value;

/**
 * The body of a partner's response to a readiness blocker ({@code PartnerBlockerResponse}): its kind and the
 * partner's words. Evidence is a kernel link by {@link Blockers#EVIDENCE} to a {@code document_version}. A response
 * is evidence for review; even a waiver request waives nothing.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableResponseBody.class)
@JsonDeserialize(as = ImmutableResponseBody.class)
public abstract class ResponseBody {
  /** @return confirm, request more info, upload evidence or request a waiver */
  public abstract ResponseKind kind();

  /** @return the partner's words */
  public abstract String message();

  @Value.Check
  protected void check() {
    Checks.text("message", message(), Checks.MAX_TEXT_LENGTH);
  }

  /** @return the title: the kind in words */
  public String title() {
    return kind().wireName().replace('_', ' ');
  }

  /** @return a response body */
  public static ResponseBody of(ResponseKind kind, String message) {
    return ImmutableResponseBody.builder().kind(kind).message(message).build();
  }
}
