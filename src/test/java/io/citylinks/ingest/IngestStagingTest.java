package io.citylinks.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.citylinks.config.CitylinksConfig;
import io.citylinks.spark.TestSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ingestion staged as Parquet: read back whole, raw_text restored, the files gone after. */
class IngestStagingTest {
  final SparkSession spark = TestSpark.session();

  @Test
  void stagedRowsComeBackAndLeaveNoFilesBehind(@TempDir Path dir) throws Exception {
    String plain = Fixtures.article("Riverton opens its new harbour library", 6);
    String lead = "The council of Lakeside met on Monday.";
    // A page that gives its lead twice: text keeps it once, raw_text as read.
    String repeated = lead + "\n\n" + lead + "\n\n" + Fixtures.article("Lakeside budget", 6);
    Path input = Fixtures.writeText(dir.resolve("in/pages.jsonl"),
        line("https://riverton.example/a", plain) + line("https://lakeside.example/b", repeated)
            + "{\"url\": \"https://broken.example/c\", \"text\": \n");
    CitylinksConfig config = TestSpark.config("citylinks");
    Path staging = dir.resolve("staging");

    IngestStep.IngestResult result = IngestStep.readArticles(spark,
        InputFiles.list(List.of(input.toString()), spark.sparkContext().hadoopConfiguration()),
        config.ingest(), staging.toString());
    try {
      assertTrue(Files.isDirectory(staging));
      Map<String, Row> byUrl = new HashMap<>();
      for (Row r : result.articles().collectAsList()) {
        byUrl.put(r.getAs("url"), r);
      }
      assertEquals(2, byUrl.size());
      Row a = byUrl.get("https://riverton.example/a");
      assertEquals(a.<String>getAs("text"), a.<String>getAs("raw_text"));
      Row b = byUrl.get("https://lakeside.example/b");
      assertNotEquals(b.<String>getAs("text"), b.<String>getAs("raw_text"));
      assertTrue(b.<String>getAs("raw_text").startsWith(lead + "\n\n" + lead));
      assertEquals(1, b.<String>getAs("text").split(lead, -1).length - 1);
      assertEquals(1, result.rejected("r").count());
      // The boilerplate keys travel with the rows: one per line of the text.
      assertEquals(a.<String>getAs("text").split("\n", -1).length,
          a.<scala.collection.Seq<?>>getAs("line_hashes").size());

      assertThrows(IllegalStateException.class, () -> IngestStep.readArticles(spark,
          List.of(), config.ingest(), staging.toString()));
    } finally {
      result.release();
    }
    assertFalse(Files.exists(staging));
  }

  private static String line(String url, String text) {
    return "{\"url\": \"" + url + "\", \"text\": \"" + text.replace("\n", "\\n") + "\"}\n";
  }
}
