package io.citylinks.ingest;

import io.citylinks.ingest.Rejection.Reason;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a file (or bundle member) that is one article: plain text in the seed format (an optional
 * first line " date YYYY-MM[-DD]", then the page text) or one HTML page.
 */
final class TextFileStream extends RecordStream {
  private final Origin origin;
  private final InputStream in;
  private final long maxRecordBytes;
  private final boolean html;
  private final boolean compressed;
  private boolean done;

  TextFileStream(Origin origin, InputStream in, long maxRecordBytes, boolean html,
      boolean compressed) {
    this.origin = origin;
    this.in = in;
    this.maxRecordBytes = maxRecordBytes;
    this.html = html;
    this.compressed = compressed;
  }

  @Override
  protected IngestItem computeNext() {
    if (done) {
      return null;
    }
    done = true;
    byte[] bytes;
    try {
      bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxRecordBytes + 1));
    } catch (IOException e) {
      return Rejection.of(origin, compressed ? Reason.CORRUPT_GZIP : Reason.UNREADABLE_FILE,
          e.toString());
    }
    if (bytes.length > maxRecordBytes) {
      return Rejection.of(origin, Reason.TOO_LARGE,
          "file exceeds max-record-bytes=" + maxRecordBytes);
    }
    if (bytes.length == 0) {
      return Rejection.of(origin, Reason.EMPTY_FILE, "no bytes");
    }
    // Both kinds are decoded later, by the same charset logic (BOM, declared, UTF-8, detected).
    return new RawRecord(origin.file(), origin.entry(), origin.offset(), null, null, null, bytes,
        html ? "text/html" : "text/plain", null, null, null, null, !html, null, null);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
