package io.citylinks.dedup;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.ceil;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import io.citylinks.dedup.BoilerplateLines.LineKey;
import io.citylinks.ingest.ArticleBuilder;
import io.citylinks.text.RepeatedParagraphs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.collection.JavaConverters;

/**
 * Removes site boilerplate from article text, the way CCNet does for Common Crawl: a normalised
 * line that occurs on at least {@code minPages} distinct pages of one site, and on at least
 * {@code minShare} of them (its menu, "Add comment", share buttons, footer), is dropped from
 * {@code text} of every page of that site;
 * {@code raw_text} keeps it, and {@code content_hash} and {@code text_chars} follow the new text.
 * Pages are counted by distinct {@code content_hash}, so exact copies of one page never make its
 * own lines look like boilerplate. The share keeps a big site's stories whole: a lead that one
 * outlet ran on three of its thousand pages is not its menu.
 */
public final class SiteBoilerplate {
  private static final Logger LOG = LoggerFactory.getLogger(SiteBoilerplate.class);
  /** The local property setJobDescription writes (its constant is private to Spark). */
  private static final String JOB_DESCRIPTION = "spark.job.description";

  /** One row per distinct line of a page: the line's hash within its site, and the page. */
  private static final StructType PAGE_LINES = new StructType()
      .add("site", DataTypes.LongType, false)
      .add("line_hash", DataTypes.LongType, false)
      .add("long_line", DataTypes.BooleanType, false)
      .add("page", DataTypes.LongType, false);

  /**
   * Optional article columns with each line's key ({@link BoilerplateLines#keyLines}), which
   * ingestion computes in its pass: with them, deciding and stripping never normalise the text
   * again. {@link #strip} drops them.
   */
  public static final String LINE_HASHES = "line_hashes";
  public static final String LONG_LINES = "long_lines";

  private SiteBoilerplate() {}

  /**
   * A run's boilerplate decision.
   *
   * @param hashes sorted hashes of the boilerplate lines of every site the articles come from,
   *     decided over the pages earlier runs counted and the new ones
   * @param changedSites sorted site keys ({@link #siteKey}) whose boilerplate lines differ from
   *     what the earlier pages alone decided: the earlier articles of those sites need their text
   *     stripped again ({@link #restrip})
   * @param newPages rows (site, page, lines, long_lines) of the pages no earlier run counted, for
   *     {@code boilerplate_pages}
   */
  public record Decision(long[] hashes, long[] changedSites, Dataset<Row> newPages) {}

  /**
   * {@code articles} (at least {@code domain}, {@code text}, {@code content_hash}) with the
   * boilerplate lines of each site removed from {@code text}; every column stays, in its place.
   * Two passes: one counts pages per (site, line) with partial aggregation and collects the
   * boilerplate line hashes to the driver (a few per site), the other filters the lines against
   * their broadcast. Lazy but for the first pass, which runs here; {@code articles} is read by
   * both, so persist it first when it is costly to compute.
   */
  public static Dataset<Row> remove(Dataset<Row> articles, int minPages, double minShare) {
    Decision decision = decide(articles, null, minPages, minShare);
    decision.newPages().unpersist();
    return strip(articles, decision.hashes());
  }

  /**
   * Decides the boilerplate lines of the sites of {@code articles} over their pages and the
   * pages earlier runs counted ({@code knownPages}: rows of {@code boilerplate_pages}, or null
   * on a first or full run). A page counts once however often and in however many runs it
   * arrives, so the decision is the one a single run over all the pages would make. Runs the
   * counting (one Spark job) here; the new pages of the result are lazy.
   */
  public static Decision decide(Dataset<Row> articles, Dataset<Row> knownPages, int minPages,
      double minShare) {
    if (minPages < 2) {
      throw new IllegalArgumentException(
          "site boilerplate: minPages must be at least 2, got " + minPages);
    }
    if (!(minShare >= 0 && minShare <= 1)) {
      throw new IllegalArgumentException(
          "site boilerplate: minShare must be between 0 and 1, got " + minShare);
    }
    requireColumns(articles, "domain", "text", "content_hash");
    // Every column a long or a flag: Spark aggregates them in hash tables, without sorting.
    Dataset<Row> pageLines = (hasKeys(articles)
            ? articles.select(col("domain"), col("content_hash"),
                // The text is only needed for a page without a content hash or line keys.
                when(col("content_hash").isNull().or(col(LINE_HASHES).isNull()), col("text"))
                    .as("text"),
                col(LINE_HASHES), col(LONG_LINES))
            : articles.select(col("domain"), col("content_hash"), col("text")))
        .flatMap(new PageLineKeys(), Encoders.row(PAGE_LINES));
    // Exact copies of a page share its key: one row per page, whose lines count once.
    Dataset<Row> batchPages = pageLines.groupBy("site", "page")
        .agg(array_sort(collect_set(when(not(col("long_line")), col("line_hash"))))
                .as("lines"),
            array_sort(collect_set(when(col("long_line"), col("line_hash")))).as("long_lines"));
    Dataset<Row> newPages = batchPages;
    Dataset<Row> pagesBefore = null;
    if (knownPages != null) {
      pagesBefore = knownPages.select("site", "page", "lines", "long_lines")
          .join(batchPages.select("site").distinct(), "site");
      newPages = batchPages.join(pagesBefore.select("site", "page"),
          new String[] {"site", "page"}, "left_anti");
    }
    newPages = newPages.persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> after = qualifying(pagesBefore == null ? newPages
        : pagesBefore.unionByName(newPages), minPages, minShare).withColumn("after", lit(true));
    Dataset<Row> decided = pagesBefore == null ? after.withColumn("before", lit(false))
        : after.join(qualifying(pagesBefore, minPages, minShare).withColumn("before", lit(true)),
            new String[] {"site", "line_hash"}, "full_outer");
    List<Row> rows = collect(articles, decided.select(col("site"), col("line_hash"),
        coalesce(col("after"), lit(false)), coalesce(col("before"), lit(false))),
        "site boilerplate: count the pages of each line of each site");
    List<Long> hashes = new ArrayList<>();
    java.util.TreeSet<Long> changed = new java.util.TreeSet<>();
    for (Row r : rows) {
      if (r.getBoolean(2)) {
        hashes.add(r.getLong(1));
      }
      if (r.getBoolean(2) != r.getBoolean(3)) {
        changed.add(r.getLong(0));
      }
    }
    long[] sorted = hashes.stream().mapToLong(Long::longValue).sorted().toArray();
    long[] changedSites = changed.stream().mapToLong(Long::longValue).toArray();
    LOG.info("site boilerplate: {} lines occur on at least {} pages and {}% of the pages of "
        + "their site; the lines of {} sites changed", sorted.length, minPages,
        minShare * 100, changedSites.length);
    return new Decision(sorted, changedSites, newPages);
  }

  /**
   * The (site, line_hash) pairs that qualify as boilerplate over {@code pages} (site, page,
   * lines, long_lines), each page counted once.
   */
  private static Dataset<Row> qualifying(Dataset<Row> pages, int minPages, double minShare) {
    Dataset<Row> counts = pages.select(col("site"), explode(col("lines")).as("line_hash"),
            lit(false).as("long_line"))
        .unionByName(pages.select(col("site"), explode(col("long_lines")).as("line_hash"),
            lit(true).as("long_line")))
        .groupBy("site", "line_hash", "long_line")
        .agg(count(lit(1)).as("pages"));
    Dataset<Row> sitePages = pages.groupBy("site").agg(count(lit(1)).as("site_pages"));
    return counts.join(sitePages, "site")
        .filter(col("pages").geq(when(col("long_line"),
            lit(BoilerplateLines.minPages(true, minPages)))
            .otherwise(lit(BoilerplateLines.minPages(false, minPages)))))
        .filter(col("pages").geq(ceil(col("site_pages").multiply(minShare))))
        .select("site", "line_hash");
  }

  private static List<Row> collect(Dataset<Row> articles, Dataset<Row> rows, String what) {
    SparkContext sc = articles.sparkSession().sparkContext();
    String previous = sc.getLocalProperty(JOB_DESCRIPTION);
    sc.setJobDescription(what);
    try {
      return rows.collectAsList();
    } finally {
      sc.setJobDescription(previous);
    }
  }

  /**
   * {@code articles} with the lines whose hash is in {@code sortedHashes} removed from text;
   * every column stays in its place but the line keys ({@link #LINE_HASHES}, {@link #LONG_LINES}),
   * which go.
   */
  public static Dataset<Row> strip(Dataset<Row> articles, long[] sortedHashes) {
    requireColumns(articles, "domain", "text", "content_hash");
    Dataset<Row> stripped = articles;
    if (sortedHashes.length > 0) {
      Broadcast<long[]> hashes = JavaSparkContext.fromSparkContext(
          articles.sparkSession().sparkContext()).broadcast(sortedHashes);
      stripped = articles.map(new StripLines(hashes, articles.schema(), false),
          Encoders.row(articles.schema()));
    }
    return hasKeys(stripped) ? stripped.drop(LINE_HASHES, LONG_LINES) : stripped;
  }

  private static boolean hasKeys(Dataset<Row> articles) {
    List<String> columns = Arrays.asList(articles.columns());
    return columns.contains(LINE_HASHES) && columns.contains(LONG_LINES);
  }

  /**
   * The rows of {@code stored} articles (as the articles table holds them, with
   * {@code raw_text}) of the sites {@code sortedSites} whose text the boilerplate lines
   * {@code sortedHashes} change: their text is what ingestion made of raw_text (each paragraph
   * once) less those lines, with content_hash and text_chars to match. Other rows are left out.
   */
  public static Dataset<Row> restrip(Dataset<Row> stored, long[] sortedHashes,
      long[] sortedSites) {
    requireColumns(stored, "domain", "text", "raw_text", "content_hash", "text_chars");
    if (sortedSites.length == 0) {
      return stored.limit(0);
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(
        stored.sparkSession().sparkContext());
    Broadcast<long[]> sites = jsc.broadcast(sortedSites);
    Broadcast<long[]> hashes = jsc.broadcast(sortedHashes);
    return stored
        .filter((FilterFunction<Row>) r -> Arrays.binarySearch(sites.value(),
            siteKey(r.getString(r.fieldIndex("domain")))) >= 0)
        .map(new StripLines(hashes, stored.schema(), true), Encoders.row(stored.schema()))
        .filter(col("text").isNotNull()); // StripLines gives a null text when nothing changed
  }

  /** The key of a site in {@code boilerplate_pages} and {@code boilerplate_lines}. */
  public static long siteKey(String domain) {
    return BoilerplateLines.lineHash(BoilerplateLines.siteOf(domain), "");
  }

  private static void requireColumns(Dataset<Row> articles, String... columns) {
    StructType schema = articles.schema();
    for (String column : columns) {
      if (!Arrays.asList(schema.fieldNames()).contains(column)) {
        throw new IllegalArgumentException("site boilerplate: articles have no column '" + column
            + "' (columns: " + String.join(", ", schema.fieldNames()) + ")");
      }
    }
  }

  /** A page as its distinct lines, each with the page's key (its content hash, as a long). */
  private static final class PageLineKeys implements FlatMapFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    @Override
    public Iterator<Row> call(Row r) {
      String site = BoilerplateLines.siteOf(r.getString(0));
      String text = r.getString(2);
      long page = pageKey(r.getString(1), text);
      long siteKey = siteKey(r.getString(0));
      List<Row> out = new ArrayList<>();
      BoilerplateLines.Keys keys = r.size() > 3 && !r.isNullAt(3)
          ? new BoilerplateLines.Keys(longs(r.get(3)), ints(r.get(4)))
          : BoilerplateLines.keyLines(site, text);
      for (LineKey line : keys.distinct()) {
        out.add(RowFactory.create(siteKey, line.hash(), line.longLine(), page));
      }
      return out.iterator();
    }

    /** An array column's value: a Seq from Spark's decoder, the Java array a mapper made. */
    static long[] longs(Object value) {
      if (value instanceof long[] array) {
        return array;
      }
      return JavaConverters.seqAsJavaList((scala.collection.Seq<?>) value).stream()
          .mapToLong(v -> ((Number) v).longValue()).toArray();
    }

    static int[] ints(Object value) {
      if (value instanceof int[] array) {
        return array;
      }
      return JavaConverters.seqAsJavaList((scala.collection.Seq<?>) value).stream()
          .mapToInt(v -> ((Number) v).intValue()).toArray();
    }

    /** The first 64 bits of the content hash: enough to tell a site's pages apart. */
    private static long pageKey(String contentHash, String text) {
      if (contentHash != null && contentHash.length() >= 16) {
        try {
          return Long.parseUnsignedLong(contentHash.substring(0, 16), 16);
        } catch (NumberFormatException e) {
          // not hex: hash it like a line below
        }
      }
      return BoilerplateLines.lineHash("", contentHash != null ? contentHash
          : text == null ? "" : text);
    }
  }

  /**
   * Second pass: each row's text without its site's boilerplate lines. From {@code raw_text}
   * ({@code fromRaw}: an article stored by an earlier run, whose text is stripped again), a row
   * whose text stays as stored comes back with a null text.
   */
  private static final class StripLines implements MapFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final Broadcast<long[]> hashes;
    private final boolean fromRaw;
    private final int domain;
    private final int text;
    private final int rawText;
    private final int contentHash;
    private final int textChars;
    private final int lineHashes;

    StripLines(Broadcast<long[]> hashes, StructType schema, boolean fromRaw) {
      this.hashes = hashes;
      this.fromRaw = fromRaw;
      this.domain = schema.fieldIndex("domain");
      this.text = schema.fieldIndex("text");
      this.rawText = fromRaw ? schema.fieldIndex("raw_text") : -1;
      this.contentHash = schema.fieldIndex("content_hash");
      this.textChars = Arrays.asList(schema.fieldNames()).contains("text_chars")
          ? schema.fieldIndex("text_chars") : -1;
      this.lineHashes = !fromRaw && Arrays.asList(schema.fieldNames()).contains(LINE_HASHES)
          ? schema.fieldIndex(LINE_HASHES) : -1;
    }

    @Override
    public Row call(Row r) {
      // Ingestion's text: raw_text with each paragraph once (ArticleBuilder).
      String before = fromRaw ? RepeatedParagraphs.collapse(r.getString(rawText))
          : r.getString(text);
      String after = lineHashes >= 0 && !r.isNullAt(lineHashes)
          ? BoilerplateLines.strip(before, PageLineKeys.longs(r.get(lineHashes)),
              hashes.value())
          : BoilerplateLines.strip(BoilerplateLines.siteOf(r.getString(domain)), before,
              hashes.value());
      if (after == before && !fromRaw) {
        return r; // strip returns the same instance when nothing goes
      }
      Object[] values = new Object[r.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = r.get(i);
      }
      values[text] = fromRaw && java.util.Objects.equals(after, r.getString(text)) ? null : after;
      values[contentHash] = ArticleBuilder.contentHash(after);
      if (textChars >= 0) {
        values[textChars] = after.codePointCount(0, after.length());
      }
      return RowFactory.create(values);
    }
  }
}
