package io.citylinks.extract.places;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The hand-written sentence suite ({@code src/test/resources/citylinks/places/sentences.tsv}):
 * sentences in every supported language with inflected forms, spelling variants and traps, each
 * with the exact places a careful reader marks. A mention counts as right when its id is the
 * expected one and it covers the expected anchor text. City and district precision must be at
 * least 0.95 (issue 3); recall and country figures are printed.
 */
class SentenceSuiteTest {
  static final String SUITE = "/citylinks/places/sentences.tsv";

  /** One expected place: its id and where its anchor text is in the sentence. */
  record Expected(String id, int start, int end) {}

  /** Counts of one kind of place (cities and districts, or countries). */
  static final class Score {
    int truePositives;
    int falsePositives;
    int falseNegatives;

    double precision() {
      return truePositives + falsePositives == 0 ? 1
          : (double) truePositives / (truePositives + falsePositives);
    }

    double recall() {
      return truePositives + falseNegatives == 0 ? 1
          : (double) truePositives / (truePositives + falseNegatives);
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "P=%.3f R=%.3f (tp %d, fp %d, fn %d)", precision(),
          recall(), truePositives, falsePositives, falseNegatives);
    }
  }

  @Test
  void cityPrecisionIsAtLeast95Percent() throws IOException {
    PlaceResolver resolver = PlaceResolver.shared();
    Score cities = new Score();
    Score countries = new Score();
    Map<String, Score> byLang = new TreeMap<>();
    List<String> errors = new ArrayList<>();
    int lines = 0;
    for (String line : lines()) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cols = line.split("\t", -1);
      assertTrue(cols.length >= 2, "bad suite line: " + line);
      lines++;
      String lang = cols[0].strip();
      String sentence = cols[1];
      List<Expected> expected = parse(sentence, cols.length > 2 ? cols[2] : "", line);
      List<PlaceMention> found = resolver.resolve(List.of(sentence), lang);
      Score langScore = byLang.computeIfAbsent(lang, k -> new Score());
      boolean[] used = new boolean[expected.size()];
      for (PlaceMention m : found) {
        boolean country = m.kind().equals("country");
        Score score = country ? countries : cities;
        int hit = -1;
        for (int i = 0; i < expected.size(); i++) {
          Expected e = expected.get(i);
          if (!used[i] && e.id().equals(m.placeId()) && m.start() < e.end()
              && e.start() < m.end()) {
            hit = i;
            break;
          }
        }
        if (hit >= 0) {
          used[hit] = true;
          score.truePositives++;
          if (!country) {
            langScore.truePositives++;
          }
        } else {
          score.falsePositives++;
          if (!country) {
            langScore.falsePositives++;
          }
          errors.add(lang + " FP " + m.surface() + "=" + m.placeId() + " (" + m.name() + ", "
              + m.rule() + ") in: " + sentence);
        }
      }
      for (int i = 0; i < expected.size(); i++) {
        if (!used[i]) {
          Expected e = expected.get(i);
          boolean country = e.id().startsWith("country:");
          (country ? countries : cities).falseNegatives++;
          if (!country) {
            langScore.falseNegatives++;
          }
          errors.add(lang + " FN " + sentence.substring(e.start(), e.end()) + "=" + e.id()
              + " in: " + sentence);
        }
      }
    }
    System.out.println("sentence suite: " + lines + " sentences; cities " + cities
        + "; countries " + countries);
    byLang.forEach((lang, s) -> System.out.println("  " + lang + " cities " + s));
    errors.forEach(e -> System.out.println("  " + e));
    assertTrue(lines >= 100, "the suite has " + lines + " sentences");
    assertTrue(cities.precision() >= 0.95, "city precision " + cities + "\n"
        + String.join("\n", errors));
    assertTrue(cities.recall() >= 0.80, "city recall " + cities);
    assertTrue(countries.precision() >= 0.95, "country precision " + countries);
  }

  private static List<Expected> parse(String sentence, String field, String line) {
    List<Expected> out = new ArrayList<>();
    int from = 0;
    for (String item : field.split(" ; ")) {
      if (item.isBlank()) {
        continue;
      }
      int eq = item.lastIndexOf('=');
      assertTrue(eq > 0, "bad expected item '" + item + "' in: " + line);
      String anchor = item.substring(0, eq);
      int at = sentence.indexOf(anchor, from);
      if (at < 0) {
        at = sentence.indexOf(anchor);
      }
      assertTrue(at >= 0, "anchor '" + anchor + "' is not in: " + line);
      out.add(new Expected(item.substring(eq + 1).strip(), at, at + anchor.length()));
      from = at + anchor.length();
    }
    return out;
  }

  private static List<String> lines() throws IOException {
    try (InputStream in = SentenceSuiteTest.class.getResourceAsStream(SUITE)) {
      assertTrue(in != null, SUITE + " is missing");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }
}
