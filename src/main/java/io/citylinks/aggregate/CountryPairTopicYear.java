package io.citylinks.aggregate;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.when;

import io.citylinks.events.EventConsolidation;
import io.citylinks.spark.Tables;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Partnership events → rows of {@code partnerships_by_country_pair_topic_year}: one row per
 * (country_a, country_b, topic, year), null year being a group of its own. An event counts once
 * under each of its topics, under {@code general} when it names none. Counts: num_events;
 * num_city_pairs (distinct geoname_id_a, geoname_id_b); num_articles (distinct canonical articles
 * reporting those events); num_sources (distinct domains over the reporting articles and their
 * duplicate copies, as {@link EventConsolidation#reports} defines them). Deterministic: distinct
 * counts only.
 */
public final class CountryPairTopicYear {
  private CountryPairTopicYear() {}

  /** The topic of an event that names none (SPEC section 4). */
  public static final String GENERAL = "general";

  /**
   * Aggregates {@code events} (shaped to partnership_events); {@code mentionsWithEvents} and
   * {@code articles} are what the events were built from, and give the reporting articles.
   */
  public static Dataset<Row> aggregate(Dataset<Row> events, Dataset<Row> mentionsWithEvents,
      Dataset<Row> articles, String runId) {
    List<String> have = Arrays.asList(events.columns());
    for (String name : List.of("event_id", "country_a", "country_b", "geoname_id_a",
        "geoname_id_b", "topics", "year")) {
      if (!have.contains(name)) {
        throw new IllegalArgumentException("events lacks column " + name + "; it has " + have);
      }
    }
    Dataset<Row> eventTopics = events.select(col("event_id"), col("country_a"),
        col("country_b"), col("year"), col("geoname_id_a"), col("geoname_id_b"),
        // size(null) is -1 (or null under ANSI): either way the event is general.
        explode(when(size(col("topics")).gt(0), col("topics"))
            .otherwise(array(lit(GENERAL)))).as("topic"));
    Dataset<Row> reports = EventConsolidation.reports(mentionsWithEvents, articles)
        .select(col("event_id"), col("cluster_id"), col("source"));
    // Left join: an event without a report row still counts as an event.
    return eventTopics.join(reports, "event_id", "left")
        .groupBy(col("country_a"), col("country_b"), col("topic"), col("year"))
        .agg(countDistinct("event_id").as("num_events"),
            countDistinct("geoname_id_a", "geoname_id_b").as("num_city_pairs"),
            countDistinct("cluster_id").as("num_articles"),
            countDistinct("source").as("num_sources"))
        .withColumn("run_id", lit(runId))
        .to(Tables.PARTNERSHIPS_BY_COUNTRY_PAIR_TOPIC_YEAR.schema());
  }
}
