package io.citylinks.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.citylinks.eval.DedupScorer;
import io.citylinks.generate.ArchiveGenerator;
import io.citylinks.generate.GeneratorOptions;
import io.citylinks.pipeline.PipelineJob;
import io.citylinks.pipeline.RunSummary;
import io.citylinks.spark.TestSpark;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline on a generated archive with known copies and rewordings (SPEC section 6 at
 * small scale; {@code jobs/bench --dedup-only} measures it at 1M articles).
 */
class GeneratedDuplicatesTest {
  @TempDir static Path dir;

  @Test
  void copiesShareAClusterAndRewordingsShareAnEvent() throws Exception {
    Path archive = dir.resolve("archive");
    ArchiveGenerator.generate(GeneratorOptions.builder(2000, archive).seed(5)
        .partnershipShare(0.3).exactDupShare(0.08).nearDupShare(0.12).rewordedShare(0.15)
        .build());
    SparkSession spark = TestSpark.session();
    RunSummary summary = new PipelineJob(spark, TestSpark.config("generated_dups"))
        .run(List.of(archive.toString()));
    DedupScorer.Report r = DedupScorer.score(spark, "generated_dups",
        archive.resolve("_ground_truth.jsonl").toString());
    System.out.println("generated duplicates: " + r.format());
    assertTrue(r.copyPairs() > 250, r.format());
    assertTrue(r.copyPairRecall() >= 0.95, r.format());
    assertTrue(r.falseMergeRate() <= 0.01, r.format());
    assertTrue(r.eventPairs() > 30, r.format());
    assertTrue(r.eventPairRecall() >= 0.90, r.format());

    // Every event counts its canonical articles once, each with all its copies as mentions.
    Row totals = spark.sql("SELECT count(*), sum(num_articles), sum(num_mentions), "
        + "sum(CASE WHEN num_sources >= 1 THEN 1 ELSE 0 END), "
        + "sum(CASE WHEN num_mentions >= num_articles THEN 1 ELSE 0 END) "
        + "FROM generated_dups.partnership_events").first();
    assertEquals(summary.events(), totals.getLong(0));
    assertEquals(totals.getLong(0), totals.getLong(3));
    assertEquals(totals.getLong(0), totals.getLong(4));
    assertEquals(spark.sql("SELECT count(DISTINCT event_id, article_id) "
        + "FROM generated_dups.partnership_mentions").first().getLong(0), totals.getLong(1));

    // A second run on the same input gives the same clusters, events and counts.
    List<List<Row>> first = results(spark);
    new PipelineJob(spark, TestSpark.config("generated_dups")).run(List.of(archive.toString()));
    assertEquals(first, results(spark));
  }

  private static List<List<Row>> results(SparkSession spark) {
    return List.of(
        spark.sql("SELECT article_id, dup_cluster_id, is_canonical, content_hash "
            + "FROM generated_dups.articles ORDER BY article_id").collectAsList(),
        spark.table("generated_dups.partnership_events").drop("run_id").orderBy("event_id")
            .collectAsList(),
        spark.sql("SELECT article_id, event_id, city_a, city_b, type, year "
            + "FROM generated_dups.partnership_mentions ORDER BY 1, 2, 3, 4").collectAsList(),
        spark.table("generated_dups.partnerships_by_country_pair_topic_year").drop("run_id")
            .orderBy("country_a", "country_b", "topic", "year").collectAsList());
  }
}
