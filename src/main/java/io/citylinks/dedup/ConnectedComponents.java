package io.citylinks.dedup;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.min;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connected components of an undirected graph given as a Dataset of edges: every vertex ends
 * with the smallest vertex id of its component. A small graph is collected and solved on the
 * driver with union-find; a large one is solved in Spark without leaving the executors.
 * In Spark, each round takes the smallest label among a vertex's neighbours, then jumps one
 * pointer (a vertex takes its label's label), so long chains shrink by half each round instead of
 * by one. Duplicate clusters are stars and short chains, so a few rounds do.
 */
public final class ConnectedComponents {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectedComponents.class);
  private static final int MAX_ROUNDS = 200;
  /**
   * Graphs up to this many edges are solved on the driver: duplicate graphs are small (13,415
   * verified pairs among 100,000 generated articles), and a few Spark jobs beat the dozen of a
   * round-based solution. A million edges take about 250 MB of driver heap.
   */
  static final long DRIVER_MAX_EDGES = 1_000_000;

  private ConnectedComponents() {}

  /**
   * @param edges columns {@code src}, {@code dst} (strings); direction and repeats do not matter
   * @return {@code vertex}, {@code component} for every vertex that has an edge
   */
  public static Dataset<Row> of(Dataset<Row> edges) {
    return of(edges, DRIVER_MAX_EDGES);
  }

  /**
   * As {@link #of(Dataset)}; a graph of at most {@code driverMaxEdges} edges is solved on the
   * driver (union-find, one Spark job to collect it) rather than in rounds of Spark joins. Both
   * give the same labels.
   */
  public static Dataset<Row> of(Dataset<Row> edges, long driverMaxEdges) {
    Dataset<Row> pairs = edges.select(col("src"), col("dst")).localCheckpoint();
    if (pairs.count() <= driverMaxEdges) {
      return onDriver(pairs);
    }
    return inSpark(pairs);
  }

  private static Dataset<Row> onDriver(Dataset<Row> edges) {
    DataType type = edges.schema().apply("src").dataType();
    List<Row> rows = edges.collectAsList();
    Map<Object, Object> parent = new HashMap<>();
    for (Row r : rows) {
      if (r.get(0).equals(r.get(1))) {
        continue; // a loop joins nothing (and, as in Spark, makes no vertex)
      }
      Object a = find(parent, r.get(0));
      Object b = find(parent, r.get(1));
      if (!a.equals(b)) {
        // The smaller id becomes the root, so every root is its component's smallest vertex.
        if (compare(a, b) < 0) {
          parent.put(b, a);
        } else {
          parent.put(a, b);
        }
      }
    }
    List<Row> labels = new ArrayList<>(parent.size());
    for (Object vertex : parent.keySet()) {
      labels.add(RowFactory.create(vertex, find(parent, vertex)));
    }
    LOG.info("connected components: {} edges, {} vertices, solved on the driver", rows.size(),
        labels.size());
    // In slices of at most 50,000 rows: one local relation would ship them all in every task.
    int slices = Math.max(1, labels.size() / 50_000 + 1);
    return edges.sparkSession().createDataFrame(
        JavaSparkContext.fromSparkContext(edges.sparkSession().sparkContext())
            .parallelize(labels, slices),
        new StructType().add("vertex", type, false).add("component", type, false));
  }

  /** The root of {@code v}'s tree, halving the path on the way (v joins the forest if new). */
  private static Object find(Map<Object, Object> parent, Object v) {
    Object p = parent.putIfAbsent(v, v);
    if (p == null) {
      return v;
    }
    Object x = v;
    while (true) {
      Object up = parent.get(x);
      if (up.equals(x)) {
        return x;
      }
      Object grand = parent.get(up);
      parent.put(x, grand);
      x = grand;
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compare(Object a, Object b) {
    return ((Comparable) a).compareTo(b);
  }

  private static Dataset<Row> inSpark(Dataset<Row> edges) {
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
