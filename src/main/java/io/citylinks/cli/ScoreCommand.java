package io.citylinks.cli;

import io.citylinks.config.CitylinksConfig;
import io.citylinks.eval.DedupScorer;
import io.citylinks.eval.GazetteerNames;
import io.citylinks.eval.GoldScorer;
import io.citylinks.eval.TableFindings;
import io.citylinks.spark.SparkSessions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code jobs/score}: compare the partnership tables with hand labels. */
@Command(name = "score", mixinStandardHelpOptions = true,
    description = {"Compare partnership_mentions with hand labels (a gold.jsonl in the format of "
        + "the dev set: id, lang, url, partnerships with cities, countries, type, topics, year).",
        "Run `jobs/run --input DOCS --warehouse W` first; pages are matched by URL or file name.",
        "Prints city-pair and country-pair P/R/F1, type and year accuracy, topic micro-F1 and "
            + "the negatives given a false partnership, per language and overall."})
public final class ScoreCommand implements Callable<Integer> {
  @Option(names = "--gold", required = true, paramLabel = "FILE", description = "gold.jsonl")
  Path gold;

  @Option(names = "--differences", description = "Also list every difference from the labels.")
  boolean differences;

  @Option(names = "--duplicates", description = "The gold file is a generated archive's "
      + "_ground_truth.jsonl: also score the duplicate clusters (copy pairs in one cluster, false "
      + "merges) and the events (reworded reports of one partnership in one event).")
  boolean duplicates;

  @Mixin ConfigOptions options;

  @Override
  public Integer call() {
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
      GoldScorer.Report report = GoldScorer.score(labels, matched.found(),
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
      if (duplicates) {
        System.out.println(DedupScorer.score(spark, config.database(), gold.toString()).format());
      }
      return 0;
    } finally {
      spark.stop();
    }
  }
}
