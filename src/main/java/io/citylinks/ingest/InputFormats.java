package io.citylinks.ingest;

import io.citylinks.ingest.Rejection.Reason;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides how to read an input from its name and first bytes: compression (gzip, zstd, bzip2),
 * bundles (zip, tar, tar.gz, read as streams and never unpacked onto disk) and record formats
 * (WARC/ARC, JSON Lines, HTML, plain text). Magic bytes win over a misleading extension.
 */
public final class InputFormats {
  private InputFormats() {}

  enum Compression { NONE, GZIP, ZSTD, BZIP2 }

  /**
   * Opens {@code raw} as a stream of records. {@code reopener} (may be null) lets WARC reading
   * resume after a bad record; it reopens the same raw bytes at an offset.
   */
  public static RecordStream open(Origin origin, String name, InputStream raw,
      WarcStream.Reopener reopener, long maxRecordBytes) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
    byte[] head = peek(in, 16);
    if (head.length == 0) {
      in.close();
      return RecordStream.of(Rejection.of(origin, Reason.EMPTY_FILE, "no bytes"));
    }
    String lower = name.toLowerCase(Locale.ROOT);
    Compression compression = compressionOf(head);
    String base = stripCompressionSuffix(lower);

    if (compression == Compression.GZIP && isWarcName(base)) {
      // jwarc reads gzip WARCs member by member and reports compressed offsets, which are what a
      // WARC index (CDX) uses; resync also works on member boundaries.
      return new WarcStream(origin, in, reopener, maxRecordBytes, true);
    }
    InputStream body = decompress(in, compression);
    boolean compressed = compression != Compression.NONE;
    BufferedInputStream buffered = new BufferedInputStream(body, 1 << 16);
    byte[] bodyHead;
    try {
      bodyHead = peek(buffered, 512);
    } catch (IOException e) {
      buffered.close();
      return RecordStream.of(Rejection.of(origin, Reason.CORRUPT_GZIP, e.toString()));
    }
    if (bodyHead.length == 0) {
      buffered.close();
      return RecordStream.of(Rejection.of(origin, Reason.EMPTY_FILE, "no bytes after decompression"));
    }
    if (base.endsWith(".tar") || lower.endsWith(".tgz") || isTar(bodyHead)) {
      return new BundleStream(origin, new TarArchiveInputStream(buffered), maxRecordBytes);
    }
    if (base.endsWith(".zip") || startsWith(bodyHead, new byte[] {'P', 'K', 3, 4})) {
      return new BundleStream(origin, new ZipArchiveInputStream(buffered), maxRecordBytes);
    }
    if (isWarcName(base) || startsWith(bodyHead, "WARC/".getBytes())) {
      return new WarcStream(origin, buffered, compressed ? null : reopener, maxRecordBytes, false);
    }
    if (base.endsWith(".jsonl") || base.endsWith(".ndjson") || base.endsWith(".json")
        || (!hasTextExtension(base) && firstNonSpace(bodyHead) == '{')) {
      return new JsonLinesStream(origin, buffered, maxRecordBytes, compressed);
    }
    if (ContentSniffer.looksBinary(bodyHead, bodyHead.length)) {
      buffered.close();
      return RecordStream.of(Rejection.of(origin, Reason.BINARY_FILE,
          "not text, HTML, JSON Lines, WARC or a bundle (first bytes: " + hex(bodyHead) + ")"));
    }
    boolean html = base.endsWith(".html") || base.endsWith(".htm") || base.endsWith(".xhtml")
        || (!hasTextExtension(base) && firstNonSpace(bodyHead) == '<');
    return new TextFileStream(origin, buffered, maxRecordBytes, html, compressed);
  }

  private static boolean isWarcName(String base) {
    return base.endsWith(".warc") || base.endsWith(".arc");
  }

  private static boolean hasTextExtension(String base) {
    return base.endsWith(".txt") || base.endsWith(".text");
  }

  static Compression compressionOf(byte[] head) {
    if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
      return Compression.GZIP;
    }
    if (head.length >= 4 && (head[0] & 0xff) == 0x28 && (head[1] & 0xff) == 0xb5
        && (head[2] & 0xff) == 0x2f && (head[3] & 0xff) == 0xfd) {
      return Compression.ZSTD;
    }
    if (head.length >= 3 && head[0] == 'B' && head[1] == 'Z' && head[2] == 'h') {
      return Compression.BZIP2;
    }
    return Compression.NONE;
  }

  private static InputStream decompress(InputStream in, Compression c) throws IOException {
    return switch (c) {
      case NONE -> in;
      case GZIP -> new NoAvailable(new GZIPInputStream(in, 1 << 16)); // reads concatenated members too
      case ZSTD -> new NoAvailable(new ZstdCompressorInputStream(in));
      case BZIP2 -> new NoAvailable(new BZip2CompressorInputStream(in, true));
    };
  }

  /**
   * Says nothing is available, so a BufferedInputStream above returns what it has decompressed
   * instead of reading on into a damaged part and losing the good bytes with the exception.
   */
  private static final class NoAvailable extends java.io.FilterInputStream {
    NoAvailable(InputStream in) {
      super(in);
    }

    @Override
    public int available() {
      return 0;
    }
  }

  static String stripCompressionSuffix(String lower) {
    for (String suffix : new String[] {".gz", ".gzip", ".zst", ".zstd", ".bz2"}) {
      if (lower.endsWith(suffix)) {
        return lower.substring(0, lower.length() - suffix.length());
      }
    }
    return lower;
  }

  private static byte[] peek(BufferedInputStream in, int n) throws IOException {
    in.mark(n);
    byte[] buf = in.readNBytes(n);
    in.reset();
    return buf;
  }

  private static boolean isTar(byte[] head) {
    // "ustar" at offset 257 needs 262 bytes of header.
    return head.length >= 262 && new String(head, 257, 5, java.nio.charset.StandardCharsets.US_ASCII)
        .equals("ustar");
  }

  private static boolean startsWith(byte[] head, byte[] prefix) {
    return ContentSniffer.startsWith(head, prefix);
  }

  private static int firstNonSpace(byte[] head) {
    int i = 0;
    // skip a UTF-8 BOM
    if (head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB
        && (head[2] & 0xff) == 0xBF) {
      i = 3;
    }
    for (; i < head.length; i++) {
      if (!Character.isWhitespace(head[i])) {
        return head[i];
      }
    }
    return -1;
  }

  private static String hex(byte[] head) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < Math.min(8, head.length); i++) {
      sb.append(String.format("%02x", head[i] & 0xff));
    }
    return sb.toString();
  }

  /**
   * Reads a zip or tar bundle member by member, each member opened as an input of its own under
   * its {@linkplain InputNames#safeMemberName safe name}. Directories (nothing to read), hidden
   * names and links (their content is another member, or outside the bundle) are skipped and
   * counted in the log; device and FIFO members, and members whose name names no file, are
   * rejected.
   */
  static final class BundleStream extends RecordStream {
    private static final Logger LOG = LoggerFactory.getLogger(BundleStream.class);
    private static final int EXAMPLES = 5;

    private final Origin origin;
    private final ArchiveInputStream<? extends ArchiveEntry> archive;
    private final long maxRecordBytes;
    private final Tally skipped = new Tally();
    private final Tally renamed = new Tally();
    private RecordStream current;
    private boolean broken;

    BundleStream(Origin origin, ArchiveInputStream<? extends ArchiveEntry> archive,
        long maxRecordBytes) {
      this.origin = origin;
      this.archive = archive;
      this.maxRecordBytes = maxRecordBytes;
    }

    @Override
    protected IngestItem computeNext() throws IOException {
      while (!broken) {
        if (current != null) {
          try {
            if (current.hasNext()) {
              return current.next();
            }
          } catch (java.io.UncheckedIOException e) {
            current = null;
            return Rejection.of(origin, Reason.UNREADABLE_FILE, "bundle member: " + e.getCause());
          }
          current = null; // the entry's stream is a view of the archive: never close it here
        }
        ArchiveEntry entry;
        try {
          entry = archive.getNextEntry();
        } catch (IOException | RuntimeException e) {
          broken = true;
          return Rejection.of(origin, Reason.MALFORMED_RECORD,
              "bundle cannot be read further: " + e);
        }
        if (entry == null) {
          logCounts();
          return null;
        }
        if (entry.isDirectory()) {
          continue; // its files are members of their own
        }
        String rawName = entry.getName();
        String name = InputNames.safeMemberName(rawName);
        if (name.isEmpty()) {
          return Rejection.of(origin.inEntry(rawName), Reason.UNSUPPORTED_MEMBER,
              "member name '" + rawName + "' names no file inside the bundle");
        }
        if (InputNames.hasHiddenPart(name)) {
          skipped.count(name);
          continue;
        }
        if (isLink(entry)) {
          skipped.count(name + " (link)");
          continue;
        }
        String special = specialFile(entry);
        if (special != null) {
          return Rejection.of(origin.inEntry(name), Reason.UNSUPPORTED_MEMBER,
              special + ": only regular files are read");
        }
        if (!name.equals(rawName)) {
          renamed.count(rawName + " -> " + name);
        }
        Origin at = origin.inEntry(name);
        try {
          current = open(at, name, new NonClosing(archive), null, maxRecordBytes);
        } catch (IOException e) {
          current = RecordStream.of(Rejection.of(at, Reason.UNREADABLE_FILE, e.toString()));
        }
      }
      return null;
    }

    /**
     * A tar link: its content is another member (read under that name) or a file outside the
     * bundle (never followed). A zip read as a stream cannot tell: file types live in its central
     * directory, so a zip symlink is read as the short text it stores (its target).
     */
    private static boolean isLink(ArchiveEntry entry) {
      return entry instanceof TarArchiveEntry tar && (tar.isSymbolicLink() || tar.isLink());
    }

    /** What a tar member is when it is a device or a FIFO, else null. */
    private static String specialFile(ArchiveEntry entry) {
      if (entry instanceof TarArchiveEntry tar) {
        if (tar.isCharacterDevice() || tar.isBlockDevice()) {
          return "device";
        }
        if (tar.isFIFO()) {
          return "FIFO";
        }
      }
      return null;
    }

    private void logCounts() {
      String bundle = origin.entry() == null ? origin.file() : origin.file() + "!/" + origin.entry();
      if (skipped.n > 0) {
        LOG.info("{}: skipped {} members with hidden names or links, e.g. {}", bundle, skipped.n,
            skipped.examples);
      }
      if (renamed.n > 0) {
        LOG.info("{}: read {} members under safe names, e.g. {}", bundle, renamed.n,
            renamed.examples);
      }
    }

    /** How many members one rule applied to, with the first few as examples for the log. */
    private static final class Tally {
      private final List<String> examples = new ArrayList<>();
      private int n;

      void count(String example) {
        n++;
        if (examples.size() < EXAMPLES) {
          examples.add(example);
        }
      }
    }

    @Override
    public void close() throws IOException {
      archive.close();
    }
  }

  /** Keeps a nested reader from closing the bundle under it. */
  private static final class NonClosing extends java.io.FilterInputStream {
    NonClosing(InputStream in) {
      super(in);
    }

    @Override
    public void close() {}
  }
}
