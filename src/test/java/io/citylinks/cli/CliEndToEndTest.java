package io.citylinks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.citylinks.ingest.Fixtures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jobs as a user runs them: separate JVMs for {@code run} and {@code sql}, so the second
 * finds the tables through the metastore the first wrote, and bad arguments exit 2 in one line.
 */
@Tag("slow")
class CliEndToEndTest {
  @TempDir Path dir;

  private static Jobs.Result job(String... args) throws Exception {
    return Jobs.run(args);
  }

  @Test
  void runThenQueryFromANewProcess() throws Exception {
    Path input = dir.resolve("in");
    Fixtures.writeText(input.resolve("a.txt"), " date 2025-10-16 First article of our own.\n");
    Fixtures.writeText(input.resolve("b.txt"), "Second article, with no date at all.\n");
    Fixtures.write(input.resolve("c.txt"), new byte[0]);
    Path warehouse = dir.resolve("wh");

    var run = job("run", "--input", input.toString(), "--warehouse", warehouse.toString());
    assertEquals(ExitCode.PARTIAL.code(), run.exit(), run.err()); // c.txt is rejected
    assertTrue(run.out().contains("2 (0 duplicates: exact and near copies)"), run.out());
    assertTrue(run.out().contains("rejected   1"), run.out());

    String sql = "SELECT cast(published_date AS string) AS d, date_source FROM citylinks.articles "
        + "ORDER BY source_file";
    var csv = job("sql", "--warehouse", warehouse.toString(), "--format", "csv", "-e", sql);
    assertEquals(0, csv.exit(), csv.err());
    assertEquals(List.of("d,date_source", "2025-10-16,date_line", ","), csv.out().lines().toList());
    var json = job("sql", "--warehouse", warehouse.toString(), "--format", "json", "-e", sql);
    assertEquals(List.of("{\"d\":\"2025-10-16\",\"date_source\":\"date_line\"}",
        "{\"d\":null,\"date_source\":null}"), json.out().lines().toList());
    var table = job("sql", "--warehouse", warehouse.toString(), "-e", sql);
    assertTrue(table.out().contains("| 2025-10-16 | date_line   |"), table.out());
    assertTrue(table.out().contains("2 rows"), table.out());
  }

  @Test
  void badArgumentsExitTwoWithOneLine() throws Exception {
    var missing = job("run", "--input", dir.resolve("nope").toString(), "--warehouse",
        dir.resolve("wh").toString());
    assertEquals(ExitCode.INPUT.code(), missing.exit());
    assertTrue(missing.err().startsWith("error: --input: path does not exist"), missing.err());
    var format = job("run", "--input", dir.toString(), "--format", "xml");
    assertEquals(2, format.exit());
    assertTrue(format.err().contains("unknown table format 'xml'"), format.err());
    var sqlFormat = job("sql", "--format", "xml", "-e", "SELECT 1");
    assertEquals(2, sqlFormat.exit());
    var help = job("run", "--help");
    assertEquals(0, help.exit());
    assertTrue(help.out().contains("--input"), help.out());
    assertTrue(help.out().contains("Exit codes"), help.out());
  }
}
