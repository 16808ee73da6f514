package dev.partnerkit.spi;

import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.domain.RecordType;
import dev.partnerkit.domain.WireNamed;
import dev.partnerkit.domain.internal.Checks;
import dev.partnerkit.domain.json.PartnerkitJson;

/**
 * Converts between typed records and the rows a {@link RecordStore} keeps, through the strict JSON mapper: every
 * body written is written from a validated body value, and every body read is parsed and validated against the
 * type's body class (unknown fields, wrong types, broken invariants are refused with the field named). Thread-safe.
 */
public final class RecordCodec {
  private final PartnerkitJson json;

  private RecordCodec(PartnerkitJson json) {
    this.json = json;
  }

  /** @return a codec with the strict mapper */
  public static RecordCodec create() {
    return new RecordCodec(PartnerkitJson.create());
  }

  /** @return the row for {@code record} */
  public StoredRecord encode(TypedRecord<?, ?> record) {
    Checks.required("record", record);
    return StoredRecord.builder().tenantId(record.tenantId()).ref(record.ref()).placement(record.placement())
        .visibility(record.visibility()).status(record.status().wireName()).body(json.write(record.body()))
        .revision(record.revision()).version(record.version()).createdAt(record.createdAt())
        .updatedAt(record.updatedAt()).createdBy(record.createdBy()).build();
  }

  /**
   * @return the typed record
   * @throws InvalidValueException when the row is of another type, or its status or body does not validate
   */
  public <B, S extends Enum<S> & WireNamed> TypedRecord<B, S> decode(RecordType<B, S> type, StoredRecord row) {
    Checks.required("type", type);
    Checks.required("row", row);
    if (!row.ref().type().equals(type.wireName())) {
      throw new InvalidValueException("type", "the row " + row.ref() + " is not a " + type.wireName());
    }
    S status = type.lifecycle().parse("status", row.status());
    B body = json.read(row.body(), type.bodyType());
    return TypedRecord.of(type, row, status, body);
  }

  /**
   * Validates a body text against a type without building a record.
   *
   * @throws InvalidValueException naming the field when it does not validate
   */
  public void validateBody(RecordType<?, ?> type, String body) {
    json.read(body, type.bodyType());
  }
}
