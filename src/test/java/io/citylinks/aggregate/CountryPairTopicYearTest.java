package io.citylinks.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.citylinks.events.EventConsolidation;
import io.citylinks.spark.Tables;
import io.citylinks.spark.TestSpark;
import java.sql.Date;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;

/**
 * The country-pair × topic × year table on real Spark: topics explode (general when none), null
 * year is its own group, and city pairs, articles and sources are counted distinct.
 */
class CountryPairTopicYearTest {
  static final String CHENGDU = "1815286";
  static final String HARBIN = "2037013";
  static final String IZMIR = "311046";

  static Row mention(String articleId, String cnId, String cnCity, String type, Integer year,
      String... topics) {
    return RowFactory.create(articleId, "provisional", cnCity, "CN", "İzmir", "TR", cnId, IZMIR,
        type, Arrays.asList(topics), year, "evidence of " + articleId, 0, 0.9, "r0");
  }

  static Row article(String id, String cluster, boolean canonical, String domain, String date) {
    Map<String, Object> values = new HashMap<>();
    values.put("article_id", id);
    values.put("dup_cluster_id", cluster);
    values.put("is_canonical", canonical);
    values.put("domain", domain);
    values.put("lang", "en");
    values.put("published_date", date == null ? null : Date.valueOf(date));
    StructField[] fields = Tables.ARTICLES.schema().fields();
    Object[] row = new Object[fields.length];
    for (int i = 0; i < fields.length; i++) {
      row[i] = values.get(fields[i].name());
    }
    return RowFactory.create(row);
  }

  static List<String> render(Dataset<Row> rows) {
    List<String> out = new ArrayList<>();
    for (Row r : rows.collectAsList()) {
      out.add(r.mkString("|"));
    }
    out.sort(null);
    return out;
  }

  @Test
  void eventsCountUnderEachTopicOrGeneralWithDistinctPairsArticlesAndSources() {
    SparkSession spark = TestSpark.session();
    Dataset<Row> articles = spark.createDataFrame(List.of(
        article("a1", "a1", true, "x.example", "2024-03-01"),
        article("a2", "a2", true, "y.example", "2024-03-02"),
        article("a3", "a3", true, "x.example", "2024-05-01"),
        // A copy of a3 run by another outlet: one more source, no more articles.
        article("a3copy", "a3", false, "z.example", "2024-05-02"),
        article("a4", "a4", true, "w.example", "2024-09-01"),
        article("a5", "a5", true, "x.example", null)), Tables.ARTICLES.schema());
    Dataset<Row> mentions = spark.createDataFrame(List.of(
        // E1: two topics, two outlets.
        mention("a1", CHENGDU, "Chengdu", "agreement", 2024, "transport", "culture"),
        mention("a2", CHENGDU, "Chengdu", "agreement", 2024, "transport"),
        // E2: no topic, so general; reported by a3 and its copy.
        mention("a3", HARBIN, "Harbin", "visit", 2024),
        // E3: transport again, another city pair of the same countries.
        mention("a4", HARBIN, "Harbin", "agreement", 2024, "transport"),
        // E4: no year and no dated twinning of the pair: the null-year group.
        mention("a5", CHENGDU, "Chengdu", "twinning", null)),
        Tables.PARTNERSHIP_MENTIONS.schema());
    Dataset<Row> withEvents = EventConsolidation.assignEvents(mentions, articles);
    Dataset<Row> events = EventConsolidation.events(withEvents, articles, "r1");
    Dataset<Row> rows = CountryPairTopicYear.aggregate(events, withEvents, articles, "r1");

    // Names and types; computed counts may be non-null where the table declares nullable.
    assertEquals(Tables.PARTNERSHIPS_BY_COUNTRY_PAIR_TOPIC_YEAR.schema().simpleString(),
        rows.schema().simpleString());
    // country_a|country_b|topic|year|num_events|num_city_pairs|num_articles|num_sources|run_id
    assertEquals(List.of(
            "CN|TR|culture|2024|1|1|2|2|r1",
            "CN|TR|general|2024|1|1|1|2|r1",
            "CN|TR|general|null|1|1|1|1|r1",
            "CN|TR|transport|2024|2|2|3|3|r1"),
        render(rows));
  }
}
