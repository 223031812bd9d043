package io.citylinks.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.citylinks.ingest.html.HtmlDecoder;
import io.citylinks.ingest.html.MainTextExtractor;
import io.citylinks.ingest.html.UndecodableContentException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Runs the main-text extractor over a folder laid out as the article-extraction benchmark
 * ({@code html/ID.html.gz}, optional {@code ground-truth.json}): writes the predictions in the
 * benchmark's format, scores them with {@link ArticleBodyMetric} when the truth is there, and
 * times the extraction on one thread, warm.
 */
public final class MainTextBenchmark {
  private static final String SUFFIX = ".html.gz";
  /**
   * Untimed passes before timing: the JIT compiles jsoup's parser and Readability over several
   * passes of a hundred pages; after one pass a page still takes twice as long.
   */
  public static final int WARM_UP_PASSES = 3;
  public static final int TIMED_PASSES = 3;

  private MainTextBenchmark() {}

  /** A benchmark page: its id (file name without {@code .html.gz}) and its raw bytes. */
  public record Page(String id, byte[] bytes) {}

  /** What a run found: predictions by id, the figures (null without truth) and the speed. */
  public record Result(Map<String, String> predictions, ArticleBodyMetric.Summary summary,
      Speed speed) {}

  /**
   * Pages per second on one thread, by the clock and by the thread's CPU time (the second is
   * the steadier figure on a machine shared with other work).
   */
  public record Speed(double pagesPerSecond, double cpuPagesPerSecond) {
    public String format() {
      return String.format("%,.0f pages/s on one thread (warm; %,.0f pages/s of its CPU time)",
          pagesPerSecond, cpuPagesPerSecond);
    }
  }

  /** The pages of {@code dir/html}, sorted by id; fails when there are none. */
  public static List<Page> readPages(Path dir) throws IOException {
    Path html = dir.resolve("html");
    if (!Files.isDirectory(html)) {
      throw new IllegalArgumentException("no html/ folder in " + dir);
    }
    List<Page> pages = new ArrayList<>();
    try (Stream<Path> files = Files.list(html)) {
      for (Path f : files.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted()
          .toList()) {
        String name = f.getFileName().toString();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
          pages.add(new Page(name.substring(0, name.length() - SUFFIX.length()),
              in.readAllBytes()));
        }
      }
    }
    if (pages.isEmpty()) {
      throw new IllegalArgumentException("no *" + SUFFIX + " files in " + html);
    }
    return pages;
  }

  /** A page's HTML as the ingest step decodes it (empty when it cannot be decoded). */
  public static String decode(Page page) {
    try {
      return HtmlDecoder.decode(page.bytes(), null).html();
    } catch (UndecodableContentException e) {
      return ""; // the pipeline would reject the record: nothing to extract
    }
  }

  /** Main text of one decoded page, as the ingest step takes it. */
  public static String extract(String html) {
    return html.isEmpty() ? "" : MainTextExtractor.extract(html, null).text();
  }

  /**
   * Decodes every page, extracts it on this thread (that pass and {@link #WARM_UP_PASSES} - 1
   * more warm the JIT up; then the best of {@link #TIMED_PASSES} timed passes; decoding is not
   * timed), writes {@code out}, and scores against {@code dir/ground-truth.json} when present.
   */
  public static Result run(Path dir, Path out, String version) throws IOException {
    List<Page> pages = readPages(dir);
    List<String> htmls = pages.stream().map(MainTextBenchmark::decode).toList();
    Map<String, String> predictions = new LinkedHashMap<>();
    for (int i = 0; i < pages.size(); i++) {
      predictions.put(pages.get(i).id(), extract(htmls.get(i)));
    }
    for (int i = 1; i < WARM_UP_PASSES; i++) {
      timedPass(htmls);
    }
    Speed speed = bestOf(htmls, TIMED_PASSES);
    writePredictions(out, predictions, version);
    Path truthFile = dir.resolve("ground-truth.json");
    ArticleBodyMetric.Summary summary = Files.isRegularFile(truthFile)
        ? score(readTruth(truthFile), predictions) : null;
    return new Result(predictions, summary, speed);
  }

  /**
   * Pages per second of extraction on this thread over {@code pages} (decoded first, untimed):
   * the best of {@code passes} timed passes after {@link #WARM_UP_PASSES} untimed ones.
   */
  public static Speed pagesPerSecond(List<Page> pages, int passes) {
    List<String> htmls = pages.stream().map(MainTextBenchmark::decode).toList();
    for (int i = 0; i < WARM_UP_PASSES; i++) {
      timedPass(htmls);
    }
    return bestOf(htmls, passes);
  }

  private static Speed bestOf(List<String> htmls, int passes) {
    Speed best = new Speed(0, 0);
    for (int i = 0; i < passes; i++) {
      Speed pass = timedPass(htmls);
      best = new Speed(Math.max(best.pagesPerSecond(), pass.pagesPerSecond()),
          Math.max(best.cpuPagesPerSecond(), pass.cpuPagesPerSecond()));
    }
    return best;
  }

  private static Speed timedPass(List<String> htmls) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpu0 = threads.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    int chars = 0;
    for (String html : htmls) {
      chars += extract(html).length(); // used, so the JIT cannot drop the work
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
    return chars >= 0 ? new Speed(htmls.size() / seconds, htmls.size() / cpuSeconds)
        : new Speed(0, 0);
  }

  /** The {@code articleBody} of each id of a ground-truth file. */
  public static Map<String, String> readTruth(Path file) throws IOException {
    JsonNode root = new ObjectMapper().readTree(file.toFile());
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("not a JSON object of pages: " + file);
    }
    Map<String, String> truth = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode body = e.getValue().get("articleBody");
      truth.put(e.getKey(), body == null || body.isNull() ? "" : body.asText());
    }
    return truth;
  }

  /**
   * The figures of {@code predictions} against {@code truth}; like evaluate.py, the two must
   * cover the same ids.
   */
  public static ArticleBodyMetric.Summary score(Map<String, String> truth,
      Map<String, String> predictions) {
    if (!truth.keySet().equals(predictions.keySet())) {
      List<String> missing = truth.keySet().stream()
          .filter(k -> !predictions.containsKey(k)).sorted().toList();
      List<String> extra = predictions.keySet().stream()
          .filter(k -> !truth.containsKey(k)).sorted().toList();
      throw new IllegalArgumentException("prediction ids do not match the ground truth: "
          + "missing " + missing + ", not in the truth " + extra);
    }
    List<ArticleBodyMetric.PageScore> scores = new ArrayList<>();
    for (Map.Entry<String, String> e : truth.entrySet()) {
      scores.add(ArticleBodyMetric.score(e.getValue(), predictions.get(e.getKey())));
    }
    return ArticleBodyMetric.summarize(scores);
  }

  /** {@code {"version": V, "output": {id: {"articleBody": text}}}}, ids sorted. */
  public static void writePredictions(Path out, Map<String, String> predictions, String version)
      throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    root.put("version", version);
    ObjectNode output = root.putObject("output");
    predictions.keySet().stream().sorted().forEach(id ->
        output.putObject(id).put("articleBody", predictions.get(id)));
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    mapper.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), root);
  }
}
