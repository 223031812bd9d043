package io.citylinks.events;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.citylinks.spark.Tables;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Partnership mentions (one per article) → partnership events (one per real-world event, merged
 * across articles, outlets, duplicate copies and languages): assigns each mention its event and
 * derives the rows of {@code partnership_events}. Output is deterministic: the same rows give the
 * same ids and counts whatever their order or partitioning.
 *
 * <p>Rules:
 *
 * <ul>
 *   <li><b>Event key.</b> An event is a city pair ({@code geoname_id_a}, {@code geoname_id_b},
 *       already ordered by extraction), a {@code type} and a {@code year}. Within a key, mentions
 *       are ordered by their article's {@code published_date}.
 *   <li><b>Recurring types.</b> {@code visit} and {@code conference} recur: a gap of more than
 *       {@value #MAX_GAP_DAYS} days between consecutive dated mentions of a key starts a new event.
 *       {@code twinning} and {@code agreement} have one event per pair, type and year.
 *   <li><b>Undated articles.</b> A mention whose article has no {@code published_date} (or is not
 *       in {@code articles}) but has a year sorts first and joins the first event of its key.
 *   <li><b>Null year.</b> A mention with a null year joins the event of the same pair and type if
 *       that pair and type has exactly one event with a year; otherwise all null-year mentions of
 *       the pair and type form one null-year event (dates do not split it).
 *   <li><b>Event id.</b> The first 16 hex characters of SHA-256 of {@code
 *       geoname_id_a|geoname_id_b|type|year|first_date}, where first_date is the earliest
 *       published_date of the event's own-key mentions ({@code yyyy-MM-dd}; null year and unknown
 *       date are empty strings). Null-year mentions that join a dated event take its id unchanged.
 *   <li><b>Duplicate copies.</b> The copies of an article are the articles with the same {@code
 *       dup_cluster_id} (an article without one is a cluster of its own). The articles reporting
 *       an event are the mentioning articles and all their copies ({@link #reports}).
 *   <li><b>Event columns.</b> Cities, countries, ids and type from the key (names: {@code min()});
 *       {@code year} is the key's year; {@code topics} the sorted union of the mentions' topics;
 *       {@code first_seen}/{@code last_seen} the min/max published_date over the reporting
 *       articles; {@code num_articles} the distinct canonical articles with a mention, counted as
 *       distinct duplicate clusters of the mentioning articles (mentions are only extracted from
 *       canonical articles, so these are the same; a stray mention in a copy never counts its
 *       cluster twice); {@code num_sources} the distinct domains of the reporting articles, an
 *       article without a domain being a source of its own; {@code num_mentions} the mention rows,
 *       each weighted by the number of articles in its article's cluster (GDELT counts every copy);
 *       {@code languages} the sorted distinct {@code lang} of the reporting articles, without
 *       {@code und} and null.
 * </ul>
 *
 * <p>Everything is joins, windows and aggregations; nothing is collected to the driver.
 */
public final class EventConsolidation {
  private EventConsolidation() {}

  /** Types that recur between the same cities in one year, so that a date gap splits them. */
  public static final List<String> RECURRING_TYPES = List.of("visit", "conference");

  /**
   * Longest gap between two dated reports of one visit or conference. Reports of one event run for
   * a few days to weeks (announcement, the visit, follow-ups); two months apart is another trip.
   */
  public static final int MAX_GAP_DAYS = 60;

  /** Columns {@link #reports} gives: one row per (event, article reporting it). */
  public static final List<String> REPORT_COLUMNS =
      List.of("event_id", "article_id", "cluster_id", "source", "lang", "published_date");

  static final List<String> ARTICLE_COLUMNS =
      List.of("article_id", "dup_cluster_id", "domain", "lang", "published_date");

  // Helper columns; the leading underscore keeps them apart from table columns in joins.
  private static final String A_ID = "_a_article_id";
  private static final String A_CLUSTER = "_a_cluster";
  private static final String A_SOURCE = "_a_source";
  private static final String A_LANG = "_a_lang";
  private static final String A_DATE = "_a_date";
  private static final String GAP = "_gap";
  private static final String SEGMENT = "_segment";
  private static final String FIRST_DATE = "_first_date";
  private static final String OWN_EVENT = "_own_event";
  private static final String DATED_LO = "_dated_lo";
  private static final String DATED_HI = "_dated_hi";
  private static final String CLUSTER_SIZE = "_cluster_size";

  /**
   * The mentions with {@code event_id} replaced by their event's (class rules), shaped to {@code
   * partnership_mentions}. {@code articles} needs article_id (unique, as in the articles table)
   * and published_date.
   */
  public static Dataset<Row> assignEvents(Dataset<Row> mentions, Dataset<Row> articles) {
    requireColumns("mentions", mentions, Tables.PARTNERSHIP_MENTIONS.schema().fieldNames());
    requireColumns("articles", articles, "article_id", "published_date");
    Dataset<Row> dates = articles.select(col("article_id").as(A_ID),
        col("published_date").cast(DataTypes.DateType).as(A_DATE));
    Column a = col("geoname_id_a");
    Column b = col("geoname_id_b");
    Column type = col("type");
    Column year = col("year");

    // All three windows partition by a superset of (pair, type): one shuffle serves them all.
    Dataset<Row> m = mentions.join(dates, col("article_id").equalTo(col(A_ID)), "left")
        .repartition(a, b, type);
    // Nulls first: undated mentions open their key's first event. Ties need no tie-break, since
    // equal dates are never a gap and every peer gets the same running sum (RANGE frame).
    WindowSpec byKey = Window.partitionBy(a, b, type, year).orderBy(col(A_DATE).asc_nulls_first());
    Column recurring = type.isin(RECURRING_TYPES.toArray()).and(year.isNotNull());
    Column gap = when(recurring.and(
        datediff(col(A_DATE), lag(col(A_DATE), 1).over(byKey)).gt(MAX_GAP_DAYS)), 1).otherwise(0);
    m = m.withColumn(GAP, gap)
        .withColumn(SEGMENT, sum(col(GAP)).over(byKey))
        .withColumn(FIRST_DATE, min(col(A_DATE)).over(
            Window.partitionBy(a, b, type, year, col(SEGMENT))))
        .withColumn(OWN_EVENT, eventId(a, b, type, year, col(FIRST_DATE)));

    // Exactly one dated event for the pair and type iff the least and greatest dated ids agree.
    WindowSpec byPairType = Window.partitionBy(a, b, type);
    Column datedId = when(year.isNotNull(), col(OWN_EVENT));
    m = m.withColumn(DATED_LO, min(datedId).over(byPairType))
        .withColumn(DATED_HI, max(datedId).over(byPairType));
    Column joinsDated = year.isNull().and(col(DATED_LO).isNotNull())
        .and(col(DATED_LO).equalTo(col(DATED_HI)));
    return m.withColumn("event_id", when(joinsDated, col(DATED_LO)).otherwise(col(OWN_EVENT)))
        .to(Tables.PARTNERSHIP_MENTIONS.schema());
  }

  /**
   * Rows of {@code partnership_events} from {@link #assignEvents}'s mentions and the articles
   * (article_id unique, dup_cluster_id, domain, lang, published_date). {@code
   * mentionsWithEvents} is read twice (event columns, reporting articles); callers that write it
   * too should persist it.
   */
  public static Dataset<Row> events(Dataset<Row> mentionsWithEvents, Dataset<Row> articles,
      String runId) {
    requireColumns("mentionsWithEvents", mentionsWithEvents, "article_id", "event_id", "city_a",
        "country_a", "city_b", "country_b", "geoname_id_a", "geoname_id_b", "type", "topics",
        "year");
    Dataset<Row> sized = articleSide(articles)
        .withColumn(CLUSTER_SIZE, count(lit(1)).over(Window.partitionBy(col(A_CLUSTER))))
        .select(col(A_ID), col(CLUSTER_SIZE));
    Dataset<Row> fromMentions = mentionsWithEvents
        .join(sized, col("article_id").equalTo(col(A_ID)), "left")
        .groupBy("event_id")
        .agg(min("city_a").as("city_a"), min("country_a").as("country_a"),
            min("city_b").as("city_b"), min("country_b").as("country_b"),
            min("geoname_id_a").as("geoname_id_a"), min("geoname_id_b").as("geoname_id_b"),
            min("type").as("type"),
            // Null-year mentions that joined a dated event do not hide its year.
            max("year").as("year"),
            expr("array_sort(array_distinct(filter(flatten(collect_list(topics)), "
                + "t -> t IS NOT NULL)))").as("topics"),
            sum(coalesce(col(CLUSTER_SIZE), lit(1L))).as("num_mentions"));
    Dataset<Row> fromReports = reports(mentionsWithEvents, articles)
        .groupBy("event_id")
        .agg(min("published_date").as("first_seen"), max("published_date").as("last_seen"),
            countDistinct("cluster_id").as("num_articles"),
            countDistinct("source").as("num_sources"),
            expr("array_sort(collect_set(CASE WHEN lang <> 'und' THEN lang END))")
                .as("languages"));
    return fromMentions.join(fromReports, "event_id", "left")
        .withColumn("num_articles", coalesce(col("num_articles"), lit(0L)))
        .withColumn("num_sources", coalesce(col("num_sources"), lit(0L)))
        .withColumn("languages", coalesce(col("languages"), expr("CAST(array() AS array<string>)")))
        .withColumn("run_id", lit(runId))
        .to(Tables.PARTNERSHIP_EVENTS.schema());
  }

  /**
   * One row per event and article reporting it: each mentioning article and every article of its
   * duplicate cluster, with columns {@link #REPORT_COLUMNS}. {@code cluster_id} is the article's
   * dup_cluster_id (its own id when it has none), so distinct cluster ids are distinct canonical
   * articles; {@code source} is the domain, or {@code article:<article_id>} when it has none. A
   * mention whose article is missing from {@code articles} reports as an undated article of its
   * own, with no domain and no language.
   */
  public static Dataset<Row> reports(Dataset<Row> mentionsWithEvents, Dataset<Row> articles) {
    requireColumns("mentionsWithEvents", mentionsWithEvents, "event_id", "article_id");
    Dataset<Row> side = articleSide(articles);
    // A mention's article missing from articles is a cluster of its own, named by its id.
    Dataset<Row> clusters = mentionsWithEvents
        .join(side.select(col(A_ID), col(A_CLUSTER)), col("article_id").equalTo(col(A_ID)),
            "left")
        .select(col("event_id"), coalesce(col(A_CLUSTER), col("article_id")).as("cluster_id"))
        .distinct();
    // The mentioning article is in its own cluster, so this join gives it back with its copies.
    return clusters.join(side, col("cluster_id").equalTo(col(A_CLUSTER)), "left")
        .select(col("event_id"), coalesce(col(A_ID), col("cluster_id")).as("article_id"),
            col("cluster_id"),
            coalesce(col(A_SOURCE), concat(lit("article:"), col("cluster_id"))).as("source"),
            col(A_LANG).as("lang"), col(A_DATE).as("published_date"));
  }

  /** The event id of a key and its first published date (class rules). */
  static Column eventId(Column a, Column b, Column type, Column year, Column firstDate) {
    return substring(sha2(concat_ws("|", a, b, type,
        coalesce(year.cast(DataTypes.StringType), lit("")),
        coalesce(firstDate.cast(DataTypes.StringType), lit(""))), 256), 1, 16);
  }

  /** The article columns events need, under helper names, with cluster and source resolved. */
  private static Dataset<Row> articleSide(Dataset<Row> articles) {
    requireColumns("articles", articles, ARTICLE_COLUMNS.toArray(new String[0]));
    return articles.select(col("article_id").as(A_ID),
        coalesce(col("dup_cluster_id"), col("article_id")).as(A_CLUSTER),
        coalesce(col("domain"), concat(lit("article:"), col("article_id"))).as(A_SOURCE),
        col("lang").as(A_LANG),
        col("published_date").cast(DataTypes.DateType).as(A_DATE));
  }

  /** Fails naming the dataset and the columns it lacks. */
  static void requireColumns(String what, Dataset<Row> rows, String... names) {
    StructType schema = rows.schema();
    List<String> have = Arrays.asList(schema.fieldNames());
    List<String> missing = new ArrayList<>();
    for (String name : names) {
      if (!have.contains(name)) {
        missing.add(name);
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          what + " lacks column(s) " + missing + "; it has " + have);
    }
  }
}
