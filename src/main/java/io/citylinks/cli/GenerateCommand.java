package io.citylinks.cli;

import io.citylinks.generate.ArchiveGenerator;
import io.citylinks.generate.GeneratorOptions;
import io.citylinks.generate.GeneratorSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jobs/generate}: a synthetic archive with known ground truth. */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = {"Write a synthetic archive of municipal news in 16 languages (tr, fa, ar, zh, ru, en, es, "
        + "fr, de, pt, it, ja, ko, uk, pl, nl) "
        + "(partnership news and ordinary municipal news, site boilerplate, exact, near and "
        + "reworded copies) with its ground truth in OUT/_ground_truth.jsonl.",
        "The same options and --seed always give the same bytes."})
public final class GenerateCommand implements Callable<Integer> {
  @Option(names = "--docs", required = true, paramLabel = "N", description = "Records to write.")
  int docs;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
  Path out;

  @Option(names = "--format", defaultValue = "jsonl", paramLabel = "jsonl|warc|text",
      description = "Archive format (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--seed", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--partnership-share", defaultValue = "0.12",
      description = "Share of articles about a partnership (default: ${DEFAULT-VALUE}).")
  double partnershipShare;

  @Option(names = "--exact-dup-share", defaultValue = "0.05",
      description = "Share of exact copies (default: ${DEFAULT-VALUE}).")
  double exactDupShare;

  @Option(names = "--near-dup-share", defaultValue = "0.08",
      description = "Share of near copies (default: ${DEFAULT-VALUE}).")
  double nearDupShare;

  @Option(names = "--reworded-share", defaultValue = "0.04",
      description = "Share of reworded reports of an earlier event (default: ${DEFAULT-VALUE}).")
  double rewordedShare;

  @Option(names = "--shards", defaultValue = "0",
      description = "Files to write (default: about 25,000 records each).")
  int shards;

  @Option(names = "--no-gzip", description = "Write .jsonl / .warc uncompressed.")
  boolean noGzip;

  @Option(names = "--overwrite", description = "Write into a non-empty --out directory.")
  boolean overwrite;

  @Override
  public Integer call() throws Exception {
    GeneratorOptions options = new GeneratorOptions(docs, out, GeneratorOptions.Format.parse(format),
        seed, partnershipShare, exactDupShare, nearDupShare, rewordedShare, shards, !noGzip);
    if (Files.isDirectory(out) && !overwrite) {
      try (Stream<Path> entries = Files.list(out)) {
        if (entries.findAny().isPresent()) {
          throw new IllegalArgumentException(
              "--out " + out + " is not empty (add --overwrite to write into it)");
        }
      }
    }
    GeneratorSummary summary = ArchiveGenerator.generate(options);
    System.out.println(summary.describe(out.toString()));
    return 0;
  }
}
