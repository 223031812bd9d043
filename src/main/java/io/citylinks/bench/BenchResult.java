package io.citylinks.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of one benchmark run: one {@link Size} per archive size, in the order they ran,
 * and the Spark NLP baseline's rate (0 when it was skipped).
 */
public record BenchResult(List<Size> sizes, long baselineDocs, double baselineArticlesPerSecond) {

  public BenchResult {
    if (sizes.isEmpty()) {
      throw new IllegalArgumentException("a bench result needs at least one size");
    }
    sizes = List.copyOf(sizes);
  }

  /**
   * The pipeline on one archive.
   *
   * @param peakHeapMb peak heap in use during the run, garbage included
   * @param peakLiveHeapMb peak heap still in use after a garbage collection
   * @param cacheBlocksOnDisk cached blocks Spark had to store on disk (not enough memory)
   * @param spilledMb bytes sorts and aggregations spilled to disk
   */
  public record Size(long articles, long inputBytes, double textMegabytes, double floorSeconds,
      double pipelineSeconds, long peakHeapMb, long peakLiveHeapMb, int cacheBlocksOnDisk,
      long cacheOnDiskMb, long spilledMb, Map<String, Double> stages) {

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

    /** Text megabytes per second of each stage. */
    public Map<String, Double> stageMegabytesPerSecond() {
      Map<String, Double> m = new LinkedHashMap<>();
      stages.forEach((stage, s) -> m.put(stage, s > 0 ? round(textMegabytes / s) : null));
      return m;
    }

    public Map<String, Object> asMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("docs", articles);
      m.put("seconds", round(pipelineSeconds));
      m.put("articles_per_s", round(articlesPerSecond()));
      m.put("mb_per_s", round(megabytesPerSecond()));
      m.put("text_mb", round(textMegabytes));
      m.put("floor_seconds", round(floorSeconds));
      m.put("peak_heap_mb", peakHeapMb);
      m.put("peak_live_heap_mb", peakLiveHeapMb);
      m.put("cache_blocks_on_disk", cacheBlocksOnDisk);
      m.put("cache_on_disk_mb", cacheOnDiskMb);
      m.put("spilled_mb", spilledMb);
      m.put("stages", stages);
      m.put("stage_mb_per_s", stageMegabytesPerSecond());
      return m;
    }
  }

  public Size first() {
    return sizes.get(0);
  }

  /** Pipeline throughput over the baseline's; NaN when the baseline was skipped. */
  public double ratioVsSparkNlpBaseline() {
    return baselineArticlesPerSecond > 0 ? first().articlesPerSecond() / baselineArticlesPerSecond
        : Double.NaN;
  }

  /** The last size's seconds over the first size's. */
  public double timeRatio() {
    return sizes.get(sizes.size() - 1).pipelineSeconds() / first().pipelineSeconds();
  }

  /** The first size's figures at the top level (as before sizes existed), then every size. */
  public Map<String, Object> asMap() {
    Size f = first();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("articles", f.articles());
    m.put("seconds", round(f.pipelineSeconds()));
    m.put("articles_per_s", round(f.articlesPerSecond()));
    m.put("mb_per_s", round(f.megabytesPerSecond()));
    m.put("input_bytes", f.inputBytes());
    m.put("floor_seconds", round(f.floorSeconds()));
    m.put("ratio_vs_floor", round(f.ratioVsFloor()));
    boolean hasBaseline = baselineArticlesPerSecond > 0;
    m.put("baseline_docs", hasBaseline ? baselineDocs : null);
    m.put("baseline_articles_per_s", hasBaseline ? round(baselineArticlesPerSecond) : null);
    m.put("ratio_vs_sparknlp_baseline", hasBaseline ? round(ratioVsSparkNlpBaseline()) : null);
    m.put("peak_heap_mb", f.peakHeapMb());
    m.put("stages", f.stages());
    List<Map<String, Object>> all = new ArrayList<>();
    sizes.forEach(s -> all.add(s.asMap()));
    m.put("sizes", all);
    m.put("time_ratio", round(timeRatio()));
    return m;
  }

  public String describe() {
    StringBuilder sb = new StringBuilder();
    for (Size s : sizes) {
      sb.append(String.format("bench: %,d articles, %.1f MB of text%n", s.articles(),
          s.textMegabytes()));
      sb.append(String.format("  floor (Spark JSON read + count)  %8.2f s%n", s.floorSeconds()));
      sb.append(String.format("  citylinks pipeline to tables     %8.2f s  %,.0f articles/s  "
          + "%.2f MB/s  (%.1f x the floor's time)%n", s.pipelineSeconds(),
          s.articlesPerSecond(), s.megabytesPerSecond(), s.ratioVsFloor()));
      sb.append(String.format("  stages (s) %s%n  stages (MB/s) %s%n", s.stages(),
          s.stageMegabytesPerSecond()));
      sb.append(String.format("  peak heap %,d MB (%,d MB in use right after a collection); cached "
          + "blocks on disk %d (%,d MB), spilled %,d MB%n", s.peakHeapMb(), s.peakLiveHeapMb(),
          s.cacheBlocksOnDisk(), s.cacheOnDiskMb(), s.spilledMb()));
    }
    if (sizes.size() > 1) {
      Size last = sizes.get(sizes.size() - 1);
      sb.append(String.format("  scaling: %.1fx the articles took %.2fx the time%n",
          last.articles() / (double) first().articles(), timeRatio()));
    }
    if (baselineArticlesPerSecond > 0) {
      sb.append(String.format("  Spark NLP baseline (%,d articles)  %,.0f articles/s"
          + "  (citylinks at %,d articles is %.2f x faster)%n", baselineDocs,
          baselineArticlesPerSecond, first().articles(), ratioVsSparkNlpBaseline()));
    }
    return sb.toString();
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
