package io.citylinks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.citylinks.generate.ArchiveGenerator;
import io.citylinks.generate.GeneratorOptions;
import io.citylinks.spark.Tables;
import io.citylinks.spark.Tables.Table;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nightly runs as a scheduler starts them, each a JVM of its own: two nights with new files in
 * between, the same night again, the driver killed (SIGKILL) at three points of a night and the
 * night run again, and two nights started at once. The killed-and-rerun warehouse must hold the
 * same rows as the clean one.
 */
@Tag("slow")
class NightlyEndToEndTest {
  /** Every table but runs (one row per run, so it differs by design), run_id left out. */
  private static final List<Table> COMPARED =
      Tables.ALL.stream().filter(t -> t != Tables.RUNS).toList();

  @TempDir Path dir;

  private static Jobs.Result nightly(Path input, Path warehouse) throws Exception {
    return Jobs.run(nightlyArgs(input, warehouse));
  }

  /** A night on a small input: two shuffle partitions instead of the default eight. */
  private static String[] nightlyArgs(Path input, Path warehouse) {
    return new String[] {"nightly", "--input", input.toString(), "--warehouse",
        warehouse.toString(), "--set", "spark.conf.\"spark.sql.shuffle.partitions\"=2"};
  }

  @Test
  void nightsAddUpRerunsChangeNothingAndKilledNightsRecover() throws Exception {
    Path input = dir.resolve("news");
    ArchiveGenerator.generate(GeneratorOptions.builder(60, input.resolve("night1")).seed(21)
        .partnershipShare(0.6).exactDupShare(0.1).nearDupShare(0.1).build());
    Files.writeString(input.resolve("night1").resolve("broken.jsonl"),
        "{\"url\": \"https://example.org/a\", \"text\": \"cut off\n");
    Path clean = dir.resolve("clean");
    Path crashed = dir.resolve("crashed");

    Jobs.Result first = nightly(input, clean);
    assertEquals(ExitCode.PARTIAL.code(), first.exit(), first.err()); // the broken line is rejected
    assertEquals(ExitCode.PARTIAL.code(), nightly(input, crashed).exit());

    // Night 2: new files arrive beside the old ones.
    ArchiveGenerator.generate(GeneratorOptions.builder(30, input.resolve("night2")).seed(22)
        .partnershipShare(0.6).exactDupShare(0.1).nearDupShare(0.1).build());
    Jobs.Result second = nightly(input, clean);
    assertEquals(0, second.exit(), second.err());
    assertTrue(second.out().contains("read before, skipped"), second.out());
    Jobs.Result again = nightly(input, clean);
    assertEquals(0, again.exit(), again.err());

    // The same night on the other warehouse, killed in three places and run again each time.
    killWhen(input, crashed, "found \\d+ input files; \\d+ to read");
    killWhen(input, crashed, "merging into partnership_mentions");
    killWhen(input, crashed, "merging into partnerships_by_country_pair_topic_year");
    Jobs.Result recovered = nightly(input, crashed);
    assertEquals(0, recovered.exit(), recovered.err());

    List<String> crashedRows = dump(crashed);
    // Counts add up: night 2 read only its own files, and the re-run read nothing.
    List<String> cleanRows = dump(clean, "SELECT mode, status, records_read, records_rejected, "
        + "articles_new FROM runs ORDER BY started_at");
    List<String> runs = cleanRows.subList(crashedRows.size() + 1, cleanRows.size());
    assertEquals(crashedRows, cleanRows.subList(0, crashedRows.size()));
    assertEquals(List.of("incremental,partial,61,1,60", "incremental,succeeded,30,0,30",
        "incremental,succeeded,0,0,0"), runs);
    assertTrue(cleanRows.contains("articles 90"), cleanRows.toString());
  }

  @Test
  void twoNightsAtOnceOneWaitsItsTurn() throws Exception {
    Path input = dir.resolve("news");
    ArchiveGenerator.generate(GeneratorOptions.builder(20, input).seed(23).build());
    Path warehouse = dir.resolve("wh");
    Process first = Jobs.start(nightlyArgs(input, warehouse));
    try {
      awaitLine(first, "found \\d+ input files");
      Jobs.Result second = nightly(input, warehouse);
      assertEquals(ExitCode.BUSY.code(), second.exit(), second.err());
      assertTrue(second.err().contains("is in use by another citylinks process (pid "
          + first.pid()), second.err());
      drainAndWait(first);
      assertEquals(0, first.exitValue());
    } finally {
      first.destroyForcibly();
    }
    Jobs.Result missing = nightly(dir.resolve("nothing-here"), warehouse);
    assertEquals(ExitCode.INPUT.code(), missing.exit(), missing.err());
  }

  /** Starts a night and kills its driver with SIGKILL when its log shows {@code pattern}. */
  private static void killWhen(Path input, Path warehouse, String pattern) throws Exception {
    Process p = Jobs.start(nightlyArgs(input, warehouse));
    try {
      awaitLine(p, pattern);
    } finally {
      p.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs in the job
    }
    assertTrue(p.waitFor(1, TimeUnit.MINUTES));
    assertEquals(137, p.exitValue());
  }

  /** Reads the job's merged output until a line matches; fails if the job ends first. */
  private static void awaitLine(Process p, String pattern) throws Exception {
    java.util.regex.Pattern wanted = java.util.regex.Pattern.compile(pattern);
    BufferedReader out = new BufferedReader(
        new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      seen.append(line).append('\n');
      if (wanted.matcher(line).find()) {
        return;
      }
    }
    throw new AssertionError("the job ended before logging /" + pattern + "/:\n" + seen);
  }

  private static void drainAndWait(Process p) throws Exception {
    Thread out = Jobs.drain(p.getInputStream());
    Thread err = Jobs.drain(p.getErrorStream());
    assertTrue(p.waitFor(5, TimeUnit.MINUTES));
    out.join();
    err.join();
  }

  /**
   * Every compared table's rows (run_id left out) as sorted CSV lines, headed by its count; then
   * the results of {@code more} statements.
   */
  private static List<String> dump(Path warehouse, String... more) throws Exception {
    List<String> statements = new ArrayList<>();
    for (Table t : COMPARED) {
      // Binary columns (MinHash signatures) as hex, so that the CSV shows their bytes.
      List<String> columns = Stream.of(t.schema().fields())
          .filter(f -> !f.name().equals("run_id"))
          .map(f -> f.dataType().typeName().equals("binary") ? "hex(`" + f.name() + "`)"
              : "`" + f.name() + "`")
          .toList();
      String list = String.join(", ", columns);
      statements.add("SELECT '" + t.name() + " ' || count(*) FROM " + t.name());
      statements.add("SELECT " + list + " FROM " + t.name() + " ORDER BY " + list);
    }
    statements.addAll(List.of(more));
    Path script = Files.createTempFile(warehouse.getParent(), "dump", ".sql");
    Files.writeString(script, String.join(";\n", statements));
    Jobs.Result result = Jobs.run("sql", "--warehouse", warehouse.toString(), "--format", "csv",
        "-f", script.toString());
    assertEquals(0, result.exit(), result.err());
    return result.out().lines().toList();
  }
}
