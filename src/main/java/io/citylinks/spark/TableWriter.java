package io.citylinks.spark;

import io.citylinks.config.CitylinksConfig;
import io.citylinks.config.OutputFormat;
import io.citylinks.spark.Tables.Table;
import io.delta.tables.DeltaMergeBuilder;
import io.delta.tables.DeltaTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.TableIdentifier;
import org.apache.spark.sql.catalyst.catalog.CatalogTable;
import scala.Option;

/**
 * Writes citylinks tables into the configured database and format, registered in the metastore
 * with their declared schema and comments. Overwrites are transactional for Delta (readers see
 * the old or the new version, and the old one stays reachable by time travel).
 */
public final class TableWriter {
  private final SparkSession spark;
  private final String database;
  private final OutputFormat format;

  public TableWriter(SparkSession spark, CitylinksConfig config) {
    this.spark = spark;
    this.database = config.database();
    this.format = config.format();
  }

  public void ensureDatabase() {
    spark.sql("CREATE DATABASE IF NOT EXISTS `" + database + "`");
  }

  /** Replaces the table's rows with {@code rows} (shaped to the declared schema). */
  public void overwrite(Table table, Dataset<Row> rows) {
    write(table, rows, SaveMode.Overwrite);
  }

  /** Adds {@code rows} to the table, creating it if needed. */
  public void append(Table table, Dataset<Row> rows) {
    write(table, rows, SaveMode.Append);
  }

  /**
   * Merges {@code rows} into the table by its key (Delta MERGE, one atomic commit): new keys are
   * inserted, rows whose content changed are updated (run_id alone does not count as a change,
   * so merging the same rows again writes nothing), and with {@code deleteMissing} the table's
   * rows whose key is not in {@code rows} are deleted, so the table ends up equal to
   * {@code rows}. Creates the table when it does not exist yet; refuses one whose columns differ
   * from the declared schema.
   */
  public void merge(Table table, Dataset<Row> rows, boolean deleteMissing) {
    if (format != OutputFormat.DELTA) {
      throw new IllegalArgumentException("merging into " + table.name() + " needs Delta tables, "
          + "not " + format.sparkName());
    }
    ensureDatabase();
    Dataset<Row> shaped = rows.to(table.schema());
    if (!exists(table)) {
      write(table, shaped, SaveMode.Overwrite);
      return;
    }
    if (!sameColumns(table)) {
      // Rewriting it with only the merged rows would lose the rest: say what to do instead.
      throw new IllegalStateException("table " + Tables.qualified(database, table)
          + " has other columns than this version of citylinks writes: rebuild the tables "
          + "once with a full run (jobs/run) before running incrementally");
    }
    List<String> on = new ArrayList<>();
    List<String> same = new ArrayList<>();
    for (String column : table.schema().fieldNames()) {
      String test = "t.`" + column + "` <=> s.`" + column + "`";
      if (table.key().contains(column)) {
        on.add(test);
      } else if (!column.equals("run_id")) {
        same.add(test);
      }
    }
    DeltaMergeBuilder merge = DeltaTable.forName(spark, Tables.qualified(database, table))
        .as("t")
        .merge(shaped.as("s"), String.join(" AND ", on));
    if (!same.isEmpty()) {
      merge = merge.whenMatched("NOT (" + String.join(" AND ", same) + ")").updateAll();
    }
    merge = merge.whenNotMatched().insertAll();
    if (deleteMissing) {
      merge = merge.whenNotMatchedBySource().delete();
    }
    merge.execute();
  }

  private void write(Table table, Dataset<Row> rows, SaveMode mode) {
    ensureDatabase();
    dropIfOtherFormat(table);
    String name = Tables.qualified(database, table);
    Dataset<Row> shaped = rows.to(table.schema());
    if (exists(table) && sameColumns(table)) {
      // The common case, every run after the first: rows go into the table as it is. Going
      // through saveAsTable again would make Spark re-declare the schema to the Hive metastore,
      // which Hive refuses for Delta tables (slowly, and with an alarming log).
      shaped.write().format(format.sparkName()).mode(mode).insertInto(name);
      return;
    }
    // First write, or the declared schema changed since the table was made: (re)create it.
    shaped.write()
        .format(format.sparkName())
        .mode(mode)
        .option("overwriteSchema", mode == SaveMode.Overwrite ? "true" : "false")
        .option("mergeSchema", mode == SaveMode.Append ? "true" : "false")
        .saveAsTable(name);
    spark.sql("ALTER TABLE " + name + " SET TBLPROPERTIES ('comment' = '"
        + table.comment().replace("'", "\\'") + "')");
  }

  private boolean exists(Table table) {
    return spark.sessionState().catalog()
        .tableExists(new TableIdentifier(table.name(), Option.apply(database)));
  }

  private boolean sameColumns(Table table) {
    return java.util.Arrays.equals(spark.table(Tables.qualified(database, table)).schema()
        .fieldNames(), table.schema().fieldNames());
  }

  /** A table written before in the other format is replaced, not mixed (switching --format). */
  private void dropIfOtherFormat(Table table) {
    TableIdentifier id = new TableIdentifier(table.name(), Option.apply(database));
    if (!spark.sessionState().catalog().tableExists(id)) {
      return;
    }
    CatalogTable existing;
    try {
      existing = spark.sessionState().catalog().getTableMetadata(id);
    } catch (Exception e) { // Scala's checked NoSuchTableException, after tableExists said yes
      throw new IllegalStateException("cannot read metadata of " + id, e);
    }
    String provider = existing.provider().isDefined()
        ? existing.provider().get().toLowerCase(Locale.ROOT) : "";
    if (!provider.equals(format.sparkName())) {
      spark.sql("DROP TABLE " + Tables.qualified(database, table));
    }
  }

  /** Reads a table, or null when it does not exist yet. */
  public Dataset<Row> readOrNull(Table table) {
    TableIdentifier id = new TableIdentifier(table.name(), Option.apply(database));
    return spark.sessionState().catalog().tableExists(id)
        ? spark.table(Tables.qualified(database, table)) : null;
  }
}
