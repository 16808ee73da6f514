package dev.partnerkit.spi;

import dev.partnerkit.domain.PartnerkitConflictException;

/**
 * The one typed conflict of the SPI: a write carried a stale version (someone else changed the record first), an
 * update found no record, or an insert found the key taken. Nothing was written. Reload and decide again. A
 * {@link PartnerkitConflictException}: a host maps it to 409.
 */
public class VersionConflictException extends PartnerkitConflictException {
  private static final long serialVersionUID = 1L;

  private final String recordType;
  private final String recordId;
  private final long expectedVersion;

  /**
   * @param recordType the kind of record, e.g. {@code partner_task}
   * @param recordId the record's id within its tenant
   * @param expectedVersion the version the write expected to find stored ({@code -1} for an insert)
   * @param message what was found instead
   */
  public VersionConflictException(String recordType, String recordId, long expectedVersion, String message) {
    super(message);
    this.recordType = recordType;
    this.recordId = recordId;
    this.expectedVersion = expectedVersion;
  }

  /**
   * @return a conflict for an update that expected {@code expected} but found another version or no record
   */
  public static VersionConflictException stale(String recordType, String recordId, long expected) {
    return new VersionConflictException(recordType, recordId, expected, recordType + " " + recordId
        + " was changed or removed by someone else: expected stored version " + expected
        + "; reload it and try again");
  }

  /**
   * @return a conflict for an insert whose key is taken
   */
  public static VersionConflictException duplicate(String recordType, String recordId) {
    return new VersionConflictException(recordType, recordId, -1, recordType + " " + recordId
        + " already exists; inserts never overwrite");
  }

  /** @return the kind of record */
  public String recordType() {
    return recordType;
  }

  /** @return the record's id */
  public String recordId() {
    return recordId;
  }

  /** @return the version the write expected stored; {@code -1} for an insert */
  public long expectedVersion() {
    return expectedVersion;
  }
}
