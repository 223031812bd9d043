package io.citylinks.ingest;

import java.time.Instant;

/**
 * One record as read from an input file, before decoding and cleaning: either plain {@code text}
 * (text files, JSON Lines with a text field) or {@code html} bytes (WARC payloads, HTML files,
 * JSON Lines with an html field, then decoded with {@code contentType}'s charset if any).
 *
 * @param dateLineFormat true for text in the seed format, whose first line may be a date line
 * @param canonicalUrl the canonical URL the input names beside the page (JSON Lines
 *     {@code canonical_url}), or null; HTML pages name theirs inside and are read later
 * @param payloadDigest the WARC record's {@code WARC-Payload-Digest} header as written, or null
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
    boolean dateLineFormat,
    String canonicalUrl,
    String payloadDigest)
    implements IngestItem {

  public static RawRecord text(Origin origin, String text, boolean dateLineFormat) {
    return new RawRecord(origin.file(), origin.entry(), origin.offset(), null, null, text, null,
        null, null, null, null, null, dateLineFormat, null, null);
  }

  public static RawRecord html(Origin origin, String url, byte[] html, String contentType,
      Instant captureDate, String payloadDigest) {
    return new RawRecord(origin.file(), origin.entry(), origin.offset(), url, null, null, html,
        contentType, null, null, null, captureDate, false, null, payloadDigest);
  }
}
