package dev.partnerkit.domain;

/**
 * Thrown when code asks a value to change state along a transition its state machine does not list, e.g. a grant
 * from {@code revoked} back to {@code active}. Access requests never throw this: the decision core answers an illegal
 * task move with a blocked {@link Decision}; this exception guards the values themselves. An operator command that
 * asks for such a move (activating a revoked grant) meets it too: a {@link PartnerkitConflictException} with the
 * stored state, which a host maps to 409.
 */
public class IllegalTransitionException extends PartnerkitConflictException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message names the machine, the current state and the refused target
   */
  public IllegalTransitionException(String message) {
    super(message);
  }
}
