package io.citylinks.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.octet_length;
import static org.apache.spark.sql.functions.sum;

import io.citylinks.config.CitylinksConfig;
import io.citylinks.dedup.NearDuplicates;
import io.citylinks.dedup.SiteBoilerplate;
import io.citylinks.eval.DedupScorer;
import io.citylinks.ingest.IngestStep;
import io.citylinks.ingest.InputFiles;
import io.citylinks.spark.SparkSessions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dedup stage on its own, at several archive sizes: each archive is ingested and cached
 * first (not timed), then site-boilerplate removal and exact + near-duplicate clustering run to
 * their cluster assignments. Reports articles/s and MB/s per core, the time ratio between sizes
 * and, against the generator's ground truth, copy pairs found and false merges.
 */
public final class DedupBench {
  private static final Logger LOG = LoggerFactory.getLogger(DedupBench.class);

  private static final int WARMUP_DOCS = 5000;

  private DedupBench() {}

  /** One size's figures. */
  public record Size(long articles, double megabytes, double seconds,
      double boilerplateSeconds, int cores, NearDuplicates.Stats stats,
      DedupScorer.Report quality, MinHashLshPeer.Result peer) {
    public double articlesPerSecondPerCore() {
      return articles / seconds / cores;
    }

    public double megabytesPerSecondPerCore() {
      return megabytes / seconds / cores;
    }

    public Map<String, Object> asMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("articles", articles);
      m.put("text_mb", Math.round(megabytes * 10) / 10.0);
      m.put("seconds", Math.round(seconds * 100) / 100.0);
      m.put("boilerplate_seconds", Math.round(boilerplateSeconds * 100) / 100.0);
      m.put("articles_per_s_per_core", Math.round(articlesPerSecondPerCore()));
      m.put("mb_per_s_per_core", Math.round(megabytesPerSecondPerCore() * 100) / 100.0);
      m.put("candidate_pairs", stats.candidatePairs());
      m.put("verified_pairs", stats.verifiedPairs());
      m.put("copy_pair_recall", quality.copyPairRecall());
      m.put("false_merge_rate", quality.falseMergeRate());
      if (peer != null) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("hash_tables", peer.hashTables());
        p.put("seconds", Math.round(peer.seconds() * 100) / 100.0);
        p.put("colliding_pairs", peer.collidingPairs());
        p.put("similar_pairs", peer.similarPairs());
        p.put("copy_pair_recall", peer.quality().copyPairRecall());
        p.put("false_merge_rate", peer.quality().falseMergeRate());
        m.put("spark_ml_minhashlsh", p);
      }
      return m;
    }
  }

  /** All sizes, smallest first. */
  public record Result(List<Size> sizes) {
    public String describe() {
      StringBuilder sb = new StringBuilder("dedup stage (boilerplate + exact + near duplicates, "
          + "to cluster assignments):\n");
      for (Size s : sizes) {
        sb.append(String.format("  %,9d articles, %,7.1f MB text: %6.1f s (boilerplate %.1f s) = "
                + "%,7.0f articles/s, %5.2f MB/s per core (%d cores); %,d candidate pairs, %,d "
                + "verified; copy pairs found %.4f, false merges %.4f%n", s.articles(),
            s.megabytes(), s.seconds(), s.boilerplateSeconds(),
            s.articlesPerSecondPerCore(), s.megabytesPerSecondPerCore(), s.cores(),
            s.stats().candidatePairs(), s.stats().verifiedPairs(),
            s.quality().copyPairRecall(), s.quality().falseMergeRate()));
        MinHashLshPeer.Result p = s.peer();
        if (p != null) {
          sb.append(String.format("  %9s Spark ML MinHashLSH (%d tables, approxSimilarityJoin "
                  + "at the same Jaccard, then connected components): %6.1f s (%.2fx ours); "
                  + "%,d colliding pairs, %,d similar; copy pairs found %.4f, false merges "
                  + "%.4f%n", "", p.hashTables(), p.seconds(), p.seconds() / s.seconds(),
              p.collidingPairs(), p.similarPairs(), p.quality().copyPairRecall(),
              p.quality().falseMergeRate()));
        }
      }
      if (sizes.size() > 1) {
        Size first = sizes.get(0);
        Size last = sizes.get(sizes.size() - 1);
        sb.append(String.format("  scaling: %.1fx the articles took %.2fx the time%n",
            last.articles() / (double) first.articles(), last.seconds() / first.seconds()));
      }
      return sb.toString();
    }

    public List<Map<String, Object>> asMaps() {
      return sizes.stream().map(Size::asMap).toList();
    }
  }

  /**
   * @param peerTables hash tables of the Spark ML MinHashLSH peer run on the same texts after
   *     ours, or 0 to skip it
   * @param peerMaxDocs the largest size the peer runs on
   */
  public static Result run(CitylinksConfig config, Path work, List<Integer> sizes, long seed,
      int peerTables, int peerMaxDocs) throws IOException {
    SparkSession spark = SparkSessions.create(config);
    List<Size> out = new ArrayList<>();
    try {
      // Warm-up (JIT, Spark's first jobs), not reported.
      runOne(spark, config, Bench.archive(work, WARMUP_DOCS, seed + 1), peerTables);
      for (int docs : sizes) {
        if (peerTables > 0 && docs > peerMaxDocs) {
          LOG.info("dedup bench: the MinHashLSH peer skips {} articles (--peer-max-docs {})",
              docs, peerMaxDocs);
        }
        out.add(runOne(spark, config, Bench.archive(work, docs, seed),
            docs <= peerMaxDocs ? peerTables : 0));
      }
    } finally {
      spark.stop();
    }
    return new Result(out);
  }

  private static Size runOne(SparkSession spark, CitylinksConfig config, Path archive,
      int peerTables) {
    IngestStep.IngestResult ingest = IngestStep.readArticles(spark,
        InputFiles.list(List.of(archive.toString()), spark.sparkContext().hadoopConfiguration()),
        config.ingest());
    Dataset<Row> articles = ingest.articles().persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Row size = articles.agg(org.apache.spark.sql.functions.count(col("article_id")),
          sum(octet_length(col("text")))).first();
      long count = size.getLong(0);
      double megabytes = size.getLong(1) / 1e6;
      LOG.info("dedup bench: {} articles, {} MB of text cached from {}", count, megabytes,
          archive);

      long t0 = System.nanoTime();
      // Finding the boilerplate lines is a pass of its own; stripping them happens as the
      // clustering reads the text.
      Dataset<Row> cleaned = SiteBoilerplate.remove(articles,
          config.dedup().boilerplateMinPages(), config.dedup().boilerplateMinShare());
      double boilerplate = (System.nanoTime() - t0) / 1e9;
      NearDuplicates.Result dedup = NearDuplicates.cluster(cleaned, null,
          config.dedup().nearDuplicates(), "bench");
      Dataset<Row> clustered = NearDuplicates.withClusters(cleaned, dedup.clusters())
          .select("url", "article_id", "dup_cluster_id", "is_canonical")
          .persist(StorageLevel.MEMORY_AND_DISK());
      clustered.count();
      double seconds = (System.nanoTime() - t0) / 1e9;
      dedup.release();

      DedupScorer.Report quality = DedupScorer.scoreClusters(spark, clustered,
          archive.resolve("_ground_truth.jsonl").toString());
      clustered.unpersist();
      MinHashLshPeer.Result peer = null;
      if (peerTables > 0) {
        // The same texts ours clustered (boilerplate removed), read from the cache again.
        peer = MinHashLshPeer.run(cleaned, peerTables,
            config.dedup().nearDuplicates().minJaccard(),
            config.dedup().nearDuplicates().shingleSize(),
            archive.resolve("_ground_truth.jsonl").toString());
        LOG.info("dedup bench: MinHashLSH peer {} s, {} similar pairs", peer.seconds(),
            peer.similarPairs());
      }
      int cores = spark.sparkContext().defaultParallelism();
      return new Size(count, megabytes, seconds, boilerplate, cores, dedup.stats(), quality,
          peer);
    } finally {
      articles.unpersist();
      ingest.release();
    }
  }
}
