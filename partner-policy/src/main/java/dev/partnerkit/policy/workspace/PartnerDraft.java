package dev.partnerkit.policy.workspace;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.PartnerKind;
import dev.partnerkit.domain.UserId;
import dev.partnerkit.domain.internal.Checks;
import java.util.Optional;
import org.immutables.value.Value;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What an operator fills in to add a partner to the directory, or to edit one: the status is set on its own. */
@Value.Immutable
@JsonSerialize(as = ImmutablePartnerDraft.class)
@JsonDeserialize(as = ImmutablePartnerDraft.class)
public abstract class PartnerDraft {
  /** @return the partner's id in the tenant's directory */
  @NotNull(message = "partnerId is required")
  public abstract PartnerId partnerId();

  /** @return the name used in explanations, e.g. "Acme Rentals" */
  @NotBlank(message = "name must not be blank")
  @Size(max = Checks.MAX_NAME_LENGTH, message = "name must be at most {max} characters")
  public abstract String name();

  /** @return what kind of organisation it is */
  @NotNull(message = "kind is required")
  public abstract PartnerKind kind();

  /** @return the tier, if the tenant uses tiers */
  public abstract Optional<@NotBlank(message = "tier must not be blank") @Size(max = Checks.MAX_IDENTIFIER_LENGTH,
      message = "tier must be at most {max} characters") String> tier();

  /** @return the region, if known */
  public abstract Optional<@NotBlank(message = "region must not be blank") @Size(max = Checks.MAX_NAME_LENGTH,
      message = "region must be at most {max} characters") String> region();

  /** @return the operator who owns the relationship, if any */
  public abstract Optional<UserId> ownerUserId();

  @Value.Check
  protected void check() {
    Checks.text("name", name(), Checks.MAX_NAME_LENGTH);
    tier().ifPresent(t -> Checks.text("tier", t, Checks.MAX_IDENTIFIER_LENGTH));
    region().ifPresent(r -> Checks.text("region", r, Checks.MAX_NAME_LENGTH));
  }

  /** @return a new builder */
  public static ImmutablePartnerDraft.Builder builder() {
    return ImmutablePartnerDraft.builder();
  }
}
