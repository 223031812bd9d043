package io.citylinks.extract.places;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citylinks.config.CitylinksConfig;
import io.citylinks.eval.GazetteerNames;
import io.citylinks.extract.places.gazetteer.SurfaceNormalizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Developer's report on the labelled dev pages ({@code ../shared/dev}): for every page, the
 * accepted mentions, and whether each labelled partner city was found in the right country.
 * Run with the test classpath: {@code java -cp target/test-classes:target/classes:...
 * io.citylinks.extract.places.DevPlaceReport ../shared/dev -v}; {@link DevPagesRecallTest} checks it.
 */
public final class DevPlaceReport {
  public static final Pattern SENTENCES = CitylinksConfig.defaults().extract().sentencePattern();

  /**
   * A page's sentences as the jobs' sentence detector gives them: split at the configured bounds,
   * blank ones left out (a full stop before a line break bounds no empty sentence).
   */
  public static List<String> sentences(String page) {
    return Arrays.stream(SENTENCES.split(page)).filter(s -> !s.isBlank()).toList();
  }

  /** Found/expected partner cities over a labelled set. */
  public record Recall(int found, int expected, List<String> missed) {}

  public static void main(String[] args) throws IOException {
    Path dev = Path.of(args.length > 0 ? args[0] : "../shared/dev");
    boolean verbose = Arrays.asList(args).contains("-v");
    PlaceResolver resolver = PlaceResolver.shared();
    Recall seeds = recall(resolver, dev.resolve("seeds"), dev.resolve("seeds-expected.jsonl"),
        verbose);
    Recall real = recall(resolver, dev.resolve("real/docs"), dev.resolve("real/gold.jsonl"),
        verbose);
    System.out.println("seeds: " + seeds.found() + "/" + seeds.expected() + " missed "
        + seeds.missed());
    System.out.println("real:  " + real.found() + "/" + real.expected() + " missed "
        + real.missed());
  }

  /** Partner cities of {@code gold} found among the mentions of the pages in {@code docs}. */
  public static Recall recall(PlaceResolver resolver, Path docs, Path gold, boolean verbose)
      throws IOException {
    ObjectMapper json = new ObjectMapper();
    int found = 0;
    int expected = 0;
    List<String> missed = new ArrayList<>();
    for (String line : Files.readAllLines(gold)) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode g = json.readTree(line);
      String id = g.path("id").asText();
      Path doc = docs.resolve(id + ".txt");
      if (!Files.isRegularFile(doc)) {
        continue;
      }
      List<String> sentences = sentences(Files.readString(doc));
      List<PlaceMention> mentions = resolver.resolve(sentences, g.path("lang").asText());
      Set<String> seen = new HashSet<>();
      for (PlaceMention m : mentions) {
        seen.add(key(m.name(), m.country()));
        resolver.matcher().gazetteer().byId(m.placeId()).ifPresent(
            p -> seen.add(key(p.asciiName(), p.countryCode())));
      }
      GazetteerNames names = new GazetteerNames(resolver.matcher().gazetteer());
      if (verbose) {
        System.out.println("== " + id);
        Set<String> printed = new HashSet<>();
        for (PlaceMention m : mentions) {
          if (printed.add(m.surface() + m.placeId())) {
            System.out.printf("   %-24s %-22s %s %-7s %.2f %s%n", m.surface(), m.placeId(),
                m.country(), m.kind(), m.confidence(), m.rule() + " " + m.name());
          }
        }
      }
      for (JsonNode p : g.path("partnerships")) {
        Set<String> countries = new HashSet<>();
        p.path("countries").forEach(c -> countries.add(c.asText()));
        for (JsonNode c : p.path("cities")) {
          expected++;
          // by the scorer's rule too: a labelled spelling the gazetteer has for the place
          // ("Nizhny Novgorod" for Nizhniy Novgorod)
          boolean ok = countries.stream().anyMatch(cc -> seen.contains(key(c.asText(), cc)))
              || mentions.stream().anyMatch(m -> countries.contains(m.country())
                  && names.sameCity(c.asText(), m.name(), m.placeId()));
          if (ok) {
            found++;
          } else {
            missed.add(id + ":" + c.asText());
          }
        }
      }
    }
    return new Recall(found, expected, missed);
  }

  private static String key(String name, String country) {
    return SurfaceNormalizer.normalize(name).replaceAll("[^a-z]", "") + "/" + country;
  }

  private DevPlaceReport() {}
}
