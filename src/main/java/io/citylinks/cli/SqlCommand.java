package io.citylinks.cli;

import io.citylinks.config.CitylinksConfig;
import io.citylinks.spark.SparkSessions;
import io.citylinks.spark.SqlServer;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import jline.console.ConsoleReader;
import jline.console.history.FileHistory;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code jobs/sql}: query the citylinks tables with Spark SQL, or serve them over JDBC. */
@Command(name = "sql", mixinStandardHelpOptions = true,
    description = {"Query the citylinks tables (database citylinks) with Spark SQL.",
        "With -e or -f, runs the statements, prints each result and exits; without them, opens "
            + "a prompt with history (statements end with ';', 'quit;' leaves).",
        "With --serve, answers JDBC/ODBC clients (HiveServer2 protocol, as Spark's Thrift "
            + "server) at jdbc:hive2://127.0.0.1:PORT/citylinks until stopped."})
public final class SqlCommand implements Callable<Integer> {
  @Option(names = {"-e", "--execute"}, paramLabel = "SQL",
      description = "Statements to run (';' separates several).")
  String statement;

  @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "SQL script to run.")
  Path script;

  @Option(names = "--format", paramLabel = "table|csv|json", defaultValue = "table",
      description = "Result format (default: ${DEFAULT-VALUE}).")
  String output;

  @Option(names = "--serve", description = "Serve the tables over JDBC instead.")
  boolean serve;

  @Option(names = "--port", paramLabel = "N", defaultValue = "10000",
      description = "JDBC port with --serve (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--bind", paramLabel = "HOST", defaultValue = "127.0.0.1",
      description = "Address to listen on with --serve (default: ${DEFAULT-VALUE}; the server has "
          + "no authentication, so think twice before 0.0.0.0).")
  String bind;

  @Mixin ConfigOptions options;

  @Override
  public Integer call() throws Exception {
    ResultFormat resultFormat = ResultFormat.parse(output);
    if (serve && (statement != null || script != null)) {
      throw new IllegalArgumentException("--serve cannot be combined with -e or -f");
    }
    if (statement != null && script != null) {
      throw new IllegalArgumentException("give -e or -f, not both");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("--port must be 1-65535, not " + port);
    }
    String scriptText = script == null ? null : readScript(script);
    CitylinksConfig config = options.load();
    SparkSession spark = SparkSessions.createForReading(config,
        serve ? SqlServer.sessionSettings(bind, port) : Map.of());
    try {
      spark.sql("CREATE DATABASE IF NOT EXISTS `" + config.database() + "`");
      spark.catalog().setCurrentDatabase(config.database());
      if (serve) {
        SqlServer.serve(spark, bind, port, config.database(), config.warehouse());
        return 0;
      }
      if (statement != null || scriptText != null) {
        return runAll(spark, statement != null ? statement : scriptText, resultFormat);
      }
      return System.console() != null ? promptWithHistory(spark, resultFormat)
          : prompt(spark, resultFormat);
    } finally {
      spark.stop();
    }
  }

  private static String readScript(Path file) throws IOException {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("-f: no such file: " + file);
    }
  }

  /** Runs the statements in order and stops at the first that fails (exit 1). */
  private static int runAll(SparkSession spark, String sql, ResultFormat format) {
    List<String> statements = SqlScript.statements(sql);
    for (int i = 0; i < statements.size(); i++) {
      if (i > 0 && format == ResultFormat.TABLE) {
        System.out.println();
      }
      if (!execute(spark, statements.get(i), format, System.out)) {
        return ExitCode.FAILED.code();
      }
    }
    return 0;
  }

  /** A terminal: line editing and a history kept in ~/.citylinks_sql_history. */
  private static int promptWithHistory(SparkSession spark, ResultFormat format)
      throws IOException {
    ConsoleReader reader = new ConsoleReader();
    reader.setExpandEvents(false); // '!' is SQL (!=), not a history reference
    FileHistory history = new FileHistory(
        new File(System.getProperty("user.home"), ".citylinks_sql_history"));
    reader.setHistory(history);
    System.out.println("citylinks SQL on Spark " + spark.version()
        + ". Statements end with ';'. SHOW TABLES; DESCRIBE TABLE articles; quit; leaves.");
    StringBuilder pending = new StringBuilder();
    try {
      for (String line = reader.readLine("citylinks> "); line != null;
          line = reader.readLine(pending.length() == 0 ? "citylinks> " : "        -> ")) {
        if (!handle(spark, pending, line, format)) {
          return 0;
        }
      }
      return 0;
    } finally {
      history.flush();
      reader.shutdown();
    }
  }

  /** Piped input: the same statements, no line editing. */
  private static int prompt(SparkSession spark, ResultFormat format) throws IOException {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    StringBuilder pending = new StringBuilder();
    System.out.print("citylinks> ");
    System.out.flush();
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (!handle(spark, pending, line, format)) {
        return 0;
      }
      System.out.print(pending.length() == 0 ? "citylinks> " : "        -> ");
      System.out.flush();
    }
    System.out.println();
    return 0;
  }

  /** Adds a line to the pending text and runs what it completes; false on quit. */
  private static boolean handle(SparkSession spark, StringBuilder pending, String line,
      ResultFormat format) {
    pending.append(line).append('\n');
    SqlScript.Split split = SqlScript.split(pending.toString());
    pending.setLength(0);
    if (!split.finished()) {
      pending.append(split.remainder());
    }
    for (String sql : split.statements()) {
      String word = sql.toLowerCase(Locale.ROOT);
      if (word.equals("quit") || word.equals("exit")) {
        return false;
      }
      execute(spark, sql, format, System.out);
    }
    return true;
  }

  /** Runs one statement and prints its result; false (with a message) when it fails. */
  static boolean execute(SparkSession spark, String sql, ResultFormat format, PrintStream out) {
    try {
      Dataset<Row> result = spark.sql(sql);
      ResultPrinter.print(result, format, out);
      return true;
    } catch (Exception e) { // Scala throws AnalysisException (checked in Java) undeclared
      String message = e.getMessage() == null ? e.toString() : e.getMessage();
      System.err.println("error: " + message.lines().findFirst().orElse(e.toString()));
      return false;
    }
  }

  /** How query results are printed. */
  public enum ResultFormat {
    TABLE, CSV, JSON;

    static ResultFormat parse(String value) {
      try {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "unknown output format '" + value + "' (expected table, csv or json)");
      }
    }
  }
}
