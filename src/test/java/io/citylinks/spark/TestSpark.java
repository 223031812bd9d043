package io.citylinks.spark;

import io.citylinks.config.CitylinksConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * The one local SparkSession of the test JVM ({@code local[2]}, Delta, Hive catalog with Derby in a
 * temporary warehouse). Tests isolate themselves by database name, not by session.
 */
public final class TestSpark {
  private static SparkSession session;
  private static Path warehouse;

  private TestSpark() {}

  public static synchronized SparkSession session() {
    if (session == null) {
      try {
        warehouse = Files.createTempDirectory("citylinks-test-warehouse");
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      session = SparkSessions.create(config("citylinks"));
      Runtime.getRuntime().addShutdownHook(new Thread(() -> session.stop()));
    }
    return session;
  }

  /** Test configuration: the shared warehouse, a database of the test's own, small settings. */
  public static CitylinksConfig config(String database, String... sets) {
    if (warehouse == null) {
      session();
    }
    List<String> overrides = new java.util.ArrayList<>(List.of(
        "warehouse=" + warehouse,
        "database=" + database,
        "spark.master=\"local[2]\"",
        "spark.conf.\"spark.sql.shuffle.partitions\"=2",
        "spark.conf.\"spark.databricks.delta.snapshotPartitions\"=2",
        "spark.conf.\"spark.ui.showConsoleProgress\"=false"));
    overrides.addAll(List.of(sets));
    return CitylinksConfig.load(null, overrides);
  }

  public static Path warehouse() {
    session();
    return warehouse;
  }
}
