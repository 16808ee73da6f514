package dev.partnerkit.domain.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.ser.Serializers;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A Jackson module a host registers on its own {@code ObjectMapper} (Spring's, for instance) so that Partnerkit's
 * values keep the strict rules of {@link PartnerkitJson} — unknown fields, scalar coercions, duplicate keys, unknown
 * enum wire names, nulls and the length and depth limits are refused — while every other type the mapper reads keeps
 * the host's own settings, lenient or not.
 *
 * <pre>{@code
 * ObjectMapper mapper = JsonMapper.builder()
 *     .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)   // the host's choice, for the host's types
 *     .addModule(new PartnerkitModule())
 *     .build();
 * GrantDraft draft = mapper.readValue(body, GrantDraft.class);      // InvalidJsonException on bad input
 * }</pre>
 *
 * <p>How: every type in a {@code dev.partnerkit} package is read and written by a strict mapper of its own. The JSON
 * of such a value is copied from the host's parser token by token (duplicate keys, string and number lengths and
 * nesting depth are checked on the way) and bound by that mapper; a failure is thrown as an
 * {@link InvalidJsonException} whose path is the field's path in the host's document. Values are written with the
 * strict mapper too (instants as ISO-8601 text, wire names for enums), so what the host writes Partnerkit reads back.
 * The document's syntax (comments, quotes, trailing tokens) stays the host parser's. A host's polymorphic typing is not
 * applied to Partnerkit's values: they carry their own.
 *
 * <p>Thread-safe; register one instance per mapper.
 */
public final class PartnerkitModule extends Module {
  private final ObjectMapper strict = PartnerkitJson.newObjectMapper();
  private final ObjectWriter writer = strict.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

  /** A module with the strict rules of {@link PartnerkitJson#newObjectMapper()}. */
  public PartnerkitModule() {}

  @Override
  public String getModuleName() {
    return "partnerkit";
  }

  @Override
  public Version version() {
    return Version.unknownVersion();
  }

  @Override
  public void setupModule(SetupContext context) {
    context.addDeserializers(new Deserializers.Base() {
      @Override
      public @Nullable JsonDeserializer<?> findBeanDeserializer(JavaType type, DeserializationConfig config,
          BeanDescription beanDesc) {
        return isPartnerkitType(type.getRawClass()) ? new StrictDeserializer(strict.readerFor(type)) : null;
      }

      @Override
      public @Nullable JsonDeserializer<?> findEnumDeserializer(Class<?> type, DeserializationConfig config,
          BeanDescription beanDesc) {
        return isPartnerkitType(type) ? new StrictDeserializer(strict.readerFor(type)) : null;
      }
    });
    context.addSerializers(new Serializers.Base() {
      @Override
      public @Nullable JsonSerializer<?> findSerializer(SerializationConfig config, JavaType type,
          BeanDescription beanDesc) {
        return isPartnerkitType(type.getRawClass()) ? new StrictSerializer(writer) : null;
      }
    });
  }

  /** @return whether {@code type} is one of Partnerkit's own, read and written strictly */
  static boolean isPartnerkitType(Class<?> type) {
    return type.getName().startsWith("dev.partnerkit.");
  }

  /** Copies one value's tokens with the strict limits, then binds them with the strict mapper. */
  private static final class StrictDeserializer extends JsonDeserializer<Object> {
    private final ObjectReader reader;

    StrictDeserializer(ObjectReader reader) {
      this.reader = reader;
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonToken first = p.currentToken();
      JsonStreamContext root = first == JsonToken.START_OBJECT || first == JsonToken.START_ARRAY
          ? p.getParsingContext().getParent() : p.getParsingContext();
      TokenBuffer buffer = new TokenBuffer(p);
      try {
        copy(p, buffer, root);
      } catch (InvalidJsonException e) {
        throw e;
      } catch (JsonProcessingException e) {
        // the host's parser failed inside this value (syntax, its own limits)
        JsonProblems.Problem problem = JsonProblems.translate(e, p, root);
        throw new InvalidJsonException(p, problem.path(), problem.detail(), problem.exception(e));
      }
      try (JsonParser q = buffer.asParser(reader)) {
        q.nextToken();
        try {
          return reader.readValue(q);
        } catch (JsonProcessingException e) {
          JsonProblems.Problem problem = JsonProblems.translate(e, q, null);
          throw new InvalidJsonException(p, problem.path(), problem.detail(), problem.exception(e));
        }
      }
    }

    /** Partnerkit's values carry their own type names; a host's polymorphic typing does not apply to them. */
    @Override
    public Object deserializeWithType(JsonParser p, DeserializationContext ctxt, TypeDeserializer typeDeserializer)
        throws IOException {
      return deserialize(p, ctxt);
    }

    private static void copy(JsonParser p, TokenBuffer out, JsonStreamContext root) throws IOException {
      List<@Nullable Set<String>> names = new ArrayList<>();
      int depth = 0;
      if (p.currentToken() == JsonToken.FIELD_NAME) {
        // the caller already consumed the object's start
        out.writeStartObject();
        names.add(new HashSet<>());
        depth = 1;
      }
      for (JsonToken t = p.currentToken(); t != null; t = p.nextToken()) {
        switch (t) {
          case START_OBJECT:
          case START_ARRAY:
            depth++;
            if (depth > PartnerkitJson.MAX_NESTING_DEPTH) {
              throw limit(p, root, "nesting depth (" + depth + ") exceeds the maximum allowed ("
                  + PartnerkitJson.MAX_NESTING_DEPTH + ")");
            }
            names.add(t == JsonToken.START_OBJECT ? new HashSet<>() : null);
            break;
          case END_OBJECT:
          case END_ARRAY:
            depth--;
            names.remove(names.size() - 1);
            break;
          case FIELD_NAME:
            Set<String> seen = names.get(names.size() - 1);
            if (seen != null && !seen.add(p.currentName())) {
              throw limit(p, root, "duplicate field " + dev.partnerkit.domain.internal.Checks.show(p.currentName()));
            }
            checkLength(p, root, PartnerkitJson.MAX_STRING_LENGTH, "string");
            break;
          case VALUE_STRING:
            checkLength(p, root, PartnerkitJson.MAX_STRING_LENGTH, "string");
            break;
          case VALUE_NUMBER_INT:
          case VALUE_NUMBER_FLOAT:
            checkLength(p, root, PartnerkitJson.MAX_NUMBER_LENGTH, "number");
            break;
          default:
            break;
        }
        out.copyCurrentEvent(p);
        if (depth == 0) {
          return;
        }
      }
    }

    private static void checkLength(JsonParser p, JsonStreamContext root, int max, String what) throws IOException {
      int length = p.getTextLength();
      if (length > max) {
        throw limit(p, root, what + " value length (" + length + ") exceeds the maximum allowed (" + max + ")");
      }
    }

    private static InvalidJsonException limit(JsonParser p, JsonStreamContext root, String detail) {
      String path = JsonProblems.parserPath(p.getParsingContext(), root);
      JsonProblems.Problem problem = new JsonProblems.Problem(path, detail);
      return new InvalidJsonException(p, path, detail, problem.exception(new IOException(detail)));
    }
  }

  /** Writes one value with the strict mapper into the host's generator. */
  private static final class StrictSerializer extends JsonSerializer<Object> {
    private final ObjectWriter writer;

    StrictSerializer(ObjectWriter writer) {
      this.writer = writer;
    }

    @Override
    public void serialize(Object value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
      writer.writeValue(gen, value);
    }

    /** Partnerkit's values carry their own type names; a host's polymorphic typing does not apply to them. */
    @Override
    public void serializeWithType(Object value, JsonGenerator gen, SerializerProvider serializers,
        TypeSerializer typeSer) throws IOException {
      serialize(value, gen, serializers);
    }
  }
}
