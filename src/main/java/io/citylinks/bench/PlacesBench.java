package io.citylinks.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citylinks.config.ExtractSettings;
import io.citylinks.extract.places.PlaceLexicon;
import io.citylinks.extract.places.PlaceMatcher;
import io.citylinks.extract.places.PlaceResolver;
import io.citylinks.extract.places.gazetteer.Gazetteer;
import io.citylinks.extract.places.gazetteer.GazetteerSource;
import io.citylinks.text.LanguageIdentifier;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Place recognition on one core, without Spark: what an executor pays to load the gazetteer and
 * build the automaton (time and heap), and how many sentences per second one core resolves.
 */
public final class PlacesBench {
  private PlacesBench() {}

  /** The figures, in the order they are printed. */
  public record Result(long artifactBytes, long places, long keys, long automatonEntries,
      long loadMillis, long matcherBuildMillis, long heapMegabytes, long articles,
      long sentences, double seconds, long mentions) {
    public double sentencesPerSecond() {
      return sentences / seconds;
    }

    public Map<String, Object> asMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("gazetteer_artifact_mb", Math.round(artifactBytes / 1e5) / 10.0);
      m.put("gazetteer_places", places);
      m.put("gazetteer_keys", keys);
      m.put("automaton_entries", automatonEntries);
      m.put("gazetteer_load_ms", loadMillis);
      m.put("matcher_build_ms", matcherBuildMillis);
      m.put("places_heap_mb", heapMegabytes);
      m.put("places_articles", articles);
      m.put("places_sentences", sentences);
      m.put("places_sentences_per_s_per_core", Math.round(sentencesPerSecond()));
      m.put("places_mentions", mentions);
      return m;
    }

    public String describe() {
      return String.format("places: gazetteer %.1f MB artifact, %,d places, %,d keys; load %,d ms"
              + " + automaton %,d ms (%,d entries); heap %,d MB per executor%n"
              + "        %,d articles, %,d sentences in %.1f s on one core: %,.0f sentences/s, "
              + "%,d mentions%n", artifactBytes / 1e6, places, keys, loadMillis,
          matcherBuildMillis, automatonEntries, heapMegabytes, articles, sentences, seconds,
          sentencesPerSecond(), mentions);
    }
  }

  /** Runs on up to {@code maxArticles} texts of the generated archive in {@code archive}. */
  public static Result run(Path archive, int maxArticles, ExtractSettings settings,
      List<String> languages) throws IOException {
    List<String[]> articles = readTexts(archive, maxArticles, new LanguageIdentifier(languages));
    Pattern bounds = settings.sentencePattern();
    List<List<String>> split = new ArrayList<>(articles.size());
    long sentences = 0;
    for (String[] a : articles) {
      List<String> s = java.util.Arrays.stream(bounds.split(a[0]))
          .filter(x -> !x.isBlank()).toList();
      split.add(s);
      sentences += s.size();
    }

    GazetteerSource source = GazetteerSource.classpath();
    long artifactBytes;
    try (InputStream in = source.openArtifact()) {
      artifactBytes = in.transferTo(java.io.OutputStream.nullOutputStream());
    }
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long before = usedAfterGc(memory);
    Gazetteer gazetteer = Gazetteer.load(source);
    PlaceMatcher matcher = new PlaceMatcher(gazetteer);
    PlaceResolver resolver = new PlaceResolver(matcher, PlaceLexicon.load());
    long heap = (usedAfterGc(memory) - before) / (1024 * 1024);

    // warm-up (JIT), then the timed pass
    for (int i = 0; i < Math.min(500, split.size()); i++) {
      resolver.resolve(split.get(i), articles.get(i)[1]);
    }
    long mentions = 0;
    long t0 = System.nanoTime();
    for (int i = 0; i < split.size(); i++) {
      mentions += resolver.resolve(split.get(i), articles.get(i)[1]).size();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    return new Result(artifactBytes, gazetteer.placeCount(), gazetteer.keyCount(), matcher.size(),
        gazetteer.loadMillis(), matcher.buildMillis(), heap, articles.size(), sentences, seconds,
        mentions);
  }

  private static long usedAfterGc(MemoryMXBean memory) {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }

  /** (text, identified language) of the first articles of the archive's JSON Lines shards. */
  private static List<String[]> readTexts(Path archive, int max, LanguageIdentifier languages)
      throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<String[]> out = new ArrayList<>();
    List<Path> shards;
    try (Stream<Path> files = Files.list(archive)) {
      shards = files.filter(p -> p.getFileName().toString().matches("articles-.*\\.jsonl(\\.gz)?"))
          .sorted().toList();
    }
    for (Path shard : shards) {
      InputStream raw = Files.newInputStream(shard);
      InputStream in = shard.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
      try (BufferedReader r = new BufferedReader(new InputStreamReader(in,
          StandardCharsets.UTF_8))) {
        for (String line = r.readLine(); line != null && out.size() < max; line = r.readLine()) {
          JsonNode n = json.readTree(line);
          String text = n.path("text").asText("");
          if (!text.isEmpty()) {
            out.add(new String[] {text, languages.identify(text)});
          }
        }
      }
      if (out.size() >= max) {
        break;
      }
    }
    if (out.isEmpty()) {
      throw new IllegalStateException("no article texts in " + archive);
    }
    return out;
  }
}
