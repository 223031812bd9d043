package io.citylinks.ingest;

import io.citylinks.ingest.Rejection.Reason;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.zip.ZipException;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.ParsingException;
import org.netpreserve.jwarc.WarcCaptureRecord;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;

/**
 * Reads WARC and ARC files (plain or gzip, with jwarc): response and resource records that carry
 * HTML become records; other record types (request, metadata, revisit, warcinfo) and non-HTML
 * payloads are skipped. A malformed or truncated record is rejected with its offset and, when the
 * input can be reopened at an offset, reading resumes at the next record boundary.
 */
final class WarcStream extends RecordStream {
  /** Reopens the underlying file at a byte offset; null when the input cannot seek. */
  interface Reopener {
    InputStream openAt(long offset) throws IOException;
  }

  private static final byte[] WARC_MAGIC = "WARC/1.".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private final Origin origin;
  private final Reopener reopener;
  private final long maxRecordBytes;
  private final boolean gzipped;
  private WarcReader reader;
  private long base; // file offset that the current reader's position 0 corresponds to
  private long skipped;

  WarcStream(Origin origin, InputStream in, Reopener reopener, long maxRecordBytes,
      boolean gzipped) throws IOException {
    this.origin = origin;
    this.reopener = reopener;
    this.maxRecordBytes = maxRecordBytes;
    this.gzipped = gzipped;
    this.reader = newReader(in);
  }

  private static WarcReader newReader(InputStream in) throws IOException {
    WarcReader r = new WarcReader(in);
    r.onWarning(w -> { }); // lenient trailers are common in the wild; the records still parse
    return r;
  }

  /** Records of other types and non-HTML payloads passed over so far. */
  long skippedRecords() {
    return skipped;
  }

  @Override
  protected IngestItem computeNext() throws IOException {
    while (reader != null) {
      long before = base + reader.position();
      WarcRecord record;
      try {
        var next = reader.next();
        if (next.isEmpty()) {
          return null;
        }
        record = next.get();
      } catch (ParsingException e) {
        return failAndResync(before, Reason.MALFORMED_RECORD, e.getMessage());
      } catch (ZipException | EOFException e) {
        return failAndResync(before, gzipped ? Reason.CORRUPT_GZIP : Reason.TRUNCATED_RECORD,
            e.toString());
      } catch (IOException | RuntimeException e) {
        return failAndResync(before, Reason.MALFORMED_RECORD, e.toString());
      }
      // jwarc's position() is the start of the record next() last returned.
      long at = base + reader.position();
      IngestItem item = toItem(record, origin.at(at));
      if (item != null) {
        return item;
      }
      skipped++;
    }
    return null;
  }

  private IngestItem toItem(WarcRecord record, Origin at) {
    try {
      if (record instanceof WarcResponse response) {
        MediaType type = response.payloadType();
        if (!isHtml(type)) {
          return null;
        }
        HttpResponse http = response.http();
        if (http.status() != 200) {
          return null;
        }
        byte[] body = readLimited(http.bodyDecoded().stream(), at);
        return body == null ? tooLarge(at) : RawRecord.html(at, uri(response), body,
            http.contentType().toString(), date(response), payloadDigest(response));
      }
      if (record instanceof WarcResource resource) {
        if (!isHtml(resource.contentType())) {
          return null;
        }
        byte[] body = readLimited(resource.body().stream(), at);
        return body == null ? tooLarge(at) : RawRecord.html(at, uri(resource), body,
            resource.contentType().toString(), date(resource), payloadDigest(resource));
      }
      return null;
    } catch (EOFException e) {
      return Rejection.of(at, Reason.TRUNCATED_RECORD, "payload ends early: " + e.getMessage());
    } catch (IOException | RuntimeException e) {
      return Rejection.of(at, Reason.MALFORMED_RECORD, e.toString());
    }
  }

  private Rejection tooLarge(Origin at) {
    return Rejection.of(at, Reason.TOO_LARGE, "payload exceeds max-record-bytes=" + maxRecordBytes);
  }

  private byte[] readLimited(InputStream in, Origin at) throws IOException {
    byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxRecordBytes + 1));
    return bytes.length > maxRecordBytes ? null : bytes;
  }

  private static boolean isHtml(MediaType type) {
    if (type == null) {
      return false;
    }
    String base = type.base().toString();
    return base.equals("text/html") || base.equals("application/xhtml+xml");
  }

  private static String uri(WarcCaptureRecord record) {
    try {
      return record.target();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static Instant date(WarcRecord record) {
    try {
      return record.date();
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * The digest as the crawler wrote it ({@code sha1:BASE32...}): copies of one payload captured at
   * different URLs or times share it, which makes it the cheapest exact-duplicate signal there is.
   */
  private static String payloadDigest(WarcRecord record) {
    return record.headers().first("WARC-Payload-Digest")
        .map(String::strip).filter(d -> !d.isEmpty()).orElse(null);
  }

  /**
   * Rejects the record at {@code failedAt} and moves to the next record boundary after it: the next
   * gzip member for .gz files, the next "WARC/1." line otherwise. Without a way to reopen the input
   * (a bundle member), the rest of it is rejected with the same reason.
   */
  private IngestItem failAndResync(long previousStart, Reason reason, String detail)
      throws IOException {
    // The bad record starts after the previous good one; jwarc stops somewhere inside it.
    long failedAt = Math.max(previousStart, base + reader.position());
    reader.close();
    reader = null;
    if (reopener == null) {
      return Rejection.of(origin.at(failedAt), reason,
          detail + " (rest of this member skipped: it cannot be re-read at an offset)");
    }
    long next = findNextBoundary(failedAt + 1);
    if (next >= 0) {
      InputStream in = reopener.openAt(next);
      base = next;
      reader = newReader(in);
    }
    return Rejection.of(origin.at(failedAt), reason,
        detail + (next >= 0 ? " (resumed at byte " + next + ")" : " (no further record found)"));
  }

  private long findNextBoundary(long from) throws IOException {
    try (InputStream in = new BufferedInputStream(reopener.openAt(from), 1 << 16)) {
      long pos = from;
      int matched = 0;
      int prev = '\n';
      int b;
      while ((b = in.read()) != -1) {
        if (gzipped) {
          // gzip member header: 1f 8b 08
          if (matched == 0 && b == 0x1f) {
            matched = 1;
          } else if (matched == 1 && b == 0x8b) {
            matched = 2;
          } else if (matched == 2 && b == 0x08) {
            return pos - 2;
          } else {
            matched = b == 0x1f ? 1 : 0;
          }
        } else {
          if (matched > 0 && b == WARC_MAGIC[matched]) {
            matched++;
            if (matched == WARC_MAGIC.length) {
              return pos - WARC_MAGIC.length + 1;
            }
          } else if (b == WARC_MAGIC[0] && prev == '\n') {
            matched = 1;
          } else {
            matched = 0;
          }
          prev = b;
        }
        pos++;
      }
      return -1;
    }
  }

  @Override
  public void close() throws IOException {
    if (reader != null) {
      reader.close();
    }
  }
}
