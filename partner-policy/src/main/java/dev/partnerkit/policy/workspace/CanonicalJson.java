package dev.partnerkit.policy.workspace;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.partnerkit.domain.PartnerkitException;
import dev.partnerkit.domain.json.PartnerkitJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * The canonical JSON of a command, for its idempotency fingerprint: object keys sorted, map entries sorted, and the
 * elements of every set sorted by their own canonical JSON, so the same command written in another order has the
 * same fingerprint. The fingerprint is the SHA-256 of that text.
 */
final class CanonicalJson {
  private final ObjectMapper mapper;

  CanonicalJson() {
    JsonMapper.Builder builder = ((JsonMapper) PartnerkitJson.newObjectMapper()).rebuild()
        .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    SimpleModule sets = new SimpleModule("partnerkit-canonical-sets");
    sets.addSerializer(new SortedSetSerializer());
    this.mapper = builder.addModule(sets).build();
  }

  /** @return the canonical JSON text of {@code value} */
  String write(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new PartnerkitException("cannot write the command as canonical JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** @return the hex SHA-256 of {@code actorKey} and the canonical JSON of {@code payload} */
  String fingerprint(String actorKey, Object payload) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update((actorKey + '\u0000' + write(payload)).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }

  /** Writes a set as an array of its elements' canonical JSON, sorted. */
  @SuppressWarnings("rawtypes")
  private final class SortedSetSerializer extends StdSerializer<Set> {
    private static final long serialVersionUID = 1L;

    SortedSetSerializer() {
      super(Set.class);
    }

    @Override
    public void serialize(Set value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      List<String> parts = new ArrayList<>(value.size());
      for (Object element : value) {
        parts.add(mapper.writeValueAsString(element));
      }
      Collections.sort(parts);
      gen.writeStartArray();
      for (String part : parts) {
        gen.writeRawValue(part);
      }
      gen.writeEndArray();
    }
  }
}
