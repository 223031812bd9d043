package io.citylinks.dedup;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.xxhash64;
import static org.apache.spark.sql.functions.when;

import io.citylinks.config.NearDuplicateSettings;
import io.citylinks.dedup.MinHasher.Signature;
import io.citylinks.spark.Tables;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.collection.JavaConverters;

/**
 * Clusters articles that are copies of one another: the same text (exact keys: normalised text,
 * canonical URL, WARC payload digest) or near-copies (banded MinHash over shingles, each candidate
 * pair verified by its estimated Jaccard similarity or containment), with clusters formed by
 * {@link ConnectedComponents} in Spark.
 *
 * <p>Candidates come from LSH buckets: articles whose band hashes are equal. Each bucket links its
 * members to one of them, the smallest by 64-bit key (a star, so a bucket of n articles costs
 * n - 1 pairs, not n²/2); a bucket of more than {@code max-bucket} articles is skipped and counted. The signatures
 * of earlier runs ({@code dedup_signatures}) take part as they are, never re-hashed, each article
 * a vertex of its own as in a run over all of them: the clusters of a run that passes history are
 * those one run over every article would make, earlier articles' included.
 *
 * <p>Canonical article, the one a cluster is counted and extracted by: its earliest published
 * article (undated ones last), then the longest text, then the smallest article_id — the original
 * a press release's copies are taken from, whatever order the files were read in, and whichever
 * run read them (a copy that arrives later but is dated earlier becomes the canonical).
 */
public final class NearDuplicates {
  private static final Logger LOG = LoggerFactory.getLogger(NearDuplicates.class);
  /** Band number of the exact-copy keys: equal keys are copies without any verification. */
  private static final int EXACT_BAND = -1;
  /** Containment is trusted only when the smaller text has this many shingles. */
  static final int MIN_CONTAINMENT_SHINGLES = 20;

  private static final StructType SIGNED = new StructType()
      .add("article_id", DataTypes.StringType)
      .add("shingles", DataTypes.IntegerType)
      .add("signature", DataTypes.BinaryType)
      .add("bands", DataTypes.createArrayType(DataTypes.LongType))
      .add("exact_keys", DataTypes.createArrayType(DataTypes.LongType))
      .add("published_date", DataTypes.DateType)
      .add("text_chars", DataTypes.IntegerType);

  private NearDuplicates() {}

  /**
   * The clusters of a run's articles.
   *
   * @param clusters {@code article_id, dup_cluster_id, is_canonical} of the articles that have a
   *     copy (the others are their own canonical, cluster = their id)
   * @param signatures the new articles' rows for {@code dedup_signatures}
   * @param stats counts for the run summary and the bench
   * @param cached what the two datasets are computed from, kept in Spark's cache until
   *     {@link #release()}
   */
  public record Result(Dataset<Row> clusters, Dataset<Row> signatures, Stats stats,
      List<Dataset<Row>> cached) {
    /** Frees the cached signatures and clusters, once both datasets have been written. */
    public void release() {
      cached.forEach(Dataset::unpersist);
    }
  }

  /** What clustering found: candidate pairs, verified pairs, skipped buckets. */
  public record Stats(long candidatePairs, long verifiedPairs, long oversizedBuckets) {}

  /**
   * @param articles columns article_id, text, content_hash, canonical_url, payload_digest,
   *     published_date, text_chars
   * @param history rows of {@code dedup_signatures} from earlier runs with their articles'
   *     published_date and text_chars, none of {@code articles}, or null; the result's clusters
   *     and signatures then cover these articles too
   */
  public static Result cluster(Dataset<Row> articles, Dataset<Row> history,
      NearDuplicateSettings settings, String runId) {
    MinHasher hasher = new MinHasher(settings.bands(), settings.rows(), settings.shingleSize());
    Dataset<Row> fresh = articles
        .select("article_id", "text", "content_hash", "canonical_url", "payload_digest",
            "published_date", "text_chars")
        .map(new Sign(hasher), Encoders.row(SIGNED));
    if (history != null) {
      fresh = fresh.unionByName(history.select(
          java.util.Arrays.stream(SIGNED.fieldNames()).map(c -> col(c)).toArray(Column[]::new))
          .to(SIGNED));
    }
    Dataset<Row> signed = fresh
        .withColumn("key", key(col("article_id")))
        .persist(StorageLevel.MEMORY_AND_DISK());

    // The graph works on 64-bit keys of the article ids: Spark aggregates longs in hash tables,
    // strings only by sorting. Every article is a vertex of the duplicate graph.
    Dataset<Row> all = signed.select(col("key"), col("shingles"), col("signature"),
        col("bands"), col("exact_keys"));

    Dataset<Row> entries = all.select(col("key"),
            posexplode(col("bands")).as(new String[] {"band", "hash"}))
        .unionByName(all.select(col("key"),
            lit(EXACT_BAND).as("band"), explode(col("exact_keys")).as("hash")));
    Dataset<Row> buckets = entries.groupBy("band", "hash")
        .agg(count(lit(1)).as("size"), min("key").as("root"))
        .filter(col("size").gt(1))
        .persist(StorageLevel.MEMORY_AND_DISK());
    long oversized = buckets.filter(col("size").gt(settings.maxBucket())
        .and(col("band").notEqual(EXACT_BAND))).count();
    if (oversized > 0) {
      LOG.warn("{} LSH buckets have more than {} articles and give no candidates "
          + "(citylinks.dedup.near-duplicates.max-bucket)", oversized, settings.maxBucket());
    }
    Dataset<Row> candidates = entries
        .join(buckets.filter(col("size").leq(settings.maxBucket())
            .or(col("band").equalTo(EXACT_BAND))), new String[] {"band", "hash"})
        .filter(col("key").notEqual(col("root")))
        .groupBy(col("key").as("a"), col("root").as("b"))
        .agg(max(col("band").equalTo(EXACT_BAND)).as("exact"))
        .persist(StorageLevel.MEMORY_AND_DISK());
    long candidatePairs = candidates.count();
    buckets.unpersist();

    Dataset<Row> sigA = all.select(col("key").as("a"), col("shingles").as("shingles_a"),
        col("signature").as("signature_a"));
    Dataset<Row> sigB = all.select(col("key").as("b"), col("shingles").as("shingles_b"),
        col("signature").as("signature_b"));
    Dataset<Row> verified = candidates.join(sigA, "a").join(sigB, "b")
        .filter(new Similar(settings.minJaccard(), settings.minContainment()))
        .select(col("a").as("src"), col("b").as("dst"))
        .persist(StorageLevel.MEMORY_AND_DISK());
    long verifiedPairs = verified.count();
    candidates.unpersist();
    LOG.info("near duplicates: {} candidate pairs, {} verified", candidatePairs, verifiedPairs);

    Dataset<Row> clusters = articles.sparkSession()
        .createDataFrame(List.of(), new StructType().add("article_id", DataTypes.StringType)
            .add("dup_cluster_id", DataTypes.StringType).add("is_canonical",
                DataTypes.BooleanType));
    if (verifiedPairs > 0) {
      clusters = assign(ConnectedComponents.of(verified), signed)
          .persist(StorageLevel.MEMORY_AND_DISK());
      clusters.count();
    }
    verified.unpersist();
    Dataset<Row> signatures = signed.join(clusters.select("article_id", "dup_cluster_id"),
            new String[] {"article_id"}, "left_outer")
        .withColumn("dup_cluster_id", coalesce(col("dup_cluster_id"), col("article_id")))
        .withColumn("run_id", lit(runId))
        .to(Tables.DEDUP_SIGNATURES.schema());
    return new Result(clusters, signatures, new Stats(candidatePairs, verifiedPairs, oversized),
        List.of(signed, clusters));
  }

  /**
   * The articles with their cluster columns from {@link Result#clusters()}: an article without a
   * copy is its own cluster and canonical.
   */
  public static Dataset<Row> withClusters(Dataset<Row> articles, Dataset<Row> clusters) {
    return articles.join(clusters, new String[] {"article_id"}, "left_outer")
        .withColumn("dup_cluster_id", coalesce(col("dup_cluster_id"), col("article_id")))
        .withColumn("is_canonical", coalesce(col("is_canonical"), lit(true)));
  }

  /** The 64-bit key of an article id (xxHash64; a collision has odds of 2^-64 per pair). */
  private static Column key(Column articleId) {
    return xxhash64(articleId);
  }

  /** Cluster id (its canonical's article_id) and canonical flag of each article in a component. */
  private static Dataset<Row> assign(Dataset<Row> components, Dataset<Row> signed) {
    Dataset<Row> members = components.join(signed.select(col("key").as("vertex"),
        col("article_id"), col("published_date"), col("text_chars")), "vertex");
    // Earliest date first (undated last), then the longest text, then the smallest id.
    Dataset<Row> canonical = members.groupBy("component")
        .agg(min(struct(col("published_date").isNull().as("undated"),
            col("published_date"), (col("text_chars").multiply(-1)).as("shorter"),
            col("article_id"))).getField("article_id").as("canonical"));
    return members.join(canonical, "component")
        .select(col("article_id"), col("canonical").as("dup_cluster_id"),
            col("canonical").equalTo(col("article_id")).as("is_canonical"));
  }

  /** Executor side: signs an article and derives its exact-copy keys. */
  private static final class Sign implements MapFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final MinHasher hasher;

    Sign(MinHasher hasher) {
      this.hasher = hasher;
    }

    @Override
    public Row call(Row r) {
      Signature s = hasher.sign(r.getString(1));
      List<Long> keys = new ArrayList<>(3);
      addKey(keys, "text", r.getString(2));
      addKey(keys, "url", r.getString(3));
      addKey(keys, "warc", r.getString(4));
      List<Long> bands = new ArrayList<>(s.bands().length);
      for (long b : s.bands()) {
        bands.add(b);
      }
      return RowFactory.create(r.getString(0), s.shingles(), s.valueBytes(),
          JavaConverters.asScalaBuffer(bands).toSeq(), JavaConverters.asScalaBuffer(keys).toSeq(),
          r.get(5), r.get(6));
    }

    private static void addKey(List<Long> keys, String kind, String value) {
      if (value != null && !value.isEmpty()) {
        keys.add(BoilerplateLines.lineHash(kind, value)); // a 64-bit hash of kind + NUL + value
      }
    }
  }

  /** A candidate pair is kept when it is an exact copy or its signatures are similar enough. */
  private static final class Similar implements FilterFunction<Row> {
    private static final long serialVersionUID = 1L;
    private final double minJaccard;
    private final double minContainment;

    Similar(double minJaccard, double minContainment) {
      this.minJaccard = minJaccard;
      this.minContainment = minContainment;
    }

    @Override
    public boolean call(Row r) {
      if (r.<Boolean>getAs("exact")) {
        return true;
      }
      int shinglesA = r.<Integer>getAs("shingles_a");
      int shinglesB = r.<Integer>getAs("shingles_b");
      if (shinglesA == 0 || shinglesB == 0) {
        return false;
      }
      double j = MinHasher.jaccard(Signature.values(r.getAs("signature_a")),
          Signature.values(r.getAs("signature_b")));
      return j >= minJaccard || (Math.min(shinglesA, shinglesB) >= MIN_CONTAINMENT_SHINGLES
          && MinHasher.containment(j, shinglesA, shinglesB) >= minContainment);
    }
  }
}
