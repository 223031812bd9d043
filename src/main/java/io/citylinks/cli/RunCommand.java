package io.citylinks.cli;

import io.citylinks.config.CitylinksConfig;
import io.citylinks.generate.ArchiveGenerator;
import io.citylinks.generate.GeneratorOptions;
import io.citylinks.ingest.InputFiles;
import io.citylinks.pipeline.PipelineJob;
import io.citylinks.pipeline.RunSummary;
import io.citylinks.spark.SparkSessions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code jobs/run}: the whole pipeline over archives, or over a generated sample without input. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Read archives (text, JSON Lines, WARC; plain, gz, zst, zip, tar.gz) found "
        + "recursively under each --input and write the citylinks tables.",
        "Without --input, generates a small multilingual sample archive and runs on it."})
public final class RunCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

  @Option(names = {"-i", "--input"}, paramLabel = "PATH",
      description = "File or directory to read (repeatable; local, hdfs://, s3a://...).")
  List<String> inputs = new ArrayList<>();

  @Option(names = "--sample-docs", paramLabel = "N", defaultValue = "2000",
      description = "Size of the generated sample when no --input is given (default: ${DEFAULT-VALUE}).")
  int sampleDocs;

  @Option(names = "--format", paramLabel = "delta|parquet",
      description = "Table format (default: delta, or citylinks.format).")
  String format;

  @Option(names = "--mode", paramLabel = "full|incremental", defaultValue = "full",
      description = {"full (default): read every input file and replace the tables;",
          "incremental: read only files not read before and merge them in (as jobs/nightly)."})
  String mode;

  @Mixin ConfigOptions options;

  @Override
  public Integer call() throws Exception {
    PipelineJob.Mode runMode = PipelineJob.Mode.parse(mode);
    if (runMode == PipelineJob.Mode.INCREMENTAL && inputs.isEmpty()) {
      throw new IllegalArgumentException("--mode incremental needs --input");
    }
    CitylinksConfig config = options.load(format);
    InputFiles.requireLocalPathsExist(inputs);
    List<String> paths = new ArrayList<>(inputs);
    if (paths.isEmpty()) {
      Path sample = Paths.get(config.warehouse(), "_sample-archive");
      if (!Files.isDirectory(sample)) {
        System.out.println("No --input given: generating a sample archive of " + sampleDocs
            + " articles in " + sample);
        generateSample(sample, sampleDocs);
      } else {
        System.out.println("No --input given: using the sample archive in " + sample);
      }
      paths.add(sample.toString());
    }
    LOG.info("effective configuration: {}", config.describe());
    // A session that already exists belongs to the caller (a test, an embedding job): keep it.
    boolean ownSession = SparkSession.getDefaultSession().isEmpty();
    SparkSession spark = SparkSessions.create(config);
    try {
      RunSummary summary = new PipelineJob(spark, config).run(paths, runMode);
      System.out.print(summary.describe(config.warehouse(), config.database(),
          config.format().sparkName()));
      System.out.println("  query      jobs/sql --warehouse " + config.warehouse()
          + " -e \"SELECT lang, count(*) FROM " + config.database() + ".articles GROUP BY lang\"");
      return ExitCode.ofRun(summary.rejected());
    } finally {
      if (ownSession) {
        spark.stop();
      }
    }
  }

  /** A small archive in all three formats, so a newcomer sees every reader at work. */
  static void generateSample(Path dir, int docs) throws java.io.IOException {
    int warcDocs = Math.max(1, docs / 5);
    int textDocs = Math.max(1, docs / 10);
    ArchiveGenerator.generate(GeneratorOptions.builder(docs - warcDocs - textDocs,
        dir.resolve("jsonl")).seed(7).build());
    ArchiveGenerator.generate(GeneratorOptions.builder(warcDocs, dir.resolve("warc"))
        .format(GeneratorOptions.Format.WARC).seed(8).build());
    ArchiveGenerator.generate(GeneratorOptions.builder(textDocs, dir.resolve("text"))
        .format(GeneratorOptions.Format.TEXT).seed(9).build());
  }
}
