package dev.partnerkit.domain.economics;

import dev.partnerkit.domain.EventId;
import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.UserId;
import dev.partnerkit.domain.internal.Checks;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One invite to an event as the host's invite system reports it (the body a host binds from
 * {@code POST .../event-invites}, or one line of a bulk import): the invite's id, the occasion and event, the event's
 * host or managing partner whose metrics it counts for, the inviter principal it was sent as (the account the
 * invite shows, e.g. {@code partner:p-acme} or {@code user:u-dana}), the user who issued it
 * ({@code issued_by_user_id}), when, and — for an invite already answered — its acceptance: {@code accepted}, and
 * {@code creditedAcceptance} when the acceptance counts for the inviter (only credited acceptances are counted as
 * accepted in the metrics). A credited acceptance is an acceptance; an accepted invite says when.
 *
 * @param inviteId the host's id of the invite
 * @param occasionId the occasion the event belongs to
 * @param eventId the event invited to
 * @param partnerId the event's host or managing partner
 * @param inviterPrincipal the principal the invite was sent as, at most 64 characters of letters, digits and
 *     {@code . _ : @ -}
 * @param issuedByUserId the user who issued it
 * @param issuedAt when it was issued (kept to microseconds)
 * @param accepted whether the invitee accepted
 * @param creditedAcceptance whether the acceptance is credited to the inviter
 * @param acceptedAt when it was accepted; required exactly when accepted
 */
public record InviteDraft(
    @NotNull(message = "inviteId is required") InviteId inviteId,
    @NotNull(message = "occasionId is required") OccasionId occasionId,
    @NotNull(message = "eventId is required") EventId eventId,
    @NotNull(message = "partnerId is required") PartnerId partnerId,
    @NotNull(message = "inviterPrincipal is required")
    @Size(max = 64, message = "inviterPrincipal must be at most 64 characters")
    @Pattern(regexp = Inputs.PRINCIPAL,
        message = "inviterPrincipal must be letters, digits and . _ : @ -, starting with a letter or digit")
    String inviterPrincipal,
    @NotNull(message = "issuedByUserId is required") UserId issuedByUserId,
    @NotNull(message = "issuedAt is required") Instant issuedAt,
    boolean accepted,
    boolean creditedAcceptance,
    @Nullable Instant acceptedAt) {
  /**
   * Validates every component and their agreement.
   *
   * @throws InvalidValueException naming the first invalid component
   */
  public InviteDraft {
    Inputs.required("inviteId", inviteId);
    Inputs.required("occasionId", occasionId);
    Inputs.required("eventId", eventId);
    Inputs.required("partnerId", partnerId);
    Inputs.principal("inviterPrincipal", inviterPrincipal);
    Inputs.required("issuedByUserId", issuedByUserId);
    issuedAt = Inputs.instant("issuedAt", issuedAt);
    acceptedAt = acceptedAt == null ? null : Checks.micros(acceptedAt);
    EventInvite.checkAcceptance(accepted, creditedAcceptance, acceptedAt, issuedAt);
  }
}
