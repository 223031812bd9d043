package io.citylinks.extract.partnership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citylinks.config.CitylinksConfig;
import io.citylinks.eval.GazetteerNames;
import io.citylinks.eval.GoldScorer;
import io.citylinks.eval.GoldScorer.Tally;
import io.citylinks.eval.TableFindings;
import io.citylinks.pipeline.PipelineJob;
import io.citylinks.spark.TestSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * The whole pipeline on labelled pages, scored from the tables as {@code jobs/score} does: the
 * project's own articles in 11 languages ({@code src/test/resources/citylinks/partnerships}: each
 * type, multilateral events, year and place traps, negatives), and the real dev pages of
 * {@code ../shared/dev/real} when they are there. The floors sit a little under the figures
 * measured when they were set, so a change that loses accuracy fails here.
 */
class LabelledSetsTest {
  static final Path OWN = Paths.get("src/test/resources/citylinks/partnerships");

  private static GoldScorer.Report run(String database, Path docs, Path gold) {
    SparkSession spark = TestSpark.session();
    CitylinksConfig config = TestSpark.config(database);
    new PipelineJob(spark, config).run(List.of(docs.toString()));
    List<GoldScorer.GoldDoc> labels = GoldScorer.readGold(gold);
    TableFindings.Matched matched = TableFindings.read(spark, database, labels);
    assertTrue(matched.missing().isEmpty(), "pages not in the tables: " + matched.missing());
    GoldScorer.Report report = GoldScorer.score(labels, matched.found(), GazetteerNames.shared());
    System.out.println(database + "\n" + report.format());
    return report;
  }

  @Test
  void ownArticlesInElevenLanguages() {
    GoldScorer.Report report = run("own_labelled", OWN.resolve("articles"),
        OWN.resolve("gold.jsonl"));
    Tally all = report.all();
    String shown = report.format() + String.join("\n", report.differences());
    assertTrue(all.docs() == 85, shown);
    assertTrue(all.cityF1() >= 0.82, "city-pair F1 " + shown);
    assertTrue(all.countryF1() >= 0.80, "country-pair F1 " + shown);
    assertTrue(all.typeAccuracy() >= 0.90, "type accuracy " + shown);
    assertTrue(all.yearAccuracy() >= 0.95, "year accuracy " + shown);
    assertTrue(all.topicF1() >= 0.80, "topic F1 " + shown);
    assertTrue(all.falseNegativeRate() <= 0.10, "negatives " + shown);
    report.byLanguage().forEach((lang, t) ->
        assertTrue(t.matched() >= 3, lang + " finds at least 3 of its 6 pairs\n" + shown));
  }

  @Test
  void realDevPages() {
    Path real = Paths.get(System.getProperty("citylinks.shared", "../shared"), "dev", "real");
    assumeTrue(Files.isDirectory(real.resolve("docs")), "../shared/dev/real is absent");
    GoldScorer.Report report = run("dev_real", real.resolve("docs"), real.resolve("gold.jsonl"));
    Tally all = report.all();
    String shown = report.format() + String.join("\n", report.differences());
    // Measured on the 208 pages (16 languages) with jobs/run + jobs/score on 587b687: city-pair
    // F1 0.80, country-pair 0.84, type 0.73, year 0.94, topics 0.83, 7/64 negatives with a
    // partnership, 62 of the 65 pairs of confidence 0.9 or more right.
    assertTrue(all.docs() == 208, shown);
    assertTrue(all.cityF1() >= 0.77, "city-pair F1 " + shown);
    assertTrue(all.countryF1() >= 0.81, "country-pair F1 " + shown);
    assertTrue(all.typeAccuracy() >= 0.70, "type accuracy " + shown);
    assertTrue(all.yearAccuracy() >= 0.92, "year accuracy " + shown);
    assertTrue(all.topicF1() >= 0.80, "topic F1 " + shown);
    assertTrue(all.falseNegativeRate() <= 0.16, "negatives " + shown);
    // the confidence means something: the pairs of 0.9 and more are nearly all right
    assertTrue(report.precisionAtLeast(0.9) >= 0.90, report.formatBands());
    assertDuplicateGroups("dev_real", real.resolve("gold.jsonl"));
  }

  /**
   * SPEC section 6 on the dev pages' {@code dup_group} labels: no cluster holds two stories; the
   * near-copies share a cluster (11 of the 21 labelled pairs when the set grew to 208 pages; the
   * others are the same story reworded, which share few 5-shingles); and two reports of one
   * partnership share an event.
   */
  private static void assertDuplicateGroups(String database, Path gold) {
    SparkSession spark = TestSpark.session();
    Map<String, String> groupOf = new TreeMap<>();
    Map<String, Boolean> partnership = new TreeMap<>();
    try {
      for (String line : Files.readAllLines(gold)) {
        JsonNode d = new ObjectMapper().readTree(line);
        groupOf.put(d.get("id").asText(),
            d.get("dup_group").isNull() ? d.get("id").asText() : d.get("dup_group").asText());
        partnership.put(d.get("id").asText(), !d.get("partnerships").isEmpty());
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    Map<String, String> clusterOf = new TreeMap<>();
    Map<String, Set<String>> eventsOf = new TreeMap<>();
    for (Row r : spark.sql("SELECT a.source_file, a.dup_cluster_id, m.event_id FROM " + database
        + ".articles a LEFT JOIN " + database + ".partnership_mentions m "
        + "ON m.article_id = a.dup_cluster_id").collectAsList()) {
      String id = Paths.get(java.net.URI.create(r.getString(0)).getPath()).getFileName()
          .toString().replaceFirst("\\.txt$", "");
      clusterOf.put(id, r.getString(1));
      Set<String> events = eventsOf.computeIfAbsent(id, k -> new TreeSet<>());
      if (!r.isNullAt(2)) {
        events.add(r.getString(2));
      }
    }
    List<String> falseMerges = new ArrayList<>();
    int groupPairs = 0;
    int together = 0;
    int eventPairs = 0;
    List<String> eventMisses = new ArrayList<>();
    for (String a : clusterOf.keySet()) {
      for (String b : clusterOf.keySet()) {
        if (a.compareTo(b) >= 0) {
          continue;
        }
        boolean sameCluster = clusterOf.get(a).equals(clusterOf.get(b));
        boolean sameGroup = groupOf.get(a).equals(groupOf.get(b));
        if (sameCluster && !sameGroup) {
          falseMerges.add(a + "+" + b);
        }
        if (sameGroup) {
          groupPairs++;
          together += sameCluster ? 1 : 0;
          // Extraction misses (İskele) are scored above; here only what was found counts.
          boolean bothFound = !eventsOf.get(a).isEmpty() && !eventsOf.get(b).isEmpty();
          if (partnership.get(a) && partnership.get(b) && bothFound) {
            eventPairs++;
            if (java.util.Collections.disjoint(eventsOf.get(a), eventsOf.get(b))) {
              eventMisses.add(a + "+" + b + " " + eventsOf.get(a) + " " + eventsOf.get(b));
            }
          }
        }
      }
    }
    System.out.println(database + " duplicates: " + together + "/" + groupPairs
        + " dup_group pairs in one cluster, false merges " + falseMerges + "; " + eventPairs
        + " pairs reporting a partnership found in both, event misses " + eventMisses);
    assertEquals(21, groupPairs);
    assertTrue(falseMerges.isEmpty(), "stories merged: " + falseMerges);
    assertTrue(together >= 10, together + " of the dup_group pairs share a cluster");
    assertTrue(eventPairs >= 10, eventPairs + " dup_group pairs with partnerships found in both");
    assertTrue(eventMisses.isEmpty(), "reports of one partnership in different events: "
        + eventMisses);
  }
}
