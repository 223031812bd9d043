package io.citylinks.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.octet_length;
import static org.apache.spark.sql.functions.sum;

import io.citylinks.config.CitylinksConfig;
import io.citylinks.generate.ArchiveGenerator;
import io.citylinks.generate.GeneratorOptions;
import io.citylinks.pipeline.PipelineJob;
import io.citylinks.pipeline.RunSummary;
import io.citylinks.spark.SparkSessions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline benchmark: on generated JSON Lines archives of one or more sizes, in one Spark
 * session, times Spark's plain read + count (the floor) and the citylinks pipeline (a full run,
 * stage by stage, with its peak heap and what it had to put on disk), then the Spark NLP
 * baseline of SPEC section 7.
 */
public final class Bench {
  private static final Logger LOG = LoggerFactory.getLogger(Bench.class);

  private static final int WARMUP_DOCS = 5000;

  private final CitylinksConfig config;
  private final Path work;
  private final List<Integer> sizes;
  private final long seed;
  private final boolean baseline;

  private final int baselineSampleDocs;

  /** @param sizes archive sizes (articles) timed one after the other, in this order */
  public Bench(CitylinksConfig config, Path work, List<Integer> sizes, long seed,
      boolean baseline, int baselineSampleDocs) {
    this.baselineSampleDocs = baselineSampleDocs;
    this.config = config;
    this.work = work;
    this.sizes = List.copyOf(sizes);
    this.seed = seed;
    this.baseline = baseline;
  }

  /** The generated archive of {@code docs} articles under {@code work}, made on first use. */
  public static Path archive(Path work, int docs, long seed) throws IOException {
    Path archive = work.resolve("archive-" + docs + "-" + seed);
    if (!Files.isDirectory(archive)) {
      LOG.info("generating {} articles into {}", docs, archive);
      ArchiveGenerator.generate(GeneratorOptions.builder(docs, archive).seed(seed).build());
    }
    return archive;
  }

  /**
   * Generates the archives it lacks, warms up, then times each size in turn in one session; the
   * baseline runs once, on a sample of the first size's texts.
   */
  public BenchResult run() throws IOException {
    List<Path> archives = new ArrayList<>();
    for (int n : sizes) {
      archives.add(archive(work, n, seed));
    }
    deleteRecursively(Path.of(config.warehouse()));
    SparkSession spark = SparkSessions.create(config);
    try {
      // Warm up the JVM (JIT, class loading, Delta's first table creation) on a small archive,
      // so the timings measure steady throughput rather than start-up; the cold figure of a
      // first run is what `jobs/run` prints.
      Path warmup = work.resolve("warmup-" + seed);
      if (!Files.isDirectory(warmup)) {
        ArchiveGenerator.generate(GeneratorOptions.builder(WARMUP_DOCS, warmup).seed(seed + 1)
            .build());
      }
      spark.read().json(warmup.resolve("*.jsonl*").toString()).count();
      new PipelineJob(spark, config).run(List.of(warmup.toString()));

      List<BenchResult.Size> results = new ArrayList<>();
      for (Path archive : archives) {
        results.add(timeOne(spark, archive));
      }

      double baselineRate = 0;
      long baselineDocs = 0;
      if (baseline) {
        // The baseline runs on a cached sample of the same texts (it is ~10x slower than the
        // pipeline, so the whole archive would take minutes); its rate is what is compared.
        Dataset<Row> texts = spark.read().json(archives.get(0).resolve("*.jsonl*").toString())
            .select(col("text")).filter(col("text").isNotNull()).limit(baselineSampleDocs)
            .cache();
        baselineDocs = texts.count();
        PipelineModel model = SparkNlpBaseline.build(texts, work);
        model.transform(texts.limit(100)).select(col("entity")).write().format("noop")
            .mode("overwrite").save(); // warm-up
        long t0 = System.nanoTime();
        model.transform(texts).select(col("entity")).write().format("noop").mode("overwrite")
            .save();
        baselineRate = baselineDocs / ((System.nanoTime() - t0) / 1e9);
        texts.unpersist();
      }
      return new BenchResult(results, baselineDocs, baselineRate);
    } finally {
      spark.stop();
    }
  }

  /** The floor and the whole pipeline (a full run into fresh tables) on one archive. */
  private BenchResult.Size timeOne(SparkSession spark, Path archive) {
    String glob = archive.resolve("*.jsonl*").toString();
    long t0 = System.nanoTime();
    long floorCount = spark.read().json(glob).count();
    double floor = (System.nanoTime() - t0) / 1e9;
    Row textBytes = spark.read().json(glob).agg(sum(octet_length(col("text")))).first();
    double megabytes = (textBytes.isNullAt(0) ? 0 : textBytes.getLong(0)) / 1e6;

    System.gc(); // the previous size's garbage is not this size's peak
    RunSummary summary;
    double pipeline;
    PeakHeap heap = PeakHeap.start();
    SpillWatch spills = SpillWatch.watch(spark.sparkContext());
    try {
      t0 = System.nanoTime();
      summary = new PipelineJob(spark, config).run(List.of(archive.toString()));
      pipeline = (System.nanoTime() - t0) / 1e9;
    } finally {
      heap.close();
      spills.close();
    }
    LOG.info("bench: floor read {} rows, pipeline {} articles in {} s", floorCount,
        summary.articles(), Math.round(pipeline * 100) / 100.0);
    return new BenchResult.Size(summary.articles(), summary.inputBytes(), megabytes, floor,
        pipeline, heap.megabytes(), heap.liveMegabytes(), spills.cacheBlocksOnDisk(),
        spills.cacheOnDiskMegabytes(), spills.spilledMegabytes(),
        new LinkedHashMap<>(summary.stageSeconds()));
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
