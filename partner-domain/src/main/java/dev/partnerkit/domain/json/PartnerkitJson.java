package dev.partnerkit.domain.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.domain.PartnerkitException;
import dev.partnerkit.domain.internal.Checks;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * The strict JSON mapping of Partnerkit's values. Jackson's defaults are too lenient for input from partners and
 * machines, so this mapper rejects unknown properties, nulls for primitives, trailing tokens, floats or strings
 * coerced into numbers (and other scalar coercions), duplicate keys and numbers for enums; caps string length
 * ({@value #MAX_STRING_LENGTH} characters), nesting depth ({@value #MAX_NESTING_DEPTH}) and number length; never
 * enables default typing; writes instants as ISO-8601 text. Enums are read and written by their wire names.
 *
 * <pre>{@code
 * PartnerkitJson json = PartnerkitJson.create();
 * String text = json.write(decision);
 * AccessGrant grant = json.read(body, AccessGrant.class); // InvalidValueException naming the field on bad input
 * }</pre>
 *
 * Thread-safe once created.
 */
public final class PartnerkitJson {
  /** Longest string accepted in any JSON document, in characters. */
  public static final int MAX_STRING_LENGTH = 100_000;
  /** Deepest nesting of objects and arrays accepted. */
  public static final int MAX_NESTING_DEPTH = 32;
  /** Longest number accepted, in characters. */
  public static final int MAX_NUMBER_LENGTH = 40;

  private final ObjectMapper mapper;

  private PartnerkitJson(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** @return a JSON mapping with the strict configuration */
  public static PartnerkitJson create() {
    return new PartnerkitJson(newObjectMapper());
  }

  /**
   * A new Jackson mapper with the strict configuration, for hosts that want to register it in their own web stack.
   * Each call returns a fresh instance; changing it does not affect Partnerkit.
   *
   * @return the configured mapper
   */
  public static ObjectMapper newObjectMapper() {
    JsonMapper mapper = JsonMapper.builder()
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
        .disable(JsonReadFeature.ALLOW_LEADING_DECIMAL_POINT_FOR_NUMBERS)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .addModule(new Jdk8Module())
        .addModule(new JavaTimeModule())
        .build();
    mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
        .maxStringLength(MAX_STRING_LENGTH)
        .maxNestingDepth(MAX_NESTING_DEPTH)
        .maxNumberLength(MAX_NUMBER_LENGTH)
        .build());
    for (LogicalType numeric : new LogicalType[] {LogicalType.Integer, LogicalType.Float}) {
      mapper.coercionConfigFor(numeric)
          .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Float, numeric == LogicalType.Integer ? CoercionAction.Fail
              : CoercionAction.TryConvert)
          .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    }
    mapper.coercionConfigFor(LogicalType.Boolean)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    mapper.coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    mapper.getFactory().disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
    return mapper;
  }

  /**
   * Reads one value.
   *
   * @param json the document
   * @param type the value type, e.g. {@code AccessGrant.class}
   * @return the value, fully validated
   * @throws InvalidValueException naming the field (as a JSON path) and the problem; nothing is half-built
   */
  public <T> T read(String json, Class<T> type) {
    Checks.required("json", json);
    Checks.required("type", type);
    JsonParser parser = null;
    try {
      parser = mapper.createParser(json);
      return mapper.readValue(parser, type);
    } catch (JsonProcessingException e) {
      throw translate(e, type, parser);
    } catch (IOException e) {
      throw new InvalidValueException("$", "invalid " + type.getSimpleName() + " JSON: " + e.getMessage(), e);
    } finally {
      if (parser != null) {
        try {
          parser.close();
        } catch (IOException ignored) {
          // reading from a string: nothing to release
        }
      }
    }
  }

  /**
   * Writes one value.
   *
   * @param value a Partnerkit value (or any plain Jackson-serialisable object)
   * @return the JSON text
   * @throws PartnerkitException when the value cannot be written
   */
  public String write(Object value) {
    Checks.required("value", value);
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new PartnerkitException("cannot write " + value.getClass().getSimpleName() + " as JSON: "
          + e.getOriginalMessage(), e);
    }
  }

  /** @return a copy of the underlying mapper; changing it does not affect this instance */
  public ObjectMapper mapperCopy() {
    return mapper.copy();
  }

  private static InvalidValueException translate(JsonProcessingException e, Class<?> type,
      @Nullable JsonParser parser) {
    String path = "$";
    if (e instanceof JsonMappingException) {
      StringBuilder p = new StringBuilder();
      for (JsonMappingException.Reference ref : ((JsonMappingException) e).getPath()) {
        if (ref.getFieldName() != null) {
          p.append(p.length() == 0 ? "" : ".").append(ref.getFieldName());
        } else if (ref.getIndex() >= 0) {
          p.append('[').append(ref.getIndex()).append(']');
        }
      }
      if (p.length() > 0) {
        path = p.toString();
      }
    }
    boolean streamError = false;
    for (Throwable c = e; c != null; c = c.getCause()) {
      streamError |= c instanceof StreamReadException || c instanceof StreamConstraintsException;
    }
    if (streamError && parser != null) {
      // a syntax error or a limit hit by the parser itself: name the field the parser was in
      String at = parserPath(parser.getParsingContext());
      if (!"$".equals(at)) {
        path = at;
      }
    }
    Throwable cause = e.getCause();
    while (cause != null && !(cause instanceof InvalidValueException)) {
      cause = cause.getCause();
    }
    String detail;
    if (cause != null) {
      InvalidValueException invalid = (InvalidValueException) cause;
      detail = invalid.getMessage();
    } else {
      detail = String.valueOf(e.getOriginalMessage());
      if (detail.length() > 300) {
        detail = detail.substring(0, 300) + "...";
      }
    }
    return new InvalidValueException(path, "invalid " + type.getSimpleName() + " JSON at " + path + ": " + detail,
        e);
  }

  /** @return the parser's position as a path like {@code actor.displayName} or {@code members[3]}; "$" at the root */
  private static String parserPath(JsonStreamContext context) {
    StringBuilder p = new StringBuilder();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
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
}
