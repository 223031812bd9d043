package io.citylinks.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scheduler examples in {@code examples/scheduling/} cannot drift from the real command line:
 * every citylinks command in the cron file and every {@code application_args} list in the Airflow
 * DAG must parse with {@link Main#commandLine()}, and the DAG's Java flags must be jobs/lib.sh's.
 */
class SchedulingExamplesTest {
  private static final Path DIR = Paths.get("examples", "scheduling");
  private static final Path CRON = DIR.resolve("citylinks.cron");
  private static final Path DAG = DIR.resolve("citylinks_dag.py");

  /** A citylinks command of an example: where it came from, the job and its arguments. */
  record Example(String where, List<String> args) {}

  /** {@code 15 2 * * * cd ... && flock ... jobs/nightly --input X >> log 2>&1; echo ...}. */
  static List<Example> cronCommands(List<String> lines) {
    Pattern entry = Pattern.compile("^(\\S+\\s+){5}(.*)$");
    List<Example> commands = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#") || line.matches("^[A-Z_]+=.*")) {
        continue; // comments and environment settings
      }
      Matcher m = entry.matcher(line);
      assertTrue(m.matches(), "not a cron entry: " + line);
      List<String> tokens = Arrays.asList(m.group(2).split("\\s+"));
      for (int t = 0; t < tokens.size(); t++) {
        Matcher job = Pattern.compile("^(?:.*/)?jobs/([a-z-]+)$").matcher(tokens.get(t));
        if (!job.matches()) {
          continue;
        }
        List<String> args = new ArrayList<>(List.of(job.group(1)));
        for (String token : tokens.subList(t + 1, tokens.size())) {
          if (token.matches("^(\\d?>.*|.*;|\\||&&|\\|\\|)$")) {
            break; // a redirection or the end of the command
          }
          args.add(token);
        }
        commands.add(new Example(CRON + ":" + (i + 1), args));
      }
    }
    return commands;
  }

  /** Module-level {@code NAME = "value"} (f-strings with {NAME} resolved) of the DAG. */
  static Map<String, String> pythonConstants(String source) {
    Map<String, String> constants = new LinkedHashMap<>();
    Matcher m = Pattern.compile("(?m)^([A-Z_]+) = f?\"([^\"]*)\"$").matcher(source);
    while (m.find()) {
      String value = m.group(2);
      for (Map.Entry<String, String> c : constants.entrySet()) {
        value = value.replace("{" + c.getKey() + "}", c.getValue());
      }
      constants.put(m.group(1), value);
    }
    return constants;
  }

  /** Each {@code application_args=[...]}, its items string literals or constants. */
  static List<Example> dagCommands(String source) {
    Map<String, String> constants = pythonConstants(source);
    List<Example> commands = new ArrayList<>();
    Matcher m = Pattern.compile("application_args=\\[([^\\]]*)\\]").matcher(source);
    while (m.find()) {
      List<String> args = new ArrayList<>();
      for (String item : m.group(1).split(",")) {
        String it = item.strip();
        if (it.isEmpty()) {
          continue;
        }
        if (it.matches("\"[^\"]*\"|'[^']*'")) {
          args.add(it.substring(1, it.length() - 1));
        } else {
          assertTrue(constants.containsKey(it), "unknown name " + it + " in " + m.group());
          args.add(constants.get(it));
        }
      }
      commands.add(new Example(DAG + ": " + m.group(), args));
    }
    return commands;
  }

  private static Executable parses(Example example) {
    return () -> {
      try {
        Main.commandLine().parseArgs(example.args().toArray(new String[0]));
      } catch (picocli.CommandLine.ParameterException e) {
        throw new AssertionError(example.where() + ": " + example.args() + " does not parse: "
            + e.getMessage(), e);
      }
    };
  }

  @Test
  void cronCommandsParse() throws IOException {
    List<Example> commands = cronCommands(Files.readAllLines(CRON, StandardCharsets.UTF_8));
    assertEquals(List.of("nightly", "maintain"),
        commands.stream().map(c -> c.args().get(0)).toList());
    assertEquals(List.of("nightly", "--input", "/data/news", "--warehouse",
        "/data/citylinks/warehouse"), commands.get(0).args());
    assertAll(commands.stream().map(SchedulingExamplesTest::parses));
  }

  @Test
  void cronSchedulesAreNightlyAndWeekly() throws IOException {
    List<String> entries = Files.readAllLines(CRON, StandardCharsets.UTF_8).stream()
        .filter(l -> l.contains("jobs/")).filter(l -> !l.startsWith("#")).toList();
    assertEquals(2, entries.size(), entries.toString());
    assertTrue(entries.get(0).startsWith("15 2 * * * "), entries.get(0));
    assertTrue(entries.get(1).startsWith("0 4 * * 0 "), entries.get(1));
    for (String entry : entries) {
      assertFalse(entry.replace("\\%", "").contains("%"), "cron turns % into a newline: " + entry);
    }
  }

  @Test
  void dagCommandsParseAndUseTheRealEntryPoint() throws IOException {
    String source = Files.readString(DAG, StandardCharsets.UTF_8);
    List<Example> commands = dagCommands(source);
    assertEquals(List.of("nightly", "maintain"),
        commands.stream().map(c -> c.args().get(0)).toList());
    assertTrue(commands.get(0).args().containsAll(List.of("--input", "--warehouse")));
    Matcher javaClass = Pattern.compile("java_class=\"([^\"]+)\"").matcher(source);
    int operators = 0;
    while (javaClass.find()) {
      assertEquals(Main.class.getName(), javaClass.group(1));
      operators++;
    }
    assertEquals(commands.size(), operators);
    assertTrue(pythonConstants(source).get("CITYLINKS_JAR").endsWith("/target/citylinks-cluster.jar"));
    assertAll(commands.stream().map(SchedulingExamplesTest::parses));
  }

  @Test
  void dagJavaFlagsAreTheLaunchersOnes() throws IOException {
    String lib = Files.readString(Paths.get("jobs", "lib.sh"), StandardCharsets.UTF_8);
    Matcher block = Pattern.compile("(?s)CITYLINKS_JAVA_OPENS=\\((.*?)\\n\\)").matcher(lib);
    assertTrue(block.find());
    List<String> launcher = Arrays.stream(block.group(1).strip().split("\\s+")).toList();
    String dag = Files.readString(DAG, StandardCharsets.UTF_8);
    Matcher list = Pattern.compile("(?s)JAVA_OPENS = \" \"\\.join\\(\\[(.*?)\\]\\)").matcher(dag);
    assertTrue(list.find());
    List<String> flags = new ArrayList<>();
    Matcher item = Pattern.compile("\"([^\"]+)\"").matcher(list.group(1));
    while (item.find()) {
      flags.add(item.group(1));
    }
    assertEquals(launcher, flags);
    assertTrue(dag.contains("\"spark.driver.extraJavaOptions\": JAVA_OPENS"));
    assertTrue(dag.contains("\"spark.executor.extraJavaOptions\": JAVA_OPENS"));
  }

  @Test
  void dagCompiles(@TempDir Path cache) throws Exception {
    Process p;
    try {
      ProcessBuilder pb = new ProcessBuilder("python3", "-m", "py_compile", DAG.toString())
          .redirectErrorStream(true);
      pb.environment().put("PYTHONPYCACHEPREFIX", cache.toString()); // no __pycache__ in examples/
      p = pb.start();
    } catch (IOException e) {
      Assumptions.abort("python3 not available: " + e.getMessage());
      return;
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
  }
}
