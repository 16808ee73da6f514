package dev.partnerkit.domain;

/**
 * The record does not exist, or the actor may not see it: the two are indistinguishable on purpose (same type, same
 * words), so that no caller learns of records outside its view. Also thrown when a command names a tenant or a
 * partner the directory does not hold, or a grant the tenant does not have. Not invalid input: the input was
 * well-formed and named something that is not there. A host maps it to 404.
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

  /**
   * For what the host itself keeps (tenants and partners of its directory), where a hint to the host's developer
   * tells no partner anything.
   *
   * @param field the input field that named the record, e.g. {@code tenantId}
   * @param noun what was looked for, e.g. {@code tenant}
   * @param id the id the caller gave
   * @param hint what puts it there, e.g. {@code save it with DirectoryStore.saveTenant first}
   */
  public RecordNotFoundException(String field, String noun, String id, String hint) {
    super("no " + noun + " " + id + " is visible here; " + hint);
    this.field = field;
  }

  /** @return the input field that named the record */
  public String field() {
    return field;
  }
}
