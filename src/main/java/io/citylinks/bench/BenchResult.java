package io.citylinks.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** The figures of one benchmark run. */
public record BenchResult(
    long articles,
    long inputBytes,
    double textMegabytes,
    double floorSeconds,
    double pipelineSeconds,
    long baselineDocs,
    double baselineArticlesPerSecond,
    long peakHeapMb,
    Map<String, Double> stages) {

  public double articlesPerSecond() {
    return articles / pipelineSeconds;
  }

  public double megabytesPerSecond() {
    return textMegabytes / pipelineSeconds;
  }

  /** Pipeline time over the floor's: how many times slower than a bare read. */
  public double ratioVsFloor() {
    return pipelineSeconds / floorSeconds;
  }

  /** Pipeline throughput over the baseline's (target ≥ 7); NaN when the baseline was skipped. */
  public double ratioVsSparkNlpBaseline() {
    return baselineArticlesPerSecond > 0 ? articlesPerSecond() / baselineArticlesPerSecond
        : Double.NaN;
  }

  public Map<String, Object> asMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("articles", articles);
    m.put("seconds", round(pipelineSeconds));
    m.put("articles_per_s", round(articlesPerSecond()));
    m.put("mb_per_s", round(megabytesPerSecond()));
    m.put("input_bytes", inputBytes);
    m.put("floor_seconds", round(floorSeconds));
    m.put("ratio_vs_floor", round(ratioVsFloor()));
    boolean hasBaseline = baselineArticlesPerSecond > 0;
    m.put("baseline_docs", hasBaseline ? baselineDocs : null);
    m.put("baseline_articles_per_s", hasBaseline ? round(baselineArticlesPerSecond) : null);
    m.put("ratio_vs_sparknlp_baseline", hasBaseline ? round(ratioVsSparkNlpBaseline()) : null);
    m.put("peak_heap_mb", peakHeapMb);
    m.put("stages", stages);
    return m;
  }

  public String describe() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("bench: %,d articles, %.1f MB of text%n", articles, textMegabytes));
    sb.append(String.format("  floor (Spark JSON read + count)  %8.2f s%n", floorSeconds));
    sb.append(String.format("  citylinks pipeline to tables     %8.2f s  %,.0f articles/s  %.2f MB/s"
        + "  (%.1f x the floor's time)%n", pipelineSeconds, articlesPerSecond(),
        megabytesPerSecond(), ratioVsFloor()));
    if (baselineArticlesPerSecond > 0) {
      sb.append(String.format("  Spark NLP baseline (%,d articles)  %,.0f articles/s"
          + "  (citylinks is %.2f x faster)%n", baselineDocs, baselineArticlesPerSecond,
          ratioVsSparkNlpBaseline()));
    }
    sb.append(String.format("  stages %s%n  peak heap %,d MB%n", stages, peakHeapMb));
    return sb.toString();
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
