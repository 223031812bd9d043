package io.citylinks.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of every launcher in {@code jobs/}: {@code Main <job> [options]}. */
@Command(name = "citylinks", mixinStandardHelpOptions = true, version = "citylinks " + Main.VERSION,
    description = "City-to-city partnership tables from scraped municipal news.",
    subcommands = {RunCommand.class, NightlyCommand.class, SqlCommand.class,
        ReportCommand.class, GenerateCommand.class, BenchCommand.class, ScoreCommand.class,
        MaintainCommand.class})
public final class Main implements Runnable {
  /** The release, as {@code --version} prints it and the benchmark predictions record it. */
  public static final String VERSION = "0.1.0";
  /** Exit code for a run that failed. */
  public static final int EXIT_FAILED = 1;
  /** Exit code for bad arguments or configuration. */
  public static final int EXIT_USAGE = 2;
  /** Exit code when an --input path does not exist or cannot be listed. */
  public static final int EXIT_INPUT = 3;
  /** Exit code of an incremental run that finished but rejected some records. */
  public static final int EXIT_PARTIAL = 4;
  /** Exit code when another process holds the warehouse: retry later. */
  public static final int EXIT_BUSY = 5;

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line with the error handling every job shares: one line, no stack trace. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setParameterExceptionHandler((ex, a) -> {
      System.err.println("error: " + ex.getMessage());
      System.err.println("try: " + ex.getCommandLine().getCommandName() + " --help");
      return EXIT_USAGE;
    });
    cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      if (ex instanceof IllegalArgumentException) {
        System.err.println("error: " + ex.getMessage());
        return EXIT_USAGE;
      }
      if (ex instanceof io.citylinks.ingest.InputUnreadableException) {
        System.err.println("error: " + ex.getMessage());
        return EXIT_INPUT;
      }
      if (ex instanceof io.citylinks.spark.WarehouseBusyException) {
        System.err.println("error: " + ex.getMessage());
        return EXIT_BUSY;
      }
      if (ex instanceof IllegalStateException) { // an expected condition, said in full
        System.err.println("error: " + ex.getMessage());
        org.slf4j.LoggerFactory.getLogger(Main.class).debug("job failed", ex);
        return EXIT_FAILED;
      }
      System.err.println("error: " + ex);
      org.slf4j.LoggerFactory.getLogger(Main.class).error("job failed", ex);
      return EXIT_FAILED;
    });
    return cl;
  }
}
