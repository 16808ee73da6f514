package dev.partnerkit.domain;

/**
 * Root of every exception Partnerkit throws. A <em>blocked</em> access decision is not an exception: it is a normal
 * {@link Decision} value that explains itself. Exceptions are reserved for bad input and broken contracts.
 */
public class PartnerkitException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what went wrong, in plain words
   */
  public PartnerkitException(String message) {
    super(message);
  }

  /**
   * @param message what went wrong, in plain words
   * @param cause the underlying failure
   */
  public PartnerkitException(String message, Throwable cause) {
    super(message, cause);
  }
}
