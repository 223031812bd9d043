package io.citylinks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.citylinks.ingest.Fixtures;
import io.citylinks.spark.TestSpark;
import io.citylinks.cli.InProcessCli.Run;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jobs/run} and {@code jobs/nightly} return the same exit codes, run in this JVM on the
 * shared session and a real Delta warehouse: 4 when some records were rejected, 0 when none was;
 * and a bundle's '..', absolute and hidden member names end as the README says.
 */
@Tag("slow")
class RunExitCodesTest {
  private static final String DATABASE = "exitcodes";

  @TempDir Path dir;

  private static Run cli(String... args) {
    return InProcessCli.run(args);
  }


  /** A job on the shared warehouse, with the test session's own settings kept as they are. */
  private static Run job(String job, Path input) {
    return cli(job, "--input", input.toString(), "--warehouse", TestSpark.warehouse().toString(),
        "--set", "database=" + DATABASE,
        "--set", "spark.conf.\"spark.sql.shuffle.partitions\"=2",
        "--set", "spark.conf.\"spark.databricks.delta.snapshotPartitions\"=2");
  }

  private static byte[] article(String subject) {
    return Fixtures.utf8(Fixtures.article("The city council of " + subject + " met on Monday.", 3));
  }

  @Test
  void runAndNightlyExitFourWhenRecordsAreRejectedAndZeroWhenNoneIs() throws Exception {
    SparkSession spark = TestSpark.session();
    Path news = dir.resolve("news");
    Fixtures.write(news.resolve("a.txt"), article("Alpha"));
    Map<String, byte[]> members = new LinkedHashMap<>();
    members.put("../x.html", Fixtures.utf8("<html><body><article><p>"
        + new String(article("Xanten"), StandardCharsets.UTF_8) + "</p></article></body></html>"));
    members.put("/abs/y.txt", article("Ypres"));
    members.put(".hidden.txt", article("Hidden"));
    members.put("dir/_z.txt", article("Zug"));
    members.put("site/empty.txt", new byte[0]);
    Fixtures.writeZip(news.resolve("bundle.zip"), members);
    Run partial = job("run", news);
    assertEquals(ExitCode.PARTIAL.code(), partial.exit(), partial.out() + partial.err());
    assertTrue(partial.out().contains("rejected   1 by reason {empty_file=1}"), partial.out());
    assertEquals(List.of("-", "abs/y.txt", "x.html"), spark.sql("SELECT coalesce(source_entry, "
            + "'-') FROM " + DATABASE + ".articles ORDER BY 1").as(Encoders.STRING())
        .collectAsList());
    assertEquals(List.of("site/empty.txt empty_file"), spark.sql("SELECT concat(source_entry, "
            + "' ', reason) FROM " + DATABASE + ".rejected_records").as(Encoders.STRING())
        .collectAsList());

    // The nights after it: a new clean file, then a new file with a broken line.
    Fixtures.write(news.resolve("night1.txt"), article("Gamma"));
    Run good = job("nightly", news);
    assertEquals(ExitCode.OK.code(), good.exit(), good.out() + good.err());
    Fixtures.writeText(news.resolve("night2.jsonl"), "{\"url\": \"https://example.org/b\", "
        + "\"text\": \"The council of Beta met.\"}\n{\"url\": \"https://example.org/c\", \"te\n");
    Run rejecting = job("nightly", news);
    assertEquals(ExitCode.PARTIAL.code(), rejecting.exit(), rejecting.out() + rejecting.err());
    assertEquals(List.of("full partial", "incremental succeeded", "incremental partial"),
        spark.sql("SELECT concat(mode, ' ', status) FROM " + DATABASE + ".runs ORDER BY "
            + "started_at").as(Encoders.STRING()).collectAsList());
    assertFalse(spark.sparkContext().isStopped(), "the shared session keeps running");
  }

  @Test
  void runAndNightlyListTheSameExitCodesInTheirHelp() {
    Run run = cli("run", "--help");
    Run nightly = cli("nightly", "--help");
    assertEquals(0, run.exit());
    assertEquals(0, nightly.exit());
    String codes = run.out().substring(run.out().indexOf("Exit codes"));
    assertEquals(codes, nightly.out().substring(nightly.out().indexOf("Exit codes")));
    for (ExitCode c : ExitCode.values()) {
      assertTrue(codes.contains("  " + c.code() + "   "), codes);
    }
    assertTrue(codes.contains("4   done, but some records were rejected"), codes);
  }
}
