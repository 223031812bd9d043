package io.citylinks.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.citylinks.spark.TestSpark;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The driver's union-find and the Spark rounds label every vertex alike. */
class ConnectedComponentsTest {
  final SparkSession spark = TestSpark.session();

  @Test
  void driverAndSparkGiveTheSmallestVertexOfEachComponent() {
    // Stars, chains given in scrambled order, repeated and reversed edges, a loop.
    Random rnd = new Random(3);
    List<Row> edges = new ArrayList<>();
    Map<Long, Long> expected = new TreeMap<>();
    long next = 1000;
    for (int c = 0; c < 40; c++) {
      int size = 2 + rnd.nextInt(12);
      List<Long> members = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        members.add(next - 7L * rnd.nextInt(100) * (c % 2)); // not in id order
        next += 1000;
      }
      long smallest = members.stream().mapToLong(Long::longValue).min().getAsLong();
      members.forEach(m -> expected.put(m, smallest));
      boolean chain = c % 3 == 0;
      for (int i = 1; i < size; i++) {
        long a = chain ? members.get(i - 1) : members.get(0);
        long b = members.get(i);
        edges.add(rnd.nextBoolean() ? RowFactory.create(a, b) : RowFactory.create(b, a));
        if (rnd.nextInt(4) == 0) {
          edges.add(RowFactory.create(b, a));
        }
      }
    }
    edges.add(RowFactory.create(7L, 7L)); // a loop alone makes no vertex
    java.util.Collections.shuffle(edges, rnd);
    Dataset<Row> graph = spark.createDataFrame(edges, new StructType()
        .add("src", DataTypes.LongType).add("dst", DataTypes.LongType));

    assertEquals(expected, labels(ConnectedComponents.of(graph, Long.MAX_VALUE)));
    assertEquals(expected, labels(ConnectedComponents.of(graph, 0)));
  }

  @Test
  void stringVerticesToo() {
    Dataset<Row> graph = spark.createDataFrame(List.of(RowFactory.create("c", "b"),
        RowFactory.create("b", "d"), RowFactory.create("x", "y")), new StructType()
        .add("src", DataTypes.StringType).add("dst", DataTypes.StringType));
    Map<Object, Object> expected = new TreeMap<>(Map.of("b", "b", "c", "b", "d", "b",
        "x", "x", "y", "x"));
    assertEquals(expected, labels(ConnectedComponents.of(graph, 100)));
    assertEquals(expected, labels(ConnectedComponents.of(graph, 0)));
  }

  @SuppressWarnings("unchecked")
  private static <K> Map<K, K> labels(Dataset<Row> components) {
    assertEquals(List.of("vertex", "component"), List.of(components.columns()));
    Map<K, K> out = new TreeMap<>();
    for (Row r : components.collectAsList()) {
      out.put((K) r.get(0), (K) r.get(1));
    }
    return out;
  }
}
