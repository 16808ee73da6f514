package dev.partnerkit.domain.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
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
   * Each call returns a fresh instance; changing it does not affect Partnerkit. A host that keeps its own mapper for
   * its own types registers {@link PartnerkitModule} on it instead.
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
   * @throws InvalidValueException naming the field (as a JSON path) and the problem, as
   *     {@code invalid JSON at <path>: <problem>} with no Java class named; nothing is half-built
   */
  public <T> T read(String json, Class<T> type) {
    Checks.required("json", json);
    Checks.required("type", type);
    JsonParser parser = null;
    try {
      parser = mapper.createParser(json);
      return mapper.readValue(parser, type);
    } catch (JsonProcessingException e) {
      throw JsonProblems.translate(e, parser, null).exception(e);
    } catch (IOException e) {
      throw new InvalidValueException("$", "invalid JSON at $: the document could not be read", e);
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
}
