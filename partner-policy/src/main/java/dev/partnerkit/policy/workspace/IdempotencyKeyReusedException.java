package dev.partnerkit.policy.workspace;

import dev.partnerkit.domain.PartnerkitConflictException;

/**
 * Thrown when an idempotency key already used for one command arrives with a different command or payload. Nothing
 * is written. Use a new key for a new command. The input itself is valid, it clashes with what the key already
 * stands for: a {@link PartnerkitConflictException}, which a host maps to 409.
 */
public class IdempotencyKeyReusedException extends PartnerkitConflictException {
  private static final long serialVersionUID = 1L;

  private final String key;

  /**
   * @param key the reused key
   */
  public IdempotencyKeyReusedException(String key) {
    super("idempotencyKey '" + key + "' was already used for a different command or payload; "
        + "a retry must repeat the first command exactly, a new command needs a new key");
    this.key = key;
  }

  /** @return the reused key */
  public String key() {
    return key;
  }
}
