package io.citylinks.maintain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.citylinks.cli.InProcessCli;
import io.citylinks.cli.InProcessCli.Run;
import io.citylinks.maintain.TableMaintenance.Found;
import io.citylinks.maintain.TableMaintenance.Report;
import io.citylinks.spark.TableWriter;
import io.citylinks.spark.Tables;
import io.citylinks.spark.TestSpark;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * OPTIMIZE, VACUUM and statistics on real tables of the shared test session: a Delta {@code runs}
 * table built by several appends (one small file each) and a Parquet one with array columns.
 */
class TableMaintenanceTest {
  private static final int APPENDS = 4;
  private static SparkSession spark;

  @BeforeAll
  static void tables() {
    spark = TestSpark.session();
    TableWriter delta = new TableWriter(spark, TestSpark.config("maintaindb"));
    for (int i = 0; i < APPENDS; i++) {
      delta.append(Tables.RUNS, runs(i));
    }
    TableWriter parquet = new TableWriter(spark, TestSpark.config("maintainpq", "format=parquet"));
    parquet.overwrite(Tables.RUNS, runs(0));
    parquet.append(Tables.RUNS, runs(1));
    // topics and languages are arrays: no column statistics for them.
    parquet.overwrite(Tables.PARTNERSHIP_EVENTS, spark.sql("SELECT 'e1' event_id, 'Kyiv' city_a, "
        + "'UA' country_a, 'Lyon' city_b, 'FR' country_b, '1' geoname_id_a, '2' geoname_id_b, "
        + "'twinning' type, array('culture') topics, 2024 year, date'2024-01-02' first_seen, "
        + "date'2024-02-03' last_seen, 2L num_articles, 2L num_sources, 3L num_mentions, "
        + "array('fr', 'uk') languages, 'r1' run_id"));
  }

  private static Dataset<Row> runs(int i) {
    Timestamp t = Timestamp.valueOf("2025-01-0" + (i + 1) + " 02:15:00");
    Row row = RowFactory.create("run-" + i, i == 0 ? "full" : "incremental", t, t, "succeeded",
        "/in/" + i, 3L + i, 100L * i, 5L, 0L, 5L, 1L, 2L, null);
    return spark.createDataFrame(List.of(row), Tables.RUNS.schema());
  }

  private static List<String> rows(String sql) {
    List<String> rows = new ArrayList<>();
    for (Row r : spark.sql(sql).collectAsList()) {
      rows.add(r.toString());
    }
    rows.sort(null);
    return rows;
  }

  private static Found found(String database, Tables.Table table) {
    List<Found> found = new TableMaintenance(spark, database).find(List.of(table));
    assertEquals(1, found.size(), database + "." + table.name());
    return found.get(0);
  }

  @Test
  void deltaTableIsCompactedVacuumedAndKeepsItsRowsAndHistory() {
    String runs = Tables.qualified("maintaindb", Tables.RUNS);
    List<String> before = rows("SELECT * FROM " + runs);
    long lastAppend = spark.sql("DESCRIBE HISTORY " + runs + " LIMIT 1").first().getLong(0);
    TableMaintenance maintenance = new TableMaintenance(spark, "maintaindb");
    Found table = found("maintaindb", Tables.RUNS);
    assertTrue(table.isDelta());
    assertTrue(maintenance.files(table).numFiles() >= APPENDS, "one file per append at least");

    Report report = maintenance.maintain(table, TableMaintenance.SAFE_RETAIN_HOURS, false);

    assertTrue(report.compaction().filesBefore() >= APPENDS, report.toString());
    assertEquals(1, report.compaction().filesAfter(), report.toString());
    assertEquals(1, maintenance.files(table).numFiles());
    assertEquals(before, rows("SELECT * FROM " + runs), "same rows after OPTIMIZE and VACUUM");
    List<String> operations = spark.sql("DESCRIBE HISTORY " + runs).select("operation")
        .as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
    assertTrue(operations.contains("OPTIMIZE"), operations.toString());
    assertTrue(operations.contains("VACUUM END"), operations.toString());
    // Files OPTIMIZE replaced are younger than the 7 days VACUUM keeps: time travel still works.
    assertEquals(0L, report.vacuum().filesDeleted(), report.toString());
    assertFalse(report.vacuum().retentionCheckLifted());
    assertEquals(before, rows("SELECT * FROM " + runs + " VERSION AS OF " + lastAppend));
    // Delta keeps the statistics per file; the compacted file has them.
    assertNull(report.statistics().statement());
    assertEquals((long) APPENDS, report.statistics().rows());
    List<Row> stats = spark.read().json(spark.sql("DESCRIBE DETAIL " + runs).first()
        .<String>getAs("location") + "/_delta_log/*.json")
        .where("add IS NOT NULL AND add.dataChange = false") // OPTIMIZE's rewritten file
        .select("add.stats").collectAsList();
    assertEquals(1, stats.size());
    assertTrue(stats.get(0).getString(0).contains("\"numRecords\":" + APPENDS), stats.toString());

    // --retain-hours 0 --force: the replaced files go, and with them the older versions.
    var forced = maintenance.vacuum(table, 0, true);
    assertTrue(forced.retentionCheckLifted());
    assertTrue(forced.filesDeleted() >= APPENDS, forced.toString());
    assertEquals(before, rows("SELECT * FROM " + runs));
    assertThrows(Exception.class,
        () -> spark.sql("SELECT * FROM " + runs + " VERSION AS OF " + lastAppend).collect());
    assertFalse(spark.conf().contains(TableMaintenance.RETENTION_CHECK), "restored after VACUUM");
    assertFalse(spark.conf().contains(TableMaintenance.LISTING_PARALLELISM));
  }

  @Test
  void retentionBelowSevenDaysIsRefusedWithoutForce() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TableMaintenance.checkRetention(0, false));
    assertTrue(e.getMessage().startsWith("--retain-hours 0 is below the safe minimum of 168 "
        + "hours (7 days)"), e.getMessage());
    assertTrue(e.getMessage().contains("--force"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new TableMaintenance(spark, "maintaindb")
            .vacuum(found("maintaindb", Tables.RUNS), 167, false));
    TableMaintenance.checkRetention(0, true);
    TableMaintenance.checkRetention(168, false);
    assertThrows(IllegalArgumentException.class, () -> TableMaintenance.checkRetention(-1, true));
  }

  @Test
  void parquetTablesGetCatalogStatisticsAndNoCompaction() {
    TableMaintenance maintenance = new TableMaintenance(spark, "maintainpq");
    Found runs = found("maintainpq", Tables.RUNS);
    assertEquals("parquet", runs.provider());
    assertTrue(maintenance.analyzeSql(runs).endsWith(" COMPUTE STATISTICS FOR ALL COLUMNS"));

    Report report = maintenance.maintain(runs, TableMaintenance.SAFE_RETAIN_HOURS, false);
    assertNull(report.compaction());
    assertNull(report.vacuum());
    assertEquals(2L, report.statistics().rows());
    String extended = rows("DESCRIBE TABLE EXTENDED " + runs.qualifiedName()).toString();
    assertTrue(extended.contains("[Statistics,") && extended.contains("2 rows"), extended);
    Row column = spark.sql("DESCRIBE TABLE EXTENDED " + runs.qualifiedName() + " input_files")
        .where("info_name = 'distinct_count'").first();
    assertEquals("2", column.getString(1));

    Found events = found("maintainpq", Tables.PARTNERSHIP_EVENTS);
    String sql = maintenance.analyzeSql(events);
    assertTrue(sql.contains(" FOR COLUMNS `event_id`, "), sql);
    assertFalse(sql.contains("topics") || sql.contains("languages"), sql);
    Report eventsReport = maintenance.maintain(events, TableMaintenance.SAFE_RETAIN_HOURS, false);
    assertEquals(List.of("topics", "languages"), eventsReport.statistics().skippedColumns());
    assertEquals(1L, eventsReport.statistics().rows());
  }

  @Test
  void sparkStillRefusesAnalyzeOnDeltaTables() {
    // Why the statistics step leaves Delta tables to Delta: if this starts passing after an
    // upgrade, ANALYZE TABLE may be added for them.
    Exception e = assertThrows(Exception.class, () -> spark.sql("ANALYZE TABLE "
        + Tables.qualified("maintaindb", Tables.RUNS) + " COMPUTE STATISTICS"));
    assertTrue(e.getMessage().contains("NOT_SUPPORTED_COMMAND_FOR_V2_TABLE"), e.getMessage());
  }

  @Test
  void unknownTableAndMissingDatabaseFailClearly() {
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> TableMaintenance.tablesNamed(List.of("articels")));
    assertTrue(unknown.getMessage().startsWith("--table: unknown table 'articels' (expected one "
        + "of articles, "), unknown.getMessage());
    IllegalStateException missing = assertThrows(IllegalStateException.class,
        () -> new TableMaintenance(spark, "no_such_db").find(Tables.ALL));
    assertTrue(missing.getMessage().startsWith("database 'no_such_db' not found"),
        missing.getMessage());
  }

  private static Run cli(String... args) {
    return InProcessCli.run(args);
  }


  @Test
  void commandRunsInProcessOnTheSharedSessionAndLeavesItRunning() {
    String warehouse = TestSpark.warehouse().toString();
    // The test session's shuffle setting, so the command's getOrCreate does not change it.
    String[] common = {"--warehouse", warehouse, "--set", "database=maintainpq",
        "--set", "spark.conf.\"spark.sql.shuffle.partitions\"=2",
        "--set", "spark.conf.\"spark.databricks.delta.snapshotPartitions\"=2"};
    Run dry = cli(concat(new String[] {"maintain", "--dry-run", "--table", "runs"}, common));
    assertEquals(0, dry.exit(), dry.err());
    assertTrue(dry.out().startsWith("Would maintain 1 of 1 tables in database maintainpq"),
        dry.out());
    assertTrue(dry.out().contains("compaction skipped: parquet"), dry.out());
    assertTrue(dry.out().contains("ANALYZE TABLE `maintainpq`.`runs` COMPUTE STATISTICS FOR ALL "
        + "COLUMNS"), dry.out());

    Run run = cli(concat(new String[] {"maintain", "--table", "runs", "--table", "articles"},
        common));
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains("articles                                 absent, skipped"),
        run.out());
    assertTrue(run.out().matches("(?s).*\\n  runs +parquet +compaction skipped \\(parquet\\), "
        + "2 rows \\(catalog statistics\\) .*\\nDone in [0-9.]+ s\\n"), run.out());
    assertFalse(spark.sparkContext().isStopped(), "the caller's session is not stopped");
    assertEquals("2", spark.conf().get("spark.sql.shuffle.partitions"));
  }

  @Test
  void commandRefusesBadOptionsWithExitTwoAndMissingWarehouseWithExitOne() {
    Run low = cli("maintain", "--retain-hours", "0", "--warehouse", "/nonexistent");
    assertEquals(2, low.exit());
    assertTrue(low.err().startsWith("error: --retain-hours 0 is below the safe minimum"),
        low.err());
    Run table = cli("maintain", "--table", "nope", "--warehouse", "/nonexistent");
    assertEquals(2, table.exit());
    Run missing = cli("maintain", "--warehouse", "/nonexistent/wh");
    assertEquals(1, missing.exit());
    assertEquals("error: no citylinks warehouse at /nonexistent/wh: run jobs/run or jobs/nightly "
        + "first, or pass the right --warehouse\n", missing.err());
    Run help = cli("maintain", "--help");
    assertEquals(0, help.exit());
    assertTrue(help.out().contains("--retain-hours=N"), help.out());
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
