package dev.partnerkit.domain;

/**
 * Root of the conflicts: the input was valid, but it clashes with what is stored — someone else changed the record
 * first ({@code VersionConflictException}), or an idempotency key already belongs to another command
 * ({@code IdempotencyKeyReusedException}). Nothing was written. A host maps it to 409; the caller reloads and decides
 * again, or sends the new command under a new key.
 */
public class PartnerkitConflictException extends PartnerkitException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what clashed, in plain words
   */
  public PartnerkitConflictException(String message) {
    super(message);
  }

  /**
   * @param message what clashed, in plain words
   * @param cause the underlying failure
   */
  public PartnerkitConflictException(String message, Throwable cause) {
    super(message, cause);
  }
}
