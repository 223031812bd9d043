package io.citylinks.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citylinks.generate.GeneratorOptions.Format;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;

/** The generator is deterministic, honours its shares, and its ground truth matches its records. */
class ArchiveGeneratorTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  private static List<JsonNode> jsonLines(Path gz) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(gz)), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        out.add(JSON.readTree(line));
      }
    }
    return out;
  }

  private static List<JsonNode> truth(Path out) throws Exception {
    List<JsonNode> t = new ArrayList<>();
    for (String line : Files.readAllLines(out.resolve("_ground_truth.jsonl"))) {
      t.add(JSON.readTree(line));
    }
    return t;
  }

  @Test
  void sameSeedSameBytesOtherSeedOtherBytes() throws Exception {
    ArchiveGenerator.generate(GeneratorOptions.builder(600, dir.resolve("a")).shards(2).build());
    ArchiveGenerator.generate(GeneratorOptions.builder(600, dir.resolve("b")).shards(2).build());
    ArchiveGenerator.generate(GeneratorOptions.builder(600, dir.resolve("c")).shards(2).seed(7)
        .build());
    for (String f : List.of("articles-00000.jsonl.gz", "articles-00001.jsonl.gz",
        "_ground_truth.jsonl")) {
      assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(f)),
          Files.readAllBytes(dir.resolve("b").resolve(f)), f);
    }
    assertFalse(java.util.Arrays.equals(
        Files.readAllBytes(dir.resolve("a/articles-00000.jsonl.gz")),
        Files.readAllBytes(dir.resolve("c/articles-00000.jsonl.gz"))));
  }

  @Test
  void sharesLanguagesAndGroundTruthAgree() throws Exception {
    Path out = dir.resolve("j");
    ArchiveGenerator.generate(GeneratorOptions.builder(3000, out).build());
    List<JsonNode> records = jsonLines(out.resolve("articles-00000.jsonl.gz"));
    List<JsonNode> truth = truth(out);
    assertEquals(3000, records.size());
    assertEquals(3000, truth.size());
    Map<String, JsonNode> byId = new HashMap<>();
    Map<String, String> textById = new HashMap<>();
    Set<String> langs = new HashSet<>();
    int partnerships = 0;
    int exact = 0;
    for (int i = 0; i < truth.size(); i++) {
      JsonNode t = truth.get(i);
      JsonNode r = records.get(i);
      assertEquals(t.get("url").asText(), r.get("url").asText());
      assertEquals("line " + (i + 1), t.get("locator").asText());
      byId.put(t.get("id").asText(), t);
      textById.put(t.get("id").asText(), r.has("text") ? r.get("text").asText() : null);
      langs.add(t.get("lang").asText());
      if (t.get("partnerships").size() > 0) {
        partnerships++;
        JsonNode p = t.get("partnerships").get(0);
        assertTrue(p.get("countries").get(0).asText().compareTo(p.get("countries").get(1).asText()) <= 0);
        assertNotNull(t.get("event_id").textValue());
      }
      String dupOf = t.get("dup_of").textValue();
      if (dupOf != null) {
        JsonNode original = byId.get(dupOf);
        assertNotNull(original, "dup_of names an earlier record");
        assertTrue(original.get("dup_of").isNull(), "copies copy originals");
        if (t.get("dup_kind").asText().equals("exact") && textById.get(dupOf) != null
            && textById.get(t.get("id").asText()) != null) {
          assertEquals(textById.get(dupOf), textById.get(t.get("id").asText()));
          exact++;
        }
        if (t.get("dup_kind").asText().equals("reworded")) {
          assertEquals(original.get("event_id").asText(), t.get("event_id").asText());
        }
      }
    }
    assertEquals(Set.of("tr", "fa", "ar", "zh", "ru", "en", "es", "fr", "de", "pt", "it", "ja",
        "ko", "uk", "pl", "nl"), langs);
    assertTrue(partnerships > 3000 * 0.10 && partnerships < 3000 * 0.25, "" + partnerships);
    assertTrue(exact > 3000 * 0.02, "" + exact);
  }

  @Test
  void warcPagesDecodeWithTheirDeclaredCharsets() throws Exception {
    Path out = dir.resolve("w");
    ArchiveGenerator.generate(GeneratorOptions.builder(200, out).format(Format.WARC).build());
    int responses = 0;
    int legacy = 0;
    try (WarcReader reader = new WarcReader(out.resolve("archive-00000.warc.gz"))) {
      for (WarcRecord record : reader) {
        if (record instanceof WarcResponse response) {
          responses++;
          var type = response.http().contentType();
          byte[] body = response.http().body().stream().readAllBytes();
          String charset = type.parameters().get("charset");
          if (charset != null && !charset.equalsIgnoreCase("utf-8")) {
            legacy++;
            String html = new String(body, Charset.forName(charset));
            assertTrue(html.contains("<article>"), html);
            assertFalse(html.contains("\uFFFD"));
          }
        }
      }
    }
    assertEquals(200, responses);
    assertTrue(legacy > 0);
  }

  @Test
  void textFilesCarryTheSeedDateLine() throws Exception {
    Path out = dir.resolve("t");
    ArchiveGenerator.generate(GeneratorOptions.builder(30, out).format(Format.TEXT).build());
    List<JsonNode> truth = truth(out);
    int dated = 0;
    for (JsonNode t : truth) {
      String text = Files.readString(out.resolve(t.get("locator").asText()));
      if (text.startsWith(" date ")) {
        assertTrue(text.startsWith(" date " + t.get("date").asText() + "\n"), text);
        dated++;
      }
    }
    assertTrue(dated > 0);
  }
}
