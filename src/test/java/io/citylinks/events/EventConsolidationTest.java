package io.citylinks.events;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.citylinks.spark.Tables;
import io.citylinks.spark.TestSpark;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;

/**
 * Event consolidation on real Spark: which mentions make one event, the event id, and the counts
 * with duplicate copies and outlets (GDELT style).
 */
class EventConsolidationTest {
  static final String CHENGDU = "1815286";
  static final String HARBIN = "2037013";
  static final String IZMIR = "311046";
  /** The columns of an event of Chengdu – İzmir from city_a to geoname_id_b, after its id. */
  static final String PAIR = "|Chengdu|CN|İzmir|TR|" + CHENGDU + "|" + IZMIR;

  static SparkSession spark() {
    return TestSpark.session();
  }

  /** A mention of Chengdu (CN) – İzmir (TR) in an article. */
  static Row mention(String articleId, String type, Integer year, String... topics) {
    return mention(articleId, CHENGDU, "Chengdu", type, year, topics);
  }

  /** A mention of a Chinese city and İzmir (TR) in an article. */
  static Row mention(String articleId, String cnId, String cnCity, String type, Integer year,
      String... topics) {
    return RowFactory.create(articleId, "provisional", cnCity, "CN", "İzmir", "TR", cnId, IZMIR,
        type, Arrays.asList(topics), year, "evidence of " + articleId, 0, 0.9, "r0");
  }

  static Dataset<Row> mentions(Row... rows) {
    return spark().createDataFrame(List.of(rows), Tables.PARTNERSHIP_MENTIONS.schema());
  }

  /** An article row of the articles table; columns events do not read are null. */
  static Row article(String id, String cluster, boolean canonical, String domain, String lang,
      String date) {
    Date published = date == null ? null : Date.valueOf(date);
    Map<String, Object> values = new HashMap<>();
    values.put("article_id", id);
    values.put("dup_cluster_id", cluster);
    values.put("is_canonical", canonical);
    values.put("domain", domain);
    values.put("lang", lang);
    values.put("published_date", published);
    values.put("year", published == null ? null : published.toLocalDate().getYear());
    StructField[] fields = Tables.ARTICLES.schema().fields();
    Object[] row = new Object[fields.length];
    for (int i = 0; i < fields.length; i++) {
      row[i] = values.get(fields[i].name());
    }
    return RowFactory.create(row);
  }

  /** A canonical article alone in its cluster. */
  static Row article(String id, String domain, String lang, String date) {
    return article(id, id, true, domain, lang, date);
  }

  static Dataset<Row> articles(Row... rows) {
    return spark().createDataFrame(List.of(rows), Tables.ARTICLES.schema());
  }

  /** The event id by the documented rule, computed independently of Spark. */
  static String id(String a, String b, String type, Integer year, String firstDate) {
    String key = a + "|" + b + "|" + type + "|" + (year == null ? "" : year) + "|"
        + (firstDate == null ? "" : firstDate);
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256")
          .digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Rows as sorted strings, {@code |}-separated, arrays as [x, y]. */
  static List<String> render(Dataset<Row> rows) {
    StructField[] fields = rows.schema().fields();
    List<String> out = new ArrayList<>();
    for (Row r : rows.collectAsList()) {
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < fields.length; i++) {
        if (i > 0) {
          s.append('|');
        }
        s.append(r.isNullAt(i) ? "null"
            : fields[i].dataType() instanceof ArrayType ? r.getList(i).toString()
                : r.get(i).toString());
      }
      out.add(s.toString());
    }
    out.sort(null);
    return out;
  }

  static List<String> sorted(String... rows) {
    List<String> out = new ArrayList<>(List.of(rows));
    out.sort(null);
    return out;
  }

  /** article_id|event_id of each mention, sorted. */
  static List<String> assignment(Dataset<Row> withEvents) {
    return render(withEvents.select("article_id", "event_id"));
  }

  static List<String> events(Dataset<Row> mentions, Dataset<Row> articles) {
    return render(EventConsolidation.events(
        EventConsolidation.assignEvents(mentions, articles), articles, "r1"));
  }

  @Test
  void twoOutletsReportingOneSigningAreOneEventWithTheUnionOfTopics() {
    Dataset<Row> articles = articles(
        article("a1", "x.example", "en", "2024-03-01"),
        article("a2", "y.example", "tr", "2024-03-03"));
    Dataset<Row> mentions = mentions(
        mention("a2", "agreement", 2024, "transport", "culture"),
        mention("a1", "agreement", 2024, "transport"));
    String ev = id(CHENGDU, IZMIR, "agreement", 2024, "2024-03-01");
    assertEquals(Tables.PARTNERSHIP_EVENTS.schema().simpleString(),
        EventConsolidation.events(mentions, articles, "r1").schema().simpleString());
    assertEquals(List.of(PAIR.substring(1) + "|agreement|[culture, transport]|2024|2024-03-01"
            + "|2024-03-03|2|2|2|[en, tr]|r1"),
        render(EventConsolidation.events(EventConsolidation.assignEvents(mentions, articles),
            articles, "r1").drop("event_id")));
    assertEquals(List.of("a1|" + ev, "a2|" + ev),
        assignment(EventConsolidation.assignEvents(mentions, articles)));
  }

  @Test
  void assignedMentionsKeepEveryOtherColumn() {
    Dataset<Row> articles = articles(article("a1", "x.example", "en", "2024-03-01"));
    Dataset<Row> mentions = mentions(mention("a1", "agreement", 2024, "transport"));
    Dataset<Row> assigned = EventConsolidation.assignEvents(mentions, articles);
    assertEquals(Tables.PARTNERSHIP_MENTIONS.schema().simpleString(),
        assigned.schema().simpleString());
    assertEquals(render(mentions.drop("event_id")), render(assigned.drop("event_id")));
  }

  @Test
  void onePageScrapedTwiceIsOneArticleOneSourceTwoMentions() {
    Dataset<Row> articles = articles(
        article("a1", "a1", true, "x.example", "en", "2024-03-01"),
        article("a1copy", "a1", false, "x.example", "en", "2024-03-05"));
    Dataset<Row> mentions = mentions(mention("a1", "agreement", 2024, "trade"));
    assertEquals(List.of(id(CHENGDU, IZMIR, "agreement", 2024, "2024-03-01") + PAIR
            + "|agreement|[trade]|2024|2024-03-01|2024-03-05|1|1|2|[en]|r1"),
        events(mentions, articles));
  }

  @Test
  void differentOutletsInOneClusterAreDifferentSources() {
    Dataset<Row> articles = articles(
        article("a1", "a1", true, "x.example", "en", "2024-03-01"),
        article("a1wire", "a1", false, "y.example", "und", "2024-02-28"),
        // No domain: each article is a source of its own.
        article("n1", "n1", true, null, null, "2024-06-01"),
        article("n1copy", "n1", false, null, "de", "2024-06-02"));
    Dataset<Row> mentions = mentions(
        mention("a1", "agreement", 2024),
        mention("n1", HARBIN, "Harbin", "agreement", 2024));
    assertEquals(sorted(
            id(CHENGDU, IZMIR, "agreement", 2024, "2024-03-01") + PAIR
                + "|agreement|[]|2024|2024-02-28|2024-03-01|1|2|2|[en]|r1",
            id(HARBIN, IZMIR, "agreement", 2024, "2024-06-01") + "|Harbin|CN|İzmir|TR|" + HARBIN
                + "|" + IZMIR + "|agreement|[]|2024|2024-06-01|2024-06-02|1|2|2|[de]|r1"),
        events(mentions, articles));
  }

  static Dataset<Row> visitArticles() {
    return articles(
        article("v0", "x.example", "en", null),
        article("v1", "x.example", "en", "2024-03-01"),
        article("v2", "y.example", "tr", "2024-03-11"),
        article("v3", "x.example", "en", "2024-08-05"),
        article("t1", "x.example", "en", "2024-03-01"),
        article("t2", "x.example", "en", "2024-08-05"));
  }

  static Dataset<Row> visitMentions() {
    return mentions(
        mention("v0", "visit", 2024, "culture"),
        mention("v1", "visit", 2024),
        mention("v2", "visit", 2024, "transport"),
        mention("v3", "visit", 2024, "trade"),
        mention("t1", "twinning", 2024),
        mention("t2", "twinning", 2024));
  }

  @Test
  void visitsMonthsApartAreTwoEventsReportsDaysApartOneAndTwinningNeverSplits() {
    String spring = id(CHENGDU, IZMIR, "visit", 2024, "2024-03-01");
    String summer = id(CHENGDU, IZMIR, "visit", 2024, "2024-08-05");
    String twinning = id(CHENGDU, IZMIR, "twinning", 2024, "2024-03-01");
    // v0 has no date: it sorts first and joins the first visit.
    assertEquals(List.of("t1|" + twinning, "t2|" + twinning, "v0|" + spring, "v1|" + spring,
            "v2|" + spring, "v3|" + summer),
        assignment(EventConsolidation.assignEvents(visitMentions(), visitArticles())));
    assertEquals(sorted(
            spring + PAIR + "|visit|[culture, transport]|2024|2024-03-01|2024-03-11|3|2|3|[en, tr]"
                + "|r1",
            summer + PAIR + "|visit|[trade]|2024|2024-08-05|2024-08-05|1|1|1|[en]|r1",
            twinning + PAIR + "|twinning|[]|2024|2024-03-01|2024-08-05|2|1|2|[en]|r1"),
        events(visitMentions(), visitArticles()));
  }

  @Test
  void gapsAreBetweenConsecutiveReportsSoAChainStaysOneConference() {
    Dataset<Row> articles = articles(
        article("c1", "x.example", "en", "2024-01-10"),
        article("c2", "x.example", "en", "2024-03-01"),
        article("c3", "x.example", "en", "2024-04-25"));
    Dataset<Row> mentions = mentions(mention("c1", "conference", 2024),
        mention("c2", "conference", 2024), mention("c3", "conference", 2024));
    String ev = id(CHENGDU, IZMIR, "conference", 2024, "2024-01-10");
    assertEquals(List.of("c1|" + ev, "c2|" + ev, "c3|" + ev),
        assignment(EventConsolidation.assignEvents(mentions, articles)));
  }

  @Test
  void nullYearMentionJoinsTheOnlyDatedEventOfItsPairAndType() {
    Dataset<Row> articles = articles(
        article("a1", "x.example", "en", "2024-03-01"),
        article("a2", "y.example", "fr", null),
        article("a3", "z.example", "en", "2023-05-01"));
    Dataset<Row> mentions = mentions(
        mention("a1", "agreement", 2024, "energy"),
        mention("a2", "agreement", null, "health"),
        // Another type: its own event, and no effect on the agreement.
        mention("a3", "visit", 2023));
    String agreement = id(CHENGDU, IZMIR, "agreement", 2024, "2024-03-01");
    String visit = id(CHENGDU, IZMIR, "visit", 2023, "2023-05-01");
    assertEquals(List.of("a1|" + agreement, "a2|" + agreement, "a3|" + visit),
        assignment(EventConsolidation.assignEvents(mentions, articles)));
    assertEquals(sorted(
            agreement + PAIR + "|agreement|[energy, health]|2024|2024-03-01|2024-03-01|2|2|2"
                + "|[en, fr]|r1",
            visit + PAIR + "|visit|[]|2023|2023-05-01|2023-05-01|1|1|1|[en]|r1"),
        events(mentions, articles));
  }

  @Test
  void nullYearMentionsBesideTwoDatedEventsFormTheirOwnEvent() {
    Dataset<Row> articles = articles(
        article("v1", "x.example", "en", "2024-03-01"),
        article("v2", "x.example", "en", "2024-08-05"),
        article("n1", "y.example", "en", "2024-05-20"),
        article("n2", "z.example", "en", "2024-12-01"));
    Dataset<Row> mentions = mentions(
        mention("v1", "visit", 2024),
        mention("v2", "visit", 2024),
        mention("n1", "visit", null),
        mention("n2", "visit", null));
    String own = id(CHENGDU, IZMIR, "visit", null, "2024-05-20");
    assertEquals(List.of("n1|" + own, "n2|" + own,
            "v1|" + id(CHENGDU, IZMIR, "visit", 2024, "2024-03-01"),
            "v2|" + id(CHENGDU, IZMIR, "visit", 2024, "2024-08-05")),
        assignment(EventConsolidation.assignEvents(mentions, articles)));
    assertTrue(events(mentions, articles).contains(
        own + PAIR + "|visit|[]|null|2024-05-20|2024-12-01|2|2|2|[en]|r1"));
  }

  @Test
  void eventIdsDoNotDependOnRowOrderOrPartitioning() {
    List<String> expected = events(visitMentions(), visitArticles());
    Dataset<Row> reversedMentions = visitMentions().orderBy(
        col("article_id").desc()).repartition(3);
    Dataset<Row> reversedArticles = visitArticles().orderBy(
        col("article_id").desc()).repartition(4);
    assertEquals(expected, events(reversedMentions, reversedArticles));
    assertEquals(
        assignment(EventConsolidation.assignEvents(visitMentions(), visitArticles())),
        assignment(EventConsolidation.assignEvents(reversedMentions, reversedArticles)));
    assertNotEquals(id(CHENGDU, IZMIR, "visit", 2024, "2024-03-01"),
        id(CHENGDU, IZMIR, "visit", 2024, "2024-08-05"));
  }

  @Test
  void mentionOfAnArticleMissingFromArticlesIsAnUndatedSourceOfItsOwn() {
    Dataset<Row> articles = articles(article("a1", "x.example", "en", "2024-03-01"));
    Dataset<Row> mentions = mentions(mention("a1", "agreement", 2024),
        mention("ghost", "agreement", 2024));
    assertEquals(List.of(id(CHENGDU, IZMIR, "agreement", 2024, "2024-03-01") + PAIR
            + "|agreement|[]|2024|2024-03-01|2024-03-01|2|2|2|[en]|r1"),
        events(mentions, articles));
  }

  @Test
  void missingColumnsAreNamed() {
    Dataset<Row> articles = visitArticles().drop("published_date");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> EventConsolidation.assignEvents(visitMentions(), articles));
    assertTrue(e.getMessage().contains("articles lacks column(s) [published_date]"),
        e.getMessage());
  }
}
