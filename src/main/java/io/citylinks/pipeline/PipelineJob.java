package io.citylinks.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;

import io.citylinks.config.CitylinksConfig;
import io.citylinks.extract.ExtractStep;
import io.citylinks.ingest.IngestStep;
import io.citylinks.ingest.IngestStep.IngestResult;
import io.citylinks.ingest.InputFiles;
import io.citylinks.ingest.InputFiles.InputFile;
import io.citylinks.spark.TableWriter;
import io.citylinks.spark.Tables;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole pipeline as it stands: finds the input files, ingests them into articles and
 * rejections, marks exact duplicates, and writes {@code articles}, {@code rejected_records} and a
 * {@code runs} row. A full run replaces the article and rejection tables with what this input
 * gives, so re-running on the same input leaves the same rows.
 */
public final class PipelineJob {
  private static final Logger LOG = LoggerFactory.getLogger(PipelineJob.class);

  private final SparkSession spark;
  private final CitylinksConfig config;
  private final TableWriter tables;

  public PipelineJob(SparkSession spark, CitylinksConfig config) {
    this.spark = spark;
    this.config = config;
    this.tables = new TableWriter(spark, config);
  }

  public RunSummary run(List<String> inputs) {
    String runId = UUID.randomUUID().toString();
    Instant started = Instant.now();
    Map<String, Double> stages = new LinkedHashMap<>();
    LOG.info("run {} starting on {}", runId, inputs);
    List<InputFile> files;
    try {
      files = InputFiles.list(inputs, spark.sparkContext().hadoopConfiguration());
    } catch (RuntimeException e) {
      writeRunRow(runId, inputs, started, "failed", null, e.getMessage());
      throw e;
    }
    long inputBytes = files.stream().mapToLong(InputFile::size).sum();
    LOG.info("found {} input files, {} bytes", files.size(), inputBytes);
    IngestResult ingest = null;
    try {
      long t0 = System.nanoTime();
      group("ingest", "read, decode and clean " + files.size() + " input files");
      ingest = IngestStep.readArticles(spark, files, config.ingest());
      Map<String, Long> byKind = countBy(ingest.items(), "kind");
      long articleCount = byKind.getOrDefault("article", 0L);
      long rejectedCount = byKind.getOrDefault("rejected", 0L);
      stages.put("ingest", seconds(t0));

      t0 = System.nanoTime();
      group("dedup", "mark exact duplicates");
      Dataset<Row> articles = markExactDuplicates(ingest.articles())
          .withColumn("run_id", lit(runId));
      stages.put("dedup", seconds(t0));

      t0 = System.nanoTime();
      group("write", "write articles and rejected_records");
      tables.overwrite(Tables.ARTICLES, articles);
      tables.overwrite(Tables.REJECTED_RECORDS, ingest.rejected(runId));
      stages.put("write", seconds(t0));

      Dataset<Row> written = spark.table(Tables.qualified(config.database(), Tables.ARTICLES))
          .filter(col("run_id").equalTo(runId));

      t0 = System.nanoTime();
      group("extract", "recognise places and partnerships in canonical articles");
      Dataset<Row> annotated = ExtractStep.annotate(written, config.extract())
          .persist(StorageLevel.MEMORY_AND_DISK());
      long placeMentions;
      long partnershipMentions;
      try {
        tables.overwrite(Tables.PLACE_MENTIONS, ExtractStep.placeMentions(annotated, runId));
        tables.overwrite(Tables.PARTNERSHIP_MENTIONS,
            ExtractStep.partnershipMentions(annotated, runId));
        // From the persisted annotations, not by reading the written tables back.
        Row counts = annotated.agg(coalesce(sum(size(col("places"))), lit(0L)),
            coalesce(sum(size(col("partnerships"))), lit(0L))).first();
        placeMentions = counts.getLong(0);
        partnershipMentions = counts.getLong(1);
      } finally {
        annotated.unpersist();
      }
      stages.put("extract", seconds(t0));

      group("summary", "count results");
      long duplicates = written.filter(col("is_canonical").equalTo(false)).count();
      Map<String, Long> byLang = countBy(written, "lang");
      Map<String, Long> byReason = countBy(
          ingest.items().filter(col("kind").equalTo("rejected")), "reason");
      String status = rejectedCount == 0 ? "succeeded" : "partial";
      RunSummary summary = new RunSummary(runId, status, files.size(), inputBytes,
          articleCount + rejectedCount, articleCount, rejectedCount, duplicates, placeMentions,
          partnershipMentions, byLang, byReason,
          stages, Duration.between(started, Instant.now()));
      writeRunRow(runId, inputs, started, status, summary, null);
      LOG.info("run {} {}: {} articles, {} rejected, {} duplicates, {} place mentions, "
          + "{} partnership mentions, stages {}", runId, status, articleCount, rejectedCount,
          duplicates, placeMentions, partnershipMentions, stages);
      return summary;
    } catch (RuntimeException e) {
      writeRunRow(runId, inputs, started, "failed", null, String.valueOf(e.getMessage()));
      throw e;
    } finally {
      if (ingest != null) {
        ingest.release();
      }
      spark.sparkContext().clearJobGroup();
    }
  }

  /**
   * Articles with the same normalised text form one cluster; its canonical article is the one
   * with the smallest article_id, a rule that does not depend on the order files were read in.
   * Only (hash, id) pairs are shuffled, and only the clusters of two or more articles — a small
   * share of an archive — are broadcast back, so the article rows themselves never move.
   */
  static Dataset<Row> markExactDuplicates(Dataset<Row> articles) {
    Dataset<Row> clusters = articles.select("content_hash", "article_id")
        .groupBy("content_hash")
        .agg(min("article_id").as("cluster_of_hash"), count(lit(1)).as("copies"))
        .filter(col("copies").gt(1))
        .drop("copies");
    return articles.join(broadcast(clusters), articles.col("content_hash")
            .equalTo(clusters.col("content_hash")), "left_outer")
        .drop(clusters.col("content_hash"))
        .withColumn("dup_cluster_id", coalesce(col("cluster_of_hash"), col("article_id")))
        .withColumn("is_canonical", col("dup_cluster_id").equalTo(col("article_id")))
        .drop("cluster_of_hash");
  }

  private void writeRunRow(String runId, List<String> inputs, Instant started, String status,
      RunSummary s, String message) {
    Row row = RowFactory.create(runId, "full", Timestamp.from(started),
        Timestamp.from(Instant.now()), status, String.join(",", inputs),
        s == null ? null : s.inputFiles(), s == null ? null : s.inputBytes(),
        s == null ? null : s.recordsRead(), s == null ? null : s.rejected(),
        s == null ? null : s.articles(), s == null ? null : s.duplicates(), null, message);
    try {
      tables.append(Tables.RUNS, spark.createDataFrame(List.of(row), Tables.RUNS.schema()));
    } catch (RuntimeException e) {
      if (message == null) {
        throw e;
      }
      // Already failing: keep the original error, which is the one the user needs to see.
      LOG.warn("could not record the failed run {}: {}", runId, e.toString());
    }
  }

  private void group(String id, String description) {
    spark.sparkContext().setJobGroup(id, description, false);
  }

  private static Map<String, Long> countBy(Dataset<Row> rows, String column) {
    Map<String, Long> counts = new TreeMap<>();
    for (Row r : rows.groupBy(column).count().collectAsList()) {
      counts.put(r.isNullAt(0) ? "null" : r.getString(0), r.getLong(1));
    }
    return counts;
  }

  private static double seconds(long startNanos) {
    return Math.round((System.nanoTime() - startNanos) / 1e7) / 100.0;
  }
}
