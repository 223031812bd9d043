package io.citylinks.eval;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.citylinks.spark.Tables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Scores a run's duplicate clusters and events against a generated archive's ground truth
 * ({@code _ground_truth.jsonl}), in Spark, joining on URL:
 * <ul>
 *   <li>copy pairs: (copy, original) for every exact or near copy — found when both articles are
 *       in one cluster;
 *   <li>false merges: articles clustered with a canonical article that is not the same text;
 *   <li>event pairs: (rewording, original) of a partnership story — merged when both articles'
 *       mentions (those of their clusters' canonical articles) share an event id, counted over
 *       the pairs where both have a mention.
 * </ul>
 */
public final class DedupScorer {
  private DedupScorer() {}

  /**
   * Spark skips files whose name starts with "_" or "." even when named outright, and the
   * generator's truth file is {@code _ground_truth.jsonl}: such a file is read through a link.
   */
  private static String visible(Path file) {
    String name = file.getFileName().toString();
    if (!name.startsWith("_") && !name.startsWith(".")) {
      return file.toString();
    }
    try {
      Path dir = Files.createTempDirectory("citylinks-truth");
      Path link = Files.createSymbolicLink(dir.resolve(name.substring(1)), file.toAbsolutePath());
      link.toFile().deleteOnExit();
      dir.toFile().deleteOnExit();
      return link.toString();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot link " + file + " for Spark to read", e);
    }
  }

  /** The counts; rates are derived. */
  public record Report(long copyPairs, long copyPairsFound, long clusteredArticles,
      long falseMerges, long eventPairs, long eventPairsMerged) {
    public double copyPairRecall() {
      return copyPairs == 0 ? 1 : copyPairsFound / (double) copyPairs;
    }

    public double falseMergeRate() {
      return clusteredArticles == 0 ? 0 : falseMerges / (double) clusteredArticles;
    }

    public double eventPairRecall() {
      return eventPairs == 0 ? 1 : eventPairsMerged / (double) eventPairs;
    }

    public String format() {
      return String.format("copy pairs in one cluster %d/%d = %.4f; false merges %d/%d = %.4f; "
              + "reworded event pairs merged %d/%d = %.4f", copyPairsFound, copyPairs,
          copyPairRecall(), falseMerges, clusteredArticles, falseMergeRate(), eventPairsMerged,
          eventPairs, eventPairRecall());
    }
  }

  /** Clusters and events of the tables in {@code database}. */
  public static Report score(SparkSession spark, String database, String truthFile) {
    Dataset<Row> articles = spark.table(Tables.qualified(database, Tables.ARTICLES));
    Dataset<Row> mentions = spark.table(Tables.qualified(database, Tables.PARTNERSHIP_MENTIONS));
    return score(spark, articles, mentions, truthFile);
  }

  /** Clusters only ({@code url, article_id, dup_cluster_id, is_canonical}); no event pairs. */
  public static Report scoreClusters(SparkSession spark, Dataset<Row> articles,
      String truthFile) {
    return score(spark, articles, null, truthFile);
  }

  private static Report score(SparkSession spark, Dataset<Row> articleRows,
      Dataset<Row> mentions, String truthFile) {
    Dataset<Row> truth = spark.read().json(visible(Path.of(truthFile)))
        .select(col("id"), col("url"), col("dup_of"), col("dup_kind"));
    Dataset<Row> articles = articleRows
        .select(col("url"), col("article_id"), col("dup_cluster_id"), col("is_canonical"));
    // Each generated record with its article; its true text group is its original's id for a
    // copy, its own id otherwise.
    Dataset<Row> records = truth.join(articles, "url")
        .withColumn("text_group", when(col("dup_kind").isin("exact", "near"), col("dup_of"))
            .otherwise(col("id")))
        .cache();
    try {
      Dataset<Row> originals = records.select(col("id").as("dup_of"),
          col("dup_cluster_id").as("original_cluster"), col("article_id").as("original_article"),
          col("text_group").as("original_group"));
      Row copies = records.filter(col("dup_kind").isin("exact", "near"))
          .join(originals, "dup_of")
          .agg(count(lit(1)), sum(when(col("dup_cluster_id").equalTo(col("original_cluster")), 1)
              .otherwise(0)))
          .first();

      Dataset<Row> canonicalGroups = records.filter(col("is_canonical"))
          .select(col("article_id").as("dup_cluster_id"), col("text_group").as("canonical_group"));
      Row merges = records.filter(col("is_canonical").equalTo(false))
          .join(canonicalGroups, "dup_cluster_id")
          .agg(count(lit(1)), sum(when(col("text_group").notEqual(col("canonical_group")), 1)
              .otherwise(0)))
          .first();
      long eventPairs = 0;
      long merged = 0;
      if (mentions != null) {
        // A copy is not extracted: an article's events are those of its cluster's canonical.
        Dataset<Row> events = mentions.select(col("article_id").as("dup_cluster_id"),
            col("event_id")).distinct();
        Dataset<Row> reworded = records.filter(col("dup_kind").equalTo("reworded"))
            .join(originals, "dup_of")
            .select(col("article_id"), col("dup_cluster_id"), col("original_cluster"));
        Dataset<Row> bothFound = reworded
            .join(events.select("dup_cluster_id").distinct(), "dup_cluster_id")
            .join(events.select(col("dup_cluster_id").as("original_cluster")).distinct(),
                "original_cluster");
        eventPairs = bothFound.count();
        merged = bothFound
            .join(events, "dup_cluster_id")
            .join(events.select(col("dup_cluster_id").as("original_cluster"), col("event_id")),
                new String[] {"original_cluster", "event_id"})
            .select("article_id").distinct().count();
      }
      return new Report(copies.getLong(0), copies.isNullAt(1) ? 0 : copies.getLong(1),
          merges.getLong(0), merges.isNullAt(1) ? 0 : merges.getLong(1), eventPairs, merged);
    } finally {
      records.unpersist();
    }
  }
}
