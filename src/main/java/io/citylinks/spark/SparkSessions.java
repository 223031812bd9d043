package io.citylinks.spark;

import io.citylinks.config.CitylinksConfig;
import java.io.File;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the one SparkSession of a job: Delta's SQL extension and catalog, Hive support with the
 * Derby metastore kept inside the warehouse (so a warehouse directory is self-contained and a new
 * process finds the tables) — embedded, or through the warehouse's {@link SharedMetastore} when
 * one runs — and the Spark settings of the configuration.
 */
public final class SparkSessions {
  private static final Logger LOG = LoggerFactory.getLogger(SparkSessions.class);

  private static final String METASTORE_URL = "spark.hadoop.javax.jdo.option.ConnectionURL";
  private static final String METASTORE_DRIVER =
      "spark.hadoop.javax.jdo.option.ConnectionDriverName";

  private SparkSessions() {}

  public static SparkSession create(CitylinksConfig config) {
    return create(config, Map.of());
  }

  /** A session with settings of the job's own on top of the configuration's. */
  public static SparkSession create(CitylinksConfig config, Map<String, String> jobSettings) {
    return create(config, jobSettings, true);
  }

  /**
   * A session for a job that only reads the tables ({@code jobs/sql}, {@code jobs/report}):
   * with a shared metastore running, it does not wait for or block the writing jobs.
   */
  public static SparkSession createForReading(CitylinksConfig config,
      Map<String, String> jobSettings) {
    return create(config, jobSettings, false);
  }

  private static SparkSession create(CitylinksConfig config, Map<String, String> jobSettings,
      boolean writes) {
    SparkConf existing = new SparkConf(true); // spark-submit's --conf and spark-defaults.conf
    SparkSession.Builder builder = SparkSession.builder().appName(config.appName());
    if (!existing.contains("spark.master")) {
      builder.master(config.sparkMaster());
    }
    for (Map.Entry<String, String> e : config.sparkConf().entrySet()) {
      if (!existing.contains(e.getKey())) {
        builder.config(e.getKey(), e.getValue());
      }
    }
    jobSettings.forEach(builder::config);
    File metastore = new File(config.metastoreDir());
    Optional<SharedMetastore.Endpoint> shared = Optional.empty();
    if (existing.contains(METASTORE_URL) || config.sparkConf().containsKey(METASTORE_URL)) {
      // A shared metastore the deployment set up (spark-submit --conf or citylinks.spark.conf):
      // it arbitrates between processes itself, so neither the embedded Derby nor its guard.
      LOG.info("metastore: {} as configured", METASTORE_URL);
    } else if ((shared = SharedMetastore.find(metastore)).isPresent()) {
      // jobs/metastore runs for this warehouse: every job connects to it, and the writing jobs
      // still take turns (two nights merging into the same tables at once would race).
      if (writes) {
        WarehouseLock.acquireWriter(metastore, config.warehouse());
      }
      LOG.info("metastore: shared, Derby network server on {}:{} (pid {})",
          shared.get().host(), shared.get().port(), shared.get().pid());
      builder
          .config(METASTORE_URL, shared.get().jdbcUrl(metastore))
          .config(METASTORE_DRIVER, "org.apache.derby.jdbc.ClientDriver")
          .config("spark.hadoop.datanucleus.schema.autoCreateAll", "true")
          .config("spark.hadoop.hive.metastore.schema.verification", "false");
    } else {
      if (!metastore.isDirectory() && !metastore.mkdirs()) {
        throw new IllegalStateException("cannot create metastore directory " + metastore);
      }
      WarehouseLock.acquire(metastore, config.warehouse());
      // Derby writes derby.log into derby.system.home; beside the metastore, not in the cwd.
      System.setProperty("derby.system.home", metastore.getAbsolutePath());
      builder
          .config(METASTORE_URL, "jdbc:derby:;databaseName=" + SharedMetastore.databasePath(
              metastore) + ";create=true")
          .config("spark.hadoop.datanucleus.schema.autoCreateAll", "true")
          .config("spark.hadoop.hive.metastore.schema.verification", "false");
    }
    builder
        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        .config("spark.sql.warehouse.dir", config.warehouse())
        .config("spark.sql.catalogImplementation", "hive");
    SparkSession spark = builder.getOrCreate();
    LOG.info("Spark {} master={} warehouse={} format={}", spark.version(),
        spark.sparkContext().master(), config.warehouse(), config.format().sparkName());
    return spark;
  }
}
