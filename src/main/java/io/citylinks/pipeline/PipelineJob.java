package io.citylinks.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;

import io.citylinks.aggregate.CountryPairTopicYear;
import io.citylinks.config.CitylinksConfig;
import io.citylinks.config.DedupSettings;
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
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
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
 * MERGE by each table's key); site boilerplate and duplicate clusters are decided over every
 * page and signature seen so far ({@code boilerplate_pages}, {@code dedup_signatures}) and the
 * earlier articles that decision changes are rewritten and extracted again, so incremental runs
 * over the parts of an archive give the tables of one full run over all of it; events and their
 * counts are recomputed over every mention and merged, so only the rows that changed are
 * rewritten. Every write is idempotent and the ledger
 * is written last, so a run killed at any point and run again leaves the tables as one
 * uninterrupted run would have.
 */
public final class PipelineJob {
  private static final Logger LOG = LoggerFactory.getLogger(PipelineJob.class);

  /** Under the warehouse: what a run stages while it runs (never a table). */
  static final String STAGING_DIR = "_staging";

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
      ingest = IngestStep.readArticles(spark, toRead, config.ingest(), staging(runId));
      Map<String, Long> byKind = countBy(ingest.items(), "kind");
      long articleCount = byKind.getOrDefault("article", 0L);
      long rejectedCount = byKind.getOrDefault("rejected", 0L);
      stages.put("ingest", seconds(t0));

      t0 = System.nanoTime();
      group("dedup", "remove site boilerplate, cluster exact and near duplicates");
      Dataset<Row> batchIds = ingest.articles().select("article_id");
      boolean full = mode == Mode.FULL;
      // Earlier runs' articles, less this batch's own (written already by a run that crashed
      // before it finished: the batch must not match itself).
      Dataset<Row> stored = full ? null : readOrNull(Tables.ARTICLES, batchIds);
      Dedup night = dedup(ingest.articles(), stored, !full, runId);
      stages.put("dedup", seconds(t0));

      Dataset<Row> allArticles;
      Dataset<Row> written;
      if (full) {
        t0 = System.nanoTime();
        group("write", "write articles, dedup_signatures, rejected_records, boilerplate_pages");
        try {
          save(mode, Tables.ARTICLES, night.rows(), false);
          save(mode, Tables.DEDUP_SIGNATURES, night.signatures(), false);
        } finally {
          night.release();
        }
        save(mode, Tables.REJECTED_RECORDS, ingest.rejected(runId), false);
        saveBoilerplate(mode, night, runId);
        stages.put("write", seconds(t0));
        allArticles = spark.table(Tables.qualified(config.database(), Tables.ARTICLES));
        written = allArticles;
      } else {
        // The articles table is written last (below): until then it tells which earlier rows
        // this night changes, so a night killed half-way and run again changes the same ones.
        written = night.rows();
        allArticles = stored == null ? written
            : stored.join(written.select("article_id"), new String[] {"article_id"}, "left_anti")
                .unionByName(written);
      }
      Dataset<Row> rowIds = written.select("article_id");

      t0 = System.nanoTime();
      group("extract", "recognise places and partnerships in canonical articles");
      Dataset<Row> annotated = ExtractStep.annotate(written, config.extract())
          .persist(StorageLevel.MEMORY_AND_DISK());
      long placeMentions;
      long partnershipMentions;
      Dataset<Row> mentions;
      try {
        Dataset<Row> places = ExtractStep.placeMentions(annotated, runId);
        Dataset<Row> earlierPlaces = full ? null : readOrNull(Tables.PLACE_MENTIONS, rowIds);
        if (earlierPlaces != null) {
          // The mentions of an earlier article whose text or canonical changed go with it.
          places = earlierPlaces.unionByName(places).persist(StorageLevel.MEMORY_AND_DISK());
          places.count(); // from the table's current version, before merging into it
        }
        try {
          save(mode, Tables.PLACE_MENTIONS, places, !full);
        } finally {
          places.unpersist();
        }
        Dataset<Row> found = ExtractStep.partnershipMentions(annotated, runId);
        Dataset<Row> earlier = full ? null : readOrNull(Tables.PARTNERSHIP_MENTIONS, rowIds);
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

      if (!full) {
        t0 = System.nanoTime();
        group("write", "merge dedup_signatures, rejected_records, articles, boilerplate_pages");
        try {
          save(mode, Tables.DEDUP_SIGNATURES, night.signatures(), false);
          save(mode, Tables.REJECTED_RECORDS, ingest.rejected(runId), false);
          save(mode, Tables.ARTICLES, night.rows(), false);
        } finally {
          night.release();
        }
        // After the articles: until the pages include this batch's, a night run again finds
        // the same sites whose boilerplate changed.
        saveBoilerplate(mode, night, runId);
        stages.put("write", seconds(t0));
      }

      group("summary", "count results, record the input files");
      // The ledger is written last: a run that dies before this line is simply done again.
      if (mode == Mode.FULL) {
        FileLedger.replace(spark, tables, files, runId);
      } else {
        FileLedger.record(spark, tables, plan.ledgerRows());
      }
      Dataset<Row> batch = spark.table(Tables.qualified(config.database(), Tables.ARTICLES))
          .join(batchIds, new String[] {"article_id"}, "left_semi");
      long duplicates = batch.filter(col("is_canonical").equalTo(false)).count();
      Map<String, Long> byLang = countBy(batch, "lang");
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

  /**
   * What the dedup stage gives a run: the articles rows it writes (its batch, and the earlier
   * articles whose text, cluster or canonical it changes), their {@code dedup_signatures} rows
   * and the boilerplate decision with the pages it counted.
   */
  private record Dedup(Dataset<Row> rows, Dataset<Row> signatures,
      SiteBoilerplate.Decision boilerplate, List<Dataset<Row>> cached) {
    void release() {
      cached.forEach(Dataset::unpersist);
    }
  }

  /**
   * Site boilerplate and duplicate clusters decided over {@code batch} and the {@code stored}
   * articles of earlier runs (null in a full run or a first night) as one run over all of them
   * would decide: boilerplate over every page counted so far ({@code boilerplate_pages}),
   * clusters over every signature ({@code dedup_signatures}). Earlier articles of a site whose
   * boilerplate lines change get their text stripped again (and are signed again); earlier
   * articles whose cluster or canonical changes (a copy that arrives later but is dated earlier,
   * a bridge between two clusters) get their new cluster columns.
   */
  private Dedup dedup(Dataset<Row> batch, Dataset<Row> stored, boolean incremental,
      String runId) {
    DedupSettings settings = config.dedup();
    Dataset<Row> knownPages = stored == null ? null : tables.readOrNull(Tables.BOILERPLATE_PAGES);
    if (stored != null && knownPages == null && !stored.isEmpty()) {
      throw new IllegalStateException("table " + Tables.qualified(config.database(),
          Tables.BOILERPLATE_PAGES) + " is missing while articles exist: rebuild the tables once "
          + "with a full run (jobs/run) before running incrementally");
    }
    SiteBoilerplate.Decision boilerplate = SiteBoilerplate.decide(batch, knownPages,
        settings.boilerplateMinPages(), settings.boilerplateMinShare());
    // Not cached: stripping the lines again is cheaper than caching a second copy of the text.
    Dataset<Row> working = SiteBoilerplate.strip(batch, boilerplate.hashes());
    Dataset<Row> history = null;
    List<Dataset<Row>> cached = new ArrayList<>();
    if (stored != null) {
      Dataset<Row> restripped = SiteBoilerplate.restrip(stored, boilerplate.hashes(),
              boilerplate.changedSites())
          .select(columns(working))
          .localCheckpoint();
      LOG.info("site boilerplate: {} earlier articles of {} sites stripped again",
          restripped.count(), boilerplate.changedSites().length);
      working = working.unionByName(restripped);
      Dataset<Row> signatures = tables.readOrNull(Tables.DEDUP_SIGNATURES);
      if (signatures != null) {
        // Earlier articles as stored, never re-hashed, but those whose text changes now.
        history = signatures.join(stored.select("article_id", "published_date", "text_chars"),
                "article_id")
            .join(restripped.select("article_id"), new String[] {"article_id"}, "left_anti");
      }
    }
    NearDuplicates.Result clusters = NearDuplicates.cluster(working, history,
        settings.nearDuplicates(), runId);
    cached.addAll(clusters.cached());
    Dataset<Row> rows = NearDuplicates.withClusters(working, clusters.clusters())
        .withColumn("run_id", lit(runId));
    if (stored != null) {
      Dataset<Row> now = clusters.clusters().select(col("article_id"),
          col("dup_cluster_id").as("new_cluster"), col("is_canonical").as("new_canonical"));
      Dataset<Row> changed = stored.select("article_id", "dup_cluster_id", "is_canonical")
          .join(working.select("article_id"), new String[] {"article_id"}, "left_anti")
          .join(now, new String[] {"article_id"}, "left_outer")
          .select(col("article_id"),
              coalesce(col("new_cluster"), col("article_id")).as("new_cluster"),
              coalesce(col("new_canonical"), lit(true)).as("new_canonical"),
              col("dup_cluster_id"), col("is_canonical"))
          .filter(not(col("new_cluster").eqNullSafe(col("dup_cluster_id"))
              .and(col("new_canonical").eqNullSafe(col("is_canonical")))))
          .select("article_id", "new_cluster", "new_canonical");
      Dataset<Row> reclustered = stored.join(changed, "article_id")
          .withColumn("dup_cluster_id", col("new_cluster"))
          .withColumn("is_canonical", col("new_canonical"))
          .withColumn("run_id", lit(runId))
          .drop("new_cluster", "new_canonical");
      rows = rows.unionByName(reclustered.select(columns(rows)));
    }
    if (incremental) {
      // Computed once: extraction, events and the final write all read it. Checkpointed, not
      // cached: the plans of everything derived from it would print its whole lineage (and
      // that of the clusters within it) again at every use, which grows past any heap.
      rows = rows.localCheckpoint();
      LOG.info("dedup: {} articles rows to write, {} of them earlier articles", rows.count(),
          rows.join(batch.select("article_id"), new String[] {"article_id"}, "left_anti")
              .count());
    }
    Dataset<Row> signatures = clusters.signatures()
        .join(rows.select("article_id"), new String[] {"article_id"}, "left_semi");
    return new Dedup(rows, signatures, boilerplate, cached);
  }

  /** The pages the run counted for site boilerplate. */
  private void saveBoilerplate(Mode mode, Dedup night, String runId) {
    try {
      save(mode, Tables.BOILERPLATE_PAGES, night.boilerplate().newPages()
          .withColumn("run_id", lit(runId)), false);
    } finally {
      night.boilerplate().newPages().unpersist();
    }
  }

  /**
   * Where this run's ingestion stages its rows (Parquet, deleted when the run ends), beside the
   * tables. Staging directories of runs killed more than a day ago are deleted first.
   */
  private String staging(String runId) {
    Path root = new Path(config.warehouse(), STAGING_DIR);
    try {
      FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (fs.exists(root)) {
        long dayAgo = System.currentTimeMillis() - Duration.ofDays(1).toMillis();
        for (FileStatus old : fs.listStatus(root)) {
          if (old.getModificationTime() < dayAgo) {
            LOG.info("deleting the staging directory of an earlier run: {}", old.getPath());
            fs.delete(old.getPath(), true);
          }
        }
      }
    } catch (IOException e) {
      LOG.warn("could not clean up old staging directories under {}: {}", root, e.toString());
    }
    return new Path(root, "ingest-" + runId).toString();
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

  /** The columns of {@code rows}, in order: to shape other rows like them. */
  private static Column[] columns(Dataset<Row> rows) {
    return Arrays.stream(rows.columns()).map(c -> col(c)).toArray(Column[]::new);
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
