package io.citylinks.cli;

import io.citylinks.config.CitylinksConfig;
import io.citylinks.maintain.TableMaintenance;
import io.citylinks.maintain.TableMaintenance.Found;
import io.citylinks.maintain.TableMaintenance.Report;
import io.citylinks.spark.SparkSessions;
import io.citylinks.spark.Tables.Table;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code jobs/maintain}: weekly housekeeping of the citylinks tables (compact, vacuum, stats). */
@Command(name = "maintain", mixinStandardHelpOptions = true,
    description = {"Housekeeping of the citylinks tables, e.g. weekly: for each Delta table, "
        + "OPTIMIZE (compacts small files), VACUUM (deletes files unreferenced for longer than "
        + "--retain-hours); for each Parquet table, ANALYZE TABLE (optimizer statistics; no "
        + "compaction). Prints one line per table.",
        "With the embedded metastore (the default) it needs the warehouse to itself; with the "
            + "shared one (jobs/metastore start) it takes turns with run and nightly, while "
            + "sql and report go on."})
public final class MaintainCommand implements Callable<Integer> {
  @Option(names = "--retain-hours", paramLabel = "N", defaultValue = "168",
      description = "VACUUM keeps files unreferenced for less than N hours, so readers and time "
          + "travel within that window still work (default: ${DEFAULT-VALUE}, 7 days; less "
          + "needs --force).")
  long retainHours;

  @Option(names = "--force",
      description = "Allow --retain-hours below 168 (lifts Delta's retention check for the "
          + "VACUUM).")
  boolean force;

  @Option(names = "--dry-run", description = "Print what would be done; change nothing.")
  boolean dryRun;

  @Option(names = "--table", paramLabel = "NAME",
      description = "Maintain only this table (repeatable; default: every citylinks table).")
  List<String> tableNames = new ArrayList<>();

  @Mixin ConfigOptions options;

  @Override
  public Integer call() {
    TableMaintenance.checkRetention(retainHours, force);
    List<Table> wanted = TableMaintenance.tablesNamed(tableNames);
    CitylinksConfig config = options.load();
    if (!Files.isDirectory(Paths.get(config.metastoreDir()))) {
      // Checked before Spark starts, which would create an empty warehouse and metastore here.
      throw new IllegalStateException("no citylinks warehouse at " + config.warehouse()
          + (Files.isDirectory(Paths.get(config.warehouse())) ? " (no _metastore in it)" : "")
          + ": run jobs/run or jobs/nightly first, or pass the right --warehouse");
    }
    long start = System.nanoTime();
    // A session that already exists belongs to the caller (a test, an embedding job): keep it.
    boolean ownSession = SparkSession.getDefaultSession().isEmpty();
    SparkSession spark = SparkSessions.create(config);
    try {
      TableMaintenance maintenance = new TableMaintenance(spark, config.database());
      List<Found> found = maintenance.find(wanted);
      System.out.printf(Locale.ROOT, "%s %d of %d tables in database %s, warehouse %s%s%n",
          dryRun ? "Would maintain" : "Maintaining", found.size(), wanted.size(),
          config.database(), config.warehouse(),
          dryRun ? "" : " (VACUUM keeps " + retainHours + " hours)");
      for (Table table : wanted) {
        if (found.stream().noneMatch(f -> f.table().equals(table))) {
          System.out.printf(Locale.ROOT, "  %-40s absent, skipped%n", table.name());
        }
      }
      for (Found table : found) {
        if (dryRun) {
          var files = maintenance.files(table);
          System.out.printf(Locale.ROOT, "  %-40s %-8s %d files%s%n", table.table().name(),
              table.provider(), files.numFiles(),
              files.sizeInBytes() == null ? "" : ", " + size(files.sizeInBytes()));
          for (String step : maintenance.plan(table, retainHours)) {
            System.out.println("      " + step);
          }
        } else {
          System.out.println("  " + summary(maintenance.maintain(table, retainHours, force)));
        }
      }
      System.out.printf(Locale.ROOT, "%s in %.1f s%n", dryRun ? "Dry run done" : "Done",
          (System.nanoTime() - start) / 1e9);
      return 0;
    } finally {
      if (ownSession) {
        spark.stop();
      }
    }
  }

  /** One line per table: {@code name format files before -> after, vacuum, statistics, time}. */
  static String summary(Report r) {
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-40s %-8s ",
        r.table().table().name(), r.table().provider()));
    if (r.compaction() != null) {
      line.append(String.format(Locale.ROOT, "files %d -> %d", r.compaction().filesBefore(),
          r.compaction().filesAfter()));
    } else {
      line.append("compaction skipped (").append(r.table().provider()).append(")");
    }
    if (r.vacuum() != null) {
      line.append(", vacuum ").append(r.vacuum().filesDeleted() == null ? "done"
          : "deleted " + r.vacuum().filesDeleted() + " files");
    }
    var stats = r.statistics();
    line.append(", ").append(stats.rows() == null ? "?" : stats.rows()).append(" rows (")
        .append(stats.note()).append(")");
    line.append(String.format(Locale.ROOT, "  %.1f s", r.millis() / 1000.0));
    return line.toString();
  }

  private static String size(long bytes) {
    return bytes < 1_000_000 ? String.format(Locale.ROOT, "%.1f kB", bytes / 1e3)
        : String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
  }
}
