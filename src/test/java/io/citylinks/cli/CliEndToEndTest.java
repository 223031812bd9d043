package io.citylinks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.citylinks.ingest.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

  record Result(int exit, String out, String err) {}

  private static Result job(String... args) throws IOException, InterruptedException {
    String classpath = "target/classes" + java.io.File.pathSeparator
        + Files.readString(Paths.get("target", "classpath.txt")).trim();
    List<String> cmd = new ArrayList<>(List.of(
        Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g"));
    cmd.addAll(List.of(System.getProperty("citylinks.java17.opens", "").split(" ")));
    cmd.removeIf(String::isBlank);
    cmd.addAll(List.of("-Dlog4j.configurationFile=conf/log4j2.properties", "-cp", classpath,
        "io.citylinks.cli.Main"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(
        new java.io.File("/dev/null"))).start();
    var out = p.getInputStream().readAllBytes();
    var err = p.getErrorStream().readAllBytes();
    assertTrue(p.waitFor(5, TimeUnit.MINUTES));
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8),
        new String(err, StandardCharsets.UTF_8));
  }

  @Test
  void runThenQueryFromANewProcess() throws Exception {
    Path input = dir.resolve("in");
    Fixtures.writeText(input.resolve("a.txt"), " date 2025-10-16 First article of our own.\n");
    Fixtures.writeText(input.resolve("b.txt"), "Second article, with no date at all.\n");
    Fixtures.write(input.resolve("c.txt"), new byte[0]);
    Path warehouse = dir.resolve("wh");

    Result run = job("run", "--input", input.toString(), "--warehouse", warehouse.toString());
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains("2 (0 duplicates: exact and near copies)"), run.out());
    assertTrue(run.out().contains("rejected   1"), run.out());

    String sql = "SELECT cast(published_date AS string) AS d, date_source FROM citylinks.articles "
        + "ORDER BY source_file";
    Result csv = job("sql", "--warehouse", warehouse.toString(), "--format", "csv", "-e", sql);
    assertEquals(0, csv.exit(), csv.err());
    assertEquals(List.of("d,date_source", "2025-10-16,date_line", ","), csv.out().lines().toList());
    Result json = job("sql", "--warehouse", warehouse.toString(), "--format", "json", "-e", sql);
    assertEquals(List.of("{\"d\":\"2025-10-16\",\"date_source\":\"date_line\"}",
        "{\"d\":null,\"date_source\":null}"), json.out().lines().toList());
    Result table = job("sql", "--warehouse", warehouse.toString(), "-e", sql);
    assertTrue(table.out().contains("| 2025-10-16 | date_line   |"), table.out());
    assertTrue(table.out().contains("2 rows"), table.out());
  }

  @Test
  void badArgumentsExitTwoWithOneLine() throws Exception {
    Result missing = job("run", "--input", dir.resolve("nope").toString(), "--warehouse",
        dir.resolve("wh").toString());
    assertEquals(2, missing.exit());
    assertTrue(missing.err().startsWith("error: --input: path does not exist"), missing.err());
    Result format = job("run", "--input", dir.toString(), "--format", "xml");
    assertEquals(2, format.exit());
    assertTrue(format.err().contains("unknown table format 'xml'"), format.err());
    Result sqlFormat = job("sql", "--format", "xml", "-e", "SELECT 1");
    assertEquals(2, sqlFormat.exit());
    Result help = job("run", "--help");
    assertEquals(0, help.exit());
    assertTrue(help.out().contains("--input"), help.out());
  }
}
