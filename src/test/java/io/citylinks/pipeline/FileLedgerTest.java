package io.citylinks.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.citylinks.ingest.InputFiles;
import io.citylinks.ingest.InputFiles.InputFile;
import io.citylinks.spark.TableWriter;
import io.citylinks.spark.TestSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files an incremental run reads, on a real directory and a real ledger table. */
class FileLedgerTest {
  @TempDir Path dir;

  private List<String> toRead(SparkSession spark, TableWriter tables, String runId) {
    List<InputFile> listed = InputFiles.list(List.of(dir.toString()),
        spark.sparkContext().hadoopConfiguration());
    FileLedger.Plan plan = FileLedger.plan(spark, tables, listed, runId);
    FileLedger.record(spark, tables, plan.ledgerRows());
    return plan.toRead().stream().map(f -> Path.of(java.net.URI.create(f.path()))
        .getFileName().toString()).toList();
  }

  @Test
  void onlyNewBytesAreRead() throws Exception {
    SparkSession spark = TestSpark.session();
    TableWriter tables = new TableWriter(spark, TestSpark.config("ledger"));
    Files.writeString(dir.resolve("a.txt"), "first article of our own\n");
    Files.writeString(dir.resolve("b.txt"), "second article of our own\n");
    assertEquals(List.of("a.txt", "b.txt"), toRead(spark, tables, "run1"));
    assertEquals(List.of(), toRead(spark, tables, "run2"));

    // Touched (same bytes, new time), renamed and copied: known; rewritten in place: read.
    Files.setLastModifiedTime(dir.resolve("a.txt"), FileTime.fromMillis(1_000_000L));
    Files.move(dir.resolve("b.txt"), dir.resolve("b-renamed.txt"));
    Files.copy(dir.resolve("a.txt"), dir.resolve("a-copy.txt"));
    Files.writeString(dir.resolve("c.txt"), "third article, new tonight\n");
    assertEquals(List.of("c.txt"), toRead(spark, tables, "run3"));
    Files.writeString(dir.resolve("a.txt"), "first article, corrected and longer\n");
    assertEquals(List.of("a.txt"), toRead(spark, tables, "run4"));
    assertEquals(List.of(), toRead(spark, tables, "run5"));
    // The ledger keeps one row per path, with the run that first read those bytes.
    assertEquals(5L, spark.sql("SELECT count(*) FROM ledger.processed_files").first().getLong(0));
    assertEquals("run3", spark.sql("SELECT run_id FROM ledger.processed_files "
        + "WHERE path LIKE '%/c.txt'").first().getString(0));
  }
}
