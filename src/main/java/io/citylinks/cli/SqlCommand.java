package io.citylinks.cli;

import io.citylinks.config.CitylinksConfig;
import io.citylinks.spark.SparkSessions;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code jobs/sql}: query the citylinks tables with Spark SQL, one statement or a prompt. */
@Command(name = "sql", mixinStandardHelpOptions = true,
    description = {"Query the citylinks tables (database citylinks) with Spark SQL.",
        "With -e, runs the statement, prints the result and exits; without it, opens a prompt "
            + "(statements end with ';', 'quit;' leaves)."})
public final class SqlCommand implements Callable<Integer> {
  @Option(names = {"-e", "--execute"}, paramLabel = "SQL", description = "Statement to run.")
  String statement;

  @Option(names = "--format", paramLabel = "table|csv|json", defaultValue = "table",
      description = "Result format (default: ${DEFAULT-VALUE}).")
  String output;

  @Mixin ConfigOptions options;

  @Override
  public Integer call() throws Exception {
    ResultFormat resultFormat = ResultFormat.parse(output);
    CitylinksConfig config = options.load();
    SparkSession spark = SparkSessions.create(config);
    try {
      spark.sql("CREATE DATABASE IF NOT EXISTS `" + config.database() + "`");
      spark.catalog().setCurrentDatabase(config.database());
      if (statement != null) {
        return execute(spark, statement, resultFormat, System.out) ? 0 : Main.EXIT_FAILED;
      }
      return prompt(spark, resultFormat);
    } finally {
      spark.stop();
    }
  }

  private static int prompt(SparkSession spark, ResultFormat format) throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    StringBuilder pending = new StringBuilder();
    System.out.print("citylinks> ");
    System.out.flush();
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      pending.append(line).append('\n');
      String sql = pending.toString().strip();
      if (sql.endsWith(";")) {
        sql = sql.substring(0, sql.length() - 1).strip();
        pending.setLength(0);
        if (sql.equalsIgnoreCase("quit") || sql.equalsIgnoreCase("exit")) {
          return 0;
        }
        if (!sql.isEmpty()) {
          execute(spark, sql, format, System.out);
        }
      }
      System.out.print(pending.length() == 0 ? "citylinks> " : "        -> ");
      System.out.flush();
    }
    System.out.println();
    return 0;
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
