package io.citylinks.dedup;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.min;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connected components of an undirected graph given as a Dataset of edges, computed in Spark
 * (the graph never goes to the driver): every vertex ends with the smallest vertex id of its
 * component. Each round takes the smallest label among a vertex's neighbours, then jumps one
 * pointer (a vertex takes its label's label), so long chains shrink by half each round instead of
 * by one. Duplicate clusters are stars and short chains, so a few rounds do.
 */
public final class ConnectedComponents {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectedComponents.class);
  private static final int MAX_ROUNDS = 200;

  private ConnectedComponents() {}

  /**
   * @param edges columns {@code src}, {@code dst} (strings); direction and repeats do not matter
   * @return {@code vertex}, {@code component} for every vertex that has an edge
   */
  public static Dataset<Row> of(Dataset<Row> edges) {
    Dataset<Row> both = edges.select(col("src"), col("dst"))
        .union(edges.select(col("dst").as("src"), col("src").as("dst")))
        .filter(col("src").notEqual(col("dst")))
        .distinct()
        .localCheckpoint();
    Dataset<Row> labels = both.groupBy("src")
        .agg(least(col("src"), min("dst")).as("label"))
        .withColumnRenamed("src", "vertex")
        .localCheckpoint();
    for (int round = 1; round <= MAX_ROUNDS; round++) {
      Dataset<Row> fromNeighbours = both
          .join(labels.withColumnRenamed("vertex", "dst"), "dst")
          .groupBy("src")
          .agg(min("label").as("neighbour_label"));
      Dataset<Row> propagated = labels
          .join(fromNeighbours.withColumnRenamed("src", "vertex"), "vertex")
          .select(col("vertex"), least(col("label"), col("neighbour_label")).as("label"));
      // Pointer jumping: a vertex labelled x takes x's own label.
      Dataset<Row> next = propagated.as("p")
          .join(propagated.as("q"), col("p.label").equalTo(col("q.vertex")), "left_outer")
          .select(col("p.vertex").as("vertex"),
              least(col("p.label"), col("q.label")).as("label"))
          .localCheckpoint();
      long changed = next.as("n").join(labels.as("o"), "vertex")
          .filter(col("n.label").notEqual(col("o.label")))
          .count();
      labels = next;
      LOG.debug("connected components round {}: {} labels changed", round, changed);
      if (changed == 0) {
        LOG.info("connected components: converged after {} rounds", round);
        return labels.withColumnRenamed("label", "component");
      }
    }
    throw new IllegalStateException("connected components did not converge in " + MAX_ROUNDS
        + " rounds: the duplicate graph has an unexpectedly long chain");
  }
}
