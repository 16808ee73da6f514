package dev.partnerkit.domain.economics;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.EventId;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.UserId;
import dev.partnerkit.domain.internal.Checks;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * A stored event invite, counted in the invite metrics of the event's host or managing partner: per inviter
 * principal, per issuing user, and as a drill-down list. Only a credited acceptance counts as accepted. Versioned:
 * recording the acceptance of an issued invite raises the version by one.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableEventInvite.class)
@JsonDeserialize(as = ImmutableEventInvite.class)
public abstract class EventInvite {
  /** @return the tenant */
  public abstract TenantId tenantId();

  /** @return the invite */
  public abstract InviteId inviteId();

  /** @return the occasion of the event */
  public abstract OccasionId occasionId();

  /** @return the event invited to */
  public abstract EventId eventId();

  /** @return the event's host or managing partner, whose metrics count the invite */
  public abstract PartnerId partnerId();

  /** @return the principal the invite was sent as */
  public abstract String inviterPrincipal();

  /** @return the user who issued it ({@code issued_by_user_id}) */
  public abstract UserId issuedByUserId();

  /** @return when it was issued */
  public abstract Instant issuedAt();

  /** @return whether the invitee accepted */
  @Value.Default
  public boolean accepted() {
    return false;
  }

  /** @return whether the acceptance is credited to the inviter: only these count as accepted in metrics */
  @Value.Default
  public boolean creditedAcceptance() {
    return false;
  }

  /** @return when it was accepted; present exactly when accepted */
  public abstract Optional<Instant> acceptedAt();

  /** @return the optimistic version */
  @Value.Default
  public long version() {
    return 0;
  }

  @Value.Check
  protected void check() {
    Inputs.principal("inviterPrincipal", inviterPrincipal());
    Checks.check(!Checks.finerThanMicros(issuedAt()), "issuedAt",
        "issuedAt must be at microsecond precision, but was " + issuedAt());
    acceptedAt().ifPresent(at -> Checks.check(!Checks.finerThanMicros(at), "acceptedAt",
        "acceptedAt must be at microsecond precision, but was " + at));
    checkAcceptance(accepted(), creditedAcceptance(), acceptedAt().orElse(null), issuedAt());
    Checks.nonNegative("version", version());
  }

  static void checkAcceptance(boolean accepted, boolean credited, @Nullable Instant acceptedAt, Instant issuedAt) {
    Checks.check(accepted || !credited, "creditedAcceptance",
        "creditedAcceptance must be false for an invite that was not accepted");
    Checks.check(accepted == (acceptedAt != null), "acceptedAt",
        "acceptedAt must be given exactly when the invite was accepted");
    Checks.check(acceptedAt == null || !acceptedAt.isBefore(issuedAt), "acceptedAt",
        "acceptedAt must not be before issuedAt (" + issuedAt + "), but was " + acceptedAt);
  }

  /** @return a new builder */
  public static ImmutableEventInvite.Builder builder() {
    return ImmutableEventInvite.builder();
  }

  /** @return the invite a host reported, at version 0 */
  public static EventInvite of(TenantId tenantId, InviteDraft draft) {
    return builder().tenantId(tenantId).inviteId(draft.inviteId()).occasionId(draft.occasionId())
        .eventId(draft.eventId()).partnerId(draft.partnerId()).inviterPrincipal(draft.inviterPrincipal())
        .issuedByUserId(draft.issuedByUserId()).issuedAt(draft.issuedAt()).accepted(draft.accepted())
        .creditedAcceptance(draft.creditedAcceptance()).acceptedAt(Optional.ofNullable(draft.acceptedAt())).build();
  }

  /** @return this invite accepted at {@code at} (kept to microseconds), credited or not, one version on */
  public EventInvite acceptedAt(Instant at, boolean credited) {
    return builder().from(this).accepted(true).creditedAcceptance(credited).acceptedAt(Checks.micros(at))
        .version(version() + 1).build();
  }
}
