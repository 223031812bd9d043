package io.citylinks.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citylinks.ingest.Rejection.Reason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads JSON Lines: one article per line with {@code url}, {@code text} or {@code html}, and
 * optional {@code title}, {@code published}/{@code date}, {@code lang}, {@code source},
 * {@code canonical_url}. A bad line is rejected with its byte offset and reading goes on with the
 * next line.
 */
final class JsonLinesStream extends RecordStream {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Origin origin;
  private final InputStream in;
  private final long maxRecordBytes;
  private final boolean compressed;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(4096);
  private final byte[] buf = new byte[64 * 1024];
  private int pos;
  private int limit;
  private long offset;
  private long end = Long.MAX_VALUE;
  private boolean broken;

  JsonLinesStream(Origin origin, InputStream in, long maxRecordBytes, boolean compressed) {
    this.origin = origin;
    this.in = in;
    this.maxRecordBytes = maxRecordBytes;
    this.compressed = compressed;
  }

  /**
   * A stream over the lines of one byte range [start, end) of an uncompressed file, {@code in}
   * positioned at {@code max(0, start - 1)}: the lines that start inside the range, so that the
   * splits of one file read every line exactly once (Hadoop's rule for text splits).
   */
  static JsonLinesStream split(Origin origin, InputStream in, long start, long end,
      long maxRecordBytes) throws IOException {
    JsonLinesStream s = new JsonLinesStream(origin, in, maxRecordBytes, false);
    s.end = end;
    if (start > 0) {
      s.offset = start - 1;
      s.skipToNextLine();
    }
    return s;
  }

  private void skipToNextLine() throws IOException {
    int b;
    while ((b = in.read()) != -1) {
      offset++;
      if (b == '\n') {
        return;
      }
    }
  }

  @Override
  protected IngestItem computeNext() {
    while (!broken && offset < end) {
      long start = offset;
      boolean tooLong;
      try {
        tooLong = readLine();
      } catch (IOException e) {
        broken = true;
        return Rejection.of(origin.at(start),
            compressed ? Reason.CORRUPT_GZIP : Reason.UNREADABLE_FILE,
            "read failed after byte " + offset + ": " + e);
      }
      if (line.size() == 0 && offset == start) {
        return null; // end of input
      }
      if (tooLong) {
        return Rejection.of(origin.at(start), Reason.TOO_LARGE,
            "JSON line of " + (offset - start) + " bytes exceeds max-record-bytes=" + maxRecordBytes);
      }
      String text = line.toString(StandardCharsets.UTF_8).strip();
      if (text.isEmpty()) {
        continue;
      }
      return parse(origin.at(start), text);
    }
    return null;
  }

  /** Reads one line into {@link #line}; true when it was longer than the limit (then dropped). */
  private boolean readLine() throws IOException {
    line.reset();
    boolean tooLong = false;
    while (true) {
      if (pos == limit) {
        limit = in.read(buf, 0, buf.length);
        pos = 0;
        if (limit <= 0) {
          limit = 0;
          return tooLong;
        }
      }
      int start = pos;
      while (pos < limit && buf[pos] != '\n') {
        pos++;
      }
      boolean eol = pos < limit;
      int n = pos - start;
      offset += n;
      if (!tooLong) {
        line.write(buf, start, n);
        if (line.size() > maxRecordBytes) {
          tooLong = true;
          line.reset();
        }
      }
      if (eol) {
        pos++;
        offset++;
        return tooLong;
      }
    }
  }

  static IngestItem parse(Origin at, String jsonText) {
    JsonNode node;
    try {
      node = JSON.readTree(jsonText);
    } catch (JsonProcessingException e) {
      return Rejection.of(at, Reason.MALFORMED_JSON, e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      return Rejection.of(at, Reason.MALFORMED_JSON, "line is not a JSON object");
    }
    String text = field(node, "text");
    String html = field(node, "html");
    if ((text == null || text.isBlank()) && (html == null || html.isBlank())) {
      return Rejection.of(at, Reason.MISSING_TEXT, "no 'text' or 'html' field");
    }
    String published = field(node, "published");
    if (published == null) {
      published = field(node, "date");
    }
    boolean useText = text != null && !text.isBlank();
    return new RawRecord(at.file(), at.entry(), at.offset(), field(node, "url"),
        field(node, "title"), useText ? text : null,
        useText ? null : html.getBytes(StandardCharsets.UTF_8),
        useText ? null : "text/html; charset=utf-8", published, field(node, "lang"),
        field(node, "source"), null, false, field(node, "canonical_url"), null);
  }

  private static String field(JsonNode node, String name) {
    JsonNode v = node.get(name);
    return v == null || v.isNull() ? null : v.asText();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
