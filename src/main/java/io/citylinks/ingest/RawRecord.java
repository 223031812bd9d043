package io.citylinks.ingest;

import java.time.Instant;

/**
 * One record as read from an input file, before decoding and cleaning: either plain {@code text}
 * (text files, JSON Lines with a text field) or {@code html} bytes (WARC payloads, HTML files,
 * JSON Lines with an html field, then decoded with {@code contentType}'s charset if any).
 *
 * @param dateLineFormat true for text in the seed format, whose first line may be a date line
 */
public record RawRecord(
    String sourceFile,
    String sourceEntry,
    long sourceOffset,
    String url,
    String title,
    String text,
    byte[] html,
    String contentType,
    String publishedMeta,
    String langHint,
    String source,
    Instant captureDate,
    boolean dateLineFormat)
    implements IngestItem {

  public static RawRecord text(Origin origin, String text, boolean dateLineFormat) {
    return new RawRecord(origin.file(), origin.entry(), origin.offset(), null, null, text, null,
        null, null, null, null, null, dateLineFormat);
  }

  public static RawRecord html(Origin origin, String url, byte[] html, String contentType,
      Instant captureDate) {
    return new RawRecord(origin.file(), origin.entry(), origin.offset(), url, null, null, html,
        contentType, null, null, null, captureDate, false);
  }
}
