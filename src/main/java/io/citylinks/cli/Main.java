package io.citylinks.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of every launcher in {@code jobs/}: {@code Main <job> [options]}. */
@Command(name = "citylinks", mixinStandardHelpOptions = true, version = "citylinks " + Main.VERSION,
    description = "City-to-city partnership tables from scraped municipal news.",
    subcommands = {RunCommand.class, NightlyCommand.class, SqlCommand.class,
        ReportCommand.class, GenerateCommand.class, BenchCommand.class, ScoreCommand.class,
        MaintainCommand.class, MetastoreCommand.class})
public final class Main implements Runnable {
  /** The release, as {@code --version} prints it and the benchmark predictions record it. */
  public static final String VERSION = "0.1.0";

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
    for (String job : new String[] {"run", "nightly"}) {
      cl.getSubcommands().get(job).getCommandSpec().usageMessage()
          .exitCodeListHeading("Exit codes (the same for run and nightly):%n")
          .exitCodeList(ExitCode.helpList());
    }
    cl.setParameterExceptionHandler((ex, a) -> {
      System.err.println("error: " + ex.getMessage());
      System.err.println("try: " + ex.getCommandLine().getCommandName() + " --help");
      return ExitCode.USAGE.code();
    });
    cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      if (ex instanceof IllegalArgumentException) {
        System.err.println("error: " + ex.getMessage());
        return ExitCode.USAGE.code();
      }
      if (ex instanceof io.citylinks.ingest.InputUnreadableException) {
        System.err.println("error: " + ex.getMessage());
        return ExitCode.INPUT.code();
      }
      if (ex instanceof io.citylinks.spark.WarehouseBusyException) {
        System.err.println("error: " + ex.getMessage());
        return ExitCode.BUSY.code();
      }
      if (ex instanceof IllegalStateException) { // an expected condition, said in full
        System.err.println("error: " + ex.getMessage());
        org.slf4j.LoggerFactory.getLogger(Main.class).debug("job failed", ex);
        return ExitCode.FAILED.code();
      }
      System.err.println("error: " + ex);
      org.slf4j.LoggerFactory.getLogger(Main.class).error("job failed", ex);
      return ExitCode.FAILED.code();
    });
    return cl;
  }
}
