package io.citylinks.maintain;

import io.citylinks.spark.Tables;
import io.citylinks.spark.Tables.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.TableIdentifier;
import org.apache.spark.sql.catalyst.catalog.CatalogStatistics;
import org.apache.spark.sql.catalyst.catalog.CatalogTable;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Option;

/**
 * Housekeeping of the citylinks tables of one database: compacts Delta tables ({@code OPTIMIZE}),
 * deletes the data files they no longer reference ({@code VACUUM}, keeping a retention window so
 * time travel and running readers keep working) and computes optimizer statistics ({@code ANALYZE
 * TABLE}, Parquet tables). One method per operation, each under its own Spark job group, each
 * returning what it did.
 */
public final class TableMaintenance {
  private static final Logger LOG = LoggerFactory.getLogger(TableMaintenance.class);

  /**
   * The shortest VACUUM retention allowed without {@code --force}: Delta's own default
   * ({@code delta.deletedFileRetentionDuration} = 7 days). Files removed from the table more
   * recently than this stay on disk, so a reader that started before a rewrite, and time travel
   * to the versions of the last week, still find their files.
   */
  public static final long SAFE_RETAIN_HOURS = 168;

  /** Delta's refusal of a retention below the table's own; lifted only for a forced VACUUM. */
  static final String RETENTION_CHECK = "spark.databricks.delta.retentionDurationCheck.enabled";

  /** How many tasks VACUUM lists the table's files with. */
  static final String LISTING_PARALLELISM =
      "spark.sql.sources.parallelPartitionDiscovery.parallelism";

  private final SparkSession spark;
  private final String database;

  public TableMaintenance(SparkSession spark, String database) {
    this.spark = spark;
    this.database = database;
  }

  /** A citylinks table found in the warehouse, and its storage format (delta, parquet...). */
  public record Found(Table table, String provider, String qualifiedName) {
    public boolean isDelta() {
      return provider.equals("delta");
    }
  }

  /** Data files of a table; size null when the format does not say it cheaply. */
  public record DataFiles(long numFiles, Long sizeInBytes) {}

  /** What OPTIMIZE did: live data files before and after, files it rewrote and wrote. */
  public record Compaction(long filesBefore, long filesAfter, long filesRemoved,
      long filesAdded) {}

  /** What VACUUM did; filesDeleted is null when Delta did not log the count. */
  public record Vacuum(long retainHours, boolean retentionCheckLifted, Long filesDeleted) {}

  /**
   * The statistics step: the statement run (null when none applies), the columns it had to leave
   * out, the row count known afterwards, and how the statistics are kept.
   */
  public record Statistics(String statement, List<String> skippedColumns, Long rows,
      String note) {}

  /** Everything done to one table; compaction and vacuum are null for a non-Delta table. */
  public record Report(Found table, Compaction compaction, Vacuum vacuum, Statistics statistics,
      long millis) {}

  /**
   * Refuses a retention shorter than {@link #SAFE_RETAIN_HOURS} unless forced, and a negative one
   * always.
   */
  public static void checkRetention(long retainHours, boolean force) {
    if (retainHours < 0) {
      throw new IllegalArgumentException(
          "--retain-hours: must be 0 or more, got " + retainHours);
    }
    if (retainHours < SAFE_RETAIN_HOURS && !force) {
      throw new IllegalArgumentException("--retain-hours " + retainHours + " is below the safe "
          + "minimum of " + SAFE_RETAIN_HOURS + " hours (7 days): VACUUM would delete files that "
          + "running readers and time travel to the last " + SAFE_RETAIN_HOURS + " hours may "
          + "still need. Add --force if no job is reading the tables and older versions may go.");
    }
  }

  /** Fails with the list of table names when one of {@code names} is not a citylinks table. */
  public static List<Table> tablesNamed(List<String> names) {
    if (names == null || names.isEmpty()) {
      return Tables.ALL;
    }
    List<Table> tables = new ArrayList<>();
    for (String name : names) {
      Table table = Tables.ALL.stream()
          .filter(t -> t.name().equalsIgnoreCase(name.trim()))
          .findFirst()
          .orElseThrow(() -> new IllegalArgumentException("--table: unknown table '" + name
              + "' (expected one of " + Tables.ALL.stream().map(Table::name)
                  .collect(Collectors.joining(", ")) + ")"));
      if (!tables.contains(table)) {
        tables.add(table);
      }
    }
    return tables;
  }

  /** Those of {@code tables} present in the database; fails when the database itself is missing. */
  public List<Found> find(List<Table> tables) {
    if (!spark.catalog().databaseExists(database)) {
      throw new IllegalStateException("database '" + database + "' not found in the warehouse "
          + spark.conf().get("spark.sql.warehouse.dir")
          + ": run jobs/run or jobs/nightly first, or check --warehouse and citylinks.database");
    }
    List<Found> found = new ArrayList<>();
    for (Table table : tables) {
      TableIdentifier id = new TableIdentifier(table.name(), Option.apply(database));
      if (spark.sessionState().catalog().tableExists(id)) {
        CatalogTable meta = metadata(id);
        String provider = meta.provider().isDefined()
            ? meta.provider().get().toLowerCase(Locale.ROOT) : "hive";
        found.add(new Found(table, provider, Tables.qualified(database, table)));
      }
    }
    return found;
  }

  /** The table's live data files: Delta's own count, or the files a Parquet scan would read. */
  public DataFiles files(Found t) {
    if (t.isDelta()) {
      Row detail = spark.sql("DESCRIBE DETAIL " + t.qualifiedName())
          .select("numFiles", "sizeInBytes").first();
      return new DataFiles(detail.getLong(0), detail.getLong(1));
    }
    return new DataFiles(spark.table(t.qualifiedName()).inputFiles().length, null);
  }

  /** {@code OPTIMIZE}: rewrites a Delta table's small files into few large ones. */
  public Compaction optimize(Found t) {
    requireDelta(t, "OPTIMIZE");
    String sql = "OPTIMIZE " + t.qualifiedName();
    return inJobGroup("optimize", t, sql, () -> {
      long before = files(t).numFiles();
      Row metrics = spark.sql(sql).select("metrics.numFilesRemoved", "metrics.numFilesAdded")
          .first();
      long after = files(t).numFiles();
      LOG.info("{}: {} files -> {}", sql, before, after);
      return new Compaction(before, after, metrics.getLong(0), metrics.getLong(1));
    });
  }

  /** The VACUUM statement for a retention of {@code retainHours}. */
  public static String vacuumSql(Found t, long retainHours) {
    return "VACUUM " + t.qualifiedName() + " RETAIN " + retainHours + " HOURS";
  }

  /**
   * {@code VACUUM ... RETAIN n HOURS}: deletes data files the table stopped referencing more than
   * {@code retainHours} ago. Delta refuses a retention below the table's own
   * ({@code delta.deletedFileRetentionDuration}); that check is lifted, for this statement only,
   * when {@code force} asks for less than {@link #SAFE_RETAIN_HOURS}.
   */
  public Vacuum vacuum(Found t, long retainHours, boolean force) {
    requireDelta(t, "VACUUM");
    checkRetention(retainHours, force);
    String sql = vacuumSql(t, retainHours);
    boolean liftCheck = force && retainHours < SAFE_RETAIN_HOURS;
    Map<String, String> settings = new LinkedHashMap<>();
    if (liftCheck) {
      LOG.warn("{}: forced below {} hours, {} = false for this statement", sql,
          SAFE_RETAIN_HOURS, RETENTION_CHECK);
      settings.put(RETENTION_CHECK, "false");
    }
    if (!spark.conf().contains(LISTING_PARALLELISM)) {
      // VACUUM spreads its file listing over this many tasks, by default Spark's 10000: a minute
      // of empty tasks per table on a laptop. Our tables are unpartitioned, one directory each.
      settings.put(LISTING_PARALLELISM,
          String.valueOf(Math.max(1, spark.sparkContext().defaultParallelism())));
    }
    return inJobGroup("vacuum", t, sql, () -> withSessionConf(settings, () -> {
      spark.sql(sql).collectAsList();
      return new Vacuum(retainHours, liftCheck, deletedFilesLogged(t));
    }));
  }

  /** Runs {@code body} with these session settings, then puts the previous values back. */
  private <T> T withSessionConf(Map<String, String> settings, Supplier<T> body) {
    Map<String, String> previous = new LinkedHashMap<>(); // null: was not set
    for (Map.Entry<String, String> e : settings.entrySet()) {
      previous.put(e.getKey(),
          spark.conf().contains(e.getKey()) ? spark.conf().get(e.getKey()) : null);
      spark.conf().set(e.getKey(), e.getValue());
    }
    try {
      return body.get();
    } finally {
      previous.forEach((key, value) -> {
        if (value == null) {
          spark.conf().unset(key);
        } else {
          spark.conf().set(key, value);
        }
      });
    }
  }

  /** Delta logs VACUUM START/END commits (on by default for local and HDFS-like stores). */
  private Long deletedFilesLogged(Found t) {
    Row last = spark.sql("DESCRIBE HISTORY " + t.qualifiedName() + " LIMIT 1")
        .select("operation", "operationMetrics").first();
    if (!"VACUUM END".equals(last.getString(0)) || last.isNullAt(1)) {
      return null;
    }
    Map<String, String> metrics = last.getJavaMap(1);
    String deleted = metrics.get("numDeletedFiles");
    return deleted == null ? null : Long.parseLong(deleted);
  }

  /**
   * The statistics statement for a table, or null for Delta: Spark 3.5 refuses {@code ANALYZE
   * TABLE} on Delta tables (they are DataSource V2 tables), and Delta keeps its own per-file
   * statistics (row count, min/max, null count) in its log, written with every file, OPTIMIZE's
   * included. For other tables: {@code FOR ALL COLUMNS}, or {@code FOR COLUMNS} the ones Spark
   * can summarise when some (arrays such as {@code topics}) cannot, since a single such column
   * fails {@code FOR ALL COLUMNS} outright.
   */
  public String analyzeSql(Found t) {
    if (t.isDelta()) {
      return null;
    }
    List<String> columns = new ArrayList<>();
    for (StructField f : spark.table(t.qualifiedName()).schema().fields()) {
      if (columnStatsSupported(f.dataType())) {
        columns.add("`" + f.name() + "`");
      }
    }
    String sql = "ANALYZE TABLE " + t.qualifiedName() + " COMPUTE STATISTICS";
    if (columns.isEmpty()) {
      return sql;
    }
    if (columns.size() == spark.table(t.qualifiedName()).schema().fields().length) {
      return sql + " FOR ALL COLUMNS";
    }
    return sql + " FOR COLUMNS " + String.join(", ", columns);
  }

  /** Computes (or, for Delta, reports) the table's statistics. */
  public Statistics analyze(Found t) {
    String sql = analyzeSql(t);
    List<String> skipped = new ArrayList<>();
    for (StructField f : spark.table(t.qualifiedName()).schema().fields()) {
      if (!columnStatsSupported(f.dataType())) {
        skipped.add(f.name());
      }
    }
    if (sql == null) {
      // count(*) on a Delta table is answered from the per-file row counts, without a scan.
      long rows = inJobGroup("stats", t, "row count of " + t.qualifiedName(),
          () -> spark.table(t.qualifiedName()).count());
      return new Statistics(null, List.of(), rows,
          "Delta file statistics");
    }
    return inJobGroup("analyze", t, sql, () -> {
      spark.sql(sql).collectAsList();
      Option<CatalogStatistics> stats = metadata(new TableIdentifier(t.table().name(),
          Option.apply(database))).stats();
      Long rows = stats.isDefined() && stats.get().rowCount().isDefined()
          ? stats.get().rowCount().get().longValue() : null;
      return new Statistics(sql, skipped, rows, skipped.isEmpty() ? "catalog statistics"
          : "catalog statistics, no column statistics for " + String.join(", ", skipped));
    });
  }

  /** Compaction, vacuum (Delta only) and statistics for one table. */
  public Report maintain(Found t, long retainHours, boolean force) {
    long start = System.nanoTime();
    Compaction compaction = t.isDelta() ? optimize(t) : null;
    Vacuum vacuum = t.isDelta() ? vacuum(t, retainHours, force) : null;
    Statistics statistics = analyze(t);
    return new Report(t, compaction, vacuum, statistics, (System.nanoTime() - start) / 1_000_000);
  }

  /** What {@link #maintain} would run on the table, for a dry run. */
  public List<String> plan(Found t, long retainHours) {
    List<String> steps = new ArrayList<>();
    if (t.isDelta()) {
      steps.add("OPTIMIZE " + t.qualifiedName());
      steps.add(vacuumSql(t, retainHours));
      steps.add("statistics: kept by Delta per file (ANALYZE TABLE does not apply to Delta)");
    } else {
      steps.add("compaction skipped: " + t.provider() + " tables have no transactional rewrite");
      steps.add(analyzeSql(t));
    }
    return steps;
  }

  /** Spark's column statistics cover these types (CommandUtils.supportsType); not arrays. */
  static boolean columnStatsSupported(DataType type) {
    return type instanceof ByteType || type instanceof ShortType || type instanceof IntegerType
        || type instanceof LongType || type instanceof DecimalType || type instanceof DoubleType
        || type instanceof FloatType || type instanceof BooleanType || type instanceof DateType
        || type instanceof TimestampType || type instanceof TimestampNTZType
        || type instanceof BinaryType || type instanceof StringType;
  }

  private <T> T inJobGroup(String step, Found t, String description, Supplier<T> body) {
    spark.sparkContext().setJobGroup("maintain-" + step + "-" + t.table().name(), description,
        false);
    try {
      return body.get();
    } finally {
      spark.sparkContext().clearJobGroup();
    }
  }

  private static void requireDelta(Found t, String operation) {
    if (!t.isDelta()) {
      throw new IllegalArgumentException(operation + " needs a Delta table; " + t.qualifiedName()
          + " is " + t.provider());
    }
  }

  private CatalogTable metadata(TableIdentifier id) {
    try {
      return spark.sessionState().catalog().getTableMetadata(id);
    } catch (Exception e) { // Scala's checked NoSuchTableException
      throw new IllegalStateException("cannot read metadata of " + id, e);
    }
  }
}
