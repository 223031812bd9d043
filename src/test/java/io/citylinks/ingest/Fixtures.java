package io.citylinks.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

/** Small input files written by the tests themselves, with text of our own. */
public final class Fixtures {
  private Fixtures() {}

  /** A page of our own, in a language, with a date line and enough text to pass the filters. */
  public static String article(String lead, int sentences) {
    StringBuilder sb = new StringBuilder(lead).append("\n\n");
    for (int i = 0; i < sentences; i++) {
      sb.append("Sentence ").append(i).append(" of a test article about municipal matters.\n");
    }
    return sb.toString();
  }

  public static Path write(Path file, byte[] bytes) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.write(file, bytes);
  }

  public static Path writeText(Path file, String text) throws IOException {
    return write(file, text.getBytes(StandardCharsets.UTF_8));
  }

  public static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    }
    return out.toByteArray();
  }

  public static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** A WARC with one response record per page (url → html bytes, content type). */
  public static Path writeWarc(Path file, boolean gzip, List<Page> pages) throws IOException {
    Files.createDirectories(file.getParent());
    try (WarcWriter writer = new WarcWriter(
        java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.CREATE,
            java.nio.file.StandardOpenOption.WRITE,
            java.nio.file.StandardOpenOption.TRUNCATE_EXISTING),
        gzip ? WarcCompression.GZIP : WarcCompression.NONE)) {
      Instant date = Instant.parse("2024-03-05T10:00:00Z");
      for (Page p : pages) {
        writer.write(new WarcRequest.Builder(URI.create(p.url())).date(date).build());
        HttpResponse http = new HttpResponse.Builder(200, "OK")
            .body(MediaType.parse(p.contentType()), p.body())
            .build();
        writer.write(new WarcResponse.Builder(URI.create(p.url())).date(date).body(http).build());
      }
    }
    return file;
  }

  /** One page of a WARC: its URL, Content-Type header and body bytes. */
  public record Page(String url, String contentType, byte[] body) {
    /** Where a page says its charset. */
    public enum Declared { HEADER, META, NOWHERE }

    public static Page html(String url, String title, String bodyText, Charset cs,
        boolean declareInHeader) {
      return html(url, title, bodyText, cs, declareInHeader ? Declared.HEADER : Declared.META);
    }

    public static Page html(String url, String title, String bodyText, Charset cs,
        Declared declared) {
      String html = "<html><head>"
          + (declared == Declared.META ? "<meta charset=\"" + cs.name() + "\">" : "")
          + "<title>" + title + "</title></head><body><article><h1>" + title + "</h1>"
          + bodyText.lines().map(l -> "<p>" + l + "</p>").reduce("", String::concat)
          + "</article></body></html>";
      return new Page(url,
          declared == Declared.HEADER ? "text/html; charset=" + cs.name() : "text/html",
          html.getBytes(cs));
    }
  }

  /** Breaks the header of the response record of {@code url} in an uncompressed WARC. */
  public static void breakWarcRecord(Path warc, String url) throws IOException {
    String text = Files.readString(warc, StandardCharsets.ISO_8859_1);
    int at = text.indexOf("WARC-Type: response", text.indexOf(url));
    text = text.substring(0, at) + "WARC-Type response garbage\u0000" + text.substring(at + 19);
    Files.writeString(warc, text, StandardCharsets.ISO_8859_1);
  }

  public static Path writeZip(Path file, Map<String, byte[]> entries) throws IOException {
    Files.createDirectories(file.getParent());
    try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(file)) {
      for (var e : entries.entrySet()) {
        zip.putArchiveEntry(new ZipArchiveEntry(e.getKey()));
        zip.write(e.getValue());
        zip.closeArchiveEntry();
      }
    }
    return file;
  }

  public static Path writeTarGz(Path file, Map<String, byte[]> entries) throws IOException {
    Files.createDirectories(file.getParent());
    try (OutputStream fo = Files.newOutputStream(file);
        GZIPOutputStream gz = new GZIPOutputStream(fo);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (var e : entries.entrySet()) {
        TarArchiveEntry entry = new TarArchiveEntry(e.getKey());
        entry.setSize(e.getValue().length);
        tar.putArchiveEntry(entry);
        tar.write(e.getValue());
        tar.closeArchiveEntry();
      }
    }
    return file;
  }

  /** Every item of a file, read the way the executors read it. */
  public static List<IngestItem> readAll(Path file) throws IOException {
    List<IngestItem> items = new ArrayList<>();
    Origin origin = new Origin(file.toString(), null, 0);
    WarcStream.Reopener reopener = offset -> {
      var in = Files.newInputStream(file);
      in.skipNBytes(offset);
      return in;
    };
    try (RecordStream s = InputFormats.open(origin, file.getFileName().toString(),
        Files.newInputStream(file), reopener, 1 << 20)) {
      s.forEachRemaining(items::add);
    }
    return items;
  }

  public static List<RawRecord> records(List<IngestItem> items) {
    return items.stream().filter(i -> i instanceof RawRecord).map(i -> (RawRecord) i).toList();
  }

  public static List<Rejection> rejections(List<IngestItem> items) {
    return items.stream().filter(i -> i instanceof Rejection).map(i -> (Rejection) i).toList();
  }
}
