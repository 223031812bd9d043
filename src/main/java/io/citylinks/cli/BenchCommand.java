package io.citylinks.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.citylinks.bench.Bench;
import io.citylinks.bench.BenchResult;
import io.citylinks.bench.DedupBench;
import io.citylinks.bench.MainTextBench;
import io.citylinks.bench.PlacesBench;
import io.citylinks.config.CitylinksConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code jobs/bench}: times the pipeline against Spark's plain read and a Spark NLP baseline. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {"Generate an archive, then time in one run: (a) Spark's JSON read + count of "
        + "it (the floor), (b) the citylinks pipeline to tables, (c) the plain Spark NLP "
        + "baseline (DocumentAssembler, SentenceDetector, Tokenizer, TextMatcher).",
        "Then, on one core: main-text extraction (pages/s on the article-extraction "
            + "benchmark's pages when --main-text-pages has them, else on generated HTML "
            + "pages) and place recognition.",
        "Prints, per size, articles/s, MB/s, seconds and MB/s of each stage, peak heap and "
            + "what went to disk (cached blocks, spills), the ratios to the floor and the "
            + "baseline, and with several sizes the time ratio of the last to the first; with "
            + "--json the last line is one JSON object (the first size's figures at the top, "
            + "every size under \"sizes\", \"time_ratio\")."})
public final class BenchCommand implements Callable<Integer> {
  @Option(names = "--docs", defaultValue = "50000", split = ",", paramLabel = "N[,N...]",
      description = "Articles to generate and time the pipeline on; several sizes, e.g. "
          + "100000,1000000, run one after the other in one session and are compared "
          + "(default: ${DEFAULT-VALUE}).")
  List<Integer> docs;

  @Option(names = "--work", paramLabel = "DIR", defaultValue = "target/bench",
      description = "Work directory for the archive and the tables (default: ${DEFAULT-VALUE}).")
  Path work;

  @Option(names = "--seed", defaultValue = "42", description = "Generator seed.")
  long seed;

  @Option(names = "--skip-baseline", description = "Do not run the Spark NLP baseline.")
  boolean skipBaseline;

  @Option(names = "--baseline-docs", defaultValue = "10000", paramLabel = "N",
      description = "Articles the Spark NLP baseline runs on (default: ${DEFAULT-VALUE}).")
  int baselineDocs;

  @Option(names = "--json", description = "End with one JSON object on the last line.")
  boolean json;

  @Option(names = "--places-docs", defaultValue = "20000", paramLabel = "N",
      description = "Articles the one-core place-recognition bench resolves "
          + "(default: ${DEFAULT-VALUE}; 0 skips it).")
  int placesDocs;

  @Option(names = "--places-only", description = "Only the place-recognition bench (no Spark): "
      + "gazetteer load time and heap, sentences/s on one core.")
  boolean placesOnly;

  @Option(names = "--dedup-docs", split = ",", paramLabel = "N[,N...]",
      description = "Archive sizes the dedup stage is timed on by itself, e.g. 100000,1000000 "
          + "(SPEC: 1M within 11x the time of 100k). Default: none.")
  List<Integer> dedupDocs = new ArrayList<>();

  @Option(names = "--dedup-only", description = "Only the dedup-stage bench (--dedup-docs, "
      + "default 100000,1000000).")
  boolean dedupOnly;

  @Option(names = "--peer-tables", defaultValue = "5", paramLabel = "N",
      description = "Hash tables of Spark ML's MinHashLSH, which the dedup-stage bench runs on "
          + "the same texts beside ours (approxSimilarityJoin at the same Jaccard threshold); "
          + "0 skips it (default: ${DEFAULT-VALUE}).")
  int peerTables;

  @Option(names = "--peer-max-docs", defaultValue = "200000", paramLabel = "N",
      description = "Largest archive the MinHashLSH peer runs on: its candidate pairs grow with "
          + "the square of its bucket sizes (3.9 million colliding pairs and 75 s at 100,000 "
          + "generated articles on 2 cores), so larger sizes are timed for ours alone "
          + "(default: ${DEFAULT-VALUE}).")
  int peerMaxDocs;

  @Option(names = "--main-text-pages", paramLabel = "DIR",
      defaultValue = "${sys:citylinks.shared:-../shared}/peers/article-extraction-benchmark",
      description = "Pages the one-core main-text bench extracts: a folder of html/*.html.gz "
          + "(default: ${DEFAULT-VALUE}); generated HTML pages when it is absent.")
  Path mainTextPages;

  @Option(names = "--main-text-only", description = "Only the main-text bench (no Spark): "
      + "pages/s of extraction on one core.")
  boolean mainTextOnly;

  @Mixin ConfigOptions options;

  @Override
  public Integer call() throws Exception {
    for (int n : docs) {
      if (n <= 0) {
        throw new IllegalArgumentException("--docs must be positive, got " + n);
      }
    }
    Path dir = work.toAbsolutePath().normalize();
    options.sets.add(0, "warehouse=" + dir.resolve("warehouse"));
    CitylinksConfig config = options.load();
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode node = mapper.createObjectNode();
    if (dedupOnly && dedupDocs.isEmpty()) {
      dedupDocs = List.of(100_000, 1_000_000);
    }
    for (int n : dedupDocs) {
      if (n <= 0) {
        throw new IllegalArgumentException("--dedup-docs must be positive, got " + n);
      }
    }
    if (mainTextOnly) {
      MainTextBench.Result mainText = MainTextBench.run(mainTextPages, dir, seed);
      System.out.print(mainText.describe());
      if (json) {
        node.set("main_text", mapper.valueToTree(mainText.asMap()));
        System.out.println(mapper.writeValueAsString(node));
      }
      return 0;
    }
    if (!placesOnly && !dedupOnly) {
      BenchResult result = new Bench(config, dir, docs, seed, !skipBaseline,
          Math.min(docs.get(0), baselineDocs)).run();
      System.out.print(result.describe());
      node.setAll((ObjectNode) mapper.valueToTree(result.asMap()));
    }
    if (!dedupDocs.isEmpty()) {
      DedupBench.Result result = DedupBench.run(config, dir, dedupDocs, seed, peerTables,
          peerMaxDocs);
      System.out.print(result.describe());
      node.set("dedup", mapper.valueToTree(result.asMaps()));
    }
    if (!placesOnly && !dedupOnly) {
      MainTextBench.Result mainText = MainTextBench.run(mainTextPages, dir, seed);
      System.out.print(mainText.describe());
      node.set("main_text", mapper.valueToTree(mainText.asMap()));
    }
    if (placesOnly || (placesDocs > 0 && !dedupOnly)) {
      PlacesBench.Result places = PlacesBench.run(Bench.archive(dir, docs.get(0), seed),
          placesOnly && placesDocs <= 0 ? 20000 : placesDocs, config.extract(),
          config.ingest().languages());
      System.out.print(places.describe());
      node.set("places", mapper.valueToTree(places.asMap()));
    }
    if (json) {
      System.out.println(mapper.writeValueAsString(node));
    }
    return 0;
  }

}
