package io.citylinks.ingest;

import static io.citylinks.ingest.Fixtures.gzip;
import static io.citylinks.ingest.Fixtures.readAll;
import static io.citylinks.ingest.Fixtures.records;
import static io.citylinks.ingest.Fixtures.rejections;
import static io.citylinks.ingest.Fixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.citylinks.ingest.Fixtures.Page;
import io.citylinks.ingest.Rejection.Reason;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each input format and each kind of bad input, read without Spark. */
class InputFormatsTest {
  @TempDir Path dir;

  private static final String GOOD_1 =
      "{\"url\":\"https://news.example.org/a/1\",\"title\":\"One\",\"text\":\"First article text.\",\"published\":\"2024-05-01\",\"lang\":\"en\",\"source\":\"Example News\"}";
  private static final String GOOD_2 =
      "{\"url\":\"https://news.example.org/a/2\",\"html\":\"<html><body><p>Second</p></body></html>\"}";

  @Test
  void jsonLinesGzKeepsGoodLinesAroundBadOnes() throws Exception {
    String lines = GOOD_1 + "\n{not json\n{\"url\":\"https://x.example/3\"}\n" + GOOD_2 + "\n\n";
    Path file = Fixtures.write(dir.resolve("part.jsonl.gz"), gzip(utf8(lines)));

    List<IngestItem> items = readAll(file);

    List<RawRecord> records = records(items);
    assertEquals(2, records.size());
    assertEquals("https://news.example.org/a/1", records.get(0).url());
    assertEquals("First article text.", records.get(0).text());
    assertEquals("2024-05-01", records.get(0).publishedMeta());
    assertEquals("Example News", records.get(0).source());
    assertEquals(0, records.get(0).sourceOffset());
    assertTrue(new String(records.get(1).html(), StandardCharsets.UTF_8).contains("Second"));
    List<Rejection> rejected = rejections(items);
    assertEquals(List.of(Reason.MALFORMED_JSON, Reason.MISSING_TEXT),
        rejected.stream().map(Rejection::reason).toList());
    assertEquals(GOOD_1.length() + 1, rejected.get(0).sourceOffset());
  }

  @Test
  void truncatedGzipKeepsTheRecordsBeforeTheDamage() throws Exception {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 2000; i++) {
      sb.append("{\"url\":\"https://n.example/").append(i).append("\",\"text\":\"text ").append(i)
          .append(" with some words that do not compress too well ").append(i * 7919L % 10007)
          .append("\"}\n");
    }
    byte[] gz = gzip(utf8(sb.toString()));
    Path file = Fixtures.write(dir.resolve("cut.jsonl.gz"), Arrays.copyOf(gz, gz.length / 2));

    List<IngestItem> items = readAll(file);

    int good = records(items).size();
    assertTrue(good > 100 && good < 2000, "records before the cut: " + good);
    assertEquals(List.of(Reason.CORRUPT_GZIP),
        rejections(items).stream().map(Rejection::reason).toList());
    for (int i = 0; i < good; i++) {
      assertEquals("https://n.example/" + i, records(items).get(i).url());
    }
  }

  @Test
  void textFileWithDateLineIsOneRecord() throws Exception {
    Path file = Fixtures.writeText(dir.resolve("seedlike.txt"),
        " date 2024-09-25 Headline on the date line\n\nBody of the page.\n");
    List<RawRecord> records = records(readAll(file));
    assertEquals(1, records.size());
    assertTrue(records.get(0).dateLineFormat());
    assertTrue(new String(records.get(0).html(), StandardCharsets.UTF_8).startsWith(" date 2024-09-25"));
  }

  @Test
  void emptyAndBinaryFilesAreRejected() throws Exception {
    Path empty = Fixtures.write(dir.resolve("empty.txt"), new byte[0]);
    byte[] png = new byte[64];
    png[0] = (byte) 0x89;
    png[1] = 'P';
    png[2] = 'N';
    png[3] = 'G';
    Path binary = Fixtures.write(dir.resolve("picture.dat"), png);

    assertEquals(List.of(Reason.EMPTY_FILE),
        rejections(readAll(empty)).stream().map(Rejection::reason).toList());
    assertEquals(List.of(Reason.BINARY_FILE),
        rejections(readAll(binary)).stream().map(Rejection::reason).toList());
  }

  @Test
  void zipAndTarGzBundlesAreReadEntryByEntry() throws Exception {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("site/a.txt", utf8("A text article of our own, long enough to count.\n"));
    entries.put("site/b.jsonl", utf8(GOOD_1 + "\n" + GOOD_2 + "\n"));
    entries.put("site/c.bin", new byte[] {0, 1, 2, 3, 0, 0, 0, 0});
    entries.put("_hidden/skip.txt", utf8("never read"));
    for (Path bundle : List.of(Fixtures.writeZip(dir.resolve("bundle.zip"), entries),
        Fixtures.writeTarGz(dir.resolve("bundle.tar.gz"), entries))) {
      List<IngestItem> items = readAll(bundle);
      List<RawRecord> records = records(items);
      assertEquals(3, records.size(), bundle.toString());
      assertEquals(List.of("site/a.txt", "site/b.jsonl", "site/b.jsonl"),
          records.stream().map(RawRecord::sourceEntry).toList());
      List<Rejection> rejected = rejections(items);
      assertEquals(1, rejected.size());
      assertEquals("site/c.bin", rejected.get(0).sourceEntry());
      assertEquals(Reason.BINARY_FILE, rejected.get(0).reason());
    }
  }

  @Test
  void warcResponsesWithHtmlBecomeRecords() throws Exception {
    Charset turkish = Charset.forName("windows-1254");
    List<Page> pages = List.of(
        Page.html("https://belediye.example.tr/haber/1", "Başlık", "Şehir haberi.", turkish, true),
        Page.html("https://city.example.com/news/2", "Title", "City news.", StandardCharsets.UTF_8,
            false),
        new Page("https://city.example.com/logo.png", "image/png", new byte[] {1, 2, 3}));
    for (boolean gz : new boolean[] {false, true}) {
      Path warc = Fixtures.writeWarc(dir.resolve("crawl" + (gz ? ".warc.gz" : ".warc")), gz, pages);
      List<IngestItem> items = readAll(warc);
      List<RawRecord> records = records(items);
      assertEquals(2, records.size());
      assertTrue(rejections(items).isEmpty(), rejections(items).toString());
      assertEquals("https://belediye.example.tr/haber/1", records.get(0).url());
      assertEquals("text/html;charset=windows-1254", records.get(0).contentType());
      assertTrue(new String(records.get(0).html(), turkish).contains("Şehir haberi."));
      assertEquals("2024-03-05T10:00:00Z", records.get(0).captureDate().toString());
      assertTrue(records.get(1).sourceOffset() > records.get(0).sourceOffset());
    }
  }

  @Test
  void malformedWarcRecordIsRejectedAndReadingResumes() throws Exception {
    List<Page> pages = List.of(
        Page.html("https://a.example/1", "One", "First page.", StandardCharsets.UTF_8, true),
        Page.html("https://a.example/2", "Two", "Second page.", StandardCharsets.UTF_8, true),
        Page.html("https://a.example/3", "Three", "Third page.", StandardCharsets.UTF_8, true));
    Path warc = Fixtures.writeWarc(dir.resolve("bad.warc"), false, pages);
    Fixtures.breakWarcRecord(warc, "https://a.example/2");

    List<IngestItem> items = readAll(warc);

    assertEquals(List.of("https://a.example/1", "https://a.example/3"),
        records(items).stream().map(RawRecord::url).toList());
    assertFalse(rejections(items).isEmpty());
    assertEquals(Reason.MALFORMED_RECORD, rejections(items).get(0).reason());
  }
}
