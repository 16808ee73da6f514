package dev.partnerkit.policy.surface.approvals;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.internal.Checks;
import org.immutables.value.Value;

/** One thing an approval request asks the approver to confirm, e.g. "dance floor is 6 by 8 metres". */
@Value.Immutable
@JsonSerialize(as = ImmutableApprovalRequirement.class)
@JsonDeserialize(as = ImmutableApprovalRequirement.class)
public abstract class ApprovalRequirement {
  /** @return its key within the request, e.g. {@code floor-size}; evidence names it */
  public abstract String key();

  /** @return what is to be confirmed */
  public abstract String description();

  @Value.Check
  protected void check() {
    Checks.identifier("key", key());
    Checks.text("description", description(), Checks.MAX_NAME_LENGTH);
  }

  /** @return a requirement */
  public static ApprovalRequirement of(String key, String description) {
    return ImmutableApprovalRequirement.builder().key(key).description(description).build();
  }
}
