package io.citylinks.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;

import io.citylinks.aggregate.CountryPairTopicYear;
import io.citylinks.config.CitylinksConfig;
import io.citylinks.dedup.NearDuplicates;
import io.citylinks.dedup.SiteBoilerplate;
import io.citylinks.events.EventConsolidation;
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
 * The whole pipeline: finds the input files, ingests them into articles and rejections, removes
 * site boilerplate, clusters exact and near duplicates, extracts places and partnerships from
 * canonical articles, consolidates them into events and counts those by country pair, topic and
 * year. A full run replaces every table but {@code runs} (which gains a row) with what this
 * input gives, so re-running on the same input leaves the same rows.
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
      group("dedup", "remove site boilerplate, cluster exact and near duplicates");
      // Not cached: stripping the lines again is cheaper than caching a second copy of the text.
      Dataset<Row> cleaned = SiteBoilerplate.remove(ingest.articles(),
          config.dedup().boilerplateMinPages(), config.dedup().boilerplateMinShare());
      NearDuplicates.Result dedup = NearDuplicates.cluster(cleaned, null,
          config.dedup().nearDuplicates(), runId);
      Dataset<Row> articles = NearDuplicates.withClusters(cleaned, dedup.clusters())
          .withColumn("run_id", lit(runId));
      stages.put("dedup", seconds(t0));

      t0 = System.nanoTime();
      group("write", "write articles, dedup_signatures and rejected_records");
      try {
        tables.overwrite(Tables.ARTICLES, articles);
        tables.overwrite(Tables.DEDUP_SIGNATURES, dedup.signatures());
      } finally {
        dedup.release();
      }
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
      Dataset<Row> mentions;
      try {
        tables.overwrite(Tables.PLACE_MENTIONS, ExtractStep.placeMentions(annotated, runId));
        mentions = EventConsolidation.assignEvents(
                ExtractStep.partnershipMentions(annotated, runId), written)
            .persist(StorageLevel.MEMORY_AND_DISK());
        tables.overwrite(Tables.PARTNERSHIP_MENTIONS, mentions);
        // From the persisted annotations, not by reading the written tables back.
        Row counts = annotated.agg(coalesce(sum(size(col("places"))), lit(0L)),
            coalesce(sum(size(col("partnerships"))), lit(0L))).first();
        placeMentions = counts.getLong(0);
        partnershipMentions = counts.getLong(1);
      } finally {
        annotated.unpersist();
      }
      stages.put("extract", seconds(t0));

      t0 = System.nanoTime();
      group("events", "consolidate partnership events, count by country pair, topic and year");
      long events;
      Dataset<Row> eventRows = EventConsolidation.events(mentions, written, runId)
          .persist(StorageLevel.MEMORY_AND_DISK());
      try {
        tables.overwrite(Tables.PARTNERSHIP_EVENTS, eventRows);
        tables.overwrite(Tables.PARTNERSHIPS_BY_COUNTRY_PAIR_TOPIC_YEAR,
            CountryPairTopicYear.aggregate(eventRows, mentions, written, runId));
        events = eventRows.count();
      } finally {
        eventRows.unpersist();
        mentions.unpersist();
      }
      stages.put("events", seconds(t0));

      group("summary", "count results");
      long duplicates = written.filter(col("is_canonical").equalTo(false)).count();
      Map<String, Long> byLang = countBy(written, "lang");
      Map<String, Long> byReason = countBy(
          ingest.items().filter(col("kind").equalTo("rejected")), "reason");
      String status = rejectedCount == 0 ? "succeeded" : "partial";
      RunSummary summary = new RunSummary(runId, status, files.size(), inputBytes,
          articleCount + rejectedCount, articleCount, rejectedCount, duplicates, placeMentions,
          partnershipMentions, events, byLang, byReason,
          stages, Duration.between(started, Instant.now()));
      writeRunRow(runId, inputs, started, status, summary, null);
      LOG.info("run {} {}: {} articles, {} rejected, {} duplicates, {} place mentions, "
          + "{} partnership mentions, {} events, stages {}", runId, status, articleCount,
          rejectedCount, duplicates, placeMentions, partnershipMentions, events, stages);
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

  private void writeRunRow(String runId, List<String> inputs, Instant started, String status,
      RunSummary s, String message) {
    Row row = RowFactory.create(runId, "full", Timestamp.from(started),
        Timestamp.from(Instant.now()), status, String.join(",", inputs),
        s == null ? null : s.inputFiles(), s == null ? null : s.inputBytes(),
        s == null ? null : s.recordsRead(), s == null ? null : s.rejected(),
        s == null ? null : s.articles(), s == null ? null : s.duplicates(),
        s == null ? null : s.events(), message);
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
