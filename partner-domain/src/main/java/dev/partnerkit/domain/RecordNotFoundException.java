package dev.partnerkit.domain;

/**
 * The record does not exist, or the actor may not see it: the two are indistinguishable on purpose (same type, same
 * words), so that no caller learns of records outside its view. A host maps it to 404.
 */
public class RecordNotFoundException extends PartnerkitException {
  private static final long serialVersionUID = 1L;

  private final String field;

  /**
   * @param field the input field that named the record, e.g. {@code taskId}
   * @param noun what was looked for, e.g. {@code task}
   * @param id the id the caller gave (the caller's own input, so it is safe to repeat)
   */
  public RecordNotFoundException(String field, String noun, String id) {
    super("no " + noun + " " + id + " is visible here");
    this.field = field;
  }

  /** @return the input field that named the record */
  public String field() {
    return field;
  }
}
