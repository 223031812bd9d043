package io.citylinks.spark;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The names, schemas and column comments of every citylinks table, declared once. Comments are
 * stored in the tables themselves, so {@code DESCRIBE TABLE} explains each column to an analyst.
 */
public final class Tables {
  private Tables() {}

  /**
   * A table: its name in the citylinks database, what one row is, the columns that identify a
   * row (what an incremental run merges on), and its schema.
   */
  public record Table(String name, String comment, List<String> key, StructType schema) {}

  public static final Table ARTICLES = new Table("articles",
      "One row per distinct input record that could be read (an article).",
      List.of("article_id"),
      new StructType(new StructField[] {
          col("article_id", StringType,
              "Stable id: the same input record gets the same id on every run"),
          col("source_file", StringType, "Input file the record was read from"),
          col("source_entry", StringType,
              "Member of a zip/tar bundle the record was read from, or null"),
          col("source_offset", LongType,
              "Byte offset of the record in its file or bundle member (WARC: compressed offset)"),
          col("url", StringType, "Page URL when known"),
          col("canonical_url", StringType,
              "The page's own canonical URL (link rel=canonical, og:url), when it names one"),
          col("payload_digest", StringType, "WARC-Payload-Digest of the record (WARC input)"),
          col("domain", StringType, "Host of the URL, or the source/outlet name"),
          col("title", StringType, "Page title when known"),
          col("text", StringType,
              "Clean main text: site boilerplate lines and repeated paragraphs removed; "
                  + "extraction offsets point into it"),
          col("raw_text", StringType,
              "Main text as read, before boilerplate lines and repeated paragraphs were removed"),
          col("lang", StringType, "ISO 639-1 language code, or 'und'"),
          col("published_date", DateType,
              "Publication date; the 1st of the month/year when only that is known"),
          col("date_precision", StringType, "day, month or year: how much of the date is known"),
          col("year", IntegerType, "Year of published_date"),
          col("date_source", StringType,
              "Where the date came from: metadata, date_line, text, url or warc"),
          col("charset", StringType, "Character set the page was decoded from (HTML input)"),
          col("content_hash", StringType,
              "SHA-256 of the normalised clean text: equal for exact duplicates"),
          col("text_chars", IntegerType, "Length of text in characters"),
          col("dup_cluster_id", StringType,
              "Near-duplicate cluster (article_id of its canonical article)"),
          col("is_canonical", DataTypes.BooleanType,
              "True for the one article of its duplicate cluster that is counted"),
          col("run_id", StringType, "Run that wrote this row"),
      }));

  public static final Table REJECTED_RECORDS = new Table("rejected_records",
      "One row per input record (or file) that could not be read, with the reason.",
      List.of("source_file", "source_entry", "source_offset", "reason"),
      new StructType(new StructField[] {
          col("source_file", StringType, "Input file"),
          col("source_entry", StringType, "Member of a zip/tar bundle, or null"),
          col("source_offset", LongType,
              "Byte offset where the bad record starts (-1 when the whole file is bad)"),
          col("reason", StringType,
              "Short code: corrupt_gzip, truncated_record, malformed_record, malformed_json, "
                  + "undecodable, binary_file, empty_file, empty_text, too_large, unreadable_file, "
                  + "unsupported_record"),
          col("detail", StringType, "What exactly was wrong"),
          col("run_id", StringType, "Run that wrote this row"),
      }));

  public static final Table PLACE_MENTIONS = new Table("place_mentions",
      "One row per recognised city, district or country mention in a canonical article.",
      List.of("article_id", "start", "end"),
      new StructType(new StructField[] {
          col("article_id", StringType, "Article the mention is in"),
          col("sentence_idx", IntegerType, "Sentence number in the article (0-based)"),
          col("start", IntegerType, "Offset of the mention's first character in articles.text"),
          col("end", IntegerType, "Offset after the mention's last character in articles.text"),
          col("surface", StringType, "The mention as written"),
          col("geoname_id", StringType,
              "GeoNames id of the place; districts carry their source's id (tr-district:..., "
                  + "csc:...), countries country:XX"),
          col("city", StringType, "GeoNames name of the place (country name for countries)"),
          col("country", StringType, "ISO 3166-1 alpha-2 country code"),
          col("kind", StringType, "city, district or country"),
          col("confidence", DoubleType,
              "How sure the resolution is (0-1); ambiguous names get less"),
          col("rule", StringType, "Which rule decided the place, for auditing"),
          col("run_id", StringType, "Run that wrote this row"),
      }));

  // The partner and type columns, the same in partnership_mentions and partnership_events.
  private static final StructField CITY_A = col("city_a", StringType,
      "First partner: GeoNames name (or its district source's)");
  private static final StructField COUNTRY_A = col("country_a", StringType,
      "ISO 3166-1 alpha-2 of city_a; country_a <= country_b");
  private static final StructField CITY_B = col("city_b", StringType,
      "Second partner; same country: city_a <= city_b");
  private static final StructField COUNTRY_B = col("country_b", StringType,
      "ISO 3166-1 alpha-2 of city_b");
  private static final StructField GEONAME_ID_A = col("geoname_id_a", StringType,
      "GeoNames id of city_a (districts: tr-district:..., csc:...)");
  private static final StructField GEONAME_ID_B = col("geoname_id_b", StringType,
      "GeoNames id of city_b");
  private static final StructField TYPE = col("type", StringType,
      "twinning, agreement, visit or conference");

  public static final Table PARTNERSHIP_MENTIONS = new Table("partnership_mentions",
      "One row per city partnership found in one canonical article.",
      List.of("article_id", "geoname_id_a", "geoname_id_b", "type", "year"),
      new StructType(new StructField[] {
          col("article_id", StringType, "Article the partnership is reported in"),
          col("event_id", StringType,
              "Event the mention belongs to: the same city pair, type and year share it"),
          CITY_A, COUNTRY_A, CITY_B, COUNTRY_B, GEONAME_ID_A, GEONAME_ID_B, TYPE,
          col("topics", DataTypes.createArrayType(StringType),
              "What the cooperation covers (SPEC section 5 topics); empty when none is named"),
          col("year", IntegerType, "Year of the event, or null when nothing says"),
          col("evidence", StringType, "The sentence that supports the partnership best"),
          col("sentence_idx", IntegerType, "Number of the evidence sentence (0-based)"),
          col("confidence", DoubleType,
              "0-1: cue strength (sister city > visit) and how sure the places are"),
          col("run_id", StringType, "Run that wrote this row"),
      }));

  public static final Table PARTNERSHIP_EVENTS = new Table("partnership_events",
      "One row per real-world partnership event, merged across articles, outlets and languages.",
      List.of("event_id"),
      new StructType(new StructField[] {
          col("event_id", StringType, "Event id, shared by its rows in partnership_mentions"),
          CITY_A, COUNTRY_A, CITY_B, COUNTRY_B, GEONAME_ID_A, GEONAME_ID_B, TYPE,
          col("topics", DataTypes.createArrayType(StringType),
              "Union of the topics of its mentions; empty when none is named"),
          col("year", IntegerType, "Year of the event, or null when nothing says"),
          col("first_seen", DateType, "Earliest publication date of an article reporting it"),
          col("last_seen", DateType, "Latest publication date of an article reporting it"),
          col("num_articles", LongType, "Distinct canonical articles reporting it"),
          col("num_sources", LongType,
              "Distinct domains/outlets reporting it, duplicate copies included"),
          col("num_mentions", LongType,
              "Mentions in all articles, duplicate copies included (GDELT NumMentions)"),
          col("languages", DataTypes.createArrayType(StringType),
              "Languages of the articles reporting it, sorted"),
          col("run_id", StringType, "Run that wrote this row"),
      }));

  public static final Table PARTNERSHIPS_BY_COUNTRY_PAIR_TOPIC_YEAR = new Table(
      "partnerships_by_country_pair_topic_year",
      "Partnership events counted by country pair, topic and year (an event with k topics "
          + "counts in k rows; topic general when it names none).",
      List.of("country_a", "country_b", "topic", "year"),
      new StructType(new StructField[] {
          col("country_a", StringType, "ISO 3166-1 alpha-2; country_a <= country_b"),
          col("country_b", StringType, "ISO 3166-1 alpha-2"),
          col("topic", StringType, "A SPEC section 5 topic, or general"),
          col("year", IntegerType, "Year of the events, or null when nothing says"),
          col("num_events", LongType, "Partnership events"),
          col("num_city_pairs", LongType, "Distinct city pairs among those events"),
          col("num_articles", LongType, "Distinct canonical articles reporting those events"),
          col("num_sources", LongType, "Distinct domains/outlets reporting those events"),
          col("run_id", StringType, "Run that wrote this row"),
      }));

  public static final Table DEDUP_SIGNATURES = new Table("dedup_signatures",
      "One row per article: its MinHash signature and LSH band hashes, so that a later run "
          + "matches new articles against everything seen before without re-hashing history.",
      List.of("article_id"),
      new StructType(new StructField[] {
          col("article_id", StringType, "Article"),
          col("dup_cluster_id", StringType, "Its near-duplicate cluster"),
          col("shingles", IntegerType, "Distinct shingles of its clean text"),
          col("signature", DataTypes.BinaryType, "MinHash values, 4 bytes each, big-endian"),
          col("bands", DataTypes.createArrayType(LongType), "Hash of each LSH band"),
          col("exact_keys", DataTypes.createArrayType(LongType),
              "Hashes of its exact-copy keys: normalised text, canonical URL, WARC payload digest"),
          col("run_id", StringType, "Run that wrote this row"),
      }));

  public static final Table BOILERPLATE_PAGES = new Table("boilerplate_pages",
      "One row per distinct page of a site that runs have counted for site boilerplate, with its "
          + "lines: what a later run decides a site's boilerplate over, each page counted once.",
      List.of("site", "page"),
      new StructType(new StructField[] {
          col("site", LongType, "64-bit hash of the site (the article's domain)"),
          col("page", LongType,
              "The page: first 64 bits of its content_hash before boilerplate removal"),
          col("lines", DataTypes.createArrayType(LongType),
              "Hashes of its distinct normalised lines of up to 200 characters, sorted"),
          col("long_lines", DataTypes.createArrayType(LongType),
              "Hashes of its longer lines (20 pages make them boilerplate), sorted"),
          col("run_id", StringType, "Run that counted it"),
      }));

  public static final Table PROCESSED_FILES = new Table("processed_files",
      "One row per input file that runs have read: the ledger by which an incremental run reads "
          + "only files it has not seen before.",
      List.of("path"),
      new StructType(new StructField[] {
          col("path", StringType, "Input file, as listed (fully qualified URI)"),
          col("size", LongType, "Its size in bytes when read"),
          col("modification_time", TimestampType, "Its modification time when read"),
          col("sha256", StringType,
              "SHA-256 of its bytes: a file renamed, copied or touched is not read again"),
          col("run_id", StringType, "Run that read it"),
      }));

  public static final Table RUNS = new Table("runs",
      "One row per job run, with its counts and status.",
      List.of("run_id"),
      new StructType(new StructField[] {
          col("run_id", StringType, "Run id"),
          col("mode", StringType, "full or incremental"),
          col("started_at", TimestampType, "Start time (UTC)"),
          col("finished_at", TimestampType, "End time (UTC)"),
          col("status", StringType, "succeeded, partial (some records rejected) or failed"),
          col("input_paths", StringType, "The --input paths, comma-separated"),
          col("input_files", LongType, "Input files found"),
          col("input_bytes", LongType, "Bytes of input files found"),
          col("records_read", LongType, "Records read (articles + rejected)"),
          col("records_rejected", LongType, "Rows written to rejected_records"),
          col("articles_new", LongType, "Articles written"),
          col("duplicates", LongType, "Articles that are not canonical"),
          col("events", LongType, "Partnership events"),
          col("message", StringType, "Error message of a failed run"),
      }));

  /** Every citylinks table (what jobs/maintain goes through). */
  public static final List<Table> ALL = List.of(ARTICLES, REJECTED_RECORDS, PLACE_MENTIONS,
      PARTNERSHIP_MENTIONS, PARTNERSHIP_EVENTS, PARTNERSHIPS_BY_COUNTRY_PAIR_TOPIC_YEAR,
      DEDUP_SIGNATURES, BOILERPLATE_PAGES, PROCESSED_FILES, RUNS);

  /**
   * Every column is nullable in the table schema: Spark's {@code Dataset.to} refuses to narrow a
   * computed nullable column, and the builders guarantee the key columns are filled.
   */
  private static StructField col(String name, DataType type, String comment) {
    Metadata md = new MetadataBuilder().putString("comment", comment).build();
    return new StructField(name, type, true, md);
  }

  /** {@code database.table}, back-quoted. */
  public static String qualified(String database, Table table) {
    return "`" + database + "`.`" + table.name() + "`";
  }
}
