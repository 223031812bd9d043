package io.citylinks.cli;

import io.citylinks.config.CitylinksConfig;
import io.citylinks.config.OutputFormat;
import io.citylinks.ingest.InputFiles;
import io.citylinks.pipeline.PipelineJob;
import io.citylinks.pipeline.RunSummary;
import io.citylinks.spark.SparkSessions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code jobs/nightly}: the incremental run a scheduler starts, with exit codes it acts on. */
@Command(name = "nightly", mixinStandardHelpOptions = true,
    description = {"Incremental run for schedulers: reads only the input files no run has read "
        + "before (a ledger of path, size and SHA-256 in citylinks.processed_files), merges what "
        + "they give into the tables (Delta MERGE) and recomputes the events and counts that "
        + "change. Running it again, or after a crash, gives the same tables."})
public final class NightlyCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(NightlyCommand.class);

  @Option(names = {"-i", "--input"}, paramLabel = "PATH", required = true,
      description = "File or directory to read (repeatable; local, hdfs://, s3a://...).")
  List<String> inputs = new ArrayList<>();

  @Option(names = "--format", paramLabel = "delta",
      description = "Table format: incremental runs need delta (the default).")
  String format;

  @Mixin ConfigOptions options;

  @Override
  public Integer call() {
    CitylinksConfig config = options.load(format);
    if (config.format() != OutputFormat.DELTA) { // said before Spark starts
      throw new IllegalArgumentException("nightly runs merge into Delta tables: --format "
          + config.format().sparkName() + " supports full runs (jobs/run) only");
    }
    InputFiles.requireLocalPathsExist(inputs);
    LOG.info("effective configuration: {}", config.describe());
    // A session that already exists belongs to the caller (a test, an embedding job): keep it.
    boolean ownSession = SparkSession.getDefaultSession().isEmpty();
    SparkSession spark = SparkSessions.create(config);
    try {
      RunSummary summary = new PipelineJob(spark, config).run(inputs,
          PipelineJob.Mode.INCREMENTAL);
      System.out.print(summary.describe(config.warehouse(), config.database(),
          config.format().sparkName()));
      return ExitCode.ofRun(summary.rejected());
    } finally {
      if (ownSession) {
        spark.stop();
      }
    }
  }
}
