package io.citylinks.ingest;

/** A record (or a whole file) that could not be read, with a short reason code and detail. */
public record Rejection(String sourceFile, String sourceEntry, long sourceOffset, Reason reason,
    String detail) implements IngestItem {

  /** Why a record was rejected; the lower-case name is stored in {@code rejected_records.reason}. */
  public enum Reason {
    CORRUPT_GZIP,
    TRUNCATED_RECORD,
    MALFORMED_RECORD,
    MALFORMED_JSON,
    MISSING_TEXT,
    UNDECODABLE,
    BINARY_FILE,
    EMPTY_FILE,
    EMPTY_TEXT,
    TOO_LARGE,
    UNREADABLE_FILE,
    UNSUPPORTED_FORMAT,
    /** A bundle member that is not a regular file (device, FIFO) or whose name names no file. */
    UNSUPPORTED_MEMBER,
    /** A bug or unforeseen input in our own per-record code; the detail has the exception. */
    PROCESSING_ERROR;

    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public static Rejection of(Origin origin, Reason reason, String detail) {
    return new Rejection(origin.file(), origin.entry(), origin.offset(), reason,
        detail == null ? null : truncate(detail, 1000));
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max) + "…";
  }
}
