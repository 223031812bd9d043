package io.citylinks.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.citylinks.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jobs/score --main-text} on the article-extraction benchmark's 120 pages
 * ({@code ../shared/peers/article-extraction-benchmark}, copied to a temporary folder): the
 * figures it prints equal those of the benchmark's own {@code evaluate.py} on the same
 * predictions, and stay above floors a little under the measured ones. Skipped without the
 * benchmark or python3.
 */
class MainTextBenchmarkTest {
  private static final Path BENCHMARK = Paths.get(
      System.getProperty("citylinks.shared", "../shared"), "peers",
      "article-extraction-benchmark");
  /** Measured F1 0.974, precision 0.971, recall 0.977 (this release). */
  private static final double MIN_F1 = 0.970;
  private static final double MIN_PRECISION = 0.965;
  private static final double MIN_RECALL = 0.970;

  private static final Pattern JAVA_LINE = Pattern.compile(
      "F1 (\\d\\.\\d{3})  precision (\\d\\.\\d{3})  recall (\\d\\.\\d{3})  accuracy (\\d\\.\\d{3})");
  private static final Pattern PYTHON_LINE = Pattern.compile("^citylinks\\s+\\S+\\s+"
      + "(\\d\\.\\d{3}) ± \\S+\\s+(\\d\\.\\d{3}) ± \\S+\\s+(\\d\\.\\d{3}) ± \\S+\\s+"
      + "(\\d\\.\\d{3}) ± \\S+", Pattern.MULTILINE);

  @Test
  void figuresMatchEvaluatePyAndStayAboveTheFloors(@TempDir Path tmp) throws Exception {
    assumeTrue(Files.isRegularFile(BENCHMARK.resolve("evaluate.py")),
        BENCHMARK + " is absent");
    assumeTrue(python3Runs(), "python3 is absent");
    Path dir = tmp.resolve("benchmark");
    copyTree(BENCHMARK.resolve("html"), dir.resolve("html"));
    Files.copy(BENCHMARK.resolve("ground-truth.json"), dir.resolve("ground-truth.json"));
    Files.copy(BENCHMARK.resolve("evaluate.py"), dir.resolve("evaluate.py"));

    String printed = runScore(dir);
    Path predictions = dir.resolve("output").resolve("citylinks.json");
    assertTrue(Files.isRegularFile(predictions), printed);
    Matcher java = JAVA_LINE.matcher(printed);
    assertTrue(java.find(), printed);
    assertTrue(printed.contains("pages/s on one thread"), printed);

    // evaluate.py scores every file of output/: ours is the only one there.
    Process python = new ProcessBuilder("python3", "evaluate.py", "--n-bootstrap", "2")
        .directory(dir.toFile()).redirectErrorStream(true).start();
    String evaluated = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(python.waitFor(120, TimeUnit.SECONDS), "evaluate.py did not finish");
    assertEquals(0, python.exitValue(), evaluated);
    Matcher py = PYTHON_LINE.matcher(evaluated);
    assertTrue(py.find(), evaluated);
    for (int g = 1; g <= 4; g++) {
      assertEquals(py.group(g), java.group(g), "figure " + g + ": java " + java.group()
          + " / evaluate.py " + py.group());
    }
    assertTrue(Double.parseDouble(java.group(1)) >= MIN_F1, java.group());
    assertTrue(Double.parseDouble(java.group(2)) >= MIN_PRECISION, java.group());
    assertTrue(Double.parseDouble(java.group(3)) >= MIN_RECALL, java.group());
  }

  @Test
  void withoutGroundTruthOnlyPredictions(@TempDir Path tmp) throws Exception {
    assumeTrue(Files.isDirectory(BENCHMARK.resolve("html")), BENCHMARK + " is absent");
    Path dir = tmp.resolve("pages");
    Files.createDirectories(dir.resolve("html"));
    try (Stream<Path> files = Files.list(BENCHMARK.resolve("html"))) {
      for (Path f : files.sorted().limit(3).toList()) {
        Files.copy(f, dir.resolve("html").resolve(f.getFileName()));
      }
    }
    Path out = tmp.resolve("p.json");
    String printed = runScore(dir, "--out", out.toString());
    assertTrue(printed.contains("not scored"), printed);
    assertTrue(printed.contains("pages/s"), printed);
    String json = Files.readString(out);
    assertTrue(json.contains("\"version\" : \"" + Main.VERSION + "\""), json);
    assertTrue(json.contains("articleBody"), json);
  }

  private static String runScore(Path dir, String... more) {
    String[] args = Stream.concat(Stream.of("score", "--main-text", dir.toString()),
        Stream.of(more)).toArray(String[]::new);
    PrintStream saved = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
      assertEquals(0, Main.commandLine().execute(args));
    } finally {
      System.setOut(saved);
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }

  private static boolean python3Runs() {
    try {
      Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.toList()) {
        Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
  }
}
