package dev.partnerkit.policy.workspace;

import dev.partnerkit.domain.InvalidValueException;

/**
 * Thrown when an idempotency key already used for one command arrives with a different command or payload. Nothing
 * is written. Use a new key for a new command.
 */
public class IdempotencyKeyReusedException extends InvalidValueException {
  private static final long serialVersionUID = 1L;

  /**
   * @param key the reused key
   */
  public IdempotencyKeyReusedException(String key) {
    super("idempotencyKey", "idempotencyKey '" + key + "' was already used for a different command or payload; "
        + "a retry must repeat the first command exactly, a new command needs a new key");
  }
}
