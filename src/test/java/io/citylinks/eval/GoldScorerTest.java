package io.citylinks.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.citylinks.eval.GoldScorer.Found;
import io.citylinks.eval.GoldScorer.GoldDoc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scorer's figures on a small hand-made case. */
class GoldScorerTest {
  @TempDir Path dir;

  @Test
  void figuresFromLabelsAndFindings() throws Exception {
    Path gold = dir.resolve("gold.jsonl");
    Files.writeString(gold, String.join("\n",
        "{\"id\": \"a\", \"lang\": \"tr\", \"partnerships\": [{\"cities\": [\"Chengdu\", "
            + "\"Izmir\"], \"countries\": [\"CN\", \"TR\"], \"type\": \"visit\", \"topics\": "
            + "[\"trade\", \"culture\"], \"year\": 2024}]}",
        "{\"id\": \"b\", \"lang\": \"fa\", \"partnerships\": [{\"cities\": [\"Gorgan\", "
            + "\"Guangzhou\"], \"countries\": [\"CN\", \"IR\"], \"type\": \"twinning\", "
            + "\"topics\": [], \"year\": null}]}",
        "{\"id\": \"c\", \"lang\": \"fa\", \"partnerships\": []}",
        "{\"id\": \"d\", \"lang\": \"tr\", \"partnerships\": []}", ""));
    List<GoldDoc> labels = GoldScorer.readGold(gold);
    Map<String, List<Found>> found = Map.of(
        // right pair (names with diacritics, other order), wrong type, one topic of two
        "a", List.of(new Found("İzmir", "TR", "311046", "Chengdu", "CN", "1815286", "agreement",
            Set.of("trade"), 2024)),
        // a pair the labels do not have
        "b", List.of(new Found("Gorgān", "IR", "1", "Shenzhen", "CN", "2", "twinning",
            Set.of(), null)),
        "c", List.of(new Found("Tehran", "IR", "3", "Moscow", "RU", "4", "visit", Set.of(),
            null)));
    GoldScorer.Report r = GoldScorer.score(labels, found, GoldScorer.NameMatcher.BY_NAME);
    GoldScorer.Tally all = r.all();
    assertEquals(4, all.docs());
    assertEquals(1.0 / 3, all.cityPrecision(), 1e-9);
    assertEquals(0.5, all.cityRecall(), 1e-9);
    assertEquals(0.0, all.typeAccuracy(), 1e-9);
    assertEquals(1.0, all.yearAccuracy(), 1e-9);
    assertEquals(2.0 / 3, all.topicF1(), 1e-9); // tp 1, predicted 1, labelled 2
    assertEquals(0.8, all.countryF1(), 1e-9); // CN|TR and CN|IR found, IR|RU false
    assertEquals(0.5, all.falseNegativeRate(), 1e-9); // c has a false one, d none
    assertTrue(r.differences().contains("a: Chengdu|Izmir type agreement, gold visit"),
        r.differences().toString());
    assertTrue(r.format().contains("all"), r.format());
  }

  @Test
  void confidenceBandsCountRightAndWrongPairs() throws Exception {
    Path gold = dir.resolve("gold.jsonl");
    Files.writeString(gold, String.join("\n",
        "{\"id\": \"a\", \"lang\": \"en\", \"partnerships\": [{\"cities\": [\"Leeds\", "
            + "\"Lille\"], \"countries\": [\"FR\", \"GB\"], \"type\": \"twinning\", "
            + "\"topics\": [], \"year\": 2020}]}",
        "{\"id\": \"b\", \"lang\": \"en\", \"partnerships\": []}", ""));
    Map<String, List<Found>> found = Map.of(
        "a", List.of(new Found("Lille", "FR", "1", "Leeds", "GB", "2", "twinning", Set.of(), 2020,
            0.93)),
        "b", List.of(new Found("Lyon", "FR", "3", "Leeds", "GB", "2", "visit", Set.of(), 2020,
            0.55), new Found("Lyon", "FR", "3", "York", "GB", "4", "visit", Set.of(), 2020, 0.81)));
    GoldScorer.Report r = GoldScorer.score(GoldScorer.readGold(gold), found,
        GoldScorer.NameMatcher.BY_NAME);
    assertEquals(3, r.scored().size());
    assertEquals(0.5, r.precisionAtLeast(0.8), 1e-9); // 0.93 right, 0.81 wrong
    assertEquals(1.0, r.precisionAtLeast(0.9), 1e-9);
    assertEquals(1.0 / 3, r.precisionAtLeast(0.0), 1e-9);
    String bands = r.formatBands();
    // band 0.8-0.9: one pair, none right; >=0.9: one right, recall 1 of 1 label
    assertTrue(bands.contains("0.8-0.9         1       0   0.00     0.50     1.00"), bands);
    assertTrue(bands.contains(">=0.9           1       1   1.00     1.00     1.00"), bands);
  }

  @Test
  void errorKindsTellWhyPairsAreMissedOrFalse() throws Exception {
    Path gold = dir.resolve("gold.jsonl");
    Files.writeString(gold, String.join("\n",
        page("a", pair("Leeds", "Lille", "FR", "GB", "twinning"),
            pair("Leeds", "Siegen", "DE", "GB", "twinning"),
            pair("Lille", "Paris", "FR", "FR", "visit"),
            pair("Leeds", "Valencia", "ES", "GB", "twinning"),
            pair("Dortmund", "Leeds", "DE", "GB", "twinning")),
        page("b"), page("c", pair("Leeds", "Lille", "FR", "GB", "twinning")), ""));
    Map<String, List<Found>> found = Map.of(
        "a", List.of(
            // found, but Leeds read as a namesake abroad
            new Found("Lille", "FR", "1", "Leeds", "US", "2", "twinning", Set.of(), null),
            new Found("Paris", "FR", "3", "Siegen", "DE", "4", "visit", Set.of(), null),
            new Found("Paris", "FR", "3", "York", "GB", "5", "visit", Set.of(), null),
            new Found("Rome", "IT", "6", "York", "GB", "5", "visit", Set.of(), null)),
        "b", List.of(new Found("Rome", "IT", "6", "York", "GB", "5", "visit", Set.of(), null)));
    Map<String, List<GoldScorer.Recognised>> places = Map.of("a", List.of(
        new GoldScorer.Recognised("Valencia", "7", "VE"),
        new GoldScorer.Recognised("Dortmund", "8", "DE"),
        new GoldScorer.Recognised("Leeds", "9", "GB")), "c", List.of());
    GoldScorer.ErrorKinds e = GoldScorer.score(GoldScorer.readGold(gold), found, places,
        GoldScorer.NameMatcher.BY_NAME).errors();
    String table = e.format();
    assertEquals(5, count(table, "missed labelled pairs"), table);
    assertEquals(1, count(table, "the page not read for places"), table); // c
    // Leeds|Siegen and Lille|Paris: both cities in other pairs
    assertEquals(2, count(table, "both cities found, each in another pair"), table);
    assertEquals(0, count(table, "a city not recognised as a city in the page"), table);
    assertEquals(1, count(table, "a city recognised only in another country"), table); // Valencia
    assertEquals(1, count(table, "both recognised, not paired"), table); // Dortmund
    assertEquals(4, count(table, "false pairs"), table);
    assertEquals(1, count(table, "on a page labelled without partnerships"), table);
    assertEquals(1, count(table, "both cities labelled on the page"), table); // Paris|Siegen
    assertEquals(1, count(table, "one city labelled on the page"), table); // Paris|York
    assertEquals(1, count(table, "neither city labelled on the page"), table); // Rome|York
    assertEquals(1, count(table, "found labelled pairs"), table);
    assertEquals(1, count(table, "with a city in another country than labelled"), table);
  }

  /** A labelled page of gold.jsonl, in English. */
  private static String page(String id, String... pairs) {
    return "{\"id\": \"" + id + "\", \"lang\": \"en\", \"partnerships\": ["
        + String.join(", ", pairs) + "]}";
  }

  /** A labelled partnership without topics or year; cities by name, countries by code. */
  private static String pair(String cityA, String cityB, String countryA, String countryB,
      String type) {
    return String.format("{\"cities\": [\"%s\", \"%s\"], \"countries\": [\"%s\", \"%s\"], "
        + "\"type\": \"%s\", \"topics\": [], \"year\": null}", cityA, cityB, countryA,
        countryB, type);
  }

  /** The count on the line of {@code table} that starts (after spaces) with {@code label}. */
  private static int count(String table, String label) {
    for (String line : table.split("\n")) {
      if (line.strip().startsWith(label)) {
        return Integer.parseInt(line.substring(line.lastIndexOf(' ') + 1).strip());
      }
    }
    throw new AssertionError("no line " + label + " in\n" + table);
  }

  @Test
  void gazetteerNamesMatchOtherNamesOfThePlace() {
    GazetteerNames names = GazetteerNames.shared();
    assertTrue(names.sameCity("Izmir", "İzmir", "311046"));
    assertTrue(names.sameCity("Smyrna", "İzmir", "311046")); // a GeoNames alternate name
    assertTrue(!names.sameCity("Ankara", "İzmir", "311046"));
    // the official German name where GeoNames has the short one
    assertTrue(names.sameCity("Hattersheim am Main", "Hattersheim", "2909240"));
    assertTrue(!names.sameCity("Frankfurt am Main", "Hattersheim", "2909240"));
  }
}
