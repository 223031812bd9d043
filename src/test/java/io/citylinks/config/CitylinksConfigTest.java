package io.citylinks.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configuration precedence and validation. */
class CitylinksConfigTest {
  @TempDir Path dir;

  @Test
  void defaultsComeFromThePackagedFile() {
    CitylinksConfig c = CitylinksConfig.defaults();
    assertEquals(OutputFormat.DELTA, c.format());
    assertEquals("citylinks", c.database());
    assertEquals(Path.of("warehouse").toAbsolutePath().toString(), c.warehouse());
    assertEquals("8", c.sparkConf().get("spark.sql.shuffle.partitions"));
    assertTrue(c.ingest().languages().containsAll(List.of("tr", "fa", "ar", "zh", "ru", "en")));
    assertEquals(3, c.dedup().boilerplateMinPages());
    assertEquals(0.05, c.dedup().boilerplateMinShare());
    assertEquals(new NearDuplicateSettings(42, 3, 5, 0.5, 0.7, 1000), c.dedup().nearDuplicates());
  }

  @Test
  void fileThenSetOverridesWinInThatOrder() throws Exception {
    Path file = dir.resolve("my.conf");
    Files.writeString(file, "citylinks { format = parquet, ingest.min-text-chars = 5,"
        + " spark.conf { \"spark.sql.shuffle.partitions\" = \"3\" } }");
    CitylinksConfig c = CitylinksConfig.load(file, List.of("ingest.min-text-chars=7",
        "citylinks.database=other"));
    assertEquals(OutputFormat.PARQUET, c.format());
    assertEquals(7, c.ingest().minTextChars());
    assertEquals("other", c.database());
    assertEquals("3", c.sparkConf().get("spark.sql.shuffle.partitions"));
  }

  @Test
  void badValuesAreNamed() {
    assertEquals("unknown table format 'orc' (expected delta or parquet)",
        assertThrows(IllegalArgumentException.class,
            () -> CitylinksConfig.load(null, List.of("format=orc"))).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> CitylinksConfig.load(null, List.of("ingest.min-tasks-per-core=0"))).getMessage()
        .contains("citylinks.ingest.min-tasks-per-core must be positive"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> CitylinksConfig.load(null, List.of("dedup.boilerplate-min-pages=1"))).getMessage()
        .contains("citylinks.dedup.boilerplate-min-pages must be at least 2, got 1"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> CitylinksConfig.load(null, List.of("dedup.near-duplicates.min-jaccard=0")))
        .getMessage().contains("citylinks.dedup.near-duplicates.min-jaccard must be in (0, 1], "
            + "got 0.0"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> CitylinksConfig.load(null, List.of("nonsense"))).getMessage()
        .startsWith("--set: expected key=value"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> CitylinksConfig.load(dir.resolve("missing.conf"), List.of())).getMessage()
        .startsWith("--conf: file not found"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> CitylinksConfig.load(null, List.of("database=a-b"))).getMessage()
        .contains("not a valid database name"));
  }
}
