package io.citylinks.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.citylinks.generate.ArchiveGenerator;
import io.citylinks.generate.GeneratorOptions;
import io.citylinks.spark.TableDiff;
import io.citylinks.spark.TestSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated archive of five files read one a night by five incremental runs gives the tables
 * one full run over the five files gives (every table but runs, run_id left out): site
 * boilerplate decided over every page seen so far, earlier articles stripped again when their
 * site's boilerplate changes, and a cluster's canonical its earliest copy whichever night it
 * arrives.
 */
@Tag("slow")
class NightsEqualFullRunTest {
  @TempDir Path dir;

  @Test
  void fiveNightsGiveTheTablesOfOneFullRun() throws Exception {
    SparkSession spark = TestSpark.session();
    Path archive = dir.resolve("archive");
    // Small sites: few of them have boilerplate-min-pages pages in one night's file.
    ArchiveGenerator.generate(GeneratorOptions.builder(250, archive).seed(17).shards(5)
        .partnershipShare(0.3).exactDupShare(0.08).nearDupShare(0.1).build());
    List<Path> shards;
    try (Stream<Path> files = Files.list(archive)) {
      shards = files.filter(f -> f.getFileName().toString().startsWith("articles-")).sorted()
          .toList();
    }
    assertEquals(5, shards.size(), shards.toString());

    Path input = dir.resolve("news");
    Files.createDirectories(input);
    PipelineJob nights = new PipelineJob(spark, TestSpark.config("five_nights"));
    for (Path shard : shards) {
      Files.copy(shard, input.resolve(shard.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
      assertEquals("succeeded", nights.run(List.of(input.toString()),
          PipelineJob.Mode.INCREMENTAL).status());
    }
    RunSummary full = new PipelineJob(spark, TestSpark.config("one_full_run"))
        .run(List.of(input.toString()), PipelineJob.Mode.FULL);
    assertEquals(250, full.articles());
    assertTrue(full.duplicates() > 0 && full.events() > 0, full.toString());

    Map<String, TableDiff.Difference> differences =
        TableDiff.databases(spark, "one_full_run", "five_nights");
    assertEquals(List.of(), TableDiff.differing(differences));
  }
}
