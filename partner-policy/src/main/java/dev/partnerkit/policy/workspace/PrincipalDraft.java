package dev.partnerkit.policy.workspace;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.IntegrationPrincipalId;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.internal.Checks;
import java.util.Set;
import java.util.regex.Pattern;
import org.immutables.value.Value;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What an operator fills in to create a partner's integration principal: it starts enabled and read-only; write
 * access is given (and withdrawn) on its own.
 */
@Value.Immutable
@JsonSerialize(as = ImmutablePrincipalDraft.class)
@JsonDeserialize(as = ImmutablePrincipalDraft.class)
public abstract class PrincipalDraft {
  private static final Pattern TRIGGER = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+");

  /** @return the machine identity's id (the host's, e.g. from its API key records) */
  @NotNull(message = "principalId is required")
  public abstract IntegrationPrincipalId principalId();

  /** @return the partner that owns it */
  @NotNull(message = "partnerId is required")
  public abstract PartnerId partnerId();

  /** @return the name shown in explanations */
  @NotBlank(message = "name must not be blank")
  @Size(max = Checks.MAX_NAME_LENGTH, message = "name must be at most {max} characters")
  public abstract String name();

  /** @return the webhook triggers it subscribes to, e.g. {@code printable.generated} */
  @Size(max = 64, message = "triggers must hold at most {max} entries")
  public abstract Set<String> triggers();

  @Value.Check
  protected void check() {
    Checks.text("name", name(), Checks.MAX_NAME_LENGTH);
    Checks.maxSize("triggers", triggers(), 64);
    for (String trigger : triggers()) {
      Checks.check(trigger.length() <= 64 && TRIGGER.matcher(trigger).matches(), "triggers",
          "triggers must be dotted lower-case event names like printable.generated, but held "
              + Checks.show(trigger));
    }
  }

  /** @return a new builder */
  public static ImmutablePrincipalDraft.Builder builder() {
    return ImmutablePrincipalDraft.builder();
  }
}
