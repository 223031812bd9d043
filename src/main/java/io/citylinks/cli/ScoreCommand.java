package io.citylinks.cli;

import io.citylinks.config.CitylinksConfig;
import io.citylinks.eval.DedupScorer;
import io.citylinks.eval.GazetteerNames;
import io.citylinks.eval.GoldScorer;
import io.citylinks.eval.MainTextBenchmark;
import io.citylinks.eval.TableFindings;
import io.citylinks.spark.SparkSessions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code jobs/score}: compare the partnership tables with hand labels, or the main-text
 * extractor with the article-extraction benchmark's truth.
 */
@Command(name = "score", mixinStandardHelpOptions = true,
    description = {"Compare partnership_mentions with hand labels (a gold.jsonl in the format of "
        + "the dev set: id, lang, url, partnerships with cities, countries, type, topics, year).",
        "Run `jobs/run --input DOCS --warehouse W` first; pages are matched by URL or file name.",
        "Prints city-pair and country-pair P/R/F1, type and year accuracy, topic micro-F1 and "
            + "the negatives given a false partnership, per language and overall; then "
            + "precision by confidence band and the kinds of errors (why labelled pairs were "
            + "missed, what the labels say of the false ones), summed over all pages.",
        "",
        "With --main-text DIR instead (no Spark, no warehouse): extract the main text of every "
            + "DIR/html/ID.html.gz, write the predictions in the article-extraction benchmark's "
            + "format ({\"version\": V, \"output\": {ID: {\"articleBody\": TEXT}}}) to --out, "
            + "and print the pages per second of extraction on one thread (warm: the best of three "
            + "passes after three untimed ones; decoding the bytes is not timed). "
            + "When DIR/ground-truth.json exists, also print F1, precision, recall and accuracy "
            + "computed as the benchmark's evaluate.py computes them (4-word shingles, averaged "
            + "over pages)."})
public final class ScoreCommand implements Callable<Integer> {
  @Option(names = "--gold", paramLabel = "FILE", description = "gold.jsonl")
  Path gold;

  @Option(names = "--main-text", paramLabel = "DIR", description = "Score the main-text "
      + "extractor on a folder laid out as the article-extraction benchmark (html/*.html.gz, "
      + "optional ground-truth.json).")
  Path mainText;

  @Option(names = "--out", paramLabel = "FILE", description = "With --main-text: where the "
      + "predictions go (default: DIR/output/citylinks.json).")
  Path out;

  @Option(names = "--differences", description = "Also list every difference from the labels.")
  boolean differences;

  @Option(names = "--duplicates", description = "The gold file is a generated archive's "
      + "_ground_truth.jsonl: also score the duplicate clusters (copy pairs in one cluster, false "
      + "merges) and the events (reworded reports of one partnership in one event).")
  boolean duplicates;

  @Mixin ConfigOptions options;

  @Override
  public Integer call() throws IOException {
    if ((gold == null) == (mainText == null)) {
      throw new IllegalArgumentException("give either --gold FILE or --main-text DIR");
    }
    if (mainText != null) {
      return scoreMainText();
    }
    if (out != null) {
      throw new IllegalArgumentException("--out goes with --main-text, not with --gold");
    }
    if (!Files.isRegularFile(gold)) {
      throw new IllegalArgumentException("no such gold file: " + gold);
    }
    List<GoldScorer.GoldDoc> labels = GoldScorer.readGold(gold);
    CitylinksConfig config = options.load();
    SparkSession spark = SparkSessions.create(config);
    try {
      if (!spark.catalog().databaseExists(config.database())) {
        throw new IllegalStateException("no citylinks tables in " + config.warehouse()
            + ": run jobs/run --warehouse " + config.warehouse() + " first");
      }
      TableFindings.Matched matched = TableFindings.read(spark, config.database(), labels);
      GoldScorer.Report report = GoldScorer.score(labels, matched.found(), matched.places(),
          GazetteerNames.shared());
      if (differences) {
        report.differences().forEach(System.out::println);
      }
      if (!matched.missing().isEmpty()) {
        System.out.println("labelled pages not in the tables (scored as finding nothing): "
            + matched.missing());
      }
      System.out.print(report.format());
      System.out.println();
      System.out.print(report.formatBands());
      System.out.println();
      System.out.print(report.errors().format());
      if (duplicates) {
        System.out.println(DedupScorer.score(spark, config.database(), gold.toString()).format());
      }
      return 0;
    } finally {
      spark.stop();
    }
  }

  private int scoreMainText() throws IOException {
    if (!Files.isDirectory(mainText)) {
      throw new IllegalArgumentException("no such folder for --main-text: " + mainText);
    }
    Path target = out != null ? out : mainText.resolve("output").resolve("citylinks.json");
    MainTextBenchmark.Result result = MainTextBenchmark.run(mainText, target, Main.VERSION);
    System.out.println("predictions of " + result.predictions().size() + " pages written to "
        + target);
    if (result.summary() != null) {
      System.out.println(result.summary().format());
    } else {
      System.out.println("no ground-truth.json in " + mainText + ": not scored");
    }
    System.out.println(result.speed().format());
    return 0;
  }
}
