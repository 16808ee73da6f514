package dev.partnerkit.policy.surface.comments;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.EventId;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.Visibility;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A comment thread as hosts read it: what it is about and its comments, oldest first — each only as far as the
 * reader may see it (a partner never sees an operator's internal-only comment).
 */
@Value.Immutable
@JsonSerialize(as = ImmutableThreadView.class)
@JsonDeserialize(as = ImmutableThreadView.class)
public abstract class ThreadView {
  /** @return the thread */
  public abstract ThreadId threadId();

  /** @return the tenant */
  public abstract TenantId tenantId();

  /** @return the occasion */
  public abstract OccasionId occasionId();

  /** @return the event it sits at, if any */
  public abstract Optional<EventId> eventId();

  /** @return the partner the conversation is with, if any */
  public abstract Optional<PartnerId> partnerId();

  /** @return what it is about */
  public abstract Optional<ThreadSubject> subject();

  /** @return the title */
  public abstract String title();

  /** @return open or resolved */
  public abstract ThreadStatus status();

  /** @return who may see it */
  public abstract Visibility visibility();

  /** @return the actor key of whoever started it */
  public abstract String startedBy();

  /** @return the comments the reader may see, oldest first */
  public abstract List<CommentView> comments();

  /** @return the record's version */
  public abstract long version();
}
