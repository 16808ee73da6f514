package dev.partnerkit.domain.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.domain.WireNamed;
import dev.partnerkit.domain.internal.Checks;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns Jackson's failures into a JSON path and a plain-words detail that names the field and never a Java class:
 * Jackson's own messages name the classes it was building ({@code Cannot deserialize value of type `...`}), and the
 * generated builders name the value type ({@code Cannot build TaskDraft, ...}); neither is for a partner's eyes.
 */
final class JsonProblems {
  private static final int MAX_DETAIL = 300;
  private static final Pattern MISSING = Pattern.compile(
      "Cannot build \\w+, some of required attributes are not set \\[([^\\]]*)\\]");
  private static final Pattern BARE_ATTRIBUTE = Pattern.compile("([a-zA-Z][a-zA-Z0-9]*)( element)?");
  private static final Pattern SOURCE = Pattern.compile(
      "\\s*\\(start marker at \\[Source: .*?; line: (\\d+), column: (\\d+)\\]\\)");
  private static final Pattern FROM_METHOD = Pattern.compile(",? from `[^`]*`");
  private static final Pattern QUOTED_TYPE = Pattern.compile("`[^`]*`");
  private static final Pattern QUALIFIED_NAME = Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Z][\\w$]*");

  private JsonProblems() {}

  /** A rejected document: where, and what is wrong, in plain words. */
  record Problem(String path, String detail) {
    /** @return the problem as the message of an {@link InvalidValueException} */
    String message() {
      return "invalid JSON at " + path + ": " + detail;
    }

    InvalidValueException exception(Throwable cause) {
      return new InvalidValueException(path, message(), cause);
    }
  }

  /**
   * @param parser the parser that read the document, for failures of the parser itself (syntax, limits)
   * @param root the context the document started in; the path is relative to it
   */
  static Problem translate(JsonProcessingException e, @Nullable JsonParser parser, @Nullable JsonStreamContext root) {
    String path = mappingPath(e);
    boolean streamError = false;
    for (Throwable c = e; c != null; c = c.getCause()) {
      streamError |= c instanceof StreamReadException || c instanceof StreamConstraintsException;
    }
    if (streamError && parser != null) {
      // a syntax error or a limit hit by the parser itself: name the field the parser was in
      String at = parserPath(parser.getParsingContext(), root);
      if (!"$".equals(at)) {
        path = at;
      }
    }
    InvalidValueException invalid = invalidValueIn(e);
    if (invalid != null) {
      return fromValueCheck(path, invalid);
    }
    return new Problem(path, detail(e, path, parser));
  }

  /** @return the failure of a value's own validation (constructor, builder, check), if that is what failed */
  static @Nullable InvalidValueException invalidValueIn(Throwable e) {
    for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
      if (c instanceof InvalidValueException) {
        return (InvalidValueException) c;
      }
    }
    return null;
  }

  private static Problem fromValueCheck(String path, InvalidValueException invalid) {
    String message = String.valueOf(invalid.getMessage());
    String field = invalid.field();
    if (field == null) {
      // the generated builders' own messages: missing attributes, nulls
      Matcher missing = MISSING.matcher(message);
      Matcher bare = BARE_ATTRIBUTE.matcher(message);
      if (missing.matches()) {
        List<String> names = Arrays.stream(missing.group(1).split(",")).map(String::trim).toList();
        field = names.get(0);
        message = names.size() == 1 ? field + " is required, but was missing"
            : String.join(", ", names) + " are required, but were missing";
      } else if (bare.matches()) {
        field = bare.group(1);
        message = bare.group(2) == null ? field + " is required, but was null"
            : field + " must not hold null, but held null";
      } else {
        message = clean(message);
      }
    }
    return new Problem(field == null ? path : join(path, field), message);
  }

  /** @return {@code inner} (a field of the value at {@code path}) as a path from the document's root */
  static String join(String path, String inner) {
    if ("$".equals(inner) || inner.isEmpty()) {
      return path;
    }
    if ("$".equals(path)) {
      return inner;
    }
    String last = path.substring(path.lastIndexOf('.') + 1);
    if (inner.equals(last)) {
      return path;
    }
    if (inner.startsWith(last + ".") || inner.startsWith(last + "[")) {
      // the value's own check named the field with its own name in front, e.g. scope.surfaces inside scope
      return path + inner.substring(last.length());
    }
    return path + (inner.startsWith("[") ? "" : ".") + inner;
  }

  private static String mappingPath(JsonProcessingException e) {
    if (!(e instanceof JsonMappingException)) {
      return "$";
    }
    StringBuilder p = new StringBuilder();
    for (JsonMappingException.Reference ref : ((JsonMappingException) e).getPath()) {
      if (ref.getFieldName() != null) {
        p.append(p.length() == 0 ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        p.append('[').append(ref.getIndex()).append(']');
      }
    }
    return p.length() == 0 ? "$" : p.toString();
  }

  /**
   * @param root where the document started; {@code null} for a whole document
   * @return the parser's position as a path like {@code actor.displayName} or {@code members[3]}; "$" at the root
   */
  static String parserPath(JsonStreamContext context, @Nullable JsonStreamContext root) {
    StringBuilder p = new StringBuilder();
    for (JsonStreamContext c = context; c != null && !c.inRoot() && c != root; c = c.getParent()) {
      if (c.inObject() && c.getCurrentName() != null) {
        p.insert(0, c.getCurrentName()).insert(0, '.');
      } else if (c.inArray()) {
        p.insert(0, "[" + Math.max(0, c.getCurrentIndex()) + "]");
      }
    }
    if (p.length() == 0) {
      return "$";
    }
    return p.charAt(0) == '.' ? p.substring(1) : p.toString();
  }

  private static String detail(JsonProcessingException e, String path, @Nullable JsonParser parser) {
    String subject = "$".equals(path) ? "the document" : path.substring(path.lastIndexOf('.') + 1);
    if (e instanceof UnrecognizedPropertyException) {
      UnrecognizedPropertyException u = (UnrecognizedPropertyException) e;
      return Checks.show(u.getPropertyName()) + " is not a known field" + known(u.getKnownPropertyIds());
    }
    if (e instanceof InvalidTypeIdException) {
      String id = ((InvalidTypeIdException) e).getTypeId();
      return id == null ? subject + " must name its kind, but did not"
          : subject + " must be of a known kind, but was of kind " + Checks.show(id);
    }
    if (e instanceof InvalidFormatException) {
      InvalidFormatException f = (InvalidFormatException) e;
      return subject + " must be " + expected(f.getTargetType()) + ", but was " + Checks.show(f.getValue());
    }
    if (e instanceof InvalidDefinitionException) {
      return subject + " cannot be read from JSON";
    }
    if (String.valueOf(e.getOriginalMessage()).startsWith("Trailing token")) {
      return "the document must hold one value, but had trailing tokens after it";
    }
    if (e instanceof MismatchedInputException) {
      Class<?> target = ((MismatchedInputException) e).getTargetType();
      String found = found(e, parser);
      if (target == null) {
        return clean(String.valueOf(e.getOriginalMessage()));
      }
      return subject + " must be " + expected(target) + (found == null ? "" : ", but was " + found);
    }
    return clean(String.valueOf(e.getOriginalMessage()));
  }

  private static String known(@Nullable Collection<Object> ids) {
    if (ids == null || ids.isEmpty() || ids.size() > 30) {
      return "";
    }
    List<String> names = new ArrayList<>();
    ids.forEach(id -> names.add(String.valueOf(id)));
    return "; known fields: " + names;
  }

  /** @return what was found where a value of another shape was expected, from the token the reader stopped at */
  private static @Nullable String found(JsonProcessingException e, @Nullable JsonParser parser) {
    Object processor = e.getProcessor();
    JsonParser p = processor instanceof JsonParser ? (JsonParser) processor : parser;
    JsonToken token = p == null ? null : p.currentToken();
    if (token == null) {
      return null;
    }
    switch (token) {
      case START_OBJECT:
      case END_OBJECT:
      case FIELD_NAME:
        return "an object";
      case START_ARRAY:
      case END_ARRAY:
        return "an array";
      case VALUE_STRING:
        return "a string";
      case VALUE_NUMBER_INT:
        return "a whole number";
      case VALUE_NUMBER_FLOAT:
        return "a decimal number";
      case VALUE_TRUE:
      case VALUE_FALSE:
        return "a boolean";
      case VALUE_NULL:
        return "null";
      default:
        return null;
    }
  }

  /** @return the shape a target type is written in, in plain words */
  private static String expected(@Nullable Class<?> type) {
    if (type == null) {
      return "of another type";
    }
    if (type.isEnum()) {
      StringBuilder names = new StringBuilder();
      for (Object constant : type.getEnumConstants()) {
        names.append(names.length() == 0 ? "" : ", ")
            .append(constant instanceof WireNamed ? ((WireNamed) constant).wireName() : constant.toString());
      }
      return "one of [" + names + "]";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type == int.class || type == long.class || type == short.class || type == byte.class
        || type == Integer.class || type == Long.class || type == Short.class || type == Byte.class
        || type == BigInteger.class) {
      return "a whole number";
    }
    if (type.isPrimitive() || Number.class.isAssignableFrom(type) || type == BigDecimal.class) {
      return "a number";
    }
    if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
      return "a string";
    }
    if (type.getName().startsWith("java.time.")) {
      return "an ISO-8601 text like 2026-11-01T06:00:00Z";
    }
    if (type.isArray() || Collection.class.isAssignableFrom(type)) {
      return "an array";
    }
    if (Map.class.isAssignableFrom(type)) {
      return "an object";
    }
    if (isTextValue(type)) {
      return "a string";
    }
    return "an object";
  }

  /** Identifiers and keys are written as plain strings: a static {@code of(String)} and a {@code value()}. */
  private static boolean isTextValue(Class<?> type) {
    try {
      type.getMethod("of", String.class);
      return type.getMethod("value").getReturnType() == String.class;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  /** @return Jackson's message without source locations, method references and class names, and short */
  static String clean(String message) {
    String m = SOURCE.matcher(message).replaceAll(" (started at line $1, column $2)");
    m = FROM_METHOD.matcher(m).replaceAll("");
    m = QUOTED_TYPE.matcher(m).replaceAll("a value");
    m = QUALIFIED_NAME.matcher(m).replaceAll("a value");
    if (m.length() > MAX_DETAIL) {
      m = m.substring(0, MAX_DETAIL) + "...";
    }
    return m;
  }
}
