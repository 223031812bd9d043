package io.citylinks.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.citylinks.ingest.html.HtmlDecoder;
import io.citylinks.ingest.html.MainTextExtractor;
import io.citylinks.ingest.html.UndecodableContentException;
import java.io.IOException;
import java.io.InputStream;
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

  private MainTextBenchmark() {}

  /** A benchmark page: its id (file name without {@code .html.gz}) and its raw bytes. */
  public record Page(String id, byte[] bytes) {}

  /** What a run found: predictions by id, the figures (null without truth) and the speed. */
  public record Result(Map<String, String> predictions, ArticleBodyMetric.Summary summary,
      double pagesPerSecond) {}

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

  /** Main text of one page as the ingest step takes it: decoded, then extracted. */
  public static String extract(Page page) {
    try {
      return MainTextExtractor.extract(HtmlDecoder.decode(page.bytes(), null).html(), null)
          .text();
    } catch (UndecodableContentException e) {
      return ""; // the pipeline would reject the record: nothing extracted
    }
  }

  /**
   * Extracts every page twice on this thread (the first pass warms the JIT up, the second is
   * timed), writes {@code out}, and scores against {@code dir/ground-truth.json} when present.
   */
  public static Result run(Path dir, Path out, String version) throws IOException {
    List<Page> pages = readPages(dir);
    Map<String, String> predictions = new LinkedHashMap<>();
    for (Page p : pages) {
      predictions.put(p.id(), extract(p));
    }
    double pagesPerSecond = timedPass(pages);
    writePredictions(out, predictions, version);
    Path truthFile = dir.resolve("ground-truth.json");
    ArticleBodyMetric.Summary summary = Files.isRegularFile(truthFile)
        ? score(readTruth(truthFile), predictions) : null;
    return new Result(predictions, summary, pagesPerSecond);
  }

  /** Pages per second of extraction on this thread over {@code pages}, after one warm-up pass. */
  public static double pagesPerSecond(List<Page> pages) {
    for (Page p : pages) {
      extract(p);
    }
    return timedPass(pages);
  }

  private static double timedPass(List<Page> pages) {
    long t0 = System.nanoTime();
    int chars = 0;
    for (Page p : pages) {
      chars += extract(p).length(); // used, so the JIT cannot drop the work
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    return chars >= 0 ? pages.size() / seconds : 0;
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
