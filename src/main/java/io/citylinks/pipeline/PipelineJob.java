package io.citylinks.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;

import io.citylinks.aggregate.CountryPairTopicYear;
import io.citylinks.config.CitylinksConfig;
import io.citylinks.config.OutputFormat;
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
import java.util.Locale;
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
 * input gives, so re-running on the same input leaves the same rows. An incremental run reads
 * only the files its ledger has not seen and merges what they give into the tables (Delta
 * MERGE by each table's key); events and their counts are recomputed over every mention and
 * merged, so only the rows that changed are rewritten. Every write is idempotent and the ledger
 * is written last, so a run killed at any point and run again leaves the tables as one
 * uninterrupted run would have.
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

  /** How a run treats what the tables already hold. */
  public enum Mode {
    /** Read every input file and replace every table but runs with what it gives. */
    FULL,
    /** Read only files the ledger has not seen, and merge what they give into the tables. */
    INCREMENTAL;

    public static Mode parse(String value) {
      try {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("unknown --mode '" + value
            + "' (expected full or incremental)");
      }
    }

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public RunSummary run(List<String> inputs) {
    return run(inputs, Mode.FULL);
  }

  public RunSummary run(List<String> inputs, Mode mode) {
    if (mode == Mode.INCREMENTAL && config.format() != OutputFormat.DELTA) {
      throw new IllegalArgumentException("incremental runs merge into Delta tables; with "
          + "--format " + config.format().sparkName() + " only full runs (jobs/run) are possible");
    }
    String runId = UUID.randomUUID().toString();
    Instant started = Instant.now();
    Map<String, Double> stages = new LinkedHashMap<>();
    LOG.info("{} run {} starting on {}", mode.label(), runId, inputs);
    List<InputFile> files;
    FileLedger.Plan plan;
    try {
      files = InputFiles.list(inputs, spark.sparkContext().hadoopConfiguration());
      plan = mode == Mode.INCREMENTAL ? FileLedger.plan(spark, tables, files, runId)
          : new FileLedger.Plan(files, List.of(), 0);
    } catch (RuntimeException e) {
      writeRunRow(runId, mode, inputs, started, "failed", null, e.getMessage());
      throw e;
    }
    List<InputFile> toRead = plan.toRead();
    long inputBytes = toRead.stream().mapToLong(InputFile::size).sum();
    LOG.info("found {} input files; {} to read, {} bytes", files.size(), toRead.size(),
        inputBytes);
    if (toRead.isEmpty() && mode == Mode.INCREMENTAL) {
      // Nothing new: the tables already hold everything these files give.
      FileLedger.record(spark, tables, plan.ledgerRows());
      RunSummary summary = new RunSummary(runId, mode.label(), "succeeded", files.size(),
          plan.alreadyRead(), 0, 0, 0, 0, 0, 0, 0, 0, Map.of(), Map.of(), stages,
          Duration.between(started, Instant.now()));
      writeRunRow(runId, mode, inputs, started, "succeeded", summary, null);
      LOG.info("run {}: no new input files", runId);
      return summary;
    }
    IngestResult ingest = null;
    try {
      long t0 = System.nanoTime();
      group("ingest", "read, decode and clean " + toRead.size() + " input files");
      ingest = IngestStep.readArticles(spark, toRead, config.ingest());
      Map<String, Long> byKind = countBy(ingest.items(), "kind");
      long articleCount = byKind.getOrDefault("article", 0L);
      long rejectedCount = byKind.getOrDefault("rejected", 0L);
      stages.put("ingest", seconds(t0));

      t0 = System.nanoTime();
      group("dedup", "remove site boilerplate, cluster exact and near duplicates");
      Dataset<Row> batchIds = ingest.articles().select("article_id");
      // Earlier runs' signatures, less this batch's own (written already by a run that crashed
      // before it finished: the batch must not match itself).
      Dataset<Row> history = mode == Mode.FULL ? null
          : readOrNull(Tables.DEDUP_SIGNATURES, batchIds);
      // Not cached: stripping the lines again is cheaper than caching a second copy of the text.
      Dataset<Row> cleaned = SiteBoilerplate.remove(ingest.articles(),
          config.dedup().boilerplateMinPages(), config.dedup().boilerplateMinShare());
      NearDuplicates.Result dedup = NearDuplicates.cluster(cleaned, history,
          config.dedup().nearDuplicates(), runId);
      Dataset<Row> articles = NearDuplicates.withClusters(cleaned, dedup.clusters())
          .withColumn("run_id", lit(runId));
      stages.put("dedup", seconds(t0));

      t0 = System.nanoTime();
      group("write", "write articles, dedup_signatures and rejected_records");
      try {
        save(mode, Tables.ARTICLES, articles, false);
        save(mode, Tables.DEDUP_SIGNATURES, dedup.signatures(), false);
      } finally {
        dedup.release();
      }
      save(mode, Tables.REJECTED_RECORDS, ingest.rejected(runId), false);
      stages.put("write", seconds(t0));

      Dataset<Row> allArticles = spark.table(Tables.qualified(config.database(),
          Tables.ARTICLES));
      Dataset<Row> written = mode == Mode.FULL ? allArticles
          : allArticles.join(batchIds, new String[] {"article_id"}, "left_semi");

      t0 = System.nanoTime();
      group("extract", "recognise places and partnerships in canonical articles");
      Dataset<Row> annotated = ExtractStep.annotate(written, config.extract())
          .persist(StorageLevel.MEMORY_AND_DISK());
      long placeMentions;
      long partnershipMentions;
      Dataset<Row> mentions;
      try {
        save(mode, Tables.PLACE_MENTIONS, ExtractStep.placeMentions(annotated, runId), false);
        Dataset<Row> found = ExtractStep.partnershipMentions(annotated, runId);
        Dataset<Row> earlier = mode == Mode.FULL ? null
            : readOrNull(Tables.PARTNERSHIP_MENTIONS, batchIds);
        if (earlier != null) {
          // Events are assigned over every mention: a new report may join, split or date an
          // earlier event, which changes the event ids of earlier mentions too.
          found = earlier.unionByName(found);
        }
        mentions = EventConsolidation.assignEvents(found, allArticles)
            .persist(StorageLevel.MEMORY_AND_DISK());
        mentions.count(); // computed from the table's current version, before merging into it
        save(mode, Tables.PARTNERSHIP_MENTIONS, mentions, true);
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
      Dataset<Row> eventRows = EventConsolidation.events(mentions, allArticles, runId)
          .persist(StorageLevel.MEMORY_AND_DISK());
      try {
        save(mode, Tables.PARTNERSHIP_EVENTS, eventRows, true);
        save(mode, Tables.PARTNERSHIPS_BY_COUNTRY_PAIR_TOPIC_YEAR,
            CountryPairTopicYear.aggregate(eventRows, mentions, allArticles, runId), true);
        events = eventRows.count();
      } finally {
        eventRows.unpersist();
        mentions.unpersist();
      }
      stages.put("events", seconds(t0));

      group("summary", "count results, record the input files");
      // The ledger is written last: a run that dies before this line is simply done again.
      if (mode == Mode.FULL) {
        FileLedger.replace(spark, tables, files, runId);
      } else {
        FileLedger.record(spark, tables, plan.ledgerRows());
      }
      long duplicates = written.filter(col("is_canonical").equalTo(false)).count();
      Map<String, Long> byLang = countBy(written, "lang");
      Map<String, Long> byReason = countBy(
          ingest.items().filter(col("kind").equalTo("rejected")), "reason");
      String status = rejectedCount == 0 ? "succeeded" : "partial";
      RunSummary summary = new RunSummary(runId, mode.label(), status, files.size(),
          plan.alreadyRead(), inputBytes, articleCount + rejectedCount, articleCount,
          rejectedCount, duplicates, placeMentions, partnershipMentions, events, byLang,
          byReason, stages, Duration.between(started, Instant.now()));
      writeRunRow(runId, mode, inputs, started, status, summary, null);
      LOG.info("run {} {}: {} articles, {} rejected, {} duplicates, {} place mentions, "
          + "{} partnership mentions, {} events, stages {}", runId, status, articleCount,
          rejectedCount, duplicates, placeMentions, partnershipMentions, events, stages);
      return summary;
    } catch (RuntimeException e) {
      writeRunRow(runId, mode, inputs, started, "failed", null, String.valueOf(e.getMessage()));
      throw e;
    } finally {
      if (ingest != null) {
        ingest.release();
      }
      spark.sparkContext().clearJobGroup();
    }
  }

  /** Full runs replace the table; incremental runs merge into it. */
  private void save(Mode mode, Tables.Table table, Dataset<Row> rows, boolean wholeTable) {
    LOG.info("{} {}", mode == Mode.FULL ? "writing" : "merging into", table.name());
    if (mode == Mode.FULL) {
      tables.overwrite(table, rows);
    } else {
      tables.merge(table, rows, wholeTable);
    }
  }

  /** A table's rows but those of the batch's articles, or null when it does not exist yet. */
  private Dataset<Row> readOrNull(Tables.Table table, Dataset<Row> batchIds) {
    Dataset<Row> rows = tables.readOrNull(table);
    return rows == null ? null
        : rows.join(batchIds, new String[] {"article_id"}, "left_anti");
  }

  private void writeRunRow(String runId, Mode mode, List<String> inputs, Instant started,
      String status, RunSummary s, String message) {
    Row row = RowFactory.create(runId, mode.label(), Timestamp.from(started),
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
