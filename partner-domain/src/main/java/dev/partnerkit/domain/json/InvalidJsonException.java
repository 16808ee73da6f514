package dev.partnerkit.domain.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * Thrown by {@link PartnerkitModule} when JSON for one of Partnerkit's values, read through a host's own
 * {@code ObjectMapper}, breaks the strict rules: an unknown field, a coerced scalar, a duplicate key, an unknown wire
 * name, a value that fails its own validation. It is a Jackson {@link JsonMappingException}, so a host's web stack
 * treats it like any other unreadable body (Spring wraps it in {@code HttpMessageNotReadableException}); its message
 * is {@code invalid JSON at <path>: <problem>}, names the field as a JSON path from the root of the host's document
 * and never a Java class. A host maps it to 400:
 *
 * <pre>{@code
 * if (e.getCause() instanceof InvalidJsonException invalid) {
 *   return badRequest(invalid.field(), invalid.getOriginalMessage());
 * }
 * }</pre>
 *
 * Its cause is the {@link dev.partnerkit.domain.InvalidValueException} that {@link PartnerkitJson#read} would have
 * thrown for the same value on its own.
 */
public final class InvalidJsonException extends JsonMappingException {
  private static final long serialVersionUID = 1L;

  private final String innerPath;
  private final String detail;

  InvalidJsonException(JsonParser parser, String innerPath, String detail, Throwable cause) {
    super(parser, detail, cause);
    this.innerPath = innerPath;
    this.detail = detail;
  }

  /**
   * @return the JSON path of the rejected field from the root of the document, e.g. {@code draft.title} or
   *     {@code grants[2].scope.surfaces[0]}; {@code $} for the root itself
   */
  public String field() {
    StringBuilder outer = new StringBuilder();
    for (Reference ref : getPath()) {
      if (ref.getFieldName() != null) {
        outer.append(outer.length() == 0 ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        outer.append('[').append(ref.getIndex()).append(']');
      }
    }
    if (outer.length() == 0) {
      return innerPath;
    }
    if ("$".equals(innerPath)) {
      return outer.toString();
    }
    return outer + (innerPath.startsWith("[") ? "" : ".") + innerPath;
  }

  /** @return what is wrong, in plain words, without the path */
  public String detail() {
    return detail;
  }

  /** @return {@code invalid JSON at <path>: <problem>} */
  @Override
  public String getOriginalMessage() {
    return "invalid JSON at " + field() + ": " + detail;
  }

  /** @return the same as {@link #getOriginalMessage()}: no source location, no reference chain of classes */
  @Override
  public String getMessage() {
    return getOriginalMessage();
  }

  @Override
  public String getLocalizedMessage() {
    return getOriginalMessage();
  }
}
