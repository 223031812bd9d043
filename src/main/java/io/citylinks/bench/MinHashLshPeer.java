package io.citylinks.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.sum;

import io.citylinks.dedup.ConnectedComponents;
import io.citylinks.dedup.MinHasher;
import io.citylinks.eval.DedupScorer;
import java.util.Arrays;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.ml.feature.MinHashLSH;
import org.apache.spark.ml.feature.MinHashLSHModel;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * The usual Spark way to find near-copies, run beside ours on the same texts: Spark ML's
 * {@link MinHashLSH} over each article's set of shingles (the very shingles our MinHash signs,
 * as a sparse binary vector), then {@code approxSimilarityJoin} of the articles with themselves
 * at our Jaccard threshold, and the pairs it returns clustered into connected components.
 */
final class MinHashLshPeer {
  /** Shingle hashes are folded into this many vector indices (2^30: collisions are rare). */
  private static final int DIMENSIONS = 1 << 30;

  private static final StructType FEATURES = new StructType()
      .add("article_id", DataTypes.StringType)
      .add("features", SQLDataTypes.VectorType());

  private MinHashLshPeer() {}

  /** What the peer took and found. */
  record Result(int hashTables, double seconds, long collidingPairs, long similarPairs,
      DedupScorer.Report quality) {}

  /**
   * @param articles columns article_id, url, text (the texts our dedup read, boilerplate removed)
   */
  static Result run(Dataset<Row> articles, int hashTables, double minJaccard, int shingleSize,
      String truthFile) {
    long t0 = System.nanoTime();
    Dataset<Row> features = articles.select("article_id", "text")
        .map(new Shingles(shingleSize), Encoders.row(FEATURES))
        .filter((FilterFunction<Row>) r -> r.<org.apache.spark.ml.linalg.Vector>getAs(1)
            .numNonzeros() > 0) // MinHashLSH refuses empty sets
        .persist(StorageLevel.MEMORY_AND_DISK());
    MinHashLSHModel model = new MinHashLSH().setNumHashTables(hashTables)
        .setInputCol("features").setOutputCol("hashes").setSeed(42).fit(features);
    Dataset<Row> hashed = model.transform(features).persist(StorageLevel.MEMORY_AND_DISK());
    // Jaccard distance below 1 - minJaccard is Jaccard similarity above minJaccard.
    Dataset<Row> pairs = model.approxSimilarityJoin(hashed, hashed, 1 - minJaccard, "distance")
        .select(col("datasetA.article_id").as("src"), col("datasetB.article_id").as("dst"))
        .filter(col("src").lt(col("dst")))
        .persist(StorageLevel.MEMORY_AND_DISK());
    long similar = pairs.count();
    Dataset<Row> clusters = similar == 0
        ? articles.sparkSession().createDataFrame(java.util.List.of(), new StructType()
            .add("vertex", DataTypes.StringType).add("component", DataTypes.StringType))
        : ConnectedComponents.of(pairs);
    Dataset<Row> clustered = articles.select("url", "article_id")
        .join(clusters.withColumnRenamed("vertex", "article_id"), new String[] {"article_id"},
            "left_outer")
        .select(col("url"), col("article_id"),
            org.apache.spark.sql.functions.coalesce(col("component"), col("article_id"))
                .as("dup_cluster_id"))
        .withColumn("is_canonical", col("dup_cluster_id").equalTo(col("article_id")))
        .persist(StorageLevel.MEMORY_AND_DISK());
    clustered.count();
    double seconds = (System.nanoTime() - t0) / 1e9;

    // Not timed: the pairs its tables make collide, repeats across tables counted (the
    // candidates approxSimilarityJoin measures the distance of, before it drops repeats).
    Row colliding = hashed.select(posexplode(col("hashes")).as(new String[] {"table", "h"}))
        .groupBy("table", "h").agg(count(lit(1)).as("n"))
        .agg(sum(col("n").multiply(col("n").minus(1)).divide(2)).cast("long")).first();
    DedupScorer.Report quality = DedupScorer.scoreClusters(articles.sparkSession(), clustered,
        truthFile);
    clustered.unpersist();
    pairs.unpersist();
    hashed.unpersist();
    features.unpersist();
    return new Result(hashTables, seconds, colliding.isNullAt(0) ? 0 : colliding.getLong(0),
        similar, quality);
  }

  /** An article's shingles as a sparse binary vector. */
  private static final class Shingles implements MapFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final int shingleSize;

    Shingles(int shingleSize) {
      this.shingleSize = shingleSize;
    }

    @Override
    public Row call(Row r) {
      long[] hashes = MinHasher.shingleHashes(r.getString(1), shingleSize);
      int[] indices = new int[hashes.length];
      for (int i = 0; i < hashes.length; i++) {
        indices[i] = (int) Math.floorMod(hashes[i], (long) DIMENSIONS);
      }
      indices = Arrays.stream(indices).sorted().distinct().toArray();
      double[] ones = new double[indices.length];
      Arrays.fill(ones, 1.0);
      return RowFactory.create(r.getString(0), Vectors.sparse(DIMENSIONS, indices, ones));
    }
  }
}
