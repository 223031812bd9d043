package io.citylinks.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * warcio's real WARC/ARC test files (read in place from ../shared/peers): every good HTML record
 * is read, bad records are rejected with a reason, and no file stops the reader.
 */
class WarcioTestdataTest {
  private static final Path DIR =
      Paths.get(System.getProperty("citylinks.shared", "../shared"), "peers", "warcio-testdata");

  /** HTML records each file holds (status 200 response/resource records with text/html). */
  private static final Map<String, Integer> EXPECTED_RECORDS = Map.ofEntries(
      Map.entry("example.warc", 1),
      Map.entry("example.warc.gz", 1),
      Map.entry("example-digest.warc", 0),
      Map.entry("example-iana.org-chunked.warc", 1),
      Map.entry("example-resource.warc.gz", 1),
      Map.entry("example-wget-bad-target-uri.warc.gz", 1),
      Map.entry("example-bad-non-chunked.warc.gz", 1),
      Map.entry("example-wrong-chunks.warc.gz", 1),
      Map.entry("example.arc", 1),
      Map.entry("example.arc.gz", 1),
      Map.entry("example-trunc.warc", 0));

  @Test
  void goodRecordsAreReadAndBadOnesRejected() throws Exception {
    assumeTrue(Files.isDirectory(DIR), "../shared/peers/warcio-testdata is absent");
    Map<String, Integer> found = new TreeMap<>();
    Map<String, List<Rejection>> rejected = new TreeMap<>();
    try (var files = Files.list(DIR)) {
      for (Path f : files.sorted().toList()) {
        List<IngestItem> items = Fixtures.readAll(f);
        found.put(f.getFileName().toString(), Fixtures.records(items).size());
        rejected.put(f.getFileName().toString(), Fixtures.rejections(items));
      }
    }
    for (var e : EXPECTED_RECORDS.entrySet()) {
      assertEquals(e.getValue(), found.get(e.getKey()), e.getKey());
      if (!e.getKey().equals("example-trunc.warc")) {
        assertTrue(rejected.get(e.getKey()).isEmpty(), e.getKey() + ": " + rejected.get(e.getKey()));
      }
    }
    // The truncated file: its cut response is rejected, and so is what follows the cut.
    assertTrue(rejected.get("example-trunc.warc").stream()
        .anyMatch(r -> r.reason() == Rejection.Reason.TRUNCATED_RECORD));
    // Malformed ARC headers are rejected with a reason, not thrown.
    assertEquals(Rejection.Reason.MALFORMED_RECORD, rejected.get("bad.arc").get(0).reason());
    for (Rejection r : rejected.get("example-trunc.warc")) {
      assertTrue(r.sourceOffset() >= 0);
    }
  }

  @Test
  void payloadDigestIsTheRecordsHeader() throws Exception {
    Path warc = DIR.resolve("example.warc.gz");
    assumeTrue(Files.exists(warc), warc + " is absent");
    List<RawRecord> records = Fixtures.records(Fixtures.readAll(warc));
    assertEquals(List.of("sha1:G7HRM7BGOKSKMSXZAHMUQTTV53QOFSMK"),
        records.stream().map(RawRecord::payloadDigest).toList());
    // ARC records carry no digest.
    Path arc = DIR.resolve("example.arc");
    assumeTrue(Files.exists(arc), arc + " is absent");
    assertEquals(java.util.Collections.singletonList(null),
        Fixtures.records(Fixtures.readAll(arc)).stream().map(RawRecord::payloadDigest).toList());
  }
}
