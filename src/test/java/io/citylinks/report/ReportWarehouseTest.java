package io.citylinks.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.citylinks.generate.ArchiveGenerator;
import io.citylinks.generate.GeneratorOptions;
import io.citylinks.pipeline.PipelineJob;
import io.citylinks.spark.TableWriter;
import io.citylinks.spark.Tables;
import io.citylinks.spark.TestSpark;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report over a warehouse the pipeline wrote from a small generated archive: every number
 * the page draws equals the same figure asked of the tables in SQL. Slow: it runs the pipeline
 * first (about a minute on two idle cores).
 */
@Tag("slow")
class ReportWarehouseTest {
  static final String DB = "reportdb";
  static final int TOP = 8;
  static final String HOSTILE = "<script>alert('report')</script> & \"quoted\" evidence";

  @TempDir static Path dir;
  static SparkSession spark;
  static String html;
  static Document doc;

  @BeforeAll
  static void buildWarehouseAndReport() throws Exception {
    Path archive = dir.resolve("archive");
    ArchiveGenerator.generate(GeneratorOptions.builder(150, archive).seed(11)
        .partnershipShare(0.6).exactDupShare(0.05).nearDupShare(0.05).rewordedShare(0.1)
        .build());
    spark = TestSpark.session();
    new PipelineJob(spark, TestSpark.config(DB)).run(List.of(archive.toString()));
    // One more evidence sentence for an event of the top city pair, confident enough to be
    // shown, with markup that must come out as text.
    String topEvent = spark.sql("SELECT min(event_id) FROM " + DB + ".partnership_events "
        + "GROUP BY city_a, country_a, city_b, country_b, geoname_id_a, geoname_id_b "
        + "ORDER BY count(*) DESC, sum(num_articles) DESC, city_a, country_a, city_b, country_b, "
        + "geoname_id_a, geoname_id_b LIMIT 1").first().getString(0);
    new TableWriter(spark, TestSpark.config(DB)).append(Tables.PARTNERSHIP_MENTIONS,
        spark.table(DB + ".partnership_mentions").filter(col("event_id").equalTo(topEvent))
            .limit(1).withColumn("evidence", lit(HOSTILE)).withColumn("confidence", lit(1.0)));
    html = HtmlReport.render(ReportQueries.read(spark, DB, "/the/warehouse", TOP));
    Files.writeString(dir.resolve("report.html"), html, StandardCharsets.UTF_8);
    doc = Jsoup.parse(html);
  }

  private static Map<String, Long> counts(String sql) {
    Map<String, Long> out = new TreeMap<>();
    for (Row r : spark.sql(sql).collectAsList()) {
      out.put(r.getString(0), r.getLong(1));
    }
    return out;
  }

  private static Map<String, Long> drawn(String selector, String... keys) {
    Map<String, Long> out = new TreeMap<>();
    for (Element e : doc.select(selector)) {
      List<String> parts = new ArrayList<>();
      for (String k : keys) {
        parts.add(e.attr(k));
      }
      Long before = out.put(String.join("/", parts), Long.parseLong(e.attr("data-value")));
      assertEquals(null, before, "drawn once: " + parts);
    }
    return out;
  }

  @Test
  void headerTotalsAreTheTableCounts() {
    Row r = spark.sql("SELECT (SELECT count(*) FROM reportdb.articles), "
        + "(SELECT count(*) FROM reportdb.articles WHERE is_canonical), "
        + "(SELECT count(*) FROM reportdb.partnership_events), "
        + "(SELECT count(*) FROM reportdb.partnership_mentions), "
        + "(SELECT count(*) FROM reportdb.runs)").first();
    String[] stats = {"articles", "canonical-articles", "events", "mentions", "runs"};
    for (int i = 0; i < stats.length; i++) {
      assertEquals(r.getLong(i), Long.parseLong(
          doc.selectFirst("[data-stat=" + stats[i] + "]").attr("data-value")), stats[i]);
    }
    assertTrue(r.getLong(2) > 20, "the archive gives enough events to chart: " + r.getLong(2));
    String runId = spark.sql("SELECT run_id FROM reportdb.runs").first().getString(0);
    assertEquals(runId, doc.selectFirst("[data-run-id]").attr("data-run-id"));
    assertTrue(doc.selectFirst("p.origin").text().contains("/the/warehouse"));
  }

  @Test
  void matrixCellsAreEventsByCountryPair() {
    Map<String, Long> expected = counts("SELECT concat(country_a, '/', country_b), count(*) "
        + "FROM reportdb.partnership_events GROUP BY country_a, country_b");
    Set<String> countries = new TreeSet<>();
    expected.keySet().forEach(k -> countries.addAll(List.of(k.split("/"))));
    assertTrue(countries.size() <= CountryPairMatrix.MAX_COUNTRIES, "every pair is drawn");
    assertEquals(expected, drawn("g#country-pair-matrix rect[data-value]", "data-country-a",
        "data-country-b"));
  }

  @Test
  void stackedBarsAreEventsByYearAndType() {
    Map<String, Long> expected = counts("SELECT concat(coalesce(cast(year AS string), "
        + "'unknown'), '/', type), count(*) FROM reportdb.partnership_events GROUP BY year, type");
    assertEquals(expected, drawn("g#events-by-year-type rect[data-value]", "data-year",
        "data-type"));
    Map<String, Long> byType = counts("SELECT type, count(*) FROM reportdb.partnership_events "
        + "GROUP BY type");
    for (Element item : doc.select("g#events-by-year-type g.legend-item")) {
      assertEquals(byType.get(item.attr("data-type")), Long.parseLong(item.attr("data-total")));
    }
  }

  @Test
  void topicBarsAreSumsOfTheAggregate() {
    Map<String, Long> expected = counts("SELECT concat(topic, '/', coalesce(cast(year AS string),"
        + " 'unknown')), sum(num_events) FROM reportdb.partnerships_by_country_pair_topic_year "
        + "GROUP BY topic, year");
    assertEquals(expected, drawn("g#topics-by-year rect[data-value]", "data-topic",
        "data-year"));
  }

  @Test
  void topCityPairsAreRankedWithTheirEvidence() {
    List<Row> expected = spark.sql("SELECT city_a, country_a, city_b, country_b, count(*) AS n, "
        + "sum(num_articles) AS a, collect_set(event_id) FROM reportdb.partnership_events "
        + "GROUP BY city_a, country_a, city_b, country_b, geoname_id_a, geoname_id_b "
        + "ORDER BY n DESC, a DESC, city_a, country_a, city_b, country_b, geoname_id_a, "
        + "geoname_id_b LIMIT " + TOP)
        .collectAsList();
    List<Element> rows = doc.select("table#top-city-pairs tr.city-pair");
    assertEquals(expected.size(), rows.size());
    for (int i = 0; i < rows.size(); i++) {
      Row want = expected.get(i);
      Element row = rows.get(i);
      String pair = want.getString(0) + " – " + want.getString(2);
      assertEquals(List.of(want.getString(0), want.getString(1), want.getString(2),
          want.getString(3), Long.toString(want.getLong(4)), Long.toString(want.getLong(5))),
          List.of(row.attr("data-city-a"), row.attr("data-country-a"), row.attr("data-city-b"),
              row.attr("data-country-b"), row.attr("data-events"), row.attr("data-articles")),
          pair);
      long typeSum = row.select(".chip").stream()
          .mapToLong(c -> Long.parseLong(c.attr("data-value"))).sum();
      assertEquals(want.getLong(4), typeSum, "types add up to the events of " + pair);
      // The evidence shown is the pair's own: distinct sentences of its events' mentions.
      StringBuilder ids = new StringBuilder();
      for (Object id : want.getList(6)) {
        ids.append(ids.length() == 0 ? "'" : ", '").append(id).append('\'');
      }
      Set<String> sentences = new TreeSet<>(spark.sql("SELECT DISTINCT evidence FROM "
          + "reportdb.partnership_mentions WHERE evidence IS NOT NULL AND trim(evidence) <> '' "
          + "AND event_id IN (" + ids + ")").as(org.apache.spark.sql.Encoders.STRING())
          .collectAsList());
      List<String> shown = row.select(".quote").eachText();
      assertEquals(Math.min(ReportQueries.EVIDENCE_PER_PAIR, sentences.size()), shown.size(),
          pair);
      assertEquals(shown.size(), new TreeSet<>(shown).size(), "no sentence twice: " + pair);
      for (String s : shown) {
        assertTrue(sentences.contains(s), pair + " shows " + s);
      }
      for (String s : sentences) {
        if (shown.contains(s)) {
          assertTrue(html.contains(Html.escape(s)), "escaped in the markup: " + s);
        }
      }
    }
    // The most confident sentence comes first, as text, not as markup.
    assertEquals(HOSTILE, doc.selectFirst("table#top-city-pairs .quote").text());
    assertTrue(doc.select("script").isEmpty());
    assertFalse(html.contains("<script>"));
  }

  @Test
  void pageIsOfflineAndTheSameEveryTime() {
    for (Element e : doc.select("[src], [href]")) {
      String ref = (e.attr("src") + e.attr("href")).toLowerCase(java.util.Locale.ROOT);
      assertFalse(ref.startsWith("http:") || ref.startsWith("https:") || ref.startsWith("//"),
          "offline: " + e);
    }
    assertTrue(doc.select("script, link, img, iframe").isEmpty());
    assertEquals(html, HtmlReport.render(ReportQueries.read(spark, DB, "/the/warehouse", TOP)));
  }

  @Test
  void missingTablesAreSaidInOneLine() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> ReportQueries.read(spark, "reportdb_never_written", "/some/wh", 5));
    assertTrue(e.getMessage().startsWith("no citylinks tables in /some/wh"), e.getMessage());
    assertTrue(e.getMessage().contains("run jobs/run --warehouse /some/wh first"));
  }
}
