package io.citylinks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jobs/report}'s arguments and its one-line errors, before any Spark session starts. */
class ReportCommandTest {
  @TempDir Path dir;

  private static int execute(ByteArrayOutputStream err, String... args) {
    PrintStream saved = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      return Main.commandLine().execute(args);
    } finally {
      System.setErr(saved);
    }
  }

  @Test
  void aWarehouseThatIsNotThereExitsOneAndSaysWhatToRun() {
    Path warehouse = dir.resolve("nothing-here");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = execute(err, "report", "--warehouse", warehouse.toString(), "--out",
        dir.resolve("r.html").toString());
    assertEquals(ExitCode.FAILED.code(), exit);
    assertEquals("error: no citylinks tables in " + warehouse + ": run jobs/run --warehouse "
        + warehouse + " first", err.toString(StandardCharsets.UTF_8).strip());
    assertFalse(Files.exists(warehouse), "no metastore is created for nothing");
    assertFalse(Files.exists(dir.resolve("r.html")));
  }

  @Test
  void topMustBePositive() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertEquals(ExitCode.USAGE.code(), execute(err, "report", "--top", "0"));
    assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("error: --top must be at least 1"));
  }
}
