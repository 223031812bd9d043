package io.citylinks.spark;

import io.citylinks.spark.Tables.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Compares the tables of two citylinks warehouses (or two databases of one) row for row with
 * Spark SQL ({@code EXCEPT ALL} both ways): every table but {@code runs}, every column but
 * {@code run_id}. What tests use to show that two ways of running give the same tables.
 *
 * <p>{@code main(left, right)} compares two warehouse directories by their Delta paths and prints
 * the rows differing per table, for measuring by hand: {@code java -cp
 * target/test-classes:target/classes:$(cat target/classpath.txt) io.citylinks.spark.TableDiff
 * WAREHOUSE_A WAREHOUSE_B}.
 */
public final class TableDiff {
  /** Every table but runs (one row per run, so it differs by design). */
  public static final List<Table> COMPARED =
      Tables.ALL.stream().filter(t -> t != Tables.RUNS).toList();

  private TableDiff() {}

  /** The rows of one table that only one side has (at most {@code shown} of each side kept). */
  public record Difference(Table table, long leftRows, long rightRows, long onlyLeft,
      long onlyRight, List<String> examplesLeft, List<String> examplesRight) {
    public boolean same() {
      return onlyLeft == 0 && onlyRight == 0;
    }

    @Override
    public String toString() {
      return table.name() + ": " + leftRows + " / " + rightRows + " rows, " + onlyLeft
          + " only left, " + onlyRight + " only right"
          + (same() ? "" : "; e.g. left " + examplesLeft + " right " + examplesRight);
    }
  }

  /** Both databases' tables, by name, in one session (one warehouse). */
  public static Map<String, Difference> databases(SparkSession spark, String left,
      String right) {
    return compare(spark, t -> spark.table(Tables.qualified(left, t)),
        t -> spark.table(Tables.qualified(right, t)));
  }

  /** Two warehouse directories' Delta tables, by path. */
  public static Map<String, Difference> warehouses(SparkSession spark, String left,
      String right) {
    return compare(spark, t -> deltaTable(spark, left, t), t -> deltaTable(spark, right, t));
  }

  /** A table by its path; no rows when the warehouse has no such table (an older version's). */
  private static Dataset<Row> deltaTable(SparkSession spark, String warehouse, Table table) {
    java.nio.file.Path path = java.nio.file.Paths.get(warehouse, "citylinks.db", table.name());
    return java.nio.file.Files.isDirectory(path)
        ? spark.read().format("delta").load(path.toString())
        : spark.createDataFrame(List.of(), table.schema());
  }

  /** Every compared table: the rows (run_id left out) that only one side has. */
  public static Map<String, Difference> compare(SparkSession spark,
      Function<Table, Dataset<Row>> left, Function<Table, Dataset<Row>> right) {
    Map<String, Difference> out = new LinkedHashMap<>();
    for (Table table : COMPARED) {
      String columns = String.join(", ", Stream.of(table.schema().fieldNames())
          .filter(c -> !c.equals("run_id")).map(c -> "`" + c + "`").toList());
      left.apply(table).createOrReplaceTempView("diff_left");
      right.apply(table).createOrReplaceTempView("diff_right");
      String l = "SELECT " + columns + " FROM diff_left";
      String r = "SELECT " + columns + " FROM diff_right";
      Dataset<Row> onlyLeft = spark.sql(l + " EXCEPT ALL " + r);
      Dataset<Row> onlyRight = spark.sql(r + " EXCEPT ALL " + l);
      Row counts = spark.sql("SELECT (SELECT count(*) FROM diff_left), "
          + "(SELECT count(*) FROM diff_right)").first();
      long nLeft = onlyLeft.count();
      long nRight = onlyRight.count();
      out.put(table.name(), new Difference(table, counts.getLong(0), counts.getLong(1), nLeft,
          nRight, nLeft == 0 ? List.of() : examples(onlyLeft),
          nRight == 0 ? List.of() : examples(onlyRight)));
    }
    return out;
  }

  /** The tables that differ, one line each; empty when every table is the same. */
  public static List<String> differing(Map<String, Difference> differences) {
    List<String> out = new ArrayList<>();
    differences.values().stream().filter(d -> !d.same()).forEach(d -> out.add(d.toString()));
    return out;
  }

  private static List<String> examples(Dataset<Row> rows) {
    return rows.limit(2).collectAsList().stream().map(r -> {
      String s = r.toString();
      return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }).toList();
  }

  public static void main(String[] args) {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: TableDiff WAREHOUSE_A WAREHOUSE_B");
    }
    SparkSession spark = SparkSession.builder().appName("table-diff").master("local[2]")
        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config("spark.sql.catalog.spark_catalog",
            "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.ui.enabled", "false")
        .getOrCreate();
    try {
      for (Difference d : warehouses(spark, args[0], args[1]).values()) {
        System.out.println(d.table().name() + "\t" + d.leftRows() + "\t" + d.rightRows() + "\t"
            + d.onlyLeft() + "\t" + d.onlyRight());
      }
    } finally {
      spark.stop();
    }
  }
}
