package io.citylinks.report;

import io.citylinks.report.ReportData.CityPair;
import io.citylinks.report.ReportData.CountryPairCount;
import io.citylinks.report.ReportData.Evidence;
import io.citylinks.report.ReportData.Source;
import io.citylinks.report.ReportData.Totals;
import io.citylinks.report.ReportData.TopicYearCount;
import io.citylinks.report.ReportData.TypeCount;
import io.citylinks.report.ReportData.YearTypeCount;
import io.citylinks.spark.Tables;
import io.citylinks.spark.Tables.Table;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Reads what the report shows from the citylinks tables with Spark SQL. Every query orders its
 * rows completely, so the same warehouse gives the same {@link ReportData}.
 */
public final class ReportQueries {
  private ReportQueries() {}

  /** Evidence sentences shown per city pair. */
  public static final int EVIDENCE_PER_PAIR = 3;

  /** The tables the report reads; without them there is nothing to report. */
  static final List<Table> REQUIRED = List.of(Tables.ARTICLES, Tables.PARTNERSHIP_MENTIONS,
      Tables.PARTNERSHIP_EVENTS, Tables.PARTNERSHIPS_BY_COUNTRY_PAIR_TOPIC_YEAR, Tables.RUNS);

  /**
   * The report's data, with the {@code topPairs} city pairs that have the most events.
   *
   * @throws IllegalStateException when the database or one of its tables is missing
   */
  public static ReportData read(SparkSession spark, String database, String warehouse,
      int topPairs) {
    if (topPairs < 1) {
      throw new IllegalArgumentException("--top must be at least 1, got " + topPairs);
    }
    requireTables(spark, database, warehouse);
    spark.sparkContext().setJobGroup("report", "jobs/report: read the tables", false);
    try {
      return new ReportData(source(spark, database, warehouse), totals(spark, database),
          countryPairs(spark, database), eventsByYearType(spark, database),
          topicsByYear(spark, database), topCityPairs(spark, database, topPairs));
    } finally {
      spark.sparkContext().clearJobGroup();
    }
  }

  static void requireTables(SparkSession spark, String database, String warehouse) {
    if (!spark.catalog().databaseExists(database)) {
      throw new IllegalStateException("no citylinks tables in " + warehouse
          + " (no database " + database + "): run jobs/run --warehouse " + warehouse + " first");
    }
    List<String> missing = new ArrayList<>();
    for (Table t : REQUIRED) {
      if (!spark.catalog().tableExists(database, t.name())) {
        missing.add(t.name());
      }
    }
    if (missing.size() == REQUIRED.size()) {
      throw new IllegalStateException("no citylinks tables in " + warehouse
          + ": run jobs/run --warehouse " + warehouse + " first");
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException("tables missing in " + warehouse + " (database " + database
          + "): " + String.join(", ", missing) + "; run jobs/run --warehouse " + warehouse
          + " first");
    }
  }

  private static Source source(SparkSession spark, String database, String warehouse) {
    List<Row> last = spark.sql("SELECT run_id, status, coalesce(finished_at, started_at) FROM "
        + table(database, Tables.RUNS)
        + " ORDER BY started_at DESC NULLS LAST, run_id DESC LIMIT 1").collectAsList();
    if (last.isEmpty()) {
      return new Source(warehouse, database, null, null, null);
    }
    Row r = last.get(0);
    Timestamp at = r.isNullAt(2) ? null : r.getTimestamp(2);
    return new Source(warehouse, database, r.getString(0), r.getString(1),
        at == null ? null : at.toInstant());
  }

  private static Totals totals(SparkSession spark, String database) {
    Row r = spark.sql("SELECT (SELECT count(*) FROM " + table(database, Tables.ARTICLES) + "), "
        + "(SELECT count_if(is_canonical) FROM " + table(database, Tables.ARTICLES) + "), "
        + "(SELECT count(*) FROM " + table(database, Tables.PARTNERSHIP_EVENTS) + "), "
        + "(SELECT count(*) FROM " + table(database, Tables.PARTNERSHIP_MENTIONS) + "), "
        + "(SELECT count(*) FROM " + table(database, Tables.RUNS) + ")").first();
    return new Totals(r.getLong(0), r.isNullAt(1) ? 0 : r.getLong(1), r.getLong(2),
        r.getLong(3), r.getLong(4));
  }

  private static List<CountryPairCount> countryPairs(SparkSession spark, String database) {
    List<CountryPairCount> out = new ArrayList<>();
    for (Row r : spark.sql("SELECT coalesce(country_a, '?') AS a, coalesce(country_b, '?') AS b, "
        + "count(*) FROM " + table(database, Tables.PARTNERSHIP_EVENTS)
        + " GROUP BY 1, 2 ORDER BY 1, 2").collectAsList()) {
      out.add(new CountryPairCount(r.getString(0), r.getString(1), r.getLong(2)));
    }
    return out;
  }

  private static List<YearTypeCount> eventsByYearType(SparkSession spark, String database) {
    List<YearTypeCount> out = new ArrayList<>();
    for (Row r : spark.sql("SELECT year, coalesce(type, 'unknown') AS t, count(*) FROM "
        + table(database, Tables.PARTNERSHIP_EVENTS)
        + " GROUP BY 1, 2 ORDER BY 1 NULLS LAST, 2").collectAsList()) {
      out.add(new YearTypeCount(r.isNullAt(0) ? null : r.getInt(0), r.getString(1),
          r.getLong(2)));
    }
    return out;
  }

  private static List<TopicYearCount> topicsByYear(SparkSession spark, String database) {
    List<TopicYearCount> out = new ArrayList<>();
    for (Row r : spark.sql("SELECT coalesce(topic, 'general') AS topic, year, "
        + "sum(num_events) FROM " + table(database, Tables.PARTNERSHIPS_BY_COUNTRY_PAIR_TOPIC_YEAR)
        + " GROUP BY 1, 2 ORDER BY 1, 2 NULLS LAST").collectAsList()) {
      out.add(new TopicYearCount(r.getString(0), r.isNullAt(1) ? null : r.getInt(1),
          r.isNullAt(2) ? 0 : r.getLong(2)));
    }
    return out;
  }

  /**
   * The city pairs ranked by events, then articles, then names and ids (so ties rank the same
   * every time), each with its events by type and its best evidence sentences.
   */
  private static List<CityPair> topCityPairs(SparkSession spark, String database, int top) {
    String events = table(database, Tables.PARTNERSHIP_EVENTS);
    String key = "city_a, country_a, city_b, country_b, geoname_id_a, geoname_id_b";
    String chosen = "WITH chosen AS (SELECT " + key + ", count(*) AS events, "
        + "coalesce(sum(num_articles), 0) AS articles, min(year) AS first_year, "
        + "max(year) AS last_year FROM " + events + " GROUP BY " + key
        + " ORDER BY events DESC, articles DESC, " + key + " LIMIT " + top + "), "
        + "pair_events AS (SELECT " + prefixed("c", key) + ", e.event_id, e.type FROM chosen c "
        + "JOIN " + events + " e ON e.city_a <=> c.city_a AND e.country_a <=> c.country_a "
        + "AND e.city_b <=> c.city_b AND e.country_b <=> c.country_b "
        + "AND e.geoname_id_a <=> c.geoname_id_a AND e.geoname_id_b <=> c.geoname_id_b) ";

    Map<List<String>, List<TypeCount>> types = new HashMap<>();
    for (Row r : spark.sql(chosen + "SELECT " + key + ", coalesce(type, 'unknown') AS t, "
        + "count(*) AS n FROM pair_events GROUP BY " + key + ", t ORDER BY " + key
        + ", n DESC, t").collectAsList()) {
      types.computeIfAbsent(pairKey(r), k -> new ArrayList<>())
          .add(new TypeCount(r.getString(6), r.getLong(7)));
    }
    // One row per distinct sentence (its most confident mention), then the best few per pair.
    String sentences = chosen + ", mentions AS (SELECT " + prefixed("p", key) + ", m.evidence, "
        + "m.confidence, a.lang, a.domain, cast(a.published_date AS string) AS published, "
        + "m.article_id, row_number() OVER (PARTITION BY " + prefixed("p", key) + ", m.evidence "
        + "ORDER BY m.confidence DESC NULLS LAST, a.published_date NULLS LAST, m.article_id) "
        + "AS copy FROM pair_events p JOIN " + table(database, Tables.PARTNERSHIP_MENTIONS)
        + " m ON m.event_id = p.event_id LEFT JOIN " + table(database, Tables.ARTICLES)
        + " a ON a.article_id = m.article_id "
        + "WHERE m.evidence IS NOT NULL AND trim(m.evidence) <> ''), "
        + "best AS (SELECT *, row_number() OVER (PARTITION BY " + key + " ORDER BY confidence "
        + "DESC NULLS LAST, published NULLS LAST, evidence, article_id) AS n FROM mentions "
        + "WHERE copy = 1) "
        + "SELECT " + key + ", evidence, lang, domain, published FROM best WHERE n <= "
        + EVIDENCE_PER_PAIR + " ORDER BY " + key + ", n";
    Map<List<String>, List<Evidence>> evidence = new HashMap<>();
    for (Row r : spark.sql(sentences).collectAsList()) {
      evidence.computeIfAbsent(pairKey(r), k -> new ArrayList<>())
          .add(new Evidence(r.getString(6), r.getString(7), r.getString(8), r.getString(9)));
    }
    List<CityPair> out = new ArrayList<>();
    for (Row r : spark.sql(chosen + "SELECT * FROM chosen ORDER BY events DESC, articles DESC, "
        + key).collectAsList()) {
      List<String> k = pairKey(r);
      out.add(new CityPair(r.getString(0), r.getString(1), r.getString(2), r.getString(3),
          r.getLong(6), r.getLong(7), types.getOrDefault(k, List.of()),
          r.isNullAt(8) ? null : r.getInt(8), r.isNullAt(9) ? null : r.getInt(9),
          evidence.getOrDefault(k, List.of())));
    }
    return out;
  }

  /** The six key columns that start the row (nulls kept: a pair is the same with them). */
  private static List<String> pairKey(Row r) {
    return java.util.Arrays.asList(r.getString(0), r.getString(1), r.getString(2),
        r.getString(3), r.getString(4), r.getString(5));
  }

  /** {@code a, b} with prefix p: {@code p.a, p.b}. */
  private static String prefixed(String prefix, String columns) {
    return prefix + "." + columns.replace(", ", ", " + prefix + ".");
  }

  private static String table(String database, Table table) {
    return Tables.qualified(database, table);
  }
}
