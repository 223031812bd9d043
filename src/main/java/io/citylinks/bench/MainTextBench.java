package io.citylinks.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citylinks.eval.MainTextBenchmark;
import io.citylinks.generate.ArchiveGenerator;
import io.citylinks.generate.GeneratorOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Main-text extraction alone, one thread, warm: pages per second on the article-extraction
 * benchmark's real pages when they are there, else on the generator's HTML pages (which are
 * much smaller, so their figure is higher and not comparable).
 */
public final class MainTextBench {
  private static final Logger LOG = LoggerFactory.getLogger(MainTextBench.class);
  /** Generated pages to time when the benchmark's pages are absent. */
  private static final int GENERATED_PAGES = 500;

  private MainTextBench() {}

  /** Pages per second on one core, how many pages, and which pages. */
  public record Result(int pages, double pagesPerSecond, double cpuPagesPerSecond,
      String source) {
    public Map<String, Object> asMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("pages", pages);
      m.put("pages_per_s", Math.round(pagesPerSecond * 10) / 10.0);
      m.put("pages_per_cpu_s", Math.round(cpuPagesPerSecond * 10) / 10.0);
      m.put("source", source);
      return m;
    }

    public String describe() {
      return String.format("main text: %,.0f pages/s per core (%,.0f per second of CPU time; "
          + "%d %s, one thread, warm)%n", pagesPerSecond, cpuPagesPerSecond, pages, source);
    }
  }

  /**
   * Times extraction over {@code benchmark}'s {@code html/*.html.gz} when that folder exists,
   * else over generated pages written under {@code work}.
   */
  public static Result run(Path benchmark, Path work, long seed) throws IOException {
    List<MainTextBenchmark.Page> pages;
    String source;
    if (benchmark != null && Files.isDirectory(benchmark.resolve("html"))) {
      pages = MainTextBenchmark.readPages(benchmark);
      source = "article-extraction-benchmark pages";
    } else {
      pages = generatedPages(work, seed);
      source = "generated pages";
    }
    MainTextBenchmark.Speed best = MainTextBenchmark.pagesPerSecond(pages, MainTextBenchmark.TIMED_PASSES);
    LOG.info("main text: {} on {} {}", best.format(), pages.size(), source);
    return new Result(pages.size(), best.pagesPerSecond(), best.cpuPagesPerSecond(), source);
  }

  private static List<MainTextBenchmark.Page> generatedPages(Path work, long seed)
      throws IOException {
    // One generated record in ten carries its HTML page.
    Path archive = work.resolve("main-text-" + seed);
    if (!Files.isDirectory(archive)) {
      ArchiveGenerator.generate(GeneratorOptions.builder(GENERATED_PAGES * 10, archive)
          .seed(seed).build());
    }
    ObjectMapper json = new ObjectMapper();
    List<MainTextBenchmark.Page> pages = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> list = Files.list(archive)) {
      files = list.filter(p -> p.getFileName().toString().startsWith("articles-")).sorted()
          .toList();
    }
    for (Path f : files) {
      try (InputStream raw = Files.newInputStream(f);
          InputStream in = f.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
          BufferedReader r = new BufferedReader(new InputStreamReader(in,
              StandardCharsets.UTF_8))) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          JsonNode record = json.readTree(line);
          if (record.hasNonNull("html")) {
            pages.add(new MainTextBenchmark.Page(String.valueOf(pages.size()),
                record.get("html").asText().getBytes(StandardCharsets.UTF_8)));
          }
        }
      }
    }
    if (pages.isEmpty()) {
      throw new IllegalStateException("no HTML pages in the generated archive " + archive);
    }
    return pages;
  }
}
